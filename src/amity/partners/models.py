"""The partner database: foreign partners, who holds each relationship, and what happened."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from amity.core.collation import KEY_LENGTH, ShownSortKey, shown_language, sort_key
from amity.core.models import BaseModel
from amity.core.scoping import ReferenceQuerySet, Scope
from amity.core.viewer import current_viewer, viewer_cache
from amity.organizations.models import in_language, phone_validator
from amity.partners.choices import (
    FieldKind,
    FollowUpState,
    HolderRole,
    InteractionKind,
    PartnerKind,
    PartnerStatus,
    RegistrationType,
    Sensitivity,
)
from amity.partners.text import normalise


class FieldOfWork(models.Model):
    """A field a partner works in: an OECD DAC sector group or one of the federation's own.

    One taxonomy for partners and aid; reference data loaded by a migration.
    """

    code = models.CharField(_("code"), max_length=20)
    kind = models.CharField(_("kind"), max_length=12, choices=FieldKind.choices)
    name_en = models.CharField(_("English name"), max_length=200)
    name_vi = models.CharField(_("Vietnamese name"), max_length=200)

    objects = ReferenceQuerySet.as_manager()

    class Meta:
        verbose_name = _("field of work")
        verbose_name_plural = _("fields of work")
        ordering = ["kind", "code"]
        constraints = [models.UniqueConstraint(fields=["code"], name="fieldofwork_unique_code")]

    def __str__(self):
        return in_language(self.name_vi, self.name_en)

    def get_absolute_url(self):
        return reverse("partners:fieldofwork", args=[self.pk])


class Partner(BaseModel):
    """A foreign partner of the network: an NGO, an embassy, a university, a friend of Viet Nam.

    Partners are shared across the network, except restricted ones: everyone with a role sees
    public and internal partners; a restricted partner is seen only by the organizations holding
    the relationship (and those above them) and at the centre. A partner is edited by the
    centre and by the organizations holding it.
    """

    scope = Scope("holders__organization", shared=~Q(sensitivity=Sensitivity.RESTRICTED))
    label_related = ("country",)

    kind = models.CharField(_("kind"), max_length=24, choices=PartnerKind.choices)
    name = models.CharField(_("name"), max_length=255, help_text=_("As the partner writes it."))
    name_vi = models.CharField(_("Vietnamese name"), max_length=255, blank=True)
    name_en = models.CharField(_("English name"), max_length=255, blank=True)
    acronym = models.CharField(_("acronym"), max_length=50, blank=True)
    country = models.ForeignKey(
        "geo.Country",
        verbose_name=_("country of headquarters"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="partners",
    )
    countries = models.ManyToManyField(
        "geo.Country",
        verbose_name=_("countries of operation"),
        blank=True,
        related_name="operating_partners",
    )
    fields = models.ManyToManyField(
        FieldOfWork, verbose_name=_("fields of work"), blank=True, related_name="partners"
    )
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True, validators=[phone_validator])
    address = models.CharField(_("address"), max_length=255, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=PartnerStatus.choices, default=PartnerStatus.ACTIVE
    )
    strength = models.PositiveSmallIntegerField(
        _("relationship strength"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
        help_text=_("From 1 (weak) to 5 (very strong)."),
    )
    strength_reason = models.CharField(_("why this strength"), max_length=255, blank=True)
    relationship_since = models.DateField(_("relationship since"), null=True, blank=True)
    sensitivity = models.CharField(
        _("sensitivity"), max_length=12, choices=Sensitivity.choices, default=Sensitivity.INTERNAL
    )
    tags = models.CharField(
        _("tags"), max_length=255, blank=True, help_text=_("Separated by commas.")
    )
    external_ref = models.CharField(_("external reference"), max_length=100, blank=True)
    #: derived: the date of the latest interaction, kept by `services.InteractionWriter`
    last_contact_on = models.DateField(_("last contact"), null=True, blank=True, editable=False)
    #: derived: every name, the acronym and the contacts' names, without diacritics, lower case
    #: (its own names on its every save; its contacts' by `services.ContactWriter`)
    search_text = models.TextField(_("search text"), blank=True, editable=False)
    #: derived: the Vietnamese sort key (`core.collation`) of the name shown in each language,
    #: by which lists sort along an index
    sort_name_vi = models.CharField(max_length=KEY_LENGTH, blank=True, editable=False)
    sort_name_en = models.CharField(max_length=KEY_LENGTH, blank=True, editable=False)

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = [ShownSortKey(), "id"]
        indexes = [
            models.Index(fields=["last_contact_on"], name="partner_last_contact_idx"),
            # the list's default order, the name shown in each language: a page is read from
            # the index, not sorted from the table
            models.Index(fields=["sort_name_vi", "id"], name="partner_sort_vi_idx"),
            models.Index(fields=["sort_name_en", "id"], name="partner_sort_en_idx"),
            # what every count of a list reads: who may see a partner (the id for the partners
            # held), and whether it is live; PostgreSQL counts from this index alone
            models.Index(fields=["sensitivity", "deleted_at", "id"], name="partner_visibility_idx"),
            # the kind is the list's most used filter: a page of one kind is read in order, and
            # its count (sensitivity included, for who may see it) from the index alone
            models.Index(
                fields=["kind", "deleted_at", "sort_name_vi", "id", "sensitivity"],
                name="partner_kind_sort_vi_idx",
            ),
            models.Index(
                fields=["kind", "deleted_at", "sort_name_en", "id", "sensitivity"],
                name="partner_kind_sort_en_idx",
            ),
            # sorting by strength reads the strongest (or weakest) first instead of sorting all
            models.Index(fields=["strength", "id"], name="partner_strength_idx"),
            # "the strongest partners of a kind" is read in order, not sorted from a sixth of
            # the table (130 ms at 100,000 partners, 1 ms with this index)
            models.Index(
                fields=["kind", "deleted_at", "strength", "id"], name="partner_kind_strength_idx"
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["external_ref"],
                condition=~Q(external_ref=""),
                name="partner_unique_external_ref",
                violation_error_message=_("Another partner already has this external reference."),
            ),
            models.CheckConstraint(
                condition=Q(strength__isnull=True) | Q(strength__gte=1, strength__lte=5),
                name="partner_strength_1_to_5",
                violation_error_message=_("The strength is a number from 1 to 5."),
            ),
        ]

    def __str__(self):
        """Its name, or "a restricted partner" for a viewer who may not see it: a record of
        another domain that names it (an activity, an event, a history) prints it so."""
        return self.display_name if self.shown_to(current_viewer()) else str(RESTRICTED_LABEL)

    def get_absolute_url(self):
        return reverse("partners:partner", args=[self.pk])

    def shown_to(self, user) -> bool:
        """Whether `user` may read who this partner is (None: no user in particular, as in a
        shell). Read once per request for all the restricted partners the user may see."""
        if self.sensitivity != Sensitivity.RESTRICTED or user is None or user.sees_everything:
            return True
        return self.pk in restricted_partners_seen_by(user)

    @property
    def display_name(self) -> str:
        """The name in the page's language, else the partner's own: in English, a partner
        without an English name shows the name it writes, not the Vietnamese one."""
        return self.name_in(shown_language())

    def name_in(self, language: str) -> str:
        return (self.name_en if language == "en" else self.name_vi) or self.name

    @property
    def tag_list(self) -> list[str]:
        return [tag.strip() for tag in self.tags.split(",") if tag.strip()]

    def may_be_written_by(self, user) -> bool:
        """A new partner may be entered by anyone who edits; the service then makes the user's
        organization its holder. An existing one, by whoever may edit it."""
        if self.pk is None:
            return bool(user.may_edit)
        return Partner.all_objects.editable_by(user).filter(pk=self.pk).exists()

    def derive_fields(self) -> None:
        # Derived text that search and sorting read; kept here, where every write passes (form,
        # import, API). A bulk writer, which passes no save(), calls the two parts itself.
        self.search_text = self.derive_search_text()
        self.derive_sort_names()

    def derive_sort_names(self) -> None:
        """The sort keys of the name a list shows in each language (see `name_in`)."""
        self.sort_name_vi = sort_key(self.name_in("vi"))
        self.sort_name_en = sort_key(self.name_in("en"))

    def derive_search_text(self, contact_names: list[str] | None = None) -> str:
        """The words search matches; `contact_names` by default read from the saved contacts."""
        if contact_names is None:
            contact_names = (
                list(self.contacts.values_list("full_name", flat=True)) if self.pk else []
            )
        return normalise(
            " ".join([self.name, self.name_vi, self.name_en, self.acronym, *contact_names])
        )


#: what a record prints for a partner its viewer may not see
RESTRICTED_LABEL = _("a restricted partner")


def restricted_partners_seen_by(user) -> frozenset:
    """The ids of the restricted partners `user` may see, read once per request or job."""
    cache = viewer_cache()
    key = ("restricted_partners_seen", user.pk)
    if key not in cache:
        restricted = Partner.all_objects.visible_to(user).filter(sensitivity=Sensitivity.RESTRICTED)
        cache[key] = frozenset(restricted.values_list("pk", flat=True))
    return cache[key]


class RelationshipHolder(BaseModel):
    """One of our organizations holding the relationship with a partner, leading or supporting."""

    label_related = ("partner", "organization")
    #: relations offered and accepted only among the records the user may edit, by the form, the
    #: API and the import alike (a holder, a contact, a registration of a partner one may edit)
    editable_relations = ("partner",)

    partner = models.ForeignKey(
        Partner, verbose_name=_("partner"), on_delete=models.CASCADE, related_name="holders"
    )
    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("organization"),
        on_delete=models.PROTECT,
        related_name="partner_relationships",
    )
    role = models.CharField(
        _("role"), max_length=12, choices=HolderRole.choices, default=HolderRole.LEAD
    )
    since = models.DateField(_("since"), null=True, blank=True)

    class Meta:
        verbose_name = _("relationship holder")
        verbose_name_plural = _("relationship holders")
        ordering = ["partner", "role", "organization"]
        constraints = [
            models.UniqueConstraint(
                fields=["partner", "organization"], name="holder_unique_partner_organization"
            ),
        ]
        indexes = [
            # A unit's scope reads "the partners its branch holds" from this table alone: with
            # the deletion mark and the partner in the index, the scoped count no longer visits
            # a thousand table pages, and a unit officer's list costs what the centre's does.
            models.Index(
                fields=["organization", "deleted_at", "partner"], name="holder_scope_covering"
            ),
        ]

    def __str__(self):
        return f"{self.organization} — {self.partner} ({self.get_role_display()})"

    def get_absolute_url(self):
        return reverse("partners:relationshipholder", args=[self.pk])


class Contact(BaseModel):
    """A person at a partner, current or past."""

    scope = Scope(parent="partner")
    label_related = ("partner",)
    #: relations offered and accepted only among the records the user may edit, by the form, the
    #: API and the import alike (a holder, a contact, a registration of a partner one may edit)
    editable_relations = ("partner",)

    partner = models.ForeignKey(
        Partner, verbose_name=_("partner"), on_delete=models.CASCADE, related_name="contacts"
    )
    full_name = models.CharField(_("full name"), max_length=200)
    # a job title ("chức danh"), where "title" elsewhere is a heading ("tiêu đề")
    title = models.CharField(pgettext_lazy("job", "title"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True, validators=[phone_validator])
    languages = models.CharField(_("languages"), max_length=200, blank=True)
    is_current = models.BooleanField(_("current"), default=True)

    class Meta:
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        ordering = ["partner", "-is_current", "full_name"]

    def __str__(self):
        return f"{self.full_name} ({self.partner})"

    def get_absolute_url(self):
        return reverse("partners:contact", args=[self.pk])


class NgoRegistration(BaseModel):
    """A foreign NGO's registration in Viet Nam, which must be renewed before it expires."""

    scope = Scope(parent="partner")
    label_related = ("partner",)
    #: relations offered and accepted only among the records the user may edit, by the form, the
    #: API and the import alike (a holder, a contact, a registration of a partner one may edit)
    editable_relations = ("partner",)

    partner = models.ForeignKey(
        Partner,
        verbose_name=_("partner"),
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    registration_type = models.CharField(_("type"), max_length=24, choices=RegistrationType.choices)
    number = models.CharField(_("number"), max_length=60)
    issuing_authority = models.CharField(_("issuing authority"), max_length=200, blank=True)
    issued_on = models.DateField(_("issued on"))
    expires_on = models.DateField(_("expires on"))
    provinces = models.ManyToManyField(
        "geo.Province", verbose_name=_("provinces covered"), blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("NGO registration")
        verbose_name_plural = _("NGO registrations")
        ordering = ["expires_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(expires_on__gte=models.F("issued_on")),
                name="registration_expires_after_issue",
                violation_error_message=_("The registration expires before it was issued."),
            ),
        ]

    def __str__(self):
        return f"{self.get_registration_type_display()} {self.number} — {self.partner}"

    def get_absolute_url(self):
        return reverse("partners:ngoregistration", args=[self.pk])

    def clean(self):
        if self.issued_on and self.expires_on and self.expires_on < self.issued_on:
            raise ValidationError(
                {"expires_on": _("The registration expires before it was issued.")}
            )


class Interaction(BaseModel):
    """Something that happened with a partner: a meeting, a visit, a letter, a signing."""

    label_related = ("partner", "organization")

    partner = models.ForeignKey(
        Partner,
        verbose_name=_("partner"),
        on_delete=models.PROTECT,
        related_name="interactions",
    )
    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("our organization"),
        on_delete=models.PROTECT,
        related_name="partner_interactions",
    )
    occurred_on = models.DateField(_("date"))
    kind = models.CharField(_("kind"), max_length=12, choices=InteractionKind.choices)
    summary = models.TextField(_("summary"), blank=True)
    people = models.ManyToManyField(
        "organizations.Person",
        verbose_name=_("our participants"),
        blank=True,
        related_name="partner_interactions",
    )
    other_organizations = models.ManyToManyField(
        "organizations.Organization",
        verbose_name=_("other organizations of ours"),
        blank=True,
        related_name="+",
    )
    contacts = models.ManyToManyField(
        Contact,
        verbose_name=_("the partner's contacts"),
        blank=True,
        related_name="interactions",
    )

    class Meta:
        verbose_name = _("interaction")
        verbose_name_plural = _("interactions")
        ordering = ["-occurred_on", "-id"]
        indexes = [
            models.Index(fields=["partner", "occurred_on"], name="interaction_partner_date_idx"),
            # the home page counts the network's interactions of the last days along it
            models.Index(fields=["occurred_on"], name="interaction_date_idx"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.occurred_on:%d/%m/%Y} — {self.partner}"

    def get_absolute_url(self):
        return reverse("partners:interaction", args=[self.pk])


class FollowUp(BaseModel):
    """An action promised at an interaction, with who does it and by when."""

    scope = Scope("interaction__organization")
    label_related = ("interaction__partner",)
    #: relations offered and accepted only among the records the user may edit, by the form, the
    #: API and the import alike (a holder, a contact, a registration of a partner one may edit)
    editable_relations = ("interaction",)

    interaction = models.ForeignKey(
        Interaction,
        verbose_name=_("interaction"),
        on_delete=models.CASCADE,
        related_name="follow_ups",
    )
    action = models.CharField(_("action"), max_length=255)
    owner = models.ForeignKey(
        "organizations.Person",
        verbose_name=_("owner"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="partner_follow_ups",
    )
    due_on = models.DateField(_("due on"), null=True, blank=True)
    state = models.CharField(
        _("state"), max_length=10, choices=FollowUpState.choices, default=FollowUpState.OPEN
    )

    class Meta:
        verbose_name = _("follow-up action")
        verbose_name_plural = _("follow-up actions")
        ordering = ["state", "due_on", "id"]

    def __str__(self):
        return self.action

    def get_absolute_url(self):
        return reverse("partners:followup", args=[self.pk])
