"""Awards (khen thưởng): the award forms the regulations allow, the dossiers proposing a nominee
for one, the emulation council that votes on them, and the decisions that confer them.

A proposal's life: draft → submitted → reviewed (by the council, its votes recorded) → decided
(named in a decision) or refused, each step by a different user than the step before
(`emulation.award_services`). A decision is never undone: it is revoked with a reason, and the
honours register (`honours_of`) is the decided proposals of unrevoked decisions."""

import operator
from functools import reduce
from pathlib import PurePath
from uuid import uuid4

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from amity.core.models import BaseModel, UploadedFile
from amity.core.scoping import Scope
from amity.organizations.choices import OrganizationKind
from amity.organizations.models import in_language

#: the years a proposal may be for: the Union's own history, and not far ahead
FIRST_YEAR, LAST_YEAR = 1950, 2100


class AwardLevel(models.TextChoices):
    STATE = "state", _("State award")
    UNION = "union", _("Union award")


class NomineeKind(models.TextChoices):
    COLLECTIVE = "collective", _("Collective (an organization of the network)")
    PERSON = "person", _("Vietnamese individual")
    FOREIGN_PERSON = "foreign_person", _("Foreign individual")
    FOREIGN_ORGANIZATION = "foreign_organization", _("Foreign organization")


class DocumentKind(models.TextChoices):
    SUBMISSION = "submission", _("Letter of submission")
    ACHIEVEMENTS = "achievements", _("Report of achievements")
    MINUTES = "minutes", _("Minutes of the proposing meeting")
    CV = "cv", _("Curriculum vitae")
    OPINION = "opinion", _("Opinion of the managing agency")
    OTHER = "other", _("Other document")


class ProposalState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    REVIEWED = "reviewed", _("Reviewed by the council")
    DECIDED = "decided", _("Decided")
    REFUSED = "refused", _("Refused")


class VoteChoice(models.TextChoices):
    FOR = "for", _("For")
    AGAINST = "against", _("Against")
    ABSTAIN = "abstain", _("Abstain")


class CouncilRole(models.TextChoices):
    CHAIR = "chair", _("Chair")
    VICE_CHAIR = "vice_chair", _("Vice chair")
    MEMBER = "member", _("Member")
    SECRETARY = "secretary", _("Secretary")


def split_codes(text: str) -> list[str]:
    """The codes of a list kept as text ("person, foreign_person"), in order, once each."""
    seen: list[str] = []
    for code in (text or "").replace(";", ",").split(","):
        code = code.strip()
        if code and code not in seen:
            seen.append(code)
    return seen


def _codes_error(text: str, choices) -> str | None:
    unknown = [code for code in split_codes(text) if code not in choices.values]
    if not unknown:
        return None
    return _("Unknown codes: %(codes)s. Use: %(known)s.") % {
        "codes": ", ".join(unknown),
        "known": ", ".join(choices.values),
    }


def _labels(text: str, choices) -> str:
    labels = dict(choices.choices)
    return ", ".join(str(labels.get(code, code)) for code in split_codes(text))


class AwardForm(BaseModel):
    """A form of award (hình thức khen thưởng): the State's or the Union's, who may propose it,
    to whom, what its dossier must hold and how often the same nominee may receive it."""

    scope = Scope("organization", above=True)

    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("set by"),
        on_delete=models.PROTECT,
        related_name="award_forms",
    )
    code = models.CharField(_("code"), max_length=30)
    name_vi = models.CharField(_("Vietnamese name"), max_length=255)
    name_en = models.CharField(_("English name"), max_length=255, blank=True)
    level = models.CharField(_("level"), max_length=10, choices=AwardLevel.choices)
    proposer_kinds = models.CharField(
        _("who may propose"),
        max_length=255,
        blank=True,
        help_text=_("Kinds of organization, separated by commas; empty: any organization."),
    )
    nominee_kinds = models.CharField(
        _("to whom"),
        max_length=255,
        help_text=_("collective, person, foreign_person, foreign_organization (commas between)."),
    )
    required_documents = models.CharField(
        _("required documents"),
        max_length=255,
        blank=True,
        help_text=_("submission, achievements, minutes, cv, opinion, other (commas between)."),
    )
    min_interval_years = models.PositiveSmallIntegerField(
        _("minimum interval (years)"),
        default=0,
        validators=[MaxValueValidator(50)],
        help_text=_("Years that must pass before the same nominee receives it again; 0: any."),
    )
    regulations = models.ManyToManyField(
        "emulation.Regulation",
        verbose_name=_("allowed by the regulations"),
        related_name="award_forms",
        blank=True,
    )

    class Meta:
        verbose_name = _("award form")
        verbose_name_plural = _("award forms")
        ordering = ["level", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "code"],
                name="emulation_awardform_unique_code",
                violation_error_message=_("An award form with this code exists already."),
            )
        ]

    def __str__(self):
        return in_language(self.name_vi, self.name_en)

    def get_absolute_url(self):
        return reverse("emulation:awardform", args=[self.pk])

    def get_proposer_kinds_display(self) -> str:
        return _labels(self.proposer_kinds, OrganizationKind) or str(_("Any organization"))

    def get_nominee_kinds_display(self) -> str:
        return _labels(self.nominee_kinds, NomineeKind)

    def get_required_documents_display(self) -> str:
        return _labels(self.required_documents, DocumentKind)

    @property
    def required_document_kinds(self) -> list[str]:
        return split_codes(self.required_documents)

    def clean(self):
        super().clean()
        errors = {}
        for name, choices in (
            ("proposer_kinds", OrganizationKind),
            ("nominee_kinds", NomineeKind),
            ("required_documents", DocumentKind),
        ):
            error = _codes_error(getattr(self, name), choices)
            if error:
                errors[name] = error
        if not errors.get("nominee_kinds") and not split_codes(self.nominee_kinds):
            errors["nominee_kinds"] = _("Name at least one kind of nominee.")
        if errors:
            raise ValidationError(errors)


#: a proposal's nominee: one of these four foreign keys, exactly one
NOMINEE_FIELDS = {
    NomineeKind.COLLECTIVE: "nominee_organization",
    NomineeKind.PERSON: "nominee_person",
    NomineeKind.FOREIGN_PERSON: "nominee_contact",
    NomineeKind.FOREIGN_ORGANIZATION: "nominee_partner",
}


def exactly_one_nominee() -> Q:
    """One of the nominee's four foreign keys set, the three others empty."""
    names = list(NOMINEE_FIELDS.values())
    alternatives = [
        Q(**{f"{name}__isnull": False}, **{f"{o}__isnull": True for o in names if o != name})
        for name in names
    ]
    return reduce(operator.or_, alternatives)


class AwardProposal(BaseModel):
    """A dossier proposing one nominee for one award form (hồ sơ đề nghị khen thưởng), owned by
    the proposing organization and reviewed by the organizations above it."""

    scope = Scope("organization")
    label_related = (
        "award_form",
        "nominee_organization",
        "nominee_person",
        "nominee_contact",
        "nominee_partner",
    )

    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("proposing organization"),
        on_delete=models.PROTECT,
        related_name="award_proposals",
    )
    award_form = models.ForeignKey(
        AwardForm,
        verbose_name=_("award form"),
        on_delete=models.PROTECT,
        related_name="proposals",
    )
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(FIRST_YEAR), MaxValueValidator(LAST_YEAR)]
    )
    nominee_organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("nominated organization"),
        on_delete=models.PROTECT,
        related_name="award_nominations",
        null=True,
        blank=True,
    )
    nominee_person = models.ForeignKey(
        "organizations.Person",
        verbose_name=_("nominated person"),
        on_delete=models.PROTECT,
        related_name="award_nominations",
        null=True,
        blank=True,
    )
    nominee_contact = models.ForeignKey(
        "partners.Contact",
        verbose_name=_("nominated foreign friend"),
        on_delete=models.PROTECT,
        related_name="award_nominations",
        null=True,
        blank=True,
    )
    nominee_partner = models.ForeignKey(
        "partners.Partner",
        verbose_name=_("nominated foreign organization"),
        on_delete=models.PROTECT,
        related_name="award_nominations",
        null=True,
        blank=True,
    )
    achievements = models.TextField(_("achievements"))
    state = models.CharField(
        _("state"),
        max_length=10,
        choices=ProposalState.choices,
        default=ProposalState.DRAFT,
        editable=False,
    )
    submitted_by = models.ForeignKey(
        "accounts.User",
        verbose_name=_("submitted by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    submitted_at = models.DateTimeField(_("submitted on"), null=True, blank=True, editable=False)
    reviewed_by = models.ForeignKey(
        "accounts.User",
        verbose_name=_("reviewed by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("reviewed on"), null=True, blank=True, editable=False)
    review_note = models.TextField(_("council's conclusion"), blank=True, editable=False)
    decided_by = models.ForeignKey(
        "accounts.User",
        verbose_name=_("decided by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided on"), null=True, blank=True, editable=False)
    refusal_reason = models.TextField(_("reason for refusal"), blank=True, editable=False)
    decision = models.ForeignKey(
        "emulation.AwardDecision",
        verbose_name=_("decision"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="recipients",
    )

    class Meta:
        verbose_name = _("award proposal")
        verbose_name_plural = _("award proposals")
        ordering = ["-year", "award_form", "id"]
        constraints = [
            models.CheckConstraint(
                condition=exactly_one_nominee(),
                name="emulation_awardproposal_one_nominee",
                violation_error_message=_(
                    "Name exactly one nominee: an organization, a person, a foreign friend or a "
                    "foreign organization."
                ),
            )
        ]

    def __str__(self):
        return f"{self.award_form} – {self.nominee_label} ({self.year})"

    def get_absolute_url(self):
        return reverse("emulation:awardproposal", args=[self.pk])

    @property
    def nominee(self):
        for name in NOMINEE_FIELDS.values():
            value = getattr(self, name)
            if value is not None:
                return value
        return None

    @property
    def nominee_kind(self) -> str:
        for kind, name in NOMINEE_FIELDS.items():
            if getattr(self, f"{name}_id"):
                return kind
        return ""

    @property
    def nominee_label(self) -> str:
        nominee = self.nominee
        if nominee is None:
            return "—"
        if self.nominee_contact_id:
            return nominee.full_name
        return str(getattr(nominee, "display_name", None) or nominee)

    def nominee_filter(self) -> Q:
        """The proposals of the same nominee."""
        for name in NOMINEE_FIELDS.values():
            if getattr(self, f"{name}_id"):
                return Q(**{f"{name}_id": getattr(self, f"{name}_id")})
        return Q(pk__in=[])

    def clean(self):
        super().clean()
        chosen = [name for name in NOMINEE_FIELDS.values() if getattr(self, f"{name}_id")]
        if len(chosen) != 1:
            return  # the constraint says so (`exactly_one_nominee`), once
        if self.award_form_id:
            allowed = split_codes(self.award_form.nominee_kinds)
            if self.nominee_kind not in allowed:
                raise ValidationError(
                    {
                        chosen[0]: _("%(form)s is not given to this kind of nominee.")
                        % {"form": self.award_form}
                    }
                )
            proposers = split_codes(self.award_form.proposer_kinds)
            if self.organization_id and proposers and self.organization.kind not in proposers:
                raise ValidationError(
                    {
                        "organization": _("%(organization)s may not propose %(form)s.")
                        % {"organization": self.organization, "form": self.award_form}
                    }
                )
        if self.organization_id:
            error = nominee_scope_error(self)
            if error:
                raise ValidationError({chosen[0]: error})


# --- the rules a record is checked by (the model's `clean`, and the services before a step) ---


def nominee_scope_error(proposal: AwardProposal) -> str | None:
    """Why the proposer may not nominate this nominee, or None: an organization or a person of
    its own branch, a foreign friend or organization it (or an organization under it) holds."""
    from amity.partners.models import Partner  # the partners sit below: read when asked

    proposer = proposal.organization
    kind = proposal.nominee_kind
    if kind == NomineeKind.COLLECTIVE:
        inside = proposer.holds(proposal.nominee_organization)
    elif kind == NomineeKind.PERSON:
        inside = proposer.holds(proposal.nominee_person.organization)
    elif kind in (NomineeKind.FOREIGN_PERSON, NomineeKind.FOREIGN_ORGANIZATION):
        partner_id = (
            proposal.nominee_contact.partner_id
            if kind == NomineeKind.FOREIGN_PERSON
            else proposal.nominee_partner_id
        )
        held = Partner.objects.filter(Partner.objects.owned_within(proposer), pk=partner_id)
        inside = held.exists()
    else:
        return None
    if inside:
        return None
    return _("%(nominee)s is outside what %(organization)s may propose.") % {
        "nominee": proposal.nominee_label,
        "organization": proposer,
    }


def vote_error(proposal: AwardProposal, member: "CouncilMember") -> str | None:
    """Why `member` may not vote on `proposal` now, or None."""
    if proposal.state != ProposalState.SUBMITTED:
        return _("Votes are taken while the proposal awaits the council's review.")
    if member.year != proposal.year or not member.organization.holds(proposal.organization):
        return _("Only a member of the council that reviews this proposal may vote on it.")
    return None


def award_document_path(instance, filename) -> str:
    """A name of our own: the name the file came with is kept apart, never used as a path."""
    suffix = PurePath(filename).suffix.lower()[:10]
    return f"emulation/awards/{timezone.now():%Y/%m}/{uuid4().hex}{suffix}"


class AwardDocument(UploadedFile):
    """A document of a dossier (the letter of submission, the report of achievements, …): a real
    file, of an allowed type and size, added while the proposal is a draft."""

    scope = Scope("proposal__organization")
    label_related = (
        "proposal__award_form",
        "proposal__nominee_organization",
        "proposal__nominee_person",
        "proposal__nominee_contact",
        "proposal__nominee_partner",
    )

    proposal = models.ForeignKey(
        AwardProposal,
        verbose_name=_("award proposal"),
        on_delete=models.CASCADE,
        related_name="documents",
    )
    kind = models.CharField(_("kind of document"), max_length=20, choices=DocumentKind.choices)
    title, file, original_name, size, content_type = UploadedFile.columns(award_document_path)

    class Meta:
        verbose_name = _("dossier document")
        verbose_name_plural = _("dossier documents")
        ordering = ["proposal", "kind", "id"]

    def __str__(self):
        return self.title or self.original_name or self.get_kind_display()

    def get_absolute_url(self):
        return reverse("emulation:awarddocument", args=[self.pk])

    def clean(self):
        super().clean()
        from amity.reporting.rules import check_attachment

        if not self.file:
            raise ValidationError({"file": _("Attach a file.")})
        if self.is_new_upload:
            try:
                check_attachment(self.file)
            except ValidationError as error:
                raise ValidationError({"file": error.messages}) from error
        if self.proposal_id and self.proposal.state != ProposalState.DRAFT:
            raise ValidationError(
                _("The proposal has been submitted: its documents can no longer change.")
            )


class CouncilMember(BaseModel):
    """A member of an organization's emulation and reward council (hội đồng thi đua – khen
    thưởng) for one year: only members vote on the proposals of that year."""

    scope = Scope("organization")
    label_related = ("user",)

    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("council of"),
        on_delete=models.PROTECT,
        related_name="council_members",
    )
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(FIRST_YEAR), MaxValueValidator(LAST_YEAR)]
    )
    user = models.ForeignKey(
        "accounts.User",
        verbose_name=_("user"),
        on_delete=models.PROTECT,
        related_name="council_seats",
    )
    role = models.CharField(
        _("role"), max_length=12, choices=CouncilRole.choices, default=CouncilRole.MEMBER
    )

    open_choices = ("user",)

    class Meta:
        verbose_name = _("council member")
        verbose_name_plural = _("council members")
        ordering = ["-year", "organization", "role", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "year", "user"],
                condition=Q(deleted_at__isnull=True),
                name="emulation_councilmember_unique_seat",
                violation_error_message=_("This user sits on this council this year already."),
            )
        ]

    def __str__(self):
        name = self.user.get_full_name() or self.user.username
        return f"{name} ({self.get_role_display()}, {self.year})"

    def get_absolute_url(self):
        return reverse("emulation:councilmember", args=[self.pk])


class AwardVote(BaseModel):
    """One council member's vote on one proposal, while the proposal awaits the review."""

    scope = Scope("member__organization")
    label_related = (
        "member__user",
        "proposal__award_form",
        "proposal__nominee_organization",
        "proposal__nominee_person",
        "proposal__nominee_contact",
        "proposal__nominee_partner",
    )

    proposal = models.ForeignKey(
        AwardProposal,
        verbose_name=_("award proposal"),
        on_delete=models.CASCADE,
        related_name="votes",
    )
    member = models.ForeignKey(
        CouncilMember,
        verbose_name=_("council member"),
        on_delete=models.PROTECT,
        related_name="votes",
    )
    choice = models.CharField(_("vote"), max_length=10, choices=VoteChoice.choices)
    note = models.CharField(_("note"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("council vote")
        verbose_name_plural = _("council votes")
        ordering = ["proposal", "member", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["proposal", "member"],
                condition=Q(deleted_at__isnull=True),
                name="emulation_awardvote_one_per_member",
                violation_error_message=_("This member has voted on this proposal already."),
            )
        ]

    def __str__(self):
        return f"{self.member}: {self.get_choice_display()}"

    def get_absolute_url(self):
        return reverse("emulation:awardvote", args=[self.pk])

    def clean(self):
        super().clean()
        if not (self.proposal_id and self.member_id):
            return
        error = vote_error(self.proposal, self.member)
        if error:
            raise ValidationError(error)


class AwardDecision(BaseModel):
    """A decision conferring one award form (quyết định khen thưởng): its number, date and
    signer, and its recipients (the proposals it decides). Never undone: revoked with a reason."""

    scope = Scope("organization", seen_by=("recipients__organization",))
    label_related = ("award_form",)

    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("issued by"),
        on_delete=models.PROTECT,
        related_name="award_decisions",
    )
    award_form = models.ForeignKey(
        AwardForm,
        verbose_name=_("award form"),
        on_delete=models.PROTECT,
        related_name="decisions",
    )
    number = models.CharField(_("number"), max_length=50)
    decided_on = models.DateField(_("date"))
    signer_name = models.CharField(_("signed by"), max_length=200)
    signer_position = models.CharField(_("signer's position"), max_length=200, blank=True)
    revoked_at = models.DateTimeField(_("revoked on"), null=True, blank=True, editable=False)
    revoked_by = models.ForeignKey(
        "accounts.User",
        verbose_name=_("revoked by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    revocation_reason = models.TextField(_("reason for revocation"), blank=True, editable=False)

    class Meta:
        verbose_name = _("award decision")
        verbose_name_plural = _("award decisions")
        ordering = ["-decided_on", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "number"],
                condition=Q(deleted_at__isnull=True),
                name="emulation_awarddecision_unique_number",
                violation_error_message=_("A decision with this number exists already."),
            )
        ]

    def __str__(self):
        return f"{_('Decision')} {self.number} – {self.award_form}"

    def get_absolute_url(self):
        return reverse("emulation:awarddecision", args=[self.pk])

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None


def honours_of(nominee):
    """The honours register of an organization, a person, a foreign friend (a contact) or a
    foreign organization (a partner): its decided proposals whose decision stands."""
    from amity.organizations.models import Organization, Person
    from amity.partners.models import Contact, Partner

    field = {
        Organization: "nominee_organization",
        Person: "nominee_person",
        Contact: "nominee_contact",
        Partner: "nominee_partner",
    }[type(nominee)]
    return (
        AwardProposal.objects.filter(
            **{field: nominee},
            state=ProposalState.DECIDED,
            decision__revoked_at__isnull=True,
            decision__deleted_at__isnull=True,
        )
        .select_related("award_form", "decision", "organization")
        .order_by("-decision__decided_on", "-pk")
    )
