"""Agreements in the inbox: those of the user's scope expiring within BOARD_DAYS and their
reviews due within REVIEW_DAYS (the dashboard panel's queries), and the commitments its branch
owes within COMMITMENT_DAYS or has let pass."""

from datetime import timedelta

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from amity.agreements.choices import OPEN_COMMITMENTS, RUNNING
from amity.agreements.dashboard import REVIEW_DAYS
from amity.agreements.filtersets.agreements import BOARD_DAYS, expiring_within
from amity.agreements.models import Agreement, Commitment, Review
from amity.core.inbox import SOURCE_LIMIT, Item, register_source
from amity.core.scoping import branch_of

COMMITMENT_DAYS = 30


@register_source(
    kind="agreement_expiring", label=_("Agreements expiring"), icon="hourglass-split", order=40
)
def agreements_expiring(user, today):
    if not user.may_edit:
        return []
    expiring = expiring_within(Agreement.objects.visible_to(user), BOARD_DAYS)
    return [
        Item(
            title=str(agreement),
            url=agreement.get_absolute_url(),
            due_on=agreement.ends_on,
            why=gettext("Renew it or let it end"),
        )
        for agreement in expiring.order_by("ends_on", "id")[:SOURCE_LIMIT]
    ]


@register_source(
    kind="agreement_review", label=_("Agreement reviews"), icon="calendar-check", order=41
)
def reviews_due(user, today):
    if not user.may_edit:
        return []
    visible = Agreement.objects.visible_to(user).filter(status__in=RUNNING)
    reviews = Review.objects.filter(
        agreement__in=visible,
        held_on__isnull=True,
        due_on__gte=today,
        due_on__lte=today + timedelta(days=REVIEW_DAYS),
    )
    return [
        Item(
            title=str(review.agreement),
            url=review.get_absolute_url(),
            due_on=review.due_on,
            why=gettext("A review of the agreement is due"),
        )
        for review in reviews.select_related("agreement").order_by("due_on", "id")[:SOURCE_LIMIT]
    ]


@register_source(kind="commitment", label=_("Commitments due"), icon="list-check", order=42)
def commitments_due(user, today):
    if not user.may_edit or user.organization is None:
        return []
    due = Commitment.objects.filter(
        status__in=OPEN_COMMITMENTS,
        due_on__lte=today + timedelta(days=COMMITMENT_DAYS),
        organization__any_of=branch_of(user.organization),
    )
    rows = due.select_related("organization").order_by("due_on", "id")[:SOURCE_LIMIT]
    return [
        Item(
            title=str(commitment),
            url=commitment.get_absolute_url(),
            due_on=commitment.due_on,
            organization=commitment.organization,
            why=gettext("Your organization is responsible for it"),
        )
        for commitment in rows
    ]
