"""Proposals on the home page: those awaiting an answer from the user's department (or, at the
central Union, from any department), the overdue first. A count in one query, the first rows
with a LIMIT along the (status, due date) index."""

from datetime import date

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from amity.core.dashboard import ITEMS_SHOWN, register_panel
from amity.organizations.models import Organization
from amity.partners.dashboard import COUNT_CAP, capped_count, count_label, list_url
from amity.proposals.models import Proposal


def awaiting_for(user):
    """Open proposals without a published answer addressed to, or handled by, a department
    in the user's branch; None for a user with no such department."""
    home = user.organization
    if home is None or not home.tree_path:
        return None
    departments = Organization.objects.filter(
        tree_path__startswith=home.tree_path, kind="standing_unit"
    ).values("pk")
    return Proposal.objects.awaiting_answer().filter(
        Q(addressed_to__in=departments) | Q(responsible_department__in=departments)
    )


@register_panel(
    key="proposals.awaiting_answer",
    title=_("Proposals awaiting your answer"),
    template="proposals/dashboard_awaiting.html",
    order=15,
    icon="chat-square-text",
)
def awaiting_answer(request):
    awaiting = awaiting_for(request.user)
    if awaiting is None:
        return None
    today = date.today()
    count = capped_count(awaiting)
    if not count:
        return None
    overdue = capped_count(awaiting.overdue(today))
    rows = awaiting.exclude(due_on=None).order_by("due_on", "id")
    rows = rows.select_related("organization", "addressed_to")[:ITEMS_SHOWN]
    return {
        "count": count,
        "cap": COUNT_CAP,
        "overdue": overdue,
        "overdue_label": count_label(overdue),
        "tone": "danger" if overdue else "warning",
        "rows": list(rows),
        "today": today,
        "see_all": list_url("proposals:proposal_list", open="true"),
        "see_overdue": list_url("proposals:proposal_list", overdue="true"),
    }
