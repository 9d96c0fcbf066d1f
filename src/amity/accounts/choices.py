from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    SYSTEM_ADMIN = "system_admin", _("System administrator")
    CENTRAL_OFFICER = "central_officer", _("Central officer")
    UNIT_OFFICER = "unit_officer", _("Unit officer")
    VIEWER = "viewer", _("Viewer")
