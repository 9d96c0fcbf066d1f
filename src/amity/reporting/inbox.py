"""Reports in the inbox: those the user's organization has to fill or correct, and those sent
in by the organizations under it for the user to review."""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from amity.core.inbox import SOURCE_LIMIT, Item, register_source
from amity.core.scoping import branch_of
from amity.reporting.choices import SubmissionState
from amity.reporting.models import Submission
from amity.reporting.reminders import due_for


def _acts_for_organization(user) -> bool:
    return user.may_edit and user.organization is not None


@register_source(kind="report_to_fill", label=_("Reports to fill"), icon="clipboard", order=10)
def reports_to_fill(user, today):
    """The periods the organization still owes a report for (the reminders' rule), and the
    reports sent back for correction, whatever their deadline."""
    if not _acts_for_organization(user) or user.sees_everything:
        return []
    items = []
    for due in due_for(user.organization, today, limit=SOURCE_LIMIT):
        returned = due.submission is not None and due.submission.state == SubmissionState.RETURNED
        if returned:
            continue  # listed below, with why
        items.append(
            Item(
                title=str(due.period),
                url=due.url,
                due_on=due.period.deadline,
                organization=user.organization,
                why=gettext("Your organization's report"),
            )
        )
    returned = (
        Submission.objects.filter(organization=user.organization, state=SubmissionState.RETURNED)
        .select_related("period__form", "organization")
        .order_by("period__deadline", "id")[:SOURCE_LIMIT]
    )
    items += [
        Item(
            title=str(submission.period),
            url=submission.get_absolute_url(),
            due_on=submission.period.deadline,
            organization=submission.organization,
            why=gettext("Sent back for correction"),
        )
        for submission in returned
    ]
    return items


@register_source(
    kind="report_to_review", label=_("Reports to review"), icon="clipboard-check", order=11
)
def reports_to_review(user, today):
    """The reports sent in that the user may review (`services.may_review`'s rule): every one
    for the centre, those of the organizations under it for a Union."""
    if not _acts_for_organization(user) and not user.edits_everything:
        return []
    submitted = Submission.objects.filter(state=SubmissionState.SUBMITTED)
    if not user.edits_everything:
        home = user.organization
        submitted = submitted.filter(organization__any_of=branch_of(home)).exclude(
            organization=home
        )
    rows = submitted.select_related("period__form", "organization").order_by(
        "period__deadline", "id"
    )[:SOURCE_LIMIT]
    return [
        Item(
            title=str(submission.period),
            url=submission.get_absolute_url(),
            due_on=submission.period.deadline,
            organization=submission.organization,
            why=gettext("Sent in for your review"),
        )
        for submission in rows
    ]
