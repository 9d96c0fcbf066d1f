"""Every set of choices of the training app."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class TargetGroup(models.TextChoices):
    LOCAL_LEADERS = "local_leaders", _("Leaders of local Unions")
    DIPLOMACY_OFFICIALS = (
        "diplomacy_officials",
        _("Officials in charge of people-to-people diplomacy"),
    )
    NEW_STAFF = "new_staff", _("New staff")
    SECRETARIATS = "secretariats", _("Association secretariats")


class Topic(models.TextChoices):
    FOREIGN_POLICY = "foreign_policy", _("Foreign-policy guidelines")
    PROTOCOL = "protocol", _("Protocol")
    PARTNER_WORK = "partner_work", _("Partner work")
    NGO_AID = "ngo_aid", _("NGO aid management")
    REPORTING = "reporting", _("Reporting in the system")
    LANGUAGES = "languages", _("Languages")


class CourseStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    OPEN = "open", _("Open for nominations")
    CLOSED = "closed", _("Nominations closed")
    DONE = "done", _("Done")


class NominationState(models.TextChoices):
    NOMINATED = "nominated", _("Nominated")
    CONFIRMED = "confirmed", _("Confirmed")
    WAITLISTED = "waitlisted", _("Waitlisted")
    WITHDRAWN = "withdrawn", _("Withdrawn")


#: the states in which a nomination takes one of its organization's places
TAKING_A_PLACE = (NominationState.NOMINATED, NominationState.CONFIRMED)
