"""Consultations awaiting an organization's response: what the dashboard panel shows and what
the `proposals_reminders` command sends.

An organization asked for its opinion and without a response is reminded every day from
`remind_days_before` days before the deadline to the deadline itself, and told once, in the
`AFTER_DEADLINE_DAYS` after it, that the consultation closed without its response. A
consultation is reminded at most once a day (`Consultation.last_reminded_on`), however often
the command runs.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from amity.core.reminders import Reminder
from amity.proposals.choices import ConsultationStatus
from amity.proposals.models import Consultation, ConsultationResponse

#: the days after the deadline within which the one "closed without your response" is sent
AFTER_DEADLINE_DAYS = 7
BEFORE, AFTER = "before", "after"


@dataclass
class Awaiting:
    """A consultation an organization has still to answer (or has just missed)."""

    consultation: Consultation
    today: date

    @property
    def overdue(self) -> bool:
        return self.today > self.consultation.deadline

    @property
    def due_soon(self) -> bool:
        days_left = (self.consultation.deadline - self.today).days
        return days_left <= self.consultation.remind_days_before

    @property
    def url(self):
        return self.consultation.get_absolute_url()


def awaiting_response(organization, today: date | None = None, limit: int = 50) -> list[Awaiting]:
    """The open consultations that asked `organization` for its opinion and have no response
    from it, the soonest deadline first, with those closed in the last AFTER_DEADLINE_DAYS."""
    if organization is None:
        return []
    today = today or timezone.localdate()
    consultations = (
        Consultation.objects.filter(
            status=ConsultationStatus.OPEN,
            opens_on__lte=today,
            deadline__gte=today - timedelta(days=AFTER_DEADLINE_DAYS),
            organizations_asked=organization,
        )
        .exclude(
            pk__in=ConsultationResponse.objects.filter(organization=organization).values(
                "consultation"
            )
        )
        .order_by("deadline", "id")[:limit]
    )
    return [Awaiting(consultation, today) for consultation in consultations]


def reminder_kind(consultation: Consultation, today: date) -> str:
    """BEFORE, AFTER, or "" when no reminder of `consultation` is due on `today`."""
    if consultation.status != ConsultationStatus.OPEN or consultation.opens_on > today:
        return ""
    if consultation.last_reminded_on == today:
        return ""
    days_left = (consultation.deadline - today).days
    if 0 <= days_left <= consultation.remind_days_before:
        return BEFORE
    told_after = consultation.last_reminded_on is not None and (
        consultation.last_reminded_on > consultation.deadline
    )
    if -AFTER_DEADLINE_DAYS <= days_left < 0 and not told_after:
        return AFTER
    return ""


def consultations_to_remind(today: date):
    """The consultations that may have a reminder due on `today` (reminder_kind decides)."""
    return Consultation.objects.filter(
        status=ConsultationStatus.OPEN,
        opens_on__lte=today,
        deadline__gte=today - timedelta(days=AFTER_DEADLINE_DAYS),
    ).exclude(last_reminded_on=today)


def claim(consultation: Consultation, today: date) -> bool:
    """Mark `consultation` reminded on `today`; False when another run already has, so that two
    runs on the same day (or at the same time) never remind twice."""
    claimed = (
        Consultation.objects.filter(pk=consultation.pk)
        .filter(Q(last_reminded_on__isnull=True) | ~Q(last_reminded_on=today))
        .update(last_reminded_on=today)
    )
    return bool(claimed)


def late_organizations(consultation: Consultation) -> list:
    """The organizations asked that have not responded, in the order of the tree."""
    answered = consultation.responses.values("organization")
    return list(consultation.organizations_asked.exclude(pk__in=answered).order_by("tree_path"))


def reminders_for(consultation: Consultation, kind: str, base_url: str = "") -> list[Reminder]:
    """The reminder of each late organization (in the active language)."""
    names = {
        "consultation": str(consultation),
        "document": consultation.document,
        "deadline": f"{consultation.deadline:%d/%m/%Y}",
        "runner": str(consultation.organization),
        "url": base_url + consultation.get_absolute_url(),
    }
    reminders = []
    for organization in late_organizations(consultation):
        values = {**names, "organization": str(organization)}
        if kind == BEFORE:
            subject = _("Amity: your opinion on %(consultation)s is due on %(deadline)s") % values
            lines = [
                _(
                    "%(organization)s has not yet sent its response to the consultation "
                    "“%(consultation)s” on %(document)s."
                )
                % values,
                _("The deadline is %(deadline)s.") % values,
                _("Send the response here: %(url)s") % values,
            ]
        else:
            subject = _("Amity: the consultation %(consultation)s closed without your response")
            subject %= values
            lines = [
                _(
                    "The consultation “%(consultation)s” on %(document)s closed on %(deadline)s "
                    "without a response from %(organization)s."
                )
                % values,
                _("Contact %(runner)s if your opinion is still to be taken into account.") % values,
                _("The consultation: %(url)s") % values,
            ]
        reminders.append(Reminder(organization.pk, subject, lines))
    return reminders
