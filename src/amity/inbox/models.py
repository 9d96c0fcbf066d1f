"""Notifications: a line to a user when something becomes theirs to do (a report returned, an
answer to approve), shown under the bell and e-mailed as the user chose; and the record of the
daily jobs the scheduler ran, so that a second run on the same day sends nothing twice.

A notification stores its message as the English message id and its parameters, and is read
in the language of whoever reads it (the page's, or the e-mail's chosen in the preferences).
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Kind(models.TextChoices):
    ASSIGNED = "assigned", _("Assigned to you")
    RETURNED = "returned", _("Sent back")
    ANSWERED = "answered", _("Answered")
    APPROVED = "approved", _("Approved")
    DUE_SOON = "due_soon", _("Due soon")


class Delivery(models.TextChoices):
    IMMEDIATE = "immediate", _("An e-mail for each notification")
    DIGEST = "digest", _("One e-mail a day with the day's notifications")
    NONE = "none", _("No e-mail: only in Amity")


class Notification(models.Model):
    """One message to one user. Not domain data (no history, no scope): the user's own mail."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    message = models.CharField(_("message"), max_length=255)  # an English message id
    params = models.JSONField(_("parameters"), default=dict, blank=True)
    url = models.CharField(_("address"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)
    emailed_at = models.DateTimeField(_("e-mailed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-id"]
        indexes = [
            # the bell's count and the list, both per user
            models.Index(fields=["recipient", "read_at"], name="notification_unread_idx"),
            models.Index(fields=["recipient", "-created_at"], name="notification_latest_idx"),
            # the daily digest: what is still to e-mail
            models.Index(fields=["emailed_at", "read_at"], name="notification_digest_idx"),
        ]

    def __str__(self):
        return self.text

    @property
    def text(self) -> str:
        """The message in the active language, with its parameters; the bare message when the
        parameters do not fit it (a message id changed since it was stored)."""
        message = gettext(self.message)
        try:
            return message % self.params if self.params else message
        except (KeyError, TypeError, ValueError):
            return message

    @property
    def is_read(self) -> bool:
        return self.read_at is not None


class NotificationPreference(models.Model):
    """How a user wants to be told by e-mail, and in which language; without one, a digest."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="notification_preference",
    )
    email = models.CharField(
        _("e-mail"), max_length=10, choices=Delivery.choices, default=Delivery.DIGEST
    )
    language = models.CharField(
        _("language of the e-mails"),
        max_length=5,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")

    def __str__(self):
        return f"{self.user}: {self.get_email_display()}"
