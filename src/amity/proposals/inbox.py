"""Proposals in the inbox: those awaiting an answer from the user's departments, the drafted
answers awaiting a leader's approval, and the consultations awaiting the organization's
opinion (the dashboard panels' queries)."""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from amity.core.inbox import SOURCE_LIMIT, Item, register_source
from amity.proposals.dashboard import first_dated_awaiting
from amity.proposals.reminders import awaiting_response
from amity.proposals.services import awaiting_answer_from, awaiting_approval, may_approve


@register_source(
    kind="proposal_to_answer", label=_("Proposals to answer"), icon="chat-square-text", order=20
)
def proposals_to_answer(user, today):
    if not user.may_edit:
        return []
    awaiting = awaiting_answer_from(user)
    if awaiting is None:
        return []
    # The dated ones first, then the undated: two reads in one order on both databases (NULLs
    # sort first on SQLite and last on PostgreSQL), each along an index with a LIMIT.
    rows = list(first_dated_awaiting(user, awaiting))  # the panel's rows too
    if len(rows) < SOURCE_LIMIT:
        undated = awaiting.select_related("organization").filter(due_on=None)
        undated = undated.order_by("-raised_on", "-id")
        rows += undated[: SOURCE_LIMIT - len(rows)]
    return [
        Item(
            title=str(proposal),
            url=proposal.get_absolute_url(),
            due_on=proposal.due_on,
            organization=proposal.organization,
            why=gettext("Addressed to your department"),
        )
        for proposal in rows
    ]


@register_source(
    kind="answer_to_approve", label=_("Answers to approve"), icon="check2-square", order=21
)
def answers_to_approve(user, today):
    if not may_approve(user):
        return []
    rows = awaiting_approval().exclude(answer_drafted_by=user).select_related("organization")
    return [
        Item(
            title=str(proposal),
            url=proposal.get_absolute_url(),
            due_on=proposal.due_on,
            organization=proposal.organization,
            why=gettext("A drafted answer awaits a leader's approval"),
        )
        for proposal in rows[:SOURCE_LIMIT]
    ]


@register_source(
    kind="consultation", label=_("Consultations to respond to"), icon="ui-checks-grid", order=22
)
def consultations(user, today):
    if not user.may_edit or user.organization is None:
        return []
    return [
        Item(
            title=str(awaiting.consultation),
            url=awaiting.url,
            due_on=awaiting.consultation.deadline,
            organization=user.organization,
            why=gettext("Your organization's opinion is asked"),
        )
        for awaiting in awaiting_response(user.organization, today, limit=SOURCE_LIMIT)
    ]
