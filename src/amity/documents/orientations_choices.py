"""The choices of the work orientations (định hướng công tác), with their labels in both
languages (the app's shared `choices` module is not theirs alone)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class OrientationKind(models.TextChoices):
    GENERAL = "general", _("General orientation for the year")
    REGION = "region", _("Orientation for a world region")
    COUNTRY = "country", _("Orientation for a country")
    FIELD = "field", _("Orientation for a field of work")


class OrientationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    ISSUED = "issued", _("Issued")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class TaskProgress(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
