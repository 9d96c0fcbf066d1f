"""The one way to tell a user that something became theirs: `notify(...)`, called by the
domains' services (the one write path) after the step that made it theirs, never by a signal.

    notify(officers_of([submission.organization_id]), Kind.RETURNED,
           gettext_noop("Your report “%(report)s” was sent back for correction."),
           {"report": str(submission)}, submission.get_absolute_url())

The message is an English message id marked with `gettext_noop` (and translated in the
catalogue), read in each reader's language. The e-mails are sent by a background task once
the transaction commits (`tasks.email_notifications`), never in the request, or gathered in the
daily digest (`send_digest`), as each user chose (`NotificationPreference`).
"""

from collections import defaultdict
from collections.abc import Iterable
from datetime import date, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext, gettext_noop, ngettext

from amity.core.roles import Role
from amity.inbox.models import Delivery, Kind, Notification, NotificationPreference

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


def centre() -> list:
    """The users who edit everything (central officers, system administrators)."""
    roles = (Role.CENTRAL_OFFICER, Role.SYSTEM_ADMIN)
    return list(_active_users().filter(Q(role__in=roles) | Q(is_superuser=True)))


def leaders() -> list:
    """The centre's users whom the administrator marked as leaders who approve answers."""
    return [user for user in centre() if user.may_approve_answers]


# --- telling them --------------------------------------------------------------------------------


def _clean_params(params: dict | None) -> dict:
    return {key: str(value)[:PARAM_CHARS] for key, value in (params or {}).items()}


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
    from amity.inbox.tasks import email_notifications  # the task module imports this one

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


# --- e-mails -------------------------------------------------------------------------------------


def absolute(url: str) -> str:
    return settings.AMITY_SITE_URL.rstrip("/") + url if url.startswith("/") else url


def _footer() -> str:
    return gettext("Choose how Amity e-mails you: %(url)s") % {
        "url": absolute(reverse("inbox:preferences"))
    }


def _language(user, preferences: dict[int, str]) -> str:
    return preferences.get(user.pk, settings.LANGUAGE_CODE)


def _languages(user_ids) -> dict[int, str]:
    rows = NotificationPreference.objects.filter(user__in=list(user_ids))
    return dict(rows.values_list("user_id", "language"))


def email_each(ids: Iterable[int]) -> int:
    """E-mail each notification of `ids` not e-mailed yet to its recipient (who has an address
    and still wants them one by one), in the recipient's language; how many were sent."""
    pending = list(
        Notification.objects.filter(
            pk__in=list(ids),
            emailed_at__isnull=True,
            recipient__notification_preference__email=Delivery.IMMEDIATE,
        )
        .exclude(recipient__email="")
        .select_related("recipient")
    )
    languages = _languages({item.recipient_id for item in pending})
    sent = 0
    for item in pending:
        with translation.override(_language(item.recipient, languages)):
            subject = gettext("Amity: %(text)s") % {"text": item.text}
            body = "\n\n".join(filter(None, [item.text, absolute(item.url), _footer()]))
        send_mail(subject[:200], body, None, [item.recipient.email])
        Notification.objects.filter(pk=item.pk).update(emailed_at=timezone.now())
        sent += 1
    return sent


def send_digest(until=None) -> int:
    """One e-mail to each user who chose the daily digest (the default) with their unread
    notifications not e-mailed yet; how many e-mails were sent. A notification goes into one
    digest only (`emailed_at`)."""
    until = until or timezone.now()
    pending = (
        Notification.objects.filter(
            emailed_at__isnull=True, read_at__isnull=True, created_at__lte=until
        )
        .exclude(recipient__notification_preference__email__in=(Delivery.NONE, Delivery.IMMEDIATE))
        .filter(recipient__is_active=True)
        .exclude(recipient__email="")
        .select_related("recipient")
        .order_by("recipient_id", "created_at", "id")
    )
    by_user: dict[int, list[Notification]] = defaultdict(list)
    for item in pending:
        by_user[item.recipient_id].append(item)
    languages = _languages(by_user)
    for items in by_user.values():
        user = items[0].recipient
        with translation.override(_language(user, languages)):
            subject = ngettext(
                "Amity: %(count)d new notification",
                "Amity: %(count)d new notifications",
                len(items),
            ) % {"count": len(items)}
            lines = [f"- {item.text}\n  {absolute(item.url)}" for item in items]
            body = "\n".join(lines) + "\n\n" + _footer()
        send_mail(subject, body, None, [user.email])
        Notification.objects.filter(pk__in=[item.pk for item in items]).update(
            emailed_at=timezone.now()
        )
    return len(by_user)


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
