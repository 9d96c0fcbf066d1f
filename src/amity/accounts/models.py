from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from amity.accounts.choices import Role
from amity.core.names import family_name_first


class User(AbstractUser):
    """A person who logs in: a role and a home organization decide what they see and edit."""

    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.VIEWER)
    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("home organization"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="users",
    )
    may_approve_answers = models.BooleanField(
        _("leader: approves official answers"),
        default=False,
        help_text=_(
            "A leader of the centre who approves the official answers to proposals before they "
            "are published; never one's own draft."
        ),
    )
    history = HistoricalRecords(excluded_fields=["password", "last_login"])

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["username"]

    def __str__(self):
        return self.get_full_name() or self.username

    def get_full_name(self) -> str:
        """Family name first ("Trần Thu Hà"): `last_name` holds the family name, `first_name`
        the middle and given names."""
        return family_name_first(self.first_name, self.last_name)

    @property
    def is_system_admin(self) -> bool:
        return self.is_superuser or self.role == Role.SYSTEM_ADMIN

    @property
    def is_central(self) -> bool:
        """Whether the home organization is the central Union or a unit of its Standing Agency."""
        return self.organization is not None and self.organization.is_central_level

    @property
    def sees_everything(self) -> bool:
        if self.is_system_admin or self.role == Role.CENTRAL_OFFICER:
            return True
        return self.role == Role.VIEWER and self.is_central

    @property
    def may_edit(self) -> bool:
        return self.is_system_admin or self.role in (Role.CENTRAL_OFFICER, Role.UNIT_OFFICER)

    @property
    def edits_everything(self) -> bool:
        return self.is_system_admin or self.role == Role.CENTRAL_OFFICER

    @property
    def requires_two_factor(self) -> bool:
        return self.is_system_admin


class ApiTokenQuerySet(models.QuerySet):
    def live(self):
        return self.filter(
            models.Q(expires_at__isnull=True) | models.Q(expires_at__gt=timezone.now())
        )


class ApiToken(models.Model):
    """A key a program sends as `Authorization: Token <key>`, until it expires or is revoked.

    Only a digest of the key is kept, so a copy of the database gives no working key; the user
    recognises a token by the first characters of its key, shown when it was made.
    """

    user = models.ForeignKey(
        User, verbose_name=_("user"), on_delete=models.CASCADE, related_name="api_tokens"
    )
    digest = models.CharField(_("digest"), max_length=64, editable=False)
    prefix = models.CharField(_("key begins with"), max_length=8, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    expires_at = models.DateTimeField(_("expires"), null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(fields=["digest"], name="api_token_unique_digest")]

    def __str__(self):
        return f"{self.prefix}… ({self.user.username})"

    @property
    def is_expired(self) -> bool:
        return self.expires_at is not None and self.expires_at <= timezone.now()
