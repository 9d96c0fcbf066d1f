"""The e-mails of the notifications: each one alone (for who chose it, by the task
`tasks.email_notifications`) or a daily digest of the unread, in each recipient's language."""

from collections import defaultdict
from collections.abc import Iterable

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext, ngettext

from amity.inbox.models import Delivery, Notification, NotificationPreference


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
