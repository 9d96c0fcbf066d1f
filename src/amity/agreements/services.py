"""What agreements do beyond their records: the agreement page's lists, the parties'
agreements, the daily step that renews or expires them by their dates, and the reminders before
their expiry and at their review dates."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _
from simple_history.utils import bulk_update_with_history

from amity.agreements.choices import RUNNING, AgreementStatus
from amity.agreements.models import Agreement, Review
from amity.agreements.models.agreements import EXPIRY_REMINDER_DAYS, follow_the_date
from amity.core.writes import Writer

#: the days before a review on which its parties are reminded (and on the day itself)
REVIEW_REMINDER_DAYS = (7, 0)
#: the agreements a tab or an agency's page lists before its "see all" link
LISTED = 50


def party_to(agreements, organization):
    """`agreements` of which `organization` is a party of ours, the lead one or another."""
    others = Agreement.other_organizations.through.objects.filter(organization=organization)
    return agreements.filter(Q(organization=organization) | Q(pk__in=others.values("agreement_id")))


def listed(agreements) -> list:
    """The first agreements of a tab, the latest signed first, with their lead party."""
    return list(agreements.select_related("organization")[:LISTED])


@dataclass
class DoneUnder:
    """One thing carried out under an agreement, as its page lists it."""

    kind: str
    on: date | None
    record: object


def done_under(agreement, user) -> list[DoneUnder]:
    """The interactions, events and aid activities carried out under `agreement` that `user`
    sees, the latest first: three queries."""
    from amity.aid.models import Activity
    from amity.events.models import Event
    from amity.partners.models import Interaction

    interactions = Interaction.objects.visible_to(user).filter(agreements=agreement)
    events = Event.objects.visible_to(user).filter(agreements=agreement)
    activities = Activity.objects.visible_to(user).filter(agreements=agreement)
    rows = [
        *(
            DoneUnder(_("Interaction"), item.occurred_on, item)
            for item in interactions.select_related("partner", "organization")
        ),
        *(DoneUnder(_("Event"), item.start, item) for item in events),
        *(
            DoneUnder(_("Aid activity"), item.actual_start or item.planned_start, item)
            for item in activities.select_related("reporting_org")
        ),
    ]
    return sorted(rows, key=lambda row: row.on or date.min, reverse=True)


def agreement_page(agreement, user) -> dict:
    """What an agreement's page shows besides its fields."""
    commitments = agreement.commitments.select_related("organization", "person")
    return {
        "other_organizations": list(agreement.other_organizations.all()),
        "partners": list(agreement.partners.select_related("country")),
        "agencies": list(agreement.agencies.all()),
        "signers": list(agreement.signers.all()),
        "files": list(agreement.files.all()),
        "reviews": list(agreement.reviews.all()),
        "commitments": list(commitments.order_by("due_on", "pk")),
        "done_under": done_under(agreement, user),
    }


# --- the dates ------------------------------------------------------------------------------------


def follow_the_dates(today: date, user=None) -> tuple[int, int]:
    """Renew (automatic renewal) or expire every running agreement whose expiry has passed,
    with a history row each; (renewed, expired). Run daily by `agreements_reminders`."""
    due = list(Agreement.objects.filter(status__in=RUNNING, ends_on__lt=today))
    renewed = expired = 0
    for agreement in due:
        follow_the_date(agreement, today)
        agreement.version += 1
        if agreement.status == AgreementStatus.EXPIRED:
            expired += 1
        else:
            renewed += 1
    if due:
        with transaction.atomic():
            bulk_update_with_history(
                due, Agreement, ["status", "ends_on", "version"], default_user=user
            )
    return renewed, expired


@dataclass
class Due:
    """An agreement's date its parties are reminded of: its expiry or a review."""

    agreement: Agreement
    kind: str  # "expiry" or "review"
    on: date
    days: int

    @property
    def line(self) -> str:
        if self.kind == "expiry":
            text = _("%(agreement)s expires on %(day)s (in %(days)s days).")
        elif self.days:
            text = _("%(agreement)s is to be reviewed on %(day)s (in %(days)s days).")
        else:
            text = _("%(agreement)s is to be reviewed today, %(day)s.")
        return text % {"agreement": self.agreement, "day": f"{self.on:%d/%m/%Y}", "days": self.days}


def due_on(today: date) -> list[Due]:
    """The running agreements expiring 90, 30 or 7 days from `today`, and the reviews not yet
    held 7 days from it or on it: what the daily reminder tells the parties."""
    expiry_days = [today + timedelta(days=days) for days in EXPIRY_REMINDER_DAYS]
    expiring = Agreement.objects.filter(status__in=RUNNING, ends_on__in=expiry_days)
    due = [
        Due(agreement, "expiry", ends_on, (ends_on - today).days)
        for agreement in expiring.order_by("ends_on", "pk")
        if (ends_on := agreement.ends_on) is not None  # the filter says so; the type does not
    ]
    review_days = [today + timedelta(days=days) for days in REVIEW_REMINDER_DAYS]
    reviews = Review.objects.filter(
        due_on__in=review_days,
        held_on__isnull=True,
        agreement__deleted_at__isnull=True,
        agreement__status__in=RUNNING,
    ).select_related("agreement")
    due += [
        Due(review.agreement, "review", review.due_on, (review.due_on - today).days)
        for review in reviews.order_by("due_on", "pk")
    ]
    return due


def parties_of(agreements) -> dict[int, set[int]]:
    """Agreement id → the ids of its organizations of ours: two queries."""
    parties = {agreement.pk: {agreement.organization_id} for agreement in agreements}
    links = Agreement.other_organizations.through.objects.filter(agreement_id__in=list(parties))
    for agreement_id, organization_id in links.values_list("agreement_id", "organization_id"):
        parties[agreement_id].add(organization_id)
    return parties


# --- the writers ----------------------------------------------------------------------------------


class AgreementFileWriter(Writer):
    """The last signed copy of a signed or in-force agreement is kept: the agreement's own rule
    (a signed agreement has a signed file) would be broken by its change or its deletion."""

    def change_refusal(self, record, user) -> str | None:
        agreement = record.agreement
        if not record.is_signed or agreement.status not in RUNNING:
            return None
        others = agreement.files.filter(is_signed=True).exclude(pk=record.pk)
        if others.exists():
            return None
        return _(
            "This is the only signed copy of an agreement that is signed or in force: add "
            "another signed copy before changing or deleting it."
        )
