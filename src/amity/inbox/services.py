"""The one way to tell a user that something became theirs: `notify(...)`, called by the
domains' services (the one write path) after the step that made it theirs, never by a signal.

    notify(officers_of([submission.organization_id]), Kind.RETURNED,
           gettext_noop("Your report “%(report)s” was sent back for correction."),
           {"report": str(submission)}, submission.get_absolute_url())

The message is an English message id marked with `gettext_noop` (and translated in the
catalogue), read in each reader's language. The e-mails are sent by a background task once
the transaction commits (`tasks.email_notifications`), never in the request, or gathered in the
daily digest (`emails.send_digest`), as each user chose (`NotificationPreference`).
"""

from collections.abc import Iterable
from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_noop

from amity.core.roles import Role
from amity.inbox.models import Delivery, Kind, Notification, NotificationPreference
from amity.inbox.tasks import email_notifications

#: the longest a stored parameter may be (a title): a notification is a line, not a document
PARAM_CHARS = 200


# --- who to tell ---------------------------------------------------------------------------------


def _active_users():
    return get_user_model().objects.filter(is_active=True)


def officers_of(organization_ids: Iterable[int | None]) -> list:
    """The active officers (unit or central) whose home is one of the organizations: those who
    act for it."""
    ids = {pk for pk in organization_ids if pk}
    if not ids:
        return []
    roles = (Role.UNIT_OFFICER, Role.CENTRAL_OFFICER)
    return list(_active_users().filter(role__in=roles, organization__in=ids))


def central_officers() -> list:
    """The active central officers, wherever in the central Union they sit."""
    return list(_active_users().filter(role=Role.CENTRAL_OFFICER))


def centre() -> list:
    """The users who edit everything (central officers, system administrators)."""
    roles = (Role.CENTRAL_OFFICER, Role.SYSTEM_ADMIN)
    return list(_active_users().filter(Q(role__in=roles) | Q(is_superuser=True)))


def leaders() -> list:
    """The centre's users whom the administrator marked as leaders who approve answers."""
    return [user for user in centre() if user.may_approve_answers]


# --- telling them --------------------------------------------------------------------------------


def _clean_params(params: dict | None) -> dict:
    """Each value as a line of text: cut to PARAM_CHARS, without NUL (a JSON column on
    PostgreSQL refuses it, and no title needs it)."""
    return {
        key: str(value).replace("\x00", "")[:PARAM_CHARS] for key, value in (params or {}).items()
    }


def notify(
    recipients: Iterable,
    kind: str,
    message: str,
    params: dict | None = None,
    url: str = "",
    *,
    by=None,
) -> list[Notification]:
    """Tell each recipient (never `by`, who did it and knows): one notification each, in one
    query, and their immediate e-mails queued once the transaction commits."""
    users = {user.pk: user for user in recipients if user is not None and user.is_active}
    if by is not None:
        users.pop(by.pk, None)
    if not users:
        return []
    stored = _clean_params(params)
    notifications = Notification.objects.bulk_create(
        Notification(recipient_id=pk, kind=kind, message=message, params=stored, url=url[:500])
        for pk in sorted(users)
    )
    immediate = set(
        NotificationPreference.objects.filter(
            user__in=list(users), email=Delivery.IMMEDIATE
        ).values_list("user_id", flat=True)
    )
    ids = [item.pk for item in notifications if item.recipient_id in immediate]
    if ids:
        transaction.on_commit(lambda: _enqueue(ids))
    return notifications


def _enqueue(ids: list[int]) -> None:
    email_notifications.enqueue(ids)


# --- reading them --------------------------------------------------------------------------------


def unread_count(user) -> int:
    """The bell's figure: one COUNT along notification_unread_idx."""
    if not user.is_authenticated:
        return 0
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def mark_read(user, ids: Iterable[int] | None = None) -> int:
    """Mark the user's notifications read (those of `ids`, or all); another's are untouched."""
    unread = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if ids is not None:
        unread = unread.filter(pk__in=list(ids))
    return unread.update(read_at=timezone.now())


def preference_of(user) -> NotificationPreference:
    """The user's preference, or the default one (a daily digest), unsaved."""
    found = NotificationPreference.objects.filter(user=user).first()
    return found or NotificationPreference(user=user)


# --- due soon ------------------------------------------------------------------------------------

#: an item of the inbox is announced this many days before it is due, and on the day
DUE_SOON_NOTICE_DAYS = (7, 0)


def notify_due_soon(today: date) -> int:
    """Tell each officer the items of their inbox due in DUE_SOON_NOTICE_DAYS days: run once a
    day by the scheduler, so an item is announced a week before and on the day, not daily."""
    from amity.core.inbox import inbox_of

    days = {today + timedelta(days=offset) for offset in DUE_SOON_NOTICE_DAYS}
    roles = (Role.UNIT_OFFICER, Role.CENTRAL_OFFICER)
    told = 0
    for user in _active_users().filter(role__in=roles).select_related("organization"):
        for item in inbox_of(user, today).items:
            if item.due_on in days:
                notify(
                    [user],
                    Kind.DUE_SOON,
                    gettext_noop("%(what)s is due on %(date)s."),
                    {"what": item.title, "date": item.due_on.strftime("%d/%m/%Y")},
                    item.url,
                )
                told += 1
    return told
