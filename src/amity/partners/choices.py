from django.db import models
from django.utils.translation import gettext_lazy as _


class PartnerKind(models.TextChoices):
    """Kinds of partner; the codes are part of the API (CONTRACT.md)."""

    NGO = "ngo", _("Foreign non-governmental organization")
    EMBASSY = "embassy", _("Embassy or diplomatic mission")
    INTERNATIONAL_ORG = "international_org", _("International organization")
    GOVERNMENT = "government", _("Foreign government body")
    PARLIAMENT = "parliament", _("Foreign parliament or parliamentary friendship group")
    RESEARCH = "research", _("Research institute")
    UNIVERSITY = "university", _("University")
    ENTERPRISE = "enterprise", _("Enterprise")
    RELIGIOUS = "religious", _("Religious organization")
    MEDIA = "media", _("Media")
    OVERSEAS_VIETNAMESE = "overseas_vietnamese", _("Overseas Vietnamese association")
    INDIVIDUAL = "individual", _("Individual friend of Viet Nam")
    OTHER = "other", _("Other")


class PartnerStatus(models.TextChoices):
    PROSPECTIVE = "prospective", _("Prospective")
    ACTIVE = "active", _("Active")
    DORMANT = "dormant", _("Dormant")
    ENDED = "ended", _("Ended")


class Sensitivity(models.TextChoices):
    PUBLIC = "public", _("Public")
    INTERNAL = "internal", _("Internal")
    RESTRICTED = "restricted", _("Restricted")


class FieldKind(models.TextChoices):
    DAC = "dac", _("OECD DAC sector group")
    FEDERATION = "federation", _("Field of the federation")


class RegistrationType(models.TextChoices):
    """The three registrations a foreign NGO can hold in Viet Nam (Decree 58/2022/ND-CP)."""

    OPERATION = "operation", _("Operation registration")
    PROJECT_OFFICE = "project_office", _("Project office")
    REPRESENTATIVE_OFFICE = "representative_office", _("Representative office")


class HolderRole(models.TextChoices):
    LEAD = "lead", _("Lead")
    SUPPORTING = "supporting", _("Supporting")


class InteractionKind(models.TextChoices):
    MEETING = "meeting", _("Meeting")
    VISIT = "visit", _("Visit")
    RECEPTION = "reception", _("Reception")
    LETTER = "letter", _("Letter")
    CALL = "call", _("Call")
    EVENT = "event", _("Event")
    AGREEMENT = "agreement", _("Agreement signed")


class FollowUpState(models.TextChoices):
    OPEN = "open", _("Open")
    DONE = "done", _("Done")
    CANCELLED = "cancelled", _("Cancelled")
