"""The yearly review of member organizations (rà soát, đánh giá hoạt động): for each central
association and provincial Union, an assessment of how it operates, drawn from its activity profile
(`emulation.facts`, computed, never stored), and a proposal: keep, strengthen, merge or terminate.

A review is made by an organization of one under it: the centre reviews the central associations
and the provincial Unions (a Union may review its own member associations the same way). The
reviewer's branch sees and edits it while it is a draft; once decided it is fixed, and the
reviewed organization's branch sees it too. A decided proposal to merge or terminate leads to the
registry's lifecycle steps (`organizations`: the merger, a "terminated" lineage event with its
decision), which the review's page opens prefilled.
"""

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from amity.core.dates import MAX_YEAR, MIN_YEAR
from amity.core.models import BaseModel
from amity.core.scoping import AllManager, LiveManager, Scope, ScopedQuerySet, branch_of, signed_in
from amity.organizations.choices import OrganizationKind


class Assessment(models.TextChoices):
    OPERATING_WELL = "well", _("Operating well")
    OPERATING_WEAKLY = "weakly", _("Operating weakly")
    NOT_OPERATING = "not_operating", _("Not operating")


class ReviewProposal(models.TextChoices):
    KEEP = "keep", _("Keep")
    STRENGTHEN = "strengthen", _("Strengthen")
    MERGE = "merge", _("Merge")
    TERMINATE = "terminate", _("Terminate")


class ReviewState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    DECIDED = "decided", _("Decided")


#: the organizations the yearly review covers: the members of the centre
MEMBER_KINDS = (OrganizationKind.CENTRAL_MEMBER, OrganizationKind.PROVINCIAL_UNION)
#: the organizations a review may be about: those and a Union's member associations
REVIEWABLE_KINDS = (*MEMBER_KINDS, OrganizationKind.LOCAL_MEMBER)


class ReviewQuerySet(ScopedQuerySet):
    def visible_to(self, user):
        """The reviewer's branch (and the centre) see every review; the reviewed organization's
        branch sees its own once decided, never a draft."""
        seen = super().visible_to(user)
        if not signed_in(user) or user.sees_everything:
            return seen
        home = user.organization
        if home is None or not home.tree_path:
            return seen
        own = self.filter(state=ReviewState.DECIDED, organization__any_of=branch_of(home))
        return seen | own

    def decided(self):
        return self.filter(state=ReviewState.DECIDED)


class Review(BaseModel):
    """One organization's review for a year (or a chosen period): the assessment, the reviewer's
    note, the proposal, and whether it is decided."""

    scope = Scope("reviewer")
    label_related = ("organization",)

    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("organization reviewed"),
        on_delete=models.PROTECT,
        related_name="reviews",
        limit_choices_to={"kind__in": REVIEWABLE_KINDS},
    )
    reviewer = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("reviewed by"),
        on_delete=models.PROTECT,
        related_name="reviews_made",
        help_text=_(
            "The organization above it that reviews it: the central Union for its members."
        ),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    period_start = models.DateField(
        _("period from"), blank=True, help_text=_("Empty: the first day of the year.")
    )
    period_end = models.DateField(
        _("period until"), blank=True, help_text=_("Empty: the last day of the year.")
    )
    assessment = models.CharField(
        _("assessment"), max_length=16, choices=Assessment.choices, blank=True
    )
    reviewer_note = models.TextField(_("reviewer's note"), blank=True)
    proposal = models.CharField(
        _("proposal"), max_length=12, choices=ReviewProposal.choices, blank=True
    )
    merge_into = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("merge into"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("For a proposal to merge: the organization it would merge into."),
    )
    state = models.CharField(
        _("state"),
        max_length=10,
        choices=ReviewState.choices,
        default=ReviewState.DRAFT,
        editable=False,
    )
    decided_on = models.DateField(_("decided on"), null=True, blank=True, editable=False)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    objects = LiveManager.from_queryset(ReviewQuerySet)()
    all_objects = AllManager.from_queryset(ReviewQuerySet)()

    class Meta:
        verbose_name = _("organization review")
        verbose_name_plural = _("organization reviews")
        ordering = ["-year", "organization__tree_path", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "year"],
                condition=Q(deleted_at__isnull=True),
                name="emulation_review_one_per_year",
                violation_error_message=_("This organization already has a review for this year."),
            ),
            models.CheckConstraint(
                condition=Q(period_end__gte=models.F("period_start")),
                name="emulation_review_period_ends_after_start",
                violation_error_message=_("The period ends before it starts."),
            ),
        ]

    def __str__(self):
        return f"{self.organization} — {self.year}" if self.organization_id else str(self.year)

    def get_absolute_url(self):
        return reverse("emulation:review", args=[self.pk])

    @property
    def is_decided(self) -> bool:
        return self.state == ReviewState.DECIDED

    @property
    def leads_to_lifecycle(self) -> bool:
        """A decided proposal to merge or terminate: the registry's step follows."""
        return self.is_decided and self.proposal in (
            ReviewProposal.MERGE,
            ReviewProposal.TERMINATE,
        )

    def derive_fields(self) -> None:
        if self.year and MIN_YEAR <= self.year <= MAX_YEAR:
            self.period_start = self.period_start or date(self.year, 1, 1)
            self.period_end = self.period_end or date(self.year, 12, 31)

    def clean(self):
        super().clean()
        if self.year and not MIN_YEAR <= self.year <= MAX_YEAR:
            raise ValidationError(
                {
                    "year": _("Enter a year between %(first)s and %(last)s.")
                    % {"first": MIN_YEAR, "last": MAX_YEAR}
                }
            )
        self.derive_fields()
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": _("The period ends before it starts.")})
        if self.organization_id and self.reviewer_id:
            reviewed, reviewer = self.organization, self.reviewer
            if reviewed.pk == reviewer.pk or not reviewer.holds(reviewed):
                raise ValidationError(
                    {"reviewer": _("An organization is reviewed by one above it.")}
                )
        if self.merge_into_id:
            if self.proposal != ReviewProposal.MERGE:
                raise ValidationError(
                    {"merge_into": _("Only a proposal to merge names what it merges into.")}
                )
            if self.organization_id and self.organization.holds(self.merge_into):
                raise ValidationError(
                    {"merge_into": _("An organization cannot merge into itself or one under it.")}
                )
        if self.organization_id and self.year:
            clash = Review.objects.filter(organization_id=self.organization_id, year=self.year)
            if self.pk:
                clash = clash.exclude(pk=self.pk)
            if clash.exists():
                raise ValidationError(
                    {"year": _("This organization already has a review for this year.")}
                )
