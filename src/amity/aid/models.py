"""Foreign non-governmental aid, modelled on the IATI Activity Standard 2.03.

An activity (project, programme, non-project aid, emergency relief) is reported by a donor
(`reporting_org`, a partner) and kept by our organization that is its lead local counterpart
(`organization`): that organization's scope is the activity's scope. Its provinces and sectors
carry percentages that sum to 100; its transactions carry values in their own currency and,
derived from the rate table, in USD and VND.
"""

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from amity.aid import codelists
from amity.aid.choices import (
    ACTUAL_FLOW_TYPES,
    MAY_BE_DONOR,
    ActivityKind,
    ActivityStatus,
    BudgetStatus,
    BudgetType,
    DocumentCategory,
    OrganisationRole,
    TransactionType,
    UnplacedReason,
)
from amity.core.models import BaseModel
from amity.core.scoping import Scope
from amity.organizations.models import ends_after_start, in_language
from amity.partners.text import normalise

PERCENT = [MinValueValidator(Decimal("0.01")), MaxValueValidator(Decimal("100"))]
NOT_NEGATIVE = [MinValueValidator(Decimal("0"))]
ONE_HUNDRED = Decimal("100")


def not_in_future(value, field: str) -> None:
    if value and value > date.today():
        raise ValidationError({field: _("An actual date cannot be in the future.")})


class Activity(BaseModel):
    """An aid activity: a project, programme, non-project aid or emergency relief.

    Seen by the branches of its lead counterpart and of every other counterpart of ours; edited
    by the lead counterpart's branch (and the centre)."""

    scope = Scope("organization", seen_by=("other_counterparts",))

    label_related = ("reporting_org",)

    iati_identifier = models.CharField(
        _("IATI identifier"),
        max_length=150,
        help_text=_("The donor's organization identifier, a hyphen and its own activity id."),
    )
    reporting_org_ref = models.CharField(
        _("donor's IATI organization identifier"),
        max_length=100,
        help_text=_("E.g. GB-CHC-202918; the activity's IATI identifier starts with it."),
    )
    reporting_org = models.ForeignKey(
        "partners.Partner",
        verbose_name=_("donor (reporting organization)"),
        on_delete=models.PROTECT,
        related_name="aid_activities",
        # Declared once: the form, the API and the import offer and accept only these.
        limit_choices_to=MAY_BE_DONOR,
    )
    title_vi = models.CharField(_("title (Vietnamese)"), max_length=500, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=500, blank=True)
    description_vi = models.TextField(_("description (Vietnamese)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    kind = models.CharField(
        _("kind"), max_length=12, choices=ActivityKind.choices, default=ActivityKind.PROJECT
    )
    status = models.CharField(
        _("status"),
        max_length=2,
        choices=ActivityStatus.choices,
        default=ActivityStatus.IMPLEMENTATION,
    )
    planned_start = models.DateField(_("planned start"), null=True, blank=True)
    actual_start = models.DateField(_("actual start"), null=True, blank=True)
    planned_end = models.DateField(_("planned end"), null=True, blank=True)
    actual_end = models.DateField(_("actual end"), null=True, blank=True)
    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("lead local counterpart"),
        on_delete=models.PROTECT,
        related_name="aid_activities",
        help_text=_("The organization of ours that keeps this activity."),
    )
    other_counterparts = models.ManyToManyField(
        "organizations.Organization",
        verbose_name=_("other counterparts of ours"),
        blank=True,
        related_name="shared_aid_activities",
    )
    local_counterparts = models.CharField(
        _("other local counterparts"),
        max_length=500,
        blank=True,
        help_text=_("Local bodies outside the federation, e.g. a Department of Health."),
    )
    default_currency = models.CharField(
        _("default currency"), max_length=3, choices=codelists.currency_choices, default="USD"
    )
    external_ref = models.CharField(_("external reference"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("aid activity")
        verbose_name_plural = _("aid activities")
        ordering = ["-planned_start", "-id"]
        indexes = [
            models.Index(fields=["organization", "status"], name="activity_org_status_idx"),
            models.Index(fields=["planned_start", "id"], name="activity_start_idx"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["iati_identifier"], name="activity_unique_iati_id"),
            models.UniqueConstraint(
                fields=["external_ref"],
                condition=~Q(external_ref=""),
                name="activity_unique_external_ref",
            ),
        ]

    def __str__(self):
        return f"{self.iati_identifier} — {self.title}"

    def get_absolute_url(self):
        return reverse("aid:activity", args=[self.pk])

    @property
    def title(self) -> str:
        return in_language(self.title_vi, self.title_en)

    @property
    def description(self) -> str:
        return in_language(self.description_vi, self.description_en)

    @property
    def start(self) -> date | None:
        return self.actual_start or self.planned_start

    @property
    def end(self) -> date | None:
        return self.actual_end or self.planned_end

    @property
    def earliest_start(self) -> date | None:
        starts = [day for day in (self.planned_start, self.actual_start) if day]
        return min(starts) if starts else None

    def clean(self):
        if (
            self.reporting_org_ref
            and self.iati_identifier
            and not self.iati_identifier.startswith(f"{self.reporting_org_ref}-")
        ):
            raise ValidationError(
                {
                    "iati_identifier": _(
                        "An IATI identifier starts with the donor's organization identifier "
                        "and a hyphen (%(prefix)s-…)."
                    )
                    % {"prefix": self.reporting_org_ref}
                }
            )
        if not (self.planned_start or self.actual_start):
            raise ValidationError({"planned_start": _("Give a planned or an actual start.")})
        if not (self.title_vi or self.title_en):
            raise ValidationError({"title_vi": _("Give a title in Vietnamese or in English.")})
        ends_after_start(self.planned_start, self.planned_end, "planned_end")
        ends_after_start(self.actual_start, self.actual_end, "actual_end")
        not_in_future(self.actual_start, "actual_start")
        not_in_future(self.actual_end, "actual_end")


class ActivityPart(BaseModel):
    """Something that belongs to an activity and shares its scope."""

    scope = Scope(parent="activity")
    label_related = ("activity",)

    class Meta:
        abstract = True


class Share(ActivityPart):
    """A part of an activity given as a percentage: the parts of one activity sum to 100."""

    #: the field that names what the share is of ("province", "sector")
    share_of = ""

    percentage = models.DecimalField(
        _("percentage"), max_digits=5, decimal_places=2, validators=PERCENT
    )

    class Meta:
        abstract = True

    def clean(self):
        # Written one at a time (a form of its own, an import row, the API), a share must keep
        # the activity's total at 100: splitting it among several is done on the activity.
        if self.activity_id is None or self.percentage is None:
            return
        others = type(self).objects.filter(activity_id=self.activity_id).exclude(pk=self.pk)
        total = sum(others.values_list("percentage", flat=True), Decimal(0)) + self.percentage
        if total != ONE_HUNDRED:
            raise ValidationError(
                {
                    "percentage": _(
                        "The percentages of this activity would sum to %(total)s, not 100. "
                        "Change them together on the activity's form."
                    )
                    % {"total": f"{total.normalize():f}"}
                }
            )


class ActivityProvince(Share):
    """A province that benefits from an activity, with its share of the activity."""

    share_of = "province"

    activity = models.ForeignKey(
        Activity,
        verbose_name=_("aid activity"),
        on_delete=models.CASCADE,
        related_name="province_shares",
    )
    province = models.ForeignKey(
        "geo.Province",
        verbose_name=_("province"),
        on_delete=models.PROTECT,
        related_name="aid_shares",
    )

    class Meta:
        verbose_name = _("province of an activity")
        verbose_name_plural = _("provinces of activities")
        ordering = ["activity", "-percentage", "province"]
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "province"], name="activityprovince_unique"
            ),
        ]

    def __str__(self):
        return f"{self.province} {self.percentage:g}% — {self.activity.iati_identifier}"

    def get_absolute_url(self):
        return reverse("aid:activityprovince", args=[self.pk])


class ActivitySector(Share):
    """A DAC 5-digit sector of an activity, with its share of the activity."""

    share_of = "sector"

    activity = models.ForeignKey(
        Activity,
        verbose_name=_("aid activity"),
        on_delete=models.CASCADE,
        related_name="sector_shares",
    )
    sector = models.CharField(_("DAC sector"), max_length=5, choices=codelists.sector_choices)

    class Meta:
        verbose_name = _("sector of an activity")
        verbose_name_plural = _("sectors of activities")
        ordering = ["activity", "-percentage", "sector"]
        constraints = [
            models.UniqueConstraint(fields=["activity", "sector"], name="activitysector_unique"),
        ]

    def __str__(self):
        return f"{self.sector} {self.percentage:g}% — {self.activity.iati_identifier}"

    def get_absolute_url(self):
        return reverse("aid:activitysector", args=[self.pk])


class ParticipatingOrg(ActivityPart):
    """A partner taking part in an activity in one of IATI's roles."""

    label_related = ("activity", "partner")

    activity = models.ForeignKey(
        Activity,
        verbose_name=_("aid activity"),
        on_delete=models.CASCADE,
        related_name="participants",
    )
    partner = models.ForeignKey(
        "partners.Partner",
        verbose_name=_("partner"),
        on_delete=models.PROTECT,
        related_name="aid_participations",
    )
    role = models.CharField(_("role"), max_length=1, choices=OrganisationRole.choices)
    ref = models.CharField(
        _("IATI organization identifier"), max_length=100, blank=True, help_text=_("As in IATI.")
    )

    class Meta:
        verbose_name = _("participating organization")
        verbose_name_plural = _("participating organizations")
        ordering = ["activity", "role", "partner"]
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "partner", "role"], name="participatingorg_unique"
            ),
        ]

    def __str__(self):
        return f"{self.partner} ({self.get_role_display()}) — {self.activity.iati_identifier}"

    def get_absolute_url(self):
        return reverse("aid:participatingorg", args=[self.pk])


class Budget(ActivityPart):
    """An activity's budget for a period of at most a year (IATI)."""

    activity = models.ForeignKey(
        Activity, verbose_name=_("aid activity"), on_delete=models.CASCADE, related_name="budgets"
    )
    budget_type = models.CharField(
        _("type"), max_length=1, choices=BudgetType.choices, default=BudgetType.ORIGINAL
    )
    status = models.CharField(
        _("status"), max_length=1, choices=BudgetStatus.choices, default=BudgetStatus.INDICATIVE
    )
    period_start = models.DateField(_("period start"))
    period_end = models.DateField(_("period end"))
    value = models.DecimalField(
        _("value"), max_digits=18, decimal_places=2, validators=NOT_NEGATIVE
    )
    currency = models.CharField(_("currency"), max_length=3, choices=codelists.currency_choices)
    value_date = models.DateField(_("value date"))

    class Meta:
        verbose_name = _("budget")
        verbose_name_plural = _("budgets")
        ordering = ["activity", "period_start", "id"]

    def __str__(self):
        return f"{self.period_start:%Y} {self.value:,.0f} {self.currency}"

    def get_absolute_url(self):
        return reverse("aid:budget", args=[self.pk])

    def clean(self):
        ends_after_start(self.period_start, self.period_end, "period_end")
        if (
            self.period_start
            and self.period_end
            and (self.period_end - self.period_start).days > 366
        ):
            raise ValidationError({"period_end": _("A budget period is at most one year.")})


class ActivityDocument(ActivityPart):
    """A document about an activity, published at an address (IATI document-link)."""

    activity = models.ForeignKey(
        Activity,
        verbose_name=_("aid activity"),
        on_delete=models.CASCADE,
        related_name="documents",
    )
    title = models.CharField(_("title"), max_length=255)
    url = models.URLField(_("address"), max_length=500)
    category = models.CharField(_("category"), max_length=3, choices=DocumentCategory.choices)
    language = models.CharField(
        _("language"), max_length=2, default="vi", help_text=_("ISO 639-1 code, e.g. vi, en.")
    )
    document_date = models.DateField(_("date"), null=True, blank=True)

    class Meta:
        verbose_name = _("activity document")
        verbose_name_plural = _("activity documents")
        ordering = ["activity", "category", "title"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("aid:activitydocument", args=[self.pk])


class Transaction(ActivityPart):
    """A commitment, disbursement, expenditure or incoming flow of an activity.

    `value_usd` and `value_vnd` are derived from the rate table when the transaction is written
    (`services.TransactionWriter`), and again when a rate or the activity's keeper changes; they
    stay empty when no rate applies, which the statistics list as a problem rather than count
    as zero.
    """

    activity = models.ForeignKey(
        Activity,
        verbose_name=_("aid activity"),
        on_delete=models.CASCADE,
        related_name="transactions",
    )
    transaction_type = models.CharField(
        _("transaction type"), max_length=2, choices=TransactionType.choices
    )
    date = models.DateField(_("date"))
    value = models.DecimalField(
        _("value"), max_digits=18, decimal_places=2, validators=NOT_NEGATIVE
    )
    currency = models.CharField(_("currency"), max_length=3, choices=codelists.currency_choices)
    value_date = models.DateField(
        _("value date"),
        null=True,
        blank=True,
        help_text=_("The day whose exchange rate converts the value; empty: the date."),
    )
    ref = models.CharField(
        _("transaction reference"),
        max_length=100,
        blank=True,
        help_text=_(
            "The donor's own reference for the transaction (IATI transaction ref); an import "
            "that gives it updates the transaction instead of adding it again."
        ),
    )
    description = models.CharField(_("description"), max_length=500, blank=True)
    provider_org = models.ForeignKey(
        "partners.Partner",
        verbose_name=_("provider"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="aid_transactions_provided",
    )
    receiver_name = models.CharField(_("receiver"), max_length=255, blank=True)
    value_usd = models.DecimalField(
        _("value in USD"), max_digits=20, decimal_places=2, null=True, blank=True, editable=False
    )
    value_vnd = models.DecimalField(
        _("value in VND"), max_digits=24, decimal_places=0, null=True, blank=True, editable=False
    )

    class Meta:
        verbose_name = _("transaction")
        verbose_name_plural = _("transactions")
        ordering = ["-date", "-id"]
        indexes = [
            # The statistics read the counted transactions of the selected activities in a
            # period, and only their values: the index alone answers them, without the table.
            models.Index(
                fields=[
                    "activity",
                    "transaction_type",
                    "date",
                    "deleted_at",
                    "value_usd",
                    "value_vnd",
                ],
                name="transaction_statistics_idx",
            ),
            models.Index(fields=["currency", "value_date"], name="transaction_currency_idx"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "ref"],
                condition=~Q(ref=""),
                name="transaction_unique_ref",
                violation_error_message=_(
                    "The activity already has a transaction with this reference."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.get_transaction_type_display()} {self.date:%d/%m/%Y} {self.value:,.2f} " + (
            self.currency
        )

    def get_absolute_url(self):
        return reverse("aid:transaction", args=[self.pk])

    def clean(self):
        if self.date and self.transaction_type in ACTUAL_FLOW_TYPES:
            not_in_future(self.date, "date")
        if self.value_date and self.value_date > date.today():
            raise ValidationError({"value_date": _("A value date cannot be in the future.")})
        activity = None
        if Transaction.activity.is_cached(self):  # an import row read it already
            activity = self.activity
        elif self.activity_id:
            activity = Activity.all_objects.filter(pk=self.activity_id).first()
        if self.date and activity is not None and self.transaction_type in ACTUAL_FLOW_TYPES:
            start = activity.earliest_start
            if start and self.date < start:
                raise ValidationError(
                    {
                        "date": _(
                            "A disbursement or expenditure cannot be dated before the "
                            "activity starts (%(start)s)."
                        )
                        % {"start": start.strftime("%d/%m/%Y")}
                    }
                )

    def derive_fields(self):
        # Empty, the value date is the date; the values in USD and VND are the writer's
        # (`services.TransactionWriter`): they read the rate table.
        if self.value_date is None:
            self.value_date = self.date


class Rate(BaseModel):
    """What one unit of a currency is worth in USD and/or VND from a day on.

    A rate table is kept by an organization (normally the central Union) and applies to the
    activities of that organization and of every organization under it; a Union may keep its own
    rates, which take precedence over the centre's of the same day. A transaction is converted
    with the latest rate on or before its value date.
    """

    #: seen where it applies: by the keeper's branch and by the organizations above it (the
    #: centre's table is seen by every Union under it); edited by the keeper's branch
    scope = Scope("organization", above=True)
    label_related = ("organization",)

    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("kept by"),
        on_delete=models.PROTECT,
        related_name="aid_rates",
    )
    currency = models.CharField(_("currency"), max_length=3, choices=codelists.currency_choices)
    date = models.DateField(_("valid from"))
    usd_per_unit = models.DecimalField(
        _("USD per unit"),
        max_digits=22,
        decimal_places=10,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.0000000001"))],
    )
    vnd_per_unit = models.DecimalField(
        _("VND per unit"),
        max_digits=22,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.000001"))],
    )
    source = models.CharField(
        _("source"), max_length=255, blank=True, help_text=_("E.g. the State Bank of Viet Nam.")
    )

    class Meta:
        verbose_name = _("exchange rate")
        verbose_name_plural = _("exchange rates")
        ordering = ["currency", "-date", "id"]
        indexes = [models.Index(fields=["currency", "date"], name="rate_currency_date_idx")]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "currency", "date"], name="rate_unique_per_day"
            ),
            models.CheckConstraint(
                condition=Q(usd_per_unit__isnull=False) | Q(vnd_per_unit__isnull=False),
                name="rate_has_a_value",
                violation_error_message=_("Give the rate in USD, in VND or both."),
            ),
        ]

    def __str__(self):
        return f"{self.currency} {self.date:%d/%m/%Y}"

    def get_absolute_url(self):
        return reverse("aid:rate", args=[self.pk])

    def clean(self):
        if self.usd_per_unit is None and self.vnd_per_unit is None:
            raise ValidationError({"usd_per_unit": _("Give the rate in USD, in VND or both.")})
        if self.currency == "USD" and self.usd_per_unit not in (None, Decimal(1)):
            raise ValidationError({"usd_per_unit": _("One US dollar is worth one US dollar.")})
        if self.currency == "VND" and self.vnd_per_unit not in (None, Decimal(1)):
            raise ValidationError({"vnd_per_unit": _("One dong is worth one dong.")})


class UnplacedLocation(ActivityPart):
    """A place an imported activity names that no province was found for ("not placed"), with
    the reason; the province a person chose for it, once chosen.

    A choice is remembered: the next import of the same publisher (`publisher_ref`) that names
    the same place (`place_key`) places it in the chosen province."""

    label_related = ("activity", "province")

    activity = models.ForeignKey(
        Activity,
        verbose_name=_("aid activity"),
        on_delete=models.CASCADE,
        related_name="unplaced_locations",
    )
    publisher_ref = models.CharField(
        _("publisher's IATI organization identifier"), max_length=100, blank=True
    )
    place_text = models.CharField(
        _("place as written"), max_length=500, help_text=_("What the publisher's file says.")
    )
    place_key = models.CharField(_("place key"), max_length=500, editable=False)
    reason = models.CharField(_("reason"), max_length=12, choices=UnplacedReason.choices)
    province = models.ForeignKey(
        "geo.Province",
        verbose_name=_("chosen province"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("The province this place is in; remembered for the publisher's next import."),
    )

    class Meta:
        verbose_name = _("place not placed")
        verbose_name_plural = _("places not placed")
        ordering = ["activity", "place_text", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "place_key"], name="unplacedlocation_unique_place"
            ),
        ]

    def __str__(self):
        return f"{self.place_text} — {self.activity.iati_identifier}"

    def get_absolute_url(self):
        return reverse("aid:unplacedlocation", args=[self.pk])

    def derive_fields(self):
        self.place_key = place_key(self.place_text)

    def clean(self):
        # The key is not a form's field: the form would not check the constraint on it.
        self.derive_fields()
        if (
            self.activity_id
            and UnplacedLocation.all_objects.filter(
                activity_id=self.activity_id, place_key=self.place_key
            )
            .exclude(pk=self.pk)
            .exists()
        ):
            raise ValidationError({"place_text": _("The activity has this place already.")})


def place_key(text: str) -> str:
    """A place as written, compared without case, diacritics or punctuation."""
    return normalise(text)[:500]


class YearFlow(models.Model):
    """An activity's counted transactions added up by year and side of the provinces' merger
    (the half-year of 2025 from 1 July is a row of its own): what the statistics of whole years
    read instead of every transaction.

    Derived data, like an index: written only by the database's triggers on the transactions
    (`amity.aid.flows`), so that every way of writing a transaction (forms, API, IATI imports,
    conversions after a rate change, bulk updates) keeps it right; never edited, no history.
    USD are in cents and VND in dong, whole numbers, as SQLite adds them exactly."""

    # No constraint in the database: a derived row must never be why a transaction's write
    # fails (the triggers run inside it); the rows of a deleted activity go with it.
    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, related_name="year_flows", db_constraint=False
    )
    year = models.PositiveSmallIntegerField()
    after_merger = models.BooleanField()
    committed_usd_cents = models.DecimalField(max_digits=32, decimal_places=0)
    disbursed_usd_cents = models.DecimalField(max_digits=32, decimal_places=0)
    committed_vnd = models.DecimalField(max_digits=32, decimal_places=0)
    disbursed_vnd = models.DecimalField(max_digits=32, decimal_places=0)
    #: counted transactions without a value in USD or VND (no rate applied)
    unconverted = models.PositiveIntegerField()

    class Meta:
        verbose_name = _("yearly flow")
        verbose_name_plural = _("yearly flows")
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "year", "after_merger"], name="yearflow_unique_year"
            )
        ]

    def __str__(self):
        return f"{self.activity_id} {self.year}"
