"""Proposals on the home page: those awaiting an answer from the user's department (or, at the
central Union, from any department), the overdue first. A count in one query, the first rows
with a LIMIT along the (status, due date) index."""

from datetime import date

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from amity.core.dashboard import (
    COUNT_CAP,
    ITEMS_SHOWN,
    capped_count,
    count_label,
    list_url,
    read_once,
    register_panel,
)
from amity.core.inbox import SOURCE_LIMIT
from amity.proposals.reminders import awaiting_response
from amity.proposals.services import awaiting_answer_from, awaiting_approval, may_approve


def first_dated_awaiting(user, awaiting) -> list:
    """The first SOURCE_LIMIT dated proposals of `awaiting` (`awaiting_answer_from(user)`), the
    soonest due first, with their organization and addressee: read once for the inbox's source
    and this panel, which shows the first of them. The ids are sorted first, so that the sort
    (no index gives this order across the open answer states) handles narrow rows."""

    def read() -> list:
        ordered = awaiting.exclude(due_on=None).order_by("due_on", "id")
        first = list(ordered.values_list("pk", flat=True)[:SOURCE_LIMIT])
        related = ordered.model.objects.select_related("organization", "addressed_to")
        by_id = related.in_bulk(first)
        return [by_id[pk] for pk in first]

    return read_once(("proposals.dated_awaiting", user.pk), read)


@register_panel(
    key="proposals.awaiting_answer",
    title=_("Proposals awaiting your answer"),
    template="proposals/dashboard_awaiting.html",
    order=15,
    icon="chat-square-text",
)
def awaiting_answer(request):
    awaiting = awaiting_answer_from(request.user)
    if awaiting is None:
        return None
    today = date.today()
    count = capped_count(awaiting)
    if not count:
        return None
    overdue = capped_count(awaiting.overdue(today))
    rows = first_dated_awaiting(request.user, awaiting)[:ITEMS_SHOWN]
    return {
        "count": count,
        "cap": COUNT_CAP,
        "overdue": overdue,
        "overdue_label": count_label(overdue),
        "tone": "danger" if overdue else "warning",
        "rows": rows,
        "today": today,
        "see_all": list_url("proposals:proposal_list", open="true"),
        "see_overdue": list_url("proposals:proposal_list", overdue="true"),
    }


@register_panel(
    key="proposals.consultations_awaiting",
    title=_("Consultations awaiting your opinion"),
    template="proposals/dashboard_consultations.html",
    order=20,
    icon="ui-checks-grid",
)
def consultations_awaiting(request):
    """The in-app side of the consultation reminders (`proposals_reminders` e-mails them)."""
    user = request.user
    if not user.may_edit or user.organization is None:
        return None
    awaiting = awaiting_response(user.organization, limit=ITEMS_SHOWN + 1)
    if not awaiting:
        return None
    return {
        "count": len(awaiting),
        "cap": ITEMS_SHOWN,
        "rows": awaiting[:ITEMS_SHOWN],
        "see_all": reverse("proposals:consultation_list"),
        "tone": "danger" if any(row.overdue for row in awaiting) else "warning",
    }


@register_panel(
    key="proposals.answers_to_approve",
    title=_("Answers awaiting your approval"),
    template="proposals/dashboard_approvals.html",
    order=16,
    icon="check2-square",
)
def answers_to_approve(request):
    """For a leader: the drafted answers to approve or send back, the soonest due first."""
    if not may_approve(request.user):
        return None
    awaiting = awaiting_approval()
    count = capped_count(awaiting)
    if not count:
        return None
    rows = awaiting.select_related("organization", "addressed_to")[:ITEMS_SHOWN]
    return {
        "count": count,
        "cap": COUNT_CAP,
        "rows": list(rows),
        "today": date.today(),
        "see_all": reverse("proposals:approvals"),
        "tone": "warning",
    }
