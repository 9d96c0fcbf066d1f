from django.db import models
from django.utils.translation import gettext_lazy as _


class OrganizationKind(models.TextChoices):
    CENTRAL_UNION = "central_union", _("Central Union")
    STANDING_UNIT = "standing_unit", _("Standing Agency department or unit")
    CENTRAL_MEMBER = "central_member", _("Central member organization")
    PROVINCIAL_UNION = "provincial_union", _("Provincial or city Union")
    LOCAL_MEMBER = "local_member", _("Member association of a provincial Union")


CENTRAL_LEVEL_KINDS = (OrganizationKind.CENTRAL_UNION, OrganizationKind.STANDING_UNIT)


class OrganizationStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    SUSPENDED = "suspended", _("Suspended")
    CEASED = "ceased", _("Ceased")
    TERMINATED = "terminated", _("Terminated")
    MERGED = "merged", _("Merged")


class LineageEventKind(models.TextChoices):
    FOUNDED = "founded", _("Founded")
    RENAMED = "renamed", _("Renamed")
    MERGED = "merged", _("Merged into")
    SPLIT = "split", _("Split")
    TERMINATED = "terminated", _("Terminated")


class Gender(models.TextChoices):
    FEMALE = "female", _("Female")
    MALE = "male", _("Male")
    OTHER = "other", _("Other")


class LanguageLevel(models.TextChoices):
    BASIC = "basic", _("Basic")
    WORKING = "working", _("Working")
    FLUENT = "fluent", _("Fluent")
    NATIVE = "native", _("Native")


class PositionTitle(models.TextChoices):
    PRESIDENT = "president", _("President")
    VICE_PRESIDENT = "vice_president", _("Vice President")
    SECRETARY_GENERAL = "secretary_general", _("Secretary General")
    DEPUTY_SECRETARY_GENERAL = "deputy_secretary_general", _("Deputy Secretary General")
    HEAD_OF_DEPARTMENT = "head_of_department", _("Head of department")
    DEPUTY_HEAD_OF_DEPARTMENT = "deputy_head_of_department", _("Deputy head of department")
    STANDING_MEMBER = "standing_member", _("Standing committee member")
    EXECUTIVE_MEMBER = "executive_member", _("Executive committee member")
    OFFICER = "officer", _("Officer")


class CommitteeKind(models.TextChoices):
    EXECUTIVE = "executive", _("Executive committee")
    STANDING = "standing", _("Standing committee")
    PRESIDIUM = "presidium", _("Presidium")


class CommitteeRole(models.TextChoices):
    CHAIR = "chair", _("Chair")
    VICE_CHAIR = "vice_chair", _("Vice chair")
    MEMBER = "member", _("Member")


class Attendance(models.TextChoices):
    PRESENT = "present", _("Present")
    EXCUSED = "excused", _("Excused")
    ABSENT = "absent", _("Absent")


class Language(models.TextChoices):
    """The languages officials of the network work in, by ISO 639-1 code."""

    VIETNAMESE = "vi", _("Vietnamese")
    ENGLISH = "en", _("English")
    FRENCH = "fr", _("French")
    RUSSIAN = "ru", _("Russian")
    CHINESE = "zh", _("Chinese")
    JAPANESE = "ja", _("Japanese")
    KOREAN = "ko", _("Korean")
    GERMAN = "de", _("German")
    SPANISH = "es", _("Spanish")
    PORTUGUESE = "pt", _("Portuguese")
    ITALIAN = "it", _("Italian")
    LAO = "lo", _("Lao")
    KHMER = "km", _("Khmer")
    THAI = "th", _("Thai")
    INDONESIAN = "id", _("Indonesian")
    ARABIC = "ar", _("Arabic")
    HINDI = "hi", _("Hindi")
    POLISH = "pl", _("Polish")
    CZECH = "cs", _("Czech")
    HUNGARIAN = "hu", _("Hungarian")
