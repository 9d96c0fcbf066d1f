"""The unified reporting form: indicators, versioned forms, periods, submissions and values.

Design records (indicators, forms and what they are made of, periods, rules, reopenings) belong
to the organization that designs the form, usually the central Union: they are seen by that
organization, those above it and those under it (who fill the form), and edited within the
designer's scope. A submission and its values belong to the organization that reports.
"""

from datetime import date, timedelta
from pathlib import PurePath
from uuid import uuid4

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from amity.core.dates import MAX_YEAR, MIN_YEAR, add_days
from amity.core.models import BaseModel, UploadedFile
from amity.core.scoping import Scope
from amity.organizations.choices import OrganizationKind
from amity.organizations.models import in_language
from amity.reporting.choices import (
    EDITABLE_STATES,
    NUMERIC_TYPES,
    Aggregation,
    IndicatorType,
    Operator,
    PeriodKind,
    RuleKind,
    SectionKind,
    Severity,
    SubmissionState,
    ValueSource,
    VersionStatus,
)
from amity.reporting.rules import (
    attachment_limits,
    check_attachment,
    entry_refusal,
    plain_number,
)


class DesignModel(BaseModel):
    """A record of a form's design, shared with the organizations that fill the form: seen by
    the designer's branch and by the organizations above it (a Union fills the forms of those
    above it), edited by the designer's branch."""

    scope = Scope("organization", above=True)

    class Meta:
        abstract = True
        base_manager_name = "all_objects"


def _designer_field(related_name):
    return models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("designed by"),
        on_delete=models.PROTECT,
        related_name=related_name,
    )


class Indicator(DesignModel):
    """A figure or text that organizations report, the same from one form version to the next."""

    code = models.CharField(_("code"), max_length=40, help_text=_("Stable across versions."))
    organization = _designer_field("reporting_indicators")
    name = models.CharField(_("name (Vietnamese)"), max_length=255)
    name_en = models.CharField(_("name (English)"), max_length=255, blank=True)
    type = models.CharField(_("type"), max_length=12, choices=IndicatorType.choices)
    unit = models.CharField(_("unit"), max_length=40, blank=True)
    currency = models.CharField(
        _("currency"), max_length=3, blank=True, help_text=_("ISO 4217, for amounts of money.")
    )
    aggregation = models.CharField(
        _("adds up by"), max_length=8, choices=Aggregation.choices, default=Aggregation.SUM
    )
    minimum = models.DecimalField(
        _("minimum"), max_digits=20, decimal_places=4, null=True, blank=True
    )
    maximum = models.DecimalField(
        _("maximum"), max_digits=20, decimal_places=4, null=True, blank=True
    )
    options = models.TextField(
        _("choices"), blank=True, help_text=_("For a choice from a list: one choice a line.")
    )
    total_of = models.CharField(
        _("total of"),
        max_length=255,
        blank=True,
        help_text=_("Codes of the indicators this one adds up, separated by commas."),
    )
    prefill = models.CharField(
        _("prefilled from"),
        max_length=60,
        blank=True,
        help_text=_("The figure the system proposes, e.g. partners.held or aid.disbursed_usd."),
    )
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["code", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "code"],
                condition=Q(deleted_at__isnull=True),
                name="indicator_unique_code",
                violation_error_message=_("Another indicator already has this code."),
            ),
        ]

    def __str__(self):
        return f"{self.code} — {self.display_name}"

    def get_absolute_url(self):
        return reverse("reporting:indicator", args=[self.pk])

    @property
    def display_name(self) -> str:
        return in_language(self.name, self.name_en)

    @property
    def unit_label(self) -> str:
        """The unit and the currency, each once: "USD" where both say USD, not "USD, USD"."""
        parts = [self.unit, self.currency]
        if self.unit.casefold() == self.currency.casefold():
            parts = [self.unit]
        return ", ".join(part for part in parts if part)

    @property
    def is_numeric(self) -> bool:
        return self.type in NUMERIC_TYPES

    @property
    def option_list(self) -> list[str]:
        return [line.strip() for line in self.options.splitlines() if line.strip()]

    @property
    def total_codes(self) -> list[str]:
        return [code.strip() for code in self.total_of.split(",") if code.strip()]

    def clean(self):
        refuse_duplicate(
            self, ("organization", "code"), _("Another indicator already has this code.")
        )
        if self.minimum is not None and self.maximum is not None and self.maximum < self.minimum:
            raise ValidationError({"maximum": _("The maximum is below the minimum.")})
        if self.type == IndicatorType.CHOICE and not self.option_list:
            raise ValidationError({"options": _("A choice from a list needs its choices.")})
        if self.type == IndicatorType.MONEY and not self.currency:
            raise ValidationError({"currency": _("An amount of money needs its currency.")})
        if not self.is_numeric and self.aggregation != Aggregation.NONE:
            raise ValidationError({"aggregation": _("Only numbers add up.")})

    def check_value(self, number, text) -> None:
        """Refuse a value that does not fit this indicator (type, range, list of choices)."""
        if self.is_numeric:
            if number is None:
                return
            if self.type in (IndicatorType.INTEGER, IndicatorType.BOOLEAN) and number != int(
                number
            ):
                raise ValidationError(_("Enter a whole number."))
            if self.type == IndicatorType.BOOLEAN and number not in (0, 1):
                raise ValidationError(_("Answer yes or no."))
            if self.type == IndicatorType.PERCENTAGE and not 0 <= number <= 100:
                raise ValidationError(_("A percentage is between 0 and 100."))
            if self.minimum is not None and number < self.minimum:
                raise ValidationError(
                    _("The value is below the minimum of %(min)s.")
                    % {"min": plain_number(self.minimum)}
                )
            if self.maximum is not None and number > self.maximum:
                raise ValidationError(
                    _("The value is above the maximum of %(max)s.")
                    % {"max": plain_number(self.maximum)}
                )
        elif self.type == IndicatorType.CHOICE and text and text not in self.option_list:
            raise ValidationError(_("Choose one of the listed choices."))
        elif self.type == IndicatorType.TEXT and len(text or "") > 500:
            raise ValidationError(_("A short text has at most 500 characters."))


def refuse_duplicate(instance, fields: tuple[str, ...], message) -> None:
    """A live record with the same `fields` already exists: the unique constraints are
    conditional on being live, which forms and imports do not check by themselves."""
    lookup = {}
    for name in fields:
        value = getattr(instance, instance._meta.get_field(name).attname)
        if value is None:
            return
        lookup[name] = value
    if type(instance).objects.filter(**lookup).exclude(pk=instance.pk).exists():
        raise ValidationError(message)


class Form(DesignModel):
    """A reporting form, designed once and filled by the organizations assigned to it."""

    organization = _designer_field("reporting_forms")
    code = models.CharField(_("code"), max_length=40)
    name = models.CharField(_("name (Vietnamese)"), max_length=255)
    name_en = models.CharField(_("name (English)"), max_length=255, blank=True)
    assigned_kinds = models.CharField(
        _("organization kinds that fill it"),
        max_length=255,
        blank=True,
        help_text=_("Codes separated by commas, e.g. provincial_union."),
    )
    assigned_organizations = models.ManyToManyField(
        "organizations.Organization",
        verbose_name=_("further organizations that fill it"),
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("reporting form")
        verbose_name_plural = _("reporting forms")
        ordering = ["code", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "code"],
                condition=Q(deleted_at__isnull=True),
                name="form_unique_code",
                violation_error_message=_("Another form already has this code."),
            ),
        ]

    def __str__(self):
        return in_language(self.name, self.name_en)

    def get_absolute_url(self):
        return reverse("reporting:form", args=[self.pk])

    @property
    def kind_list(self) -> list[str]:
        return [kind.strip() for kind in self.assigned_kinds.split(",") if kind.strip()]

    def get_assigned_kinds_display(self) -> str:
        """The kinds by their names, not their codes (`provincial_union`), for people to read."""
        labels = dict(OrganizationKind.choices)
        return ", ".join(str(labels.get(kind, kind)) for kind in self.kind_list)

    def clean(self):
        refuse_duplicate(self, ("organization", "code"), _("Another form already has this code."))
        unknown = sorted(set(self.kind_list) - set(OrganizationKind.values))
        if unknown:
            raise ValidationError(
                {"assigned_kinds": _("Unknown kinds: %(kinds)s.") % {"kinds": ", ".join(unknown)}}
            )


class FormVersion(DesignModel):
    """One version of a form. A published version never changes; a new version is a copy."""

    scope = Scope("form__organization", above=True)
    label_related = ("form",)

    form = models.ForeignKey(
        Form, verbose_name=_("form"), on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveSmallIntegerField(_("version number"))
    status = models.CharField(
        _("status"), max_length=10, choices=VersionStatus.choices, default=VersionStatus.DRAFT
    )
    published_on = models.DateField(_("published on"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("form version")
        verbose_name_plural = _("form versions")
        ordering = ["form", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["form", "number"],
                name="formversion_unique_number",
                violation_error_message=_("This form already has a version with this number."),
            ),
        ]

    def __str__(self):
        return _("%(form)s, version %(number)s") % {"form": self.form, "number": self.number}

    def get_absolute_url(self):
        return reverse("reporting:formversion", args=[self.pk])

    @property
    def is_frozen(self) -> bool:
        return self.status != VersionStatus.DRAFT

    def clean(self):
        if self.pk:
            before = FormVersion.all_objects.filter(pk=self.pk).values_list("status", flat=True)
            was = before.first()
            if was and was != VersionStatus.DRAFT and self.status == VersionStatus.DRAFT:
                raise ValidationError(
                    {"status": _("A published version never changes: make a new version.")}
                )


def refuse_if_frozen(version) -> None:
    if version is not None and version.is_frozen:
        raise ValidationError(_("A published version never changes: make a new version."))


class Section(DesignModel):
    """A section of a form version: indicators in order, or a narrative to write."""

    scope = Scope("form_version__form__organization", above=True)
    label_related = ("form_version__form",)

    form_version = models.ForeignKey(
        FormVersion,
        verbose_name=_("form version"),
        on_delete=models.CASCADE,
        related_name="sections",
    )
    order = models.PositiveSmallIntegerField(_("order"), default=1)
    title = models.CharField(_("title (Vietnamese)"), max_length=255)
    title_en = models.CharField(_("title (English)"), max_length=255, blank=True)
    kind = models.CharField(
        _("kind"), max_length=12, choices=SectionKind.choices, default=SectionKind.INDICATORS
    )
    instructions = models.TextField(_("instructions"), blank=True)

    class Meta:
        verbose_name = _("form section")
        verbose_name_plural = _("form sections")
        ordering = ["form_version", "order", "id"]

    def __str__(self):
        return f"{self.order}. {self.display_title}"

    def get_absolute_url(self):
        return reverse("reporting:section", args=[self.pk])

    @property
    def display_title(self) -> str:
        return in_language(self.title, self.title_en)

    def clean(self):
        refuse_if_frozen(getattr(self, "form_version", None))


class SectionItem(DesignModel):
    """An indicator in its place in a section; a narrative section holds long texts."""

    scope = Scope("section__form_version__form__organization", above=True)
    label_related = ("section", "indicator")

    section = models.ForeignKey(
        Section, verbose_name=_("section"), on_delete=models.CASCADE, related_name="items"
    )
    indicator = models.ForeignKey(
        Indicator,
        verbose_name=_("indicator"),
        on_delete=models.PROTECT,
        related_name="section_items",
    )
    order = models.PositiveSmallIntegerField(_("order"), default=1)
    required = models.BooleanField(_("required"), default=True)

    class Meta:
        verbose_name = _("section item")
        verbose_name_plural = _("section items")
        ordering = ["section", "order", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["section", "indicator"],
                condition=Q(deleted_at__isnull=True),
                name="sectionitem_unique_indicator",
                violation_error_message=_("This indicator is already in the section."),
            ),
        ]

    def __str__(self):
        return f"{self.order}. {self.indicator}"

    def get_absolute_url(self):
        return reverse("reporting:sectionitem", args=[self.pk])

    def clean(self):
        refuse_duplicate(
            self, ("section", "indicator"), _("This indicator is already in the section.")
        )
        section = (
            Section.all_objects.filter(pk=self.section_id).select_related("form_version").first()
        )
        refuse_if_frozen(section.form_version if section else None)


PERIOD_MONTHS = {PeriodKind.QUARTER: 3, PeriodKind.HALF_YEAR: 6, PeriodKind.YEAR: 12}


def period_bounds(kind: str, year: int, number: int) -> tuple[date, date]:
    months = PERIOD_MONTHS.get(kind, 12)
    first_month = (number - 1) * months + 1
    start = date(year, first_month, 1)
    end_month = first_month + months
    end = date(year + (end_month - 1) // 12, (end_month - 1) % 12 + 1, 1) - timedelta(days=1)
    return start, end


class Period(DesignModel):
    """A reporting period of a form: what it covers, when it opens, its deadline, its lock."""

    scope = Scope("form__organization", above=True)
    label_related = ("form",)

    form = models.ForeignKey(
        Form, verbose_name=_("form"), on_delete=models.CASCADE, related_name="periods"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=PeriodKind.choices)
    year = models.PositiveSmallIntegerField(_("year"))
    number = models.PositiveSmallIntegerField(
        _("number in the year"), default=1, help_text=_("1–4 for a quarter, 1–2 for a half-year.")
    )
    starts_on = models.DateField(_("starts on"), editable=False)
    ends_on = models.DateField(_("ends on"), editable=False)
    opens_on = models.DateField(_("open for reporting from"))
    deadline = models.DateField(_("deadline"))
    grace_days = models.PositiveSmallIntegerField(_("days of grace"), default=0)
    locked = models.BooleanField(_("locked"), default=False)

    class Meta:
        verbose_name = _("reporting period")
        verbose_name_plural = _("reporting periods")
        ordering = ["-starts_on", "form", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["form", "kind", "year", "number"],
                condition=Q(deleted_at__isnull=True),
                name="period_unique_per_form",
                violation_error_message=_("This form already has this period."),
            ),
            models.CheckConstraint(
                condition=Q(deadline__gte=models.F("opens_on")),
                name="period_deadline_after_open",
                violation_error_message=_("The deadline is before the opening."),
            ),
        ]

    def __str__(self):
        return f"{self.label} — {self.form}"

    def get_absolute_url(self):
        return reverse("reporting:period", args=[self.pk])

    @property
    def label(self) -> str:
        if self.kind == PeriodKind.QUARTER:
            return _("Quarter %(number)s/%(year)s") % {"number": self.number, "year": self.year}
        if self.kind == PeriodKind.HALF_YEAR:
            if self.number == 1:
                return _("First half of %(year)s") % {"year": self.year}
            return _("Second half of %(year)s") % {"year": self.year}
        return _("Year %(year)s") % {"year": self.year}

    @property
    def closes_on(self) -> date:
        """The last day a submission is on time: the deadline and its days of grace."""
        # A stored deadline at the end of the calendar has no later day: it never closes.
        return add_days(self.deadline, self.grace_days or 0) or date.max

    def derive_fields(self) -> None:
        if self.kind and self.year and self.number:
            try:
                self.starts_on, self.ends_on = period_bounds(self.kind, self.year, self.number)
            except ValueError:
                pass  # clean() names the bad number

    def clean(self):
        most = {PeriodKind.QUARTER: 4, PeriodKind.HALF_YEAR: 2, PeriodKind.YEAR: 1}
        if self.kind and self.number and not 1 <= self.number <= most.get(self.kind, 1):
            raise ValidationError({"number": _("No such period in a year.")})
        if self.year and not MIN_YEAR <= self.year <= MAX_YEAR:
            raise ValidationError(
                {
                    "year": _("Enter a year between %(first)s and %(last)s.")
                    % {"first": MIN_YEAR, "last": MAX_YEAR}
                }
            )
        self.derive_fields()
        refuse_duplicate(
            self, ("form", "kind", "year", "number"), _("This form already has this period.")
        )
        if self.opens_on and self.deadline and self.deadline < self.opens_on:
            raise ValidationError({"deadline": _("The deadline is before the opening.")})


class Reopening(DesignModel):
    """A locked or closed period opened again for one organization, with a reason, until a date."""

    scope = Scope("period__form__organization", above=True)
    label_related = ("period__form", "organization")

    period = models.ForeignKey(
        Period, verbose_name=_("period"), on_delete=models.CASCADE, related_name="reopenings"
    )
    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("for organization"),
        on_delete=models.PROTECT,
        related_name="reporting_reopenings",
    )
    reason = models.CharField(_("reason"), max_length=255)
    expires_on = models.DateField(_("open until"))
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("granted by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    class Meta:
        verbose_name = _("reopening")
        verbose_name_plural = _("reopenings")
        ordering = ["-expires_on", "id"]

    def __str__(self):
        return _("%(period)s reopened for %(organization)s until %(date)s") % {
            "period": self.period.label,
            "organization": self.organization,
            "date": f"{self.expires_on:%d/%m/%Y}",
        }

    def get_absolute_url(self):
        return reverse("reporting:reopening", args=[self.pk])


class ValidationRule(DesignModel):
    """A check of a submission: between its indicators, or against the previous period."""

    scope = Scope("form_version__form__organization", above=True)
    label_related = ("form_version__form",)

    form_version = models.ForeignKey(
        FormVersion,
        verbose_name=_("form version"),
        on_delete=models.CASCADE,
        related_name="rules",
    )
    kind = models.CharField(
        _("kind"), max_length=10, choices=RuleKind.choices, default=RuleKind.SAME_SUBMISSION
    )
    severity = models.CharField(
        _("severity"), max_length=6, choices=Severity.choices, default=Severity.HARD
    )
    left = models.ForeignKey(
        Indicator, verbose_name=_("indicator"), on_delete=models.PROTECT, related_name="+"
    )
    operator = models.CharField(
        _("comparison"), max_length=4, choices=Operator.choices, default=Operator.LTE
    )
    right = models.ForeignKey(
        Indicator,
        verbose_name=_("compared with indicator"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    constant = models.DecimalField(
        _("or with the number"), max_digits=20, decimal_places=4, null=True, blank=True
    )
    max_change_percent = models.DecimalField(
        _("largest change without explanation (%)"),
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
    )
    message = models.CharField(_("message (Vietnamese)"), max_length=255)
    message_en = models.CharField(_("message (English)"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("validation rule")
        verbose_name_plural = _("validation rules")
        ordering = ["form_version", "id"]

    def __str__(self):
        return self.display_message

    def get_absolute_url(self):
        return reverse("reporting:validationrule", args=[self.pk])

    @property
    def display_message(self) -> str:
        return in_language(self.message, self.message_en)

    def clean(self):
        refuse_if_frozen(getattr(self, "form_version", None))
        if (
            self.kind == RuleKind.SAME_SUBMISSION
            and self.right_id is None
            and self.constant is None
        ):
            raise ValidationError({"right": _("Compare with an indicator or a number.")})
        if self.kind == RuleKind.PREVIOUS_PERIOD and self.max_change_percent is None:
            raise ValidationError(
                {"max_change_percent": _("Say how large a change needs an explanation.")}
            )


STATE_TONES = {
    SubmissionState.DRAFT: "secondary",
    SubmissionState.SUBMITTED: "primary",
    SubmissionState.RETURNED: "warning",
    SubmissionState.APPROVED: "success",
}


class Submission(BaseModel):
    """One organization's report for one period on one form version, and its workflow."""

    label_related = ("organization", "period__form")

    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("organization"),
        on_delete=models.PROTECT,
        related_name="reporting_submissions",
    )
    form_version = models.ForeignKey(
        FormVersion,
        verbose_name=_("form version"),
        on_delete=models.PROTECT,
        related_name="submissions",
        # Declared once for the form, the API and the import: a draft is not filled yet.
        limit_choices_to=~Q(status=VersionStatus.DRAFT),
    )
    period = models.ForeignKey(
        Period, verbose_name=_("period"), on_delete=models.PROTECT, related_name="submissions"
    )
    state = models.CharField(
        _("state"),
        max_length=10,
        choices=SubmissionState.choices,
        default=SubmissionState.DRAFT,
        editable=False,
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True, editable=False)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    returned_at = models.DateTimeField(_("returned at"), null=True, blank=True, editable=False)
    returned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("returned by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True, editable=False)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    class Meta:
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")
        ordering = ["-period__starts_on", "organization__tree_path", "id"]
        indexes = [models.Index(fields=["period", "state"], name="submission_period_state_idx")]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "period"],
                condition=Q(deleted_at__isnull=True),
                name="submission_one_per_period",
                violation_error_message=_(
                    "This organization already has a submission for this period."
                ),
            ),
        ]

    def __str__(self):
        period = self.period.label if self.period_id else ""
        return f"{self.organization} — {period}"

    def get_absolute_url(self):
        return reverse("reporting:submission", args=[self.pk])

    @property
    def is_editable(self) -> bool:
        return self.state in EDITABLE_STATES

    @property
    def state_tone(self) -> str:
        """The Bootstrap colour of the state's badge."""
        return STATE_TONES.get(self.state, "secondary")

    def clean(self):
        refuse_duplicate(
            self,
            ("organization", "period"),
            _("This organization already has a submission for this period."),
        )
        version = self.form_version if self.form_version_id else None
        if self.period_id and version and self.period.form_id != version.form_id:
            raise ValidationError({"period": _("This period belongs to another form.")})
        if version and version.status == VersionStatus.DRAFT:
            raise ValidationError({"form_version": _("This version is not published yet.")})
        if self.pk is None and self.period_id and self.organization_id:
            refusal = entry_refusal(self)
            if refusal:
                raise ValidationError({"period": refusal})


class Value(BaseModel):
    """One indicator's value in a submission: a number or a text, and where it came from."""

    scope = Scope("submission__organization")
    label_related = ("submission__organization", "submission__period", "indicator")

    submission = models.ForeignKey(
        Submission, verbose_name=_("submission"), on_delete=models.CASCADE, related_name="values"
    )
    indicator = models.ForeignKey(
        Indicator, verbose_name=_("indicator"), on_delete=models.PROTECT, related_name="values"
    )
    number = models.DecimalField(
        _("number"), max_digits=20, decimal_places=4, null=True, blank=True
    )
    text = models.TextField(_("text"), blank=True)
    source = models.CharField(
        _("source"), max_length=10, choices=ValueSource.choices, default=ValueSource.ENTERED
    )
    system_number = models.DecimalField(
        _("figure from the system"),
        max_digits=20,
        decimal_places=4,
        null=True,
        blank=True,
        editable=False,
    )
    comment = models.TextField(
        _("explanation"), blank=True, help_text=_("Why the figure differs or changed so much.")
    )

    class Meta:
        verbose_name = _("value")
        verbose_name_plural = _("values")
        ordering = ["submission", "indicator__code", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["submission", "indicator"],
                name="value_one_per_indicator",
                violation_error_message=_("This submission already has a value for it."),
            ),
        ]

    def __str__(self):
        return f"{self.indicator.code}: {self.display}"

    def get_absolute_url(self):
        return reverse("reporting:value", args=[self.pk])

    @property
    def display(self) -> str:
        if self.number is not None:
            if self.indicator.type == IndicatorType.BOOLEAN:
                return str(_("Yes") if self.number else _("No"))
            return plain_number(self.number)
        return self.text

    @property
    def is_empty(self) -> bool:
        return self.number is None and not self.text.strip()

    def clean(self):
        if not (self.submission_id and self.indicator_id):
            return
        if self.indicator.is_numeric and self.text:
            raise ValidationError({"text": _("This indicator takes a number.")})
        if not self.indicator.is_numeric and self.number is not None:
            raise ValidationError({"number": _("This indicator takes a text.")})
        try:
            self.indicator.check_value(self.number, self.text)
        except ValidationError as error:
            field = "number" if self.indicator.is_numeric else "text"
            raise ValidationError({field: error.messages}) from error
        refusal = entry_refusal(self.submission)
        if refusal:
            raise ValidationError(refusal)


class ReviewComment(BaseModel):
    """A reviewer's remark on a submission, on one field at fault or on the whole."""

    scope = Scope("submission__organization")
    label_related = ("submission__organization", "submission__period")

    submission = models.ForeignKey(
        Submission,
        verbose_name=_("submission"),
        on_delete=models.CASCADE,
        related_name="comments",
    )
    indicator = models.ForeignKey(
        Indicator,
        verbose_name=_("indicator at fault"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    text = models.TextField(_("comment"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    resolved = models.BooleanField(_("resolved"), default=False)

    class Meta:
        verbose_name = _("review comment")
        verbose_name_plural = _("review comments")
        ordering = ["submission", "resolved", "id"]

    def __str__(self):
        target = self.indicator.code if self.indicator_id else _("whole submission")
        return f"{target}: {self.text[:60]}"

    def get_absolute_url(self):
        return reverse("reporting:reviewcomment", args=[self.pk])


def attachment_path(instance, filename) -> str:
    """A name of our own under the media directory: the name the file came with is kept apart
    (`original_name`), never used as a path."""
    suffix = PurePath(filename).suffix.lower()[:10]
    return f"reporting/attachments/{timezone.now():%Y/%m}/{uuid4().hex}{suffix}"


class Attachment(UploadedFile):
    """A file that goes with a submission: the narrative report in Word, photos, a signed scan.
    Added and removed while the submission may still change; kept with it afterwards."""

    scope = Scope("submission__organization")
    label_related = ("submission__organization", "submission__period")

    submission = models.ForeignKey(
        Submission,
        verbose_name=_("submission"),
        on_delete=models.CASCADE,
        related_name="attachments",
    )
    title, file, original_name, size, content_type = UploadedFile.columns(attachment_path)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["submission", "id"]

    def __str__(self):
        return self.title or self.original_name or str(_("attachment"))

    def get_absolute_url(self):
        return reverse("reporting:attachment", args=[self.pk])

    def clean(self):
        if not self.file:
            raise ValidationError({"file": _("Attach a file.")})
        if self.is_new_upload:
            try:
                check_attachment(self.file)
            except ValidationError as error:
                raise ValidationError({"file": error.messages}) from error
            if self.submission_id:
                count = Attachment.objects.filter(submission_id=self.submission_id)
                limit = attachment_limits()["count"]
                if count.exclude(pk=self.pk).count() >= limit:
                    raise ValidationError(
                        {
                            "file": _("A submission holds at most %(count)s attachments.")
                            % {"count": limit}
                        }
                    )
        if self.submission_id:
            refusal = entry_refusal(self.submission)
            if refusal:
                raise ValidationError(refusal)
