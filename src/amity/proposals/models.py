"""Proposals raised by organizations and the answers they get; consultations on a draft.

Scoping (DESIGN.md, "Who uses it"):

- a proposal is owned by the organization that raised it; it is also seen, and may be answered,
  by the department it is addressed to and by the responsible department (and whoever is above
  them: the centre sees everything anyway). Follow-up actions share the proposal's scope.
- topics, status labels and consultations are made by an organization (the centre, usually) and
  seen downwards: a Union sees what its own branch made and what those above it made.
  A consultation's articles share its scope.
- a consultation response is owned by the organization that sent it, and is also seen by the
  organization running the consultation; its article positions share the response's scope.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from amity.core.models import BaseModel
from amity.core.scoping import AllManager, LiveManager, Scope, ScopedQuerySet
from amity.organizations.choices import OrganizationKind
from amity.organizations.models import Organization, in_language
from amity.proposals.choices import (
    CLOSED_STATUSES,
    ActionState,
    AnswerState,
    ConsultationStatus,
    Position,
    ProposalSource,
    ProposalStatus,
)

#: the departments a proposal may be addressed to: units of a Standing Agency (the choice limit
#: of `Proposal.addressed_to` and `responsible_department`, read by forms, API and imports)
DEPARTMENT = Q(kind=OrganizationKind.STANDING_UNIT)


def departments():
    """The departments a proposal may be addressed to: units of a Standing Agency."""
    return Organization.objects.filter(DEPARTMENT)


class Topic(BaseModel):
    """A topic proposals are filed under; the six topics of the 2024 conference are the
    system's own (no organization, loaded by a migration), the centre adds more.

    Made by an organization and seen by its branch and by every organization under it; the
    system's own are seen by everyone signed in."""

    scope = Scope("organization", above=True, shared=Q(organization__isnull=True))

    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("managed by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="proposal_topics",
        help_text=_("Empty for the system's own topics."),
    )
    code = models.CharField(_("code"), max_length=30)
    name_vi = models.CharField(_("Vietnamese name"), max_length=255)
    name_en = models.CharField(_("English name"), max_length=255, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_active = models.BooleanField(_("in use"), default=True)

    class Meta:
        verbose_name = _("proposal topic")
        verbose_name_plural = _("proposal topics")
        ordering = ["order", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["code"],
                name="proposal_topic_unique_code",
                violation_error_message=_("Another topic already has this code."),
            )
        ]

    def __str__(self):
        return in_language(self.name_vi, self.name_en)

    def get_absolute_url(self):
        return reverse("proposals:topic", args=[self.pk])


class StatusLabel(BaseModel):
    """The centre's own name for a proposal status, in place of the built-in one; seen by the
    branch of the organization that manages it and by every organization under it."""

    scope = Scope("organization", above=True)

    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("managed by"),
        on_delete=models.PROTECT,
        related_name="proposal_status_labels",
    )
    status = models.CharField(_("status"), max_length=20, choices=ProposalStatus.choices)
    label_vi = models.CharField(_("Vietnamese label"), max_length=100)
    label_en = models.CharField(_("English label"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("status label")
        verbose_name_plural = _("status labels")
        ordering = ["organization", "status"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "status"],
                name="proposal_status_label_unique",
                violation_error_message=_("This status already has a label."),
            )
        ]

    def __str__(self):
        return in_language(self.label_vi, self.label_en)

    def get_absolute_url(self):
        return reverse("proposals:statuslabel", args=[self.pk])


def status_labels() -> dict[str, str]:
    """Status → label: the labels set by the root of the tree (the central Union), falling back
    to the built-in ones. One query."""
    labels = {value: str(label) for value, label in ProposalStatus.choices}
    own = StatusLabel.objects.filter(organization__parent__isnull=True)
    labels.update({row.status: str(row) for row in own})
    return labels


class ProposalQuerySet(ScopedQuerySet):
    def overdue(self, today: date | None = None):
        return self.filter(due_on__lt=today or date.today()).exclude(status__in=CLOSED_STATUSES)

    def awaiting_answer(self):
        return self.exclude(answer_state=AnswerState.PUBLISHED).exclude(status__in=CLOSED_STATUSES)


class Proposal(BaseModel):
    """A proposal an organization raised, to whom, and the official answer it got; seen and
    edited by the branches of the organization that raised it, of the one it is addressed to and
    of the department responsible for it."""

    scope = Scope("organization", "addressed_to", "responsible_department")
    label_related = ("organization",)
    #: relations whose choices are their `limit_choices_to` alone, not narrowed to what the user
    #: sees: any Union may address any department of the Standing Agency, whose records it does
    #: not otherwise see (the form, the API and the import read this)
    open_choices = ("addressed_to", "responsible_department")

    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("raised by (organization)"),
        on_delete=models.PROTECT,
        related_name="proposals",
    )
    raised_by = models.ForeignKey(
        "organizations.Person",
        verbose_name=_("raised by (person)"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="proposals",
    )
    raised_by_name = models.CharField(
        _("raised by (name and title)"),
        max_length=255,
        blank=True,
        help_text=_("When the person is not in the registry."),
    )
    raised_on = models.DateField(_("raised on"))
    source = models.CharField(_("raised where"), max_length=16, choices=ProposalSource.choices)
    event = models.ForeignKey(
        "events.Event",
        verbose_name=_("event"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="proposals",
    )
    consultation = models.ForeignKey(
        "proposals.Consultation",
        verbose_name=_("consultation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="proposals",
    )
    source_reference = models.CharField(
        _("report or letter"),
        max_length=255,
        blank=True,
        help_text=_("The number and date of the report or letter."),
    )
    topic = models.ForeignKey(
        Topic, verbose_name=_("topic"), on_delete=models.PROTECT, related_name="proposals"
    )
    title = models.CharField(_("subject"), max_length=300)
    text = models.TextField(_("text of the proposal"))
    addressed_to = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("addressed to"),
        on_delete=models.PROTECT,
        limit_choices_to=DEPARTMENT,
        related_name="proposals_received",
    )
    responsible_department = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("responsible department"),
        on_delete=models.PROTECT,
        limit_choices_to=DEPARTMENT,
        null=True,
        blank=True,
        related_name="proposals_handled",
    )
    due_on = models.DateField(_("answer due on"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ProposalStatus.choices, default=ProposalStatus.RECEIVED
    )
    related = models.ManyToManyField(
        "self",
        verbose_name=_("related proposals"),
        blank=True,
        help_text=_("Proposals answered together with this one."),
    )
    answer_text = models.TextField(_("official answer"), blank=True)
    answer_state = models.CharField(
        _("answer"),
        max_length=10,
        choices=AnswerState.choices,
        default=AnswerState.NONE,
        blank=True,
    )
    answer_drafted_by = models.ForeignKey(
        "accounts.User",
        verbose_name=_("answer drafted by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    answer_approved_by = models.ForeignKey(
        "accounts.User",
        verbose_name=_("answer approved by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    answer_approved_at = models.DateTimeField(_("answer approved at"), null=True, blank=True)
    answer_returned_reason = models.TextField(
        _("why the answer was sent back"),
        blank=True,
        help_text=_("Written by the leader who sent the draft back to the department."),
    )
    answer_published_at = models.DateTimeField(_("answer published at"), null=True, blank=True)
    external_ref = models.CharField(_("external reference"), max_length=100, blank=True)

    objects = LiveManager.from_queryset(ProposalQuerySet)()
    all_objects = AllManager.from_queryset(ProposalQuerySet)()

    class Meta:
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        ordering = ["-raised_on", "-id"]
        indexes = [
            # the board: its counts by status and each status column in due-date order, read
            # from the index of the live proposals alone, which also holds the columns of the
            # scope (no row of the table is read to learn that it is deleted or out of scope)
            models.Index(
                fields=[
                    "status",
                    "due_on",
                    "organization",
                    "addressed_to",
                    "responsible_department",
                ],
                condition=Q(deleted_at__isnull=True),
                name="proposal_live_board_idx",
            ),
            # the leaders' approvals: the drafted answers, soonest due first
            models.Index(fields=["answer_state", "due_on", "id"], name="proposal_answer_due_idx"),
            models.Index(fields=["raised_on", "id"], name="proposal_raised_idx"),
            # the board of one department
            models.Index(
                fields=["addressed_to", "status", "due_on"],
                condition=Q(deleted_at__isnull=True),
                name="proposal_live_addressed_idx",
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["external_ref"],
                condition=~Q(external_ref=""),
                name="proposal_unique_external_ref",
                violation_error_message=_("Another proposal already has this external reference."),
            ),
            models.CheckConstraint(
                condition=~Q(answer_state=AnswerState.PUBLISHED)
                | Q(answer_approved_by__isnull=False),
                name="proposal_published_answer_approved",
                violation_error_message=_(
                    "An answer may be published only after a leader has approved it."
                ),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("proposals:proposal", args=[self.pk])

    @property
    def is_overdue(self) -> bool:
        return bool(
            self.due_on and self.due_on < date.today() and self.status not in CLOSED_STATUSES
        )

    @property
    def answer_is_published(self) -> bool:
        return self.answer_state == AnswerState.PUBLISHED

    def clean(self):
        errors = {}
        for name in ("addressed_to", "responsible_department"):
            target = getattr(self, name, None) if getattr(self, f"{name}_id") else None
            if target is not None and target.kind != OrganizationKind.STANDING_UNIT:
                errors[name] = _(
                    "Choose a department of the Standing Agency: %(organization)s is not one."
                ) % {"organization": target}
        if self.answer_state == AnswerState.PUBLISHED and not self.answer_approved_by_id:
            errors["answer_state"] = _(
                "An answer may be published only after a leader has approved it."
            )
        if self.source == ProposalSource.EVENT and not self.event_id:
            errors["event"] = _("Choose the event where the proposal was raised.")
        if errors:
            raise ValidationError(errors)


class ProposalAction(BaseModel):
    """A follow-up action on a proposal: what is done, by whom, by when, how far it has got."""

    scope = Scope(parent="proposal")
    label_related = ("proposal",)

    proposal = models.ForeignKey(
        Proposal, verbose_name=_("proposal"), on_delete=models.CASCADE, related_name="actions"
    )
    action = models.CharField(_("action"), max_length=300)
    responsible = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("responsible organization"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    due_on = models.DateField(_("due on"), null=True, blank=True)
    progress = models.PositiveSmallIntegerField(
        _("progress (%)"), default=0, validators=[MaxValueValidator(100)]
    )
    state = models.CharField(
        _("state"), max_length=10, choices=ActionState.choices, default=ActionState.OPEN
    )

    class Meta:
        verbose_name = _("follow-up action")
        verbose_name_plural = _("follow-up actions")
        ordering = ["proposal", "due_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(progress__lte=100),
                name="proposal_action_progress_max_100",
                violation_error_message=_("Progress is a percentage from 0 to 100."),
            )
        ]

    def __str__(self):
        return self.action

    def get_absolute_url(self):
        return reverse("proposals:proposalaction", args=[self.pk])


class Consultation(BaseModel):
    """Opinions asked of many organizations on one draft document, article by article; seen by
    the branch of the organization that runs it and by every organization under it."""

    scope = Scope("organization", above=True)

    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("run by"),
        on_delete=models.PROTECT,
        related_name="consultations",
    )
    title_vi = models.CharField(_("title (Vietnamese)"), max_length=300)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    document = models.CharField(
        _("draft document"), max_length=300, help_text=_("E.g. the Charter (amended).")
    )
    description = models.TextField(_("description"), blank=True)
    opens_on = models.DateField(_("opens on"))
    deadline = models.DateField(_("deadline"))
    remind_days_before = models.PositiveSmallIntegerField(
        _("remind days before the deadline"), default=7
    )
    last_reminded_on = models.DateField(_("last reminded on"), null=True, blank=True)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=ConsultationStatus.choices,
        default=ConsultationStatus.OPEN,
    )
    organizations_asked = models.ManyToManyField(
        "organizations.Organization",
        verbose_name=_("organizations asked"),
        blank=True,
        related_name="consultations_asked",
    )
    external_ref = models.CharField(_("external reference"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")
        ordering = ["-deadline", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["external_ref"],
                condition=~Q(external_ref=""),
                name="consultation_unique_external_ref",
            ),
            models.CheckConstraint(
                condition=Q(deadline__gte=models.F("opens_on")),
                name="consultation_deadline_after_opening",
                violation_error_message=_("The deadline is before the opening."),
            ),
        ]

    def __str__(self):
        return in_language(self.title_vi, self.title_en)

    def get_absolute_url(self):
        return reverse("proposals:consultation", args=[self.pk])

    def clean(self):
        if self.opens_on and self.deadline and self.deadline < self.opens_on:
            raise ValidationError({"deadline": _("The deadline is before the opening.")})

    @property
    def is_closed(self) -> bool:
        return self.status == ConsultationStatus.CLOSED or (
            self.deadline is not None and self.deadline < date.today()
        )

    @property
    def accepts_responses(self) -> bool:
        return self.status == ConsultationStatus.OPEN and not self.is_closed


class ConsultationArticle(BaseModel):
    """An article of the draft, in its order, with its text."""

    scope = Scope(parent="consultation")
    label_related = ("consultation",)

    consultation = models.ForeignKey(
        Consultation,
        verbose_name=_("consultation"),
        on_delete=models.CASCADE,
        related_name="articles",
    )
    number = models.PositiveSmallIntegerField(_("article number"))
    heading = models.CharField(_("heading"), max_length=300, blank=True)
    text = models.TextField(_("draft text"))

    class Meta:
        verbose_name = _("article of the draft")
        verbose_name_plural = _("articles of the draft")
        ordering = ["consultation", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "number"],
                name="consultation_article_unique_number",
                violation_error_message=_("The draft already has an article with this number."),
            )
        ]

    def __str__(self):
        label = _("Article %(number)s") % {"number": self.number}
        return f"{label}. {self.heading}" if self.heading else str(label)

    def get_absolute_url(self):
        return reverse("proposals:consultationarticle", args=[self.pk])


def closed_consultation_error():
    return ValidationError(
        _("This consultation is closed: responses are no longer accepted."), code="closed"
    )


class ConsultationResponse(BaseModel):
    """The one official response of an organization to a consultation: seen by the branch of
    the organization that sent it and by the branch of the one that runs the consultation."""

    scope = Scope("organization", seen_by=("consultation__organization",))

    label_related = ("organization", "consultation")

    consultation = models.ForeignKey(
        Consultation,
        verbose_name=_("consultation"),
        on_delete=models.PROTECT,
        related_name="responses",
    )
    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("responding organization"),
        on_delete=models.PROTECT,
        related_name="consultation_responses",
    )
    submitted_on = models.DateField(_("sent on"), default=date.today)
    signed_by = models.CharField(_("signed by"), max_length=255, blank=True)
    general_comment = models.TextField(_("general comment"), blank=True)

    class Meta:
        verbose_name = _("consultation response")
        verbose_name_plural = _("consultation responses")
        ordering = ["consultation", "organization"]
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "organization"],
                name="consultation_one_response_per_organization",
                violation_error_message=_(
                    "This organization has already sent its response to this consultation."
                ),
            )
        ]

    def __str__(self):
        return f"{self.organization} — {self.consultation}"

    def get_absolute_url(self):
        return reverse("proposals:consultationresponse", args=[self.pk])

    def clean(self):
        if not self.consultation_id:
            return
        if not self.consultation.accepts_responses:
            raise closed_consultation_error()
        asked = self.consultation.organizations_asked
        if (
            self.organization_id
            and asked.exists()
            and not asked.filter(pk=self.organization_id).exists()
        ):
            raise ValidationError(
                {"organization": _("This organization was not asked for its opinion.")}
            )


class ArticlePosition(BaseModel):
    """A response's position on one article: agree, disagree, or a proposed wording."""

    scope = Scope(parent="response")
    label_related = ("response__organization", "article")

    response = models.ForeignKey(
        ConsultationResponse,
        verbose_name=_("response"),
        on_delete=models.CASCADE,
        related_name="positions",
    )
    article = models.ForeignKey(
        ConsultationArticle,
        verbose_name=_("article"),
        on_delete=models.PROTECT,
        related_name="positions",
    )
    position = models.CharField(_("opinion"), max_length=10, choices=Position.choices)
    proposed_text = models.TextField(_("proposed wording"), blank=True)
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        verbose_name = _("position on an article")
        verbose_name_plural = _("positions on articles")
        ordering = ["response", "article__number"]
        constraints = [
            models.UniqueConstraint(
                fields=["response", "article"],
                name="article_position_unique",
                violation_error_message=_("This response already has a position on the article."),
            )
        ]

    def __str__(self):
        return f"{self.article} — {self.get_position_display()}"

    def get_absolute_url(self):
        return reverse("proposals:articleposition", args=[self.pk])

    def clean(self):
        errors = {}
        if self.position == Position.AMEND and not self.proposed_text.strip():
            errors["proposed_text"] = _("Write the wording you propose.")
        if self.response_id and self.article_id:
            if self.article.consultation_id != self.response.consultation_id:
                errors["article"] = _("This article belongs to another consultation.")
            elif not self.response.consultation.accepts_responses:
                raise closed_consultation_error()
        if errors:
            raise ValidationError(errors)
