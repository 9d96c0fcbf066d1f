from django.db import models
from django.utils.translation import gettext_lazy as _


class IndicatorType(models.TextChoices):
    INTEGER = "integer", _("Whole number")
    DECIMAL = "decimal", _("Decimal number")
    MONEY = "money", _("Amount of money")
    PERCENTAGE = "percentage", _("Percentage")
    BOOLEAN = "boolean", _("Yes or no")
    CHOICE = "choice", _("Choice from a list")
    TEXT = "text", _("Short text")
    LONG_TEXT = "long_text", _("Long text")


#: types whose value is a number, summed or averaged across organizations
NUMERIC_TYPES = (
    IndicatorType.INTEGER,
    IndicatorType.DECIMAL,
    IndicatorType.MONEY,
    IndicatorType.PERCENTAGE,
    IndicatorType.BOOLEAN,
)


class Aggregation(models.TextChoices):
    SUM = "sum", _("Sum")
    AVERAGE = "average", _("Average")
    NONE = "none", _("Not added up")


class VersionStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    RETIRED = "retired", _("Retired")


class SectionKind(models.TextChoices):
    INDICATORS = "indicators", _("Indicators")
    NARRATIVE = "narrative", _("Narrative")


class PeriodKind(models.TextChoices):
    QUARTER = "quarter", _("Quarter")
    HALF_YEAR = "half_year", _("Half-year")
    YEAR = "year", _("Year")


class Severity(models.TextChoices):
    HARD = "hard", _("Hard: blocks the submission")
    SOFT = "soft", _("Soft: asks for an explanation")


class RuleKind(models.TextChoices):
    SAME_SUBMISSION = "same", _("Between indicators of the submission")
    PREVIOUS_PERIOD = "previous", _("Change from the previous period")


class Operator(models.TextChoices):
    LTE = "lte", "≤"
    LT = "lt", "<"
    GTE = "gte", "≥"
    GT = "gt", ">"
    EQ = "eq", "="
    NE = "ne", "≠"


class SubmissionState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    RETURNED = "returned", _("Returned for correction")
    APPROVED = "approved", _("Approved")


#: states in which the organization may change its values
EDITABLE_STATES = (SubmissionState.DRAFT, SubmissionState.RETURNED)
#: states whose figures count in consolidated reports
REPORTED_STATES = (SubmissionState.SUBMITTED, SubmissionState.APPROVED)


class ValueSource(models.TextChoices):
    ENTERED = "entered", _("Entered")
    SYSTEM = "system", _("From the system")
    IMPORTED = "imported", _("Imported from a file")
