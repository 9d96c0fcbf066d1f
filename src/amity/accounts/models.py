from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from amity.accounts.choices import Role


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
    history = HistoricalRecords(excluded_fields=["password", "last_login"])

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["username"]

    def __str__(self):
        return self.get_full_name() or self.username

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
