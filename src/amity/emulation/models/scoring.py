"""Emulation (thi đua): criteria tables, clusters and their pacts, thematic campaigns, score
sheets and their scores.

- A **criteria table** (bảng tiêu chí) belongs to a regulation version: sections of criteria, each
  with its maximum points, how it is evidenced, whether it is a bonus or a penalty, and, where the
  system knows the answer, the measure of the records it is computed from.
- A **cluster** (cụm, khối thi đua) is one year's grouping of provincial Unions (by region) or of
  central associations, with a head and a deputy that rotate yearly and the pact (giao ước thi
  đua) its members sign at the start of the year.
- A **campaign** (thi đua theo chuyên đề) has its own period, participants and criteria table.
- A **score sheet** is one unit's scoring for a year (in its cluster) or for a campaign: the unit
  scores itself with its evidence, the cluster head reviews and may adjust with a reason, the
  central council confirms. Its workflow is in `emulation.services.scoring`.

Scoping: the centre makes criteria tables, clusters and campaigns, seen by every organization
under it (`above=True`); a sheet is its unit's, seen by the cluster head's organization too.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from amity.core.models import BaseModel
from amity.core.scoping import Scope
from amity.organizations.models import in_language

#: the years an emulation may be kept for (a far-out year is a typing error)
FIRST_YEAR, LAST_YEAR = 2000, 2100
YEAR_VALIDATORS = [MinValueValidator(FIRST_YEAR), MaxValueValidator(LAST_YEAR)]
POINTS = {"max_digits": 7, "decimal_places": 2}


class CriterionKind(models.TextChoices):
    NORMAL = "normal", _("Normal criterion")
    BONUS = "bonus", _("Bonus points")
    PENALTY = "penalty", _("Penalty points")


class ComputedMeasure(models.TextChoices):
    """What a computed criterion is counted from: the keys of `emulation.facts.FACT_KEYS`."""

    REPORTS_ON_TIME = "reports_on_time", _("Reports submitted on time")
    AID_MOBILISED = "aid_committed_usd", _("Aid mobilised (USD)")
    AID_DISBURSED = "aid_disbursed_usd", _("Aid disbursed (USD)")
    EVENTS_ORGANISED = "events_organised", _("Events organised")
    CONFERENCES_JOINED = "conferences_joined", _("Participation in conferences")
    PARTNERS_ENGAGED = "partners_engaged", _("Partners with interactions")
    PROPOSALS_RAISED = "proposals_raised", _("Proposals raised")
    PROPOSALS_ANSWERED = "proposals_answered", _("Proposals answered")


class ClusterKind(models.TextChoices):
    PROVINCIAL = "provincial", _("Cluster of provincial Unions")
    CENTRAL = "central", _("Block of central associations")


class Region(models.TextChoices):
    """The regions the provincial Unions are grouped by (after the 2025 merger)."""

    NORTHERN_MOUNTAINS = "northern_mountains", _("Northern midlands and mountains")
    RED_RIVER_DELTA = "red_river_delta", _("Red River Delta")
    NORTH_CENTRAL = "north_central", _("North Central")
    SOUTH_CENTRAL = "south_central", _("South Central Coast and Central Highlands")
    SOUTHEAST = "southeast", _("Southeast")
    MEKONG_DELTA = "mekong_delta", _("Mekong River Delta")


class SheetState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SELF_SCORED = "self_scored", _("Self-scored, awaiting the cluster's review")
    CLUSTER_REVIEWED = "cluster_reviewed", _("Reviewed by the cluster")
    CONFIRMED = "confirmed", _("Confirmed by the council")


class CriteriaTable(BaseModel):
    """A table of emulation criteria under a regulation version (the yearly table, or a
    campaign's own)."""

    scope = Scope("organization", above=True)

    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("issued by"),
        on_delete=models.PROTECT,
        related_name="emulation_criteria_tables",
    )
    regulation = models.ForeignKey(
        "emulation.Regulation",
        verbose_name=_("regulation"),
        on_delete=models.PROTECT,
        related_name="criteria_tables",
    )
    code = models.CharField(_("code"), max_length=30)
    title_vi = models.CharField(_("Vietnamese title"), max_length=255)
    title_en = models.CharField(_("English title"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("criteria table")
        verbose_name_plural = _("criteria tables")
        ordering = ["code"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "code"],
                name="emulation_criteriatable_unique_code",
                violation_error_message=_("A criteria table with this code already exists."),
            )
        ]

    def __str__(self):
        return f"{self.code} · {in_language(self.title_vi, self.title_en)}"

    def get_absolute_url(self):
        return reverse("emulation:criteriatable", args=[self.pk])


class CriteriaSection(BaseModel):
    """A numbered section of a criteria table (I. Organization, II. People-to-people diplomacy…)."""

    scope = Scope(parent="table")
    label_related = ("table",)

    table = models.ForeignKey(
        CriteriaTable,
        verbose_name=_("criteria table"),
        on_delete=models.CASCADE,
        related_name="sections",
    )
    number = models.PositiveSmallIntegerField(
        _("section number"), validators=[MinValueValidator(1)]
    )
    title_vi = models.CharField(_("Vietnamese title"), max_length=255)
    title_en = models.CharField(_("English title"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("criteria section")
        verbose_name_plural = _("criteria sections")
        ordering = ["table", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["table", "number"],
                name="emulation_criteriasection_unique_number",
                violation_error_message=_("The table already has a section with this number."),
            )
        ]

    def __str__(self):
        return f"{self.number}. {in_language(self.title_vi, self.title_en)}"

    def get_absolute_url(self):
        return reverse("emulation:criteriasection", args=[self.pk])


class Criterion(BaseModel):
    """One criterion: its maximum points, how it is evidenced, and (a computed criterion) the
    measure of the records it is computed from, full points reached at `computed_target`."""

    scope = Scope(parent="section")
    label_related = ("section",)

    section = models.ForeignKey(
        CriteriaSection,
        verbose_name=_("section"),
        on_delete=models.CASCADE,
        related_name="criteria",
    )
    code = models.CharField(_("code"), max_length=20)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    text_vi = models.TextField(_("Vietnamese text"))
    text_en = models.TextField(_("English text"), blank=True)
    max_points = models.DecimalField(
        _("maximum points"), **POINTS, validators=[MinValueValidator(Decimal("0.01"))]
    )
    kind = models.CharField(
        _("kind"), max_length=10, choices=CriterionKind.choices, default=CriterionKind.NORMAL
    )
    evidence_required = models.BooleanField(_("evidence required"), default=True)
    evidence_how = models.CharField(_("how evidenced"), max_length=255, blank=True)
    computed_from = models.CharField(
        _("computed from"), max_length=30, choices=ComputedMeasure.choices, blank=True
    )
    computed_target = models.DecimalField(
        _("value earning full points"),
        max_digits=16,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.01"))],
    )

    class Meta:
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        ordering = ["section", "order", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["section", "code"],
                name="emulation_criterion_unique_code",
                violation_error_message=_("The section already has a criterion with this code."),
            )
        ]

    def __str__(self):
        return f"{self.code}. {in_language(self.text_vi, self.text_en)[:80]}"

    def get_absolute_url(self):
        return reverse("emulation:criterion", args=[self.pk])

    @property
    def text(self) -> str:
        return in_language(self.text_vi, self.text_en)

    @property
    def is_penalty(self) -> bool:
        return self.kind == CriterionKind.PENALTY

    def clean(self):
        super().clean()
        if self.computed_from and not self.computed_target:
            raise ValidationError(
                {"computed_target": _("A computed criterion says which value earns full points.")}
            )
        if self.computed_from and self.kind == CriterionKind.PENALTY:
            raise ValidationError({"computed_from": _("A penalty cannot be computed.")})

    def points_for(self, value) -> Decimal:
        """The points a computed value earns: in proportion to the target, at most the
        maximum, rounded to two decimals."""
        if value is None or not self.computed_target:
            return Decimal("0")
        share = min(Decimal(1), Decimal(value) / self.computed_target)
        return (self.max_points * max(share, Decimal(0))).quantize(Decimal("0.01"))

    def points_error(self, points) -> str | None:
        """Why `points` may not be given for this criterion, or None."""
        if points is None:
            return None
        if abs(points) > self.max_points:
            return str(
                _("At most %(max)s points for criterion %(code)s.")
                % {"max": self.max_points, "code": self.code}
            )
        if points < 0 and not self.is_penalty:
            return str(
                _("Criterion %(code)s is not a penalty: its points cannot be negative.")
                % {"code": self.code}
            )
        if points > 0 and self.is_penalty:
            return str(
                _("Criterion %(code)s is a penalty: its points are zero or negative.")
                % {"code": self.code}
            )
        return None


class Cluster(BaseModel):
    """One year's emulation cluster (or block) with its members, its head and deputy, and the
    pact its members sign at the start of the year."""

    scope = Scope("organization", above=True)

    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("organized by"),
        on_delete=models.PROTECT,
        related_name="emulation_clusters",
    )
    year = models.PositiveSmallIntegerField(_("year"), validators=YEAR_VALIDATORS)
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(
        _("kind"), max_length=12, choices=ClusterKind.choices, default=ClusterKind.PROVINCIAL
    )
    region = models.CharField(_("region"), max_length=20, choices=Region.choices, blank=True)
    criteria_table = models.ForeignKey(
        CriteriaTable,
        verbose_name=_("criteria table"),
        on_delete=models.PROTECT,
        related_name="clusters",
        null=True,
        blank=True,
    )
    members = models.ManyToManyField(
        "organizations.Organization",
        verbose_name=_("members"),
        related_name="emulation_clusters_joined",
        blank=True,
    )
    head = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("head"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    deputy = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("deputy head"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    pact_signed_on = models.DateField(_("pact signed on"), null=True, blank=True)
    pact_commitments = models.TextField(_("pact commitments"), blank=True)
    ranking_published = models.BooleanField(_("ranking published"), default=False)

    class Meta:
        verbose_name = _("emulation cluster")
        verbose_name_plural = _("emulation clusters")
        ordering = ["-year", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "year", "name"],
                name="emulation_cluster_unique_name",
                violation_error_message=_("There is already a cluster of this name this year."),
            )
        ]

    def __str__(self):
        return f"{self.name} ({self.year})"

    def get_absolute_url(self):
        return reverse("emulation:cluster", args=[self.pk])

    def clean(self):
        super().clean()
        if self.head_id and self.head_id == self.deputy_id:
            raise ValidationError({"deputy": _("The head and the deputy are two organizations.")})


class Campaign(BaseModel):
    """A thematic emulation campaign (for a congress, an anniversary): its period, its
    participants and its own criteria table."""

    scope = Scope("organization", above=True)

    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("launched by"),
        on_delete=models.PROTECT,
        related_name="emulation_campaigns",
    )
    name_vi = models.CharField(_("Vietnamese name"), max_length=255)
    name_en = models.CharField(_("English name"), max_length=255, blank=True)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    criteria_table = models.ForeignKey(
        CriteriaTable,
        verbose_name=_("criteria table"),
        on_delete=models.PROTECT,
        related_name="campaigns",
        null=True,
        blank=True,
    )
    participants = models.ManyToManyField(
        "organizations.Organization",
        verbose_name=_("participants"),
        related_name="emulation_campaigns_joined",
        blank=True,
    )
    ranking_published = models.BooleanField(_("ranking published"), default=False)

    class Meta:
        verbose_name = _("emulation campaign")
        verbose_name_plural = _("emulation campaigns")
        ordering = ["-starts_on", "name_vi"]

    def __str__(self):
        return in_language(self.name_vi, self.name_en)

    def get_absolute_url(self):
        return reverse("emulation:campaign", args=[self.pk])

    def clean(self):
        super().clean()
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("A campaign cannot end before it starts.")})


class ScoreSheet(BaseModel):
    """One unit's scoring for a year in its cluster, or for a campaign."""

    scope = Scope("organization", seen_by=("cluster__head",))
    label_related = ("organization", "campaign")

    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("unit"),
        on_delete=models.PROTECT,
        related_name="emulation_score_sheets",
    )
    year = models.PositiveSmallIntegerField(_("year"), validators=YEAR_VALIDATORS)
    cluster = models.ForeignKey(
        Cluster,
        verbose_name=_("cluster"),
        on_delete=models.PROTECT,
        related_name="sheets",
        null=True,
        blank=True,
    )
    campaign = models.ForeignKey(
        Campaign,
        verbose_name=_("campaign"),
        on_delete=models.PROTECT,
        related_name="sheets",
        null=True,
        blank=True,
    )
    criteria_table = models.ForeignKey(
        CriteriaTable,
        verbose_name=_("criteria table"),
        on_delete=models.PROTECT,
        related_name="sheets",
    )
    state = models.CharField(
        _("state"), max_length=20, choices=SheetState.choices, default=SheetState.DRAFT
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True, editable=False)
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True, editable=False)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True, editable=False)
    # why the cluster (or the centre) sent the sheet back: shown to the unit until it submits
    # again; every return stays in the sheet's history. Written only by `return_sheet` (no form
    # or serializer lists them), yet editable: the History tab shows only editable fields.
    return_reason = models.TextField(_("reason for the return"), blank=True)
    returned_at = models.DateTimeField(_("returned"), null=True, blank=True)

    class Meta:
        verbose_name = _("score sheet")
        verbose_name_plural = _("score sheets")
        ordering = ["-year", "organization__name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "year"],
                condition=Q(campaign__isnull=True),
                name="emulation_scoresheet_unique_year",
                violation_error_message=_("This unit already has a score sheet for this year."),
            ),
            models.UniqueConstraint(
                fields=["organization", "campaign"],
                condition=Q(campaign__isnull=False),
                name="emulation_scoresheet_unique_campaign",
                violation_error_message=_("This unit already has a score sheet for this campaign."),
            ),
        ]
        indexes = [models.Index(fields=["cluster", "state"], name="emulation_sheet_cluster_idx")]

    def __str__(self):
        what = self.campaign if self.campaign_id else self.year
        return f"{self.organization} · {what}"

    def get_absolute_url(self):
        return reverse("emulation:scoresheet", args=[self.pk])

    def clean(self):
        super().clean()
        if self.cluster_id and self.year and self.cluster.year != self.year:
            raise ValidationError({"cluster": _("The cluster is of another year.")})
        if (
            self.cluster_id
            and self.organization_id
            and not self.cluster.members.filter(pk=self.organization_id).exists()
        ):
            raise ValidationError({"cluster": _("The unit is not a member of this cluster.")})
        if (
            self.campaign_id
            and self.organization_id
            and not self.campaign.participants.filter(pk=self.organization_id).exists()
        ):
            raise ValidationError({"campaign": _("The unit does not take part in this campaign.")})

    @property
    def is_draft(self) -> bool:
        return self.state == SheetState.DRAFT


class Score(BaseModel):
    """A sheet's points for one criterion at each stage: the unit's own with its evidence (and
    why it differs from the computed value), the cluster's adjustment with its reason, the
    council's. The computed value and the facts it came from are written by the service."""

    scope = Scope(parent="sheet")
    label_related = ("sheet", "criterion")

    sheet = models.ForeignKey(
        ScoreSheet, verbose_name=_("score sheet"), on_delete=models.CASCADE, related_name="scores"
    )
    criterion = models.ForeignKey(
        Criterion, verbose_name=_("criterion"), on_delete=models.PROTECT, related_name="scores"
    )
    self_points = models.DecimalField(_("self-score"), **POINTS, null=True, blank=True)
    self_evidence = models.TextField(_("evidence"), blank=True)
    explanation = models.TextField(_("why it differs from the computed value"), blank=True)
    computed_value = models.DecimalField(
        _("computed value"), max_digits=16, decimal_places=2, null=True, blank=True, editable=False
    )
    computed_points = models.DecimalField(
        _("computed points"), **POINTS, null=True, blank=True, editable=False
    )
    computed_links = models.JSONField(
        _("records counted"), default=list, blank=True, editable=False
    )
    cluster_points = models.DecimalField(
        _("cluster's points"), **POINTS, null=True, blank=True, editable=False
    )
    cluster_reason = models.TextField(_("cluster's reason"), blank=True, editable=False)
    council_points = models.DecimalField(
        _("council's points"), **POINTS, null=True, blank=True, editable=False
    )
    council_reason = models.TextField(_("council's reason"), blank=True, editable=False)

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        ordering = ["sheet", "criterion__section__number", "criterion__order", "criterion__code"]
        constraints = [
            models.UniqueConstraint(
                fields=["sheet", "criterion"],
                name="emulation_score_unique_criterion",
                violation_error_message=_("The sheet already scores this criterion."),
            )
        ]

    def __str__(self):
        return f"{self.criterion.code}: {self.effective_points}"

    def get_absolute_url(self):
        return reverse("emulation:score", args=[self.pk])

    @property
    def effective_points(self) -> Decimal | None:
        """The latest stage's points: the council's, else the cluster's, else the unit's."""
        for points in (self.council_points, self.cluster_points, self.self_points):
            if points is not None:
                return points
        return None

    def clean(self):
        super().clean()
        if not self.criterion_id:
            return
        if self.sheet_id and self.criterion.section.table_id != self.sheet.criteria_table_id:
            raise ValidationError({"criterion": _("The criterion is of another criteria table.")})
        error = self.criterion.points_error(self.self_points)
        if error:
            raise ValidationError({"self_points": error})
        if (
            self.computed_points is not None
            and self.self_points is not None
            and self.self_points != self.computed_points
            and not self.explanation.strip()
        ):
            raise ValidationError(
                {
                    "explanation": _(
                        "The self-score (%(self)s) differs from the computed value "
                        "(%(computed)s): explain the difference."
                    )
                    % {"self": self.self_points, "computed": self.computed_points}
                }
            )
