"""The letterhead of a document an organization issues (`core.letterhead.Letterhead`): its
governing body, its name and abbreviation, its place, and who signs for it. Every app that
writes a document (reports, compiled opinions) asks here, so that all of them read the same."""

from datetime import date

from django.db.models import Q
from django.utils import timezone

from amity.core.letterhead import Letterhead, abbreviation_of
from amity.organizations.choices import PositionTitle
from amity.organizations.models import Organization, Position


def letterhead_of(
    organization: Organization,
    *,
    symbol: str = "BC",
    on: date | None = None,
    recipients: list[str] | None = None,
) -> Letterhead:
    """The letterhead of a document `organization` issues on `on` (today by default)."""
    on = on or timezone.localdate()
    parent = organization.parent if organization.parent_id else None
    head = Letterhead(
        issuer=organization.display_name,
        parent=parent.display_name if parent else "",
        on=on,
        place=place_of(organization),
        symbol=symbol,
        abbreviation=abbreviation_of(organization.name, organization.short_name),
        recipients=list(recipients or []),
    )
    president = current_president(organization, on)
    if president is not None:
        head.signer_position = president.title_detail or president.get_title_display()
        head.signer_name = str(president.person)
    return head


def place_of(organization: Organization) -> str:
    """The province of the organization, or of the nearest organization above it that has one
    (a department of the central Union writes from Hà Nội)."""
    ids = [organization.pk, *reversed(organization.ancestor_ids())]
    located = {
        org.pk: org.province
        for org in Organization.objects.filter(pk__in=ids, province__isnull=False).select_related(
            "province"
        )
    }
    for pk in ids:
        if pk in located:
            return located[pk].display_name
    return ""


def current_president(organization: Organization, on: date) -> Position | None:
    """The president of `organization` in office on `on`, who signs its documents."""
    return (
        Position.objects.filter(
            organization=organization, title=PositionTitle.PRESIDENT, started_on__lte=on
        )
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gte=on))
        .select_related("person")
        .order_by("-started_on")
        .first()
    )
