"""Reminders to the officers of organizations, by e-mail through Django's e-mail backend.

A domain decides what each organization is to be reminded of (a report due, a consultation to
answer) and writes it as `Reminder`s in the language of the system; this module finds the
officers of each organization who have an e-mail address and sends them the reminder. What the
officers see in the application itself is the domain's dashboard panel.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.core.mail import send_mail

from amity.core.roles import Role

#: the roles that receive the reminders of their organization: those who may act on them
OFFICER_ROLES = (Role.UNIT_OFFICER,)


@dataclass
class Reminder:
    """What one organization's officers are reminded of: a subject and the lines of the body."""

    organization_id: int
    subject: str
    lines: list[str] = field(default_factory=list)

    @property
    def body(self) -> str:
        return "\n".join(self.lines)


def officer_emails(organization_ids=None, roles=OFFICER_ROLES) -> dict[int, list[str]]:
    """Organization id → the e-mail addresses of its active officers (in `roles`): one query."""
    users = get_user_model().objects
    officers = users.filter(role__in=roles, is_active=True, organization__isnull=False)
    if organization_ids is not None:
        officers = officers.filter(organization__in=list(organization_ids))
    by_organization: dict[int, list[str]] = {}
    rows = officers.exclude(email="").order_by("organization_id", "email")
    for organization_id, email in rows.values_list("organization_id", "email"):
        by_organization.setdefault(organization_id, []).append(email)
    return by_organization


def send_reminders(
    reminders: Iterable[Reminder], recipients: dict[int, list[str]], *, dry_run: bool = False
) -> list[Reminder]:
    """Send each reminder to the officers of its organization (one e-mail per organization,
    every officer an addressee); the reminders sent (or, on a dry run, to send)."""
    sent = []
    for reminder in reminders:
        addresses = recipients.get(reminder.organization_id)
        if not addresses:
            continue
        if not dry_run:
            send_mail(reminder.subject, reminder.body, None, addresses)
        sent.append(reminder)
    return sent
