"""The codes of agreements, with their Vietnamese and English labels."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AgreementKind(models.TextChoices):
    COOPERATION = "cooperation", _("Cooperation agreement with a foreign partner")
    COORDINATION = "coordination", _("Working-coordination agreement with a Vietnamese agency")
    MOU = "mou", _("Memorandum of understanding")
    TWINNING = "twinning", _("Twinning or friendship agreement between localities")


class AgreementStatus(models.TextChoices):
    NEGOTIATING = "negotiating", _("Under negotiation")
    SIGNED = "signed", _("Signed")
    IN_FORCE = "in_force", _("In force")
    EXPIRED = "expired", _("Expired")
    TERMINATED = "terminated", _("Terminated")


#: the statuses of an agreement that binds its parties now: what the reminders watch
RUNNING = (AgreementStatus.SIGNED, AgreementStatus.IN_FORCE)


class RenewalRule(models.TextChoices):
    NONE = "none", _("No renewal")
    AUTOMATIC = "automatic", _("Renewed automatically")
    MUTUAL = "mutual", _("Renewed by mutual consent")


class AgencyKind(models.TextChoices):
    MINISTRY = "ministry", _("Ministry or ministerial-level agency")
    GOVERNMENT_AGENCY = "government_agency", _("Agency of the Government")
    DEPARTMENT = "department", _("Provincial department")
    PEOPLES_COMMITTEE = "peoples_committee", _("People's Committee")
    MASS_ORGANIZATION = "mass_organization", _("Mass organization")
    OTHER = "other", _("Other agency")


class SignerSide(models.TextChoices):
    OURS = "ours", _("Our side")
    PARTNER = "partner", _("Foreign partner")
    AGENCY = "agency", _("Vietnamese agency")
    OTHER = "other", _("Other party")


class CommitmentStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    CANCELLED = "cancelled", _("Cancelled")


#: the statuses of a commitment still to be kept
OPEN_COMMITMENTS = (CommitmentStatus.PLANNED, CommitmentStatus.IN_PROGRESS)


class AgreementLanguage(models.TextChoices):
    VIETNAMESE = "vi", _("Vietnamese")
    ENGLISH = "en", _("English")
    FRENCH = "fr", _("French")
    RUSSIAN = "ru", _("Russian")
    CHINESE = "zh", _("Chinese")
    JAPANESE = "ja", _("Japanese")
    KOREAN = "ko", _("Korean")
    GERMAN = "de", _("German")
    LAO = "lo", _("Lao")
    KHMER = "km", _("Khmer")
    OTHER = "other", _("Other language")
