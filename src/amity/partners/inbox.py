"""Partners in the inbox: the follow-up actions promised at the interactions of the user's
branch, and the NGO registrations expiring of the partners its organization
holds (every one the centre sees, for the centre)."""

from django.db.models import Exists, OuterRef
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from amity.core.inbox import SOURCE_LIMIT, Item, register_source
from amity.core.scoping import branch_of
from amity.partners import services
from amity.partners.dashboard import branch_follow_ups_due, visible_through_partner
from amity.partners.models import NgoRegistration, RelationshipHolder


@register_source(kind="follow_up", label=_("Follow-up actions"), icon="check2-square", order=30)
def follow_ups(user, today):
    if not user.may_edit or user.organization is None:
        return []
    # The actions promised at the interactions of the user's organization and those under it:
    # at the centre, a department's own (the whole network's are not one person's to do). A
    # unit officer's panel shows the same: read once for both.
    return [
        Item(
            title=f"{row.action} — {row.interaction.partner}",
            url=row.get_absolute_url(),
            due_on=row.due_on,
            organization=row.interaction.organization,
            why=gettext("Promised at an interaction of your organization"),
        )
        for row in branch_follow_ups_due(user, today).rows
    ]


@register_source(
    kind="ngo_registration", label=_("NGO registrations expiring"), icon="alarm", order=31
)
def expiring_registrations(user, today):
    if not user.may_edit:
        return []
    expiring = visible_through_partner(NgoRegistration, user, services.expiring_filter(today))
    if not user.sees_everything:
        if user.organization is None or not user.organization.tree_path:
            return []  # `owned_within`'s rule: a branch of nothing holds nothing
        # asked of each expiring registration (a few, along their date's index) with EXISTS,
        # rather than listing every partner the branch holds first (16 ms of 100,000)
        holders = RelationshipHolder.objects.filter(
            partner=OuterRef("partner_id"), organization__any_of=branch_of(user.organization)
        )
        expiring = expiring.filter(Exists(holders))
    # the ids first, without the partner joined: joined, SQLite read every partner to find the
    # registrations of a few (30 ms of 100,000), then the few with their partner
    first = list(expiring.order_by("expires_on", "id").values_list("pk", flat=True)[:SOURCE_LIMIT])
    by_id = NgoRegistration.objects.select_related("partner").in_bulk(first) if first else {}
    rows = [by_id[pk] for pk in first]
    return [
        Item(
            # the partner is one the user sees (`visible_through_partner`): its name, without
            # reading which restricted partners the user may see
            title=f"{row.partner.display_name} — {row.number}",
            url=row.get_absolute_url(),
            due_on=row.expires_on,
            why=gettext("A partner your organization holds")
            if not user.sees_everything
            else gettext("Expires soon"),
        )
        for row in rows
    ]
