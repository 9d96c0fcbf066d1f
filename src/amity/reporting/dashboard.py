"""Reports due on the home page: the periods the user's organization still has to report on."""

from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from amity.core.dashboard import ITEMS_SHOWN, register_headline, register_panel
from amity.reporting.choices import EDITABLE_STATES
from amity.reporting.models import Period, Submission
from amity.reporting.reminders import due_for, still_to_report


@register_headline(order=10)
def report_to_write(request):
    """A unit officer's report of the open period with the soonest deadline, not yet sent in:
    "Your report for the second half of 2026 is due on 15/01/2027", and a link to start it or
    go on with the draft."""
    user = request.user
    organization = user.organization
    if not user.may_edit or user.sees_everything or organization is None:
        return None
    today = timezone.localdate()
    open_periods = (
        still_to_report(Period.objects.filter(locked=False, opens_on__lte=today), organization)
        .select_related("form__organization")
        .order_by("deadline", "id")
    )
    period = next(
        (
            p
            for p in open_periods[:ITEMS_SHOWN]
            if organization.tree_path.startswith(p.form.organization.tree_path)
        ),
        None,
    )
    if period is None:
        return None
    draft = Submission.objects.filter(
        organization=organization, period=period, state__in=EDITABLE_STATES
    ).first()
    late = today > period.closes_on
    text = gettext("Your report for the period “%(period)s” (%(form)s) is due on %(date)s.") % {
        "period": period.label,
        "form": period.form,
        "date": formats.date_format(period.deadline, "SHORT_DATE_FORMAT"),
    }
    return {
        "text": text,
        "url": draft.get_absolute_url() if draft else period.get_absolute_url(),
        "action": gettext("Continue the report") if draft else gettext("Start the report"),
        "tone": "danger" if late else "primary",
        "icon": "clipboard-check",
    }


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
