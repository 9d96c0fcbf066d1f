"""The roles a user can hold. They live in core, below `accounts`, because core reads them: the
scope of what a user sees, the acting user of a command, the officers who get reminders."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    SYSTEM_ADMIN = "system_admin", _("System administrator")
    CENTRAL_OFFICER = "central_officer", _("Central officer")
    UNIT_OFFICER = "unit_officer", _("Unit officer")
    VIEWER = "viewer", _("Viewer")
