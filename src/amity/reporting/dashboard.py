"""Reports due on the home page: the periods the user's organization still has to report on."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from amity.core.dashboard import ITEMS_SHOWN, register_panel
from amity.reporting.reminders import due_for


@register_panel(
    title=_("Reports due"),
    template="reporting/dashboard_due.html",
    order=65,
    icon="clipboard-check",
)
def reports_due(request):
    user = request.user
    if not user.may_edit or user.organization is None:
        return None
    due = due_for(user.organization, limit=ITEMS_SHOWN + 1)
    if not due:
        return None
    return {
        "count": len(due),
        "rows": due[:ITEMS_SHOWN],
        "cap": ITEMS_SHOWN,
        "see_all": reverse("reporting:period_list"),
        "tone": "danger" if any(row.overdue for row in due) else "warning",
    }
