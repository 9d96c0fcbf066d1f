"""Reports due: what the dashboard panel shows and what the reminders command sends.

An organization is reminded of a period of a form it must fill, open for reporting, whose
deadline is within `REMIND_BEFORE_DAYS` days or has passed (while the period is not locked),
and for which it has not submitted.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Q
from django.utils import timezone

from amity.reporting.choices import EDITABLE_STATES, SubmissionState
from amity.reporting.models import Period, Submission

REMIND_BEFORE_DAYS = 7


@dataclass
class Due:
    period: Period
    submission: Submission | None

    @property
    def overdue(self) -> bool:
        return timezone.localdate() > self.period.closes_on

    @property
    def url(self) -> str:
        if self.submission is not None:
            return self.submission.get_absolute_url()
        return self.period.get_absolute_url()


def periods_due(today: date | None = None):
    today = today or timezone.localdate()
    return Period.objects.filter(
        locked=False, opens_on__lte=today, deadline__lte=today + timedelta(days=REMIND_BEFORE_DAYS)
    ).select_related("form__organization")


def still_to_report(periods, organization):
    """The `periods` of a form assigned to `organization` (by its kind or by name) for which it
    has sent in no report yet. The report sent in is the organization's own: a filter on
    `submissions__organization` and `submissions__state` in one exclude() would ask of any two
    submissions (Ha Noi's draft, another Union's approved report) and hide the period."""
    sent_in = Submission.objects.filter(
        organization=organization, state__in=(SubmissionState.SUBMITTED, SubmissionState.APPROVED)
    )
    return (
        periods.filter(
            Q(form__assigned_kinds__contains=organization.kind)
            | Q(form__assigned_organizations=organization)
        )
        .exclude(pk__in=sent_in.values("period_id"))
        .distinct()
    )


def due_for(organization, today: date | None = None, limit: int = 50) -> list[Due]:
    """The periods `organization` still has to report on, soonest deadline first."""
    if organization is None:
        return []
    periods = still_to_report(periods_due(today), organization).order_by("deadline")[:limit]
    periods = [
        p for p in periods if organization.tree_path.startswith(p.form.organization.tree_path)
    ]
    drafts = {
        s.period_id: s
        for s in Submission.objects.filter(
            organization=organization, period__in=periods, state__in=EDITABLE_STATES
        )
    }
    return [Due(period, drafts.get(period.pk)) for period in periods]
