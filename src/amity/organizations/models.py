"""The registry of the federation: its organizations, their lineage, people and bodies."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from amity.core.dates import add_years
from amity.core.models import BaseModel
from amity.core.scoping import Scope
from amity.core.tree import TreeNode
from amity.organizations.choices import (
    CENTRAL_LEVEL_KINDS,
    Attendance,
    CommitteeKind,
    CommitteeRole,
    Gender,
    Language,
    LanguageLevel,
    LineageEventKind,
    OrganizationKind,
    OrganizationStatus,
    PositionTitle,
)

phone_validator = RegexValidator(
    r"^\+?[0-9 ().-]{6,20}$",
    _(
        "Enter a phone number of 6 to 20 digits, spaces, dots or dashes, "
        "optionally starting with +."
    ),
)


def in_language(vietnamese: str, english: str) -> str:
    """The English text when the page is in English and one was given, else the Vietnamese one."""
    if english and (get_language() or "vi").startswith("en"):
        return english
    return vietnamese or english


def ends_after_start(start, end, field="ended_on") -> None:
    if start and end and end < start:
        raise ValidationError({field: _("The end is before the start.")})


class Organization(BaseModel, TreeNode):
    """An organization of the federation: the central Union, a unit, a member, a Union; a node
    of the federation's tree (`core.tree.TreeNode`: `parent`, `tree_path`)."""

    scope = Scope("")  # the tree itself: an organization's branch is the organizations under it

    kind = models.CharField(_("kind"), max_length=20, choices=OrganizationKind.choices)
    province = models.ForeignKey(
        "geo.Province",
        verbose_name=_("province"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organizations",
    )
    name = models.CharField(_("name (Vietnamese)"), max_length=255)
    name_en = models.CharField(_("name (English)"), max_length=255, blank=True)
    short_name = models.CharField(_("short name (Vietnamese)"), max_length=100, blank=True)
    short_name_en = models.CharField(_("short name (English)"), max_length=100, blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=OrganizationStatus.choices,
        default=OrganizationStatus.ACTIVE,
    )
    founded_on = models.DateField(_("founded on"), null=True, blank=True)
    founding_decision = models.CharField(_("founding decision"), max_length=255, blank=True)
    address = models.CharField(_("address"), max_length=255, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True, validators=[phone_validator])
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)
    external_ref = models.CharField(_("external reference"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")
        ordering = ["tree_path"]
        indexes = [models.Index(fields=["tree_path"], name="org_tree_path_idx")]
        constraints = [
            models.UniqueConstraint(
                fields=["external_ref"],
                condition=~Q(external_ref=""),
                name="organization_unique_external_ref",
            ),
            models.CheckConstraint(
                condition=~Q(parent=models.F("id")), name="organization_not_own_parent"
            ),
        ]

    def __str__(self):
        return self.display_name

    def get_absolute_url(self):
        return reverse("organizations:organization", args=[self.pk])

    def clean(self):
        if self.kind == OrganizationKind.CENTRAL_UNION and self.parent_id is not None:
            raise ValidationError({"parent": _("The central Union has no parent.")})
        if self.kind and self.kind != OrganizationKind.CENTRAL_UNION and self.parent_id is None:
            raise ValidationError(
                {"parent": _("Every organization but the central Union has a parent.")}
            )
        self.check_not_under_itself()

    @property
    def display_name(self) -> str:
        return in_language(self.name, self.name_en)

    @property
    def display_short_name(self) -> str:
        return in_language(self.short_name, self.short_name_en) or self.display_name

    @property
    def is_central_level(self) -> bool:
        return self.kind in CENTRAL_LEVEL_KINDS


class LineageEvent(BaseModel):
    """Something that changed what an organization is: founding, renaming, merger, split, end.

    A merger of several organizations into one is recorded as one event per predecessor, each
    naming the successor, so "who carries these figures now" is a walk along `successor`.
    """

    label_related = ("organization",)

    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organization"),
        on_delete=models.PROTECT,
        related_name="lineage_events",
    )
    kind = models.CharField(_("event"), max_length=20, choices=LineageEventKind.choices)
    occurred_on = models.DateField(_("date"))
    decision = models.CharField(_("decision"), max_length=255, blank=True)
    successor = models.ForeignKey(
        Organization,
        verbose_name=_("successor"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="predecessor_events",
    )
    previous_name = models.CharField(_("previous name"), max_length=255, blank=True)
    external_ref = models.CharField(_("external reference"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("lineage event")
        verbose_name_plural = _("lineage events")
        ordering = ["occurred_on", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["external_ref"],
                condition=~Q(external_ref=""),
                name="lineageevent_unique_external_ref",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.organization} ({self.occurred_on:%d/%m/%Y})"

    def get_absolute_url(self):
        return reverse("organizations:lineageevent", args=[self.pk])

    def clean(self):
        if self.kind in (LineageEventKind.MERGED, LineageEventKind.SPLIT) and not self.successor_id:
            raise ValidationError({"successor": _("A merger or split names the successor.")})
        if self.successor_id and self.successor_id == self.organization_id:
            raise ValidationError({"successor": _("An organization cannot be its own successor.")})


class Person(BaseModel):
    """An official or staff member of an organization of the network."""

    full_name = models.CharField(_("full name"), max_length=200)
    gender = models.CharField(_("gender"), max_length=10, choices=Gender.choices, blank=True)
    birth_year = models.PositiveSmallIntegerField(
        _("year of birth"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1900), MaxValueValidator(2100)],
    )
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("home organization"),
        on_delete=models.PROTECT,
        related_name="people",
    )
    is_full_time = models.BooleanField(_("full-time"), default=False)
    expertise = models.CharField(_("expertise"), max_length=255, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True, validators=[phone_validator])
    external_ref = models.CharField(_("external reference"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["full_name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["external_ref"],
                condition=~Q(external_ref=""),
                name="person_unique_external_ref",
            ),
        ]

    def __str__(self):
        return self.full_name

    def get_absolute_url(self):
        return reverse("organizations:person", args=[self.pk])


class PersonLanguage(BaseModel):
    """A language a person works in, and how well."""

    label_related = ("person",)

    scope = Scope("person__organization")

    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="languages"
    )
    language = models.CharField(_("language"), max_length=8, choices=Language.choices)
    level = models.CharField(_("level"), max_length=10, choices=LanguageLevel.choices)

    class Meta:
        verbose_name = _("language of a person")
        verbose_name_plural = _("languages of people")
        ordering = ["person", "language"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "language"], name="personlanguage_unique_person_language"
            ),
        ]

    def __str__(self):
        return f"{self.person}: {self.get_language_display()} ({self.get_level_display()})"

    def get_absolute_url(self):
        return reverse("organizations:personlanguage", args=[self.pk])


class Position(BaseModel):
    """A person's position in an organization for a term; `ended_on` empty while it lasts."""

    label_related = ("person", "organization")

    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.PROTECT, related_name="positions"
    )
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organization"),
        on_delete=models.PROTECT,
        related_name="positions",
    )
    title = models.CharField(
        pgettext_lazy("job", "title"), max_length=40, choices=PositionTitle.choices
    )
    title_detail = models.CharField(_("title in full"), max_length=200, blank=True)
    started_on = models.DateField(_("start of term"))
    ended_on = models.DateField(_("end of term"), null=True, blank=True)

    class Meta:
        verbose_name = _("position")
        verbose_name_plural = _("positions")
        ordering = ["organization", "-started_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=models.F("started_on")),
                name="position_ends_after_start",
                violation_error_message=_("The end is before the start."),
            ),
        ]

    def __str__(self):
        return f"{self.person} — {self.get_title_display()}, {self.organization}"

    def get_absolute_url(self):
        return reverse("organizations:position", args=[self.pk])

    def clean(self):
        ends_after_start(self.started_on, self.ended_on)


class Congress(BaseModel):
    """A congress of an organization, which opens a term of `term_years`."""

    label_related = ("organization",)

    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organization"),
        on_delete=models.PROTECT,
        related_name="congresses",
    )
    # a congress's number is its "lần thứ" (the 6th congress), where others are a "số"
    number = models.PositiveSmallIntegerField(
        pgettext_lazy("congress", "number"), validators=[MinValueValidator(1)]
    )
    held_on = models.DateField(_("held on"))
    term_years = models.PositiveSmallIntegerField(
        _("term (years)"), default=5, validators=[MinValueValidator(1), MaxValueValidator(10)]
    )

    class Meta:
        verbose_name = _("congress")
        verbose_name_plural = _("congresses")
        ordering = ["organization", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "number"], name="congress_unique_organization_number"
            ),
        ]

    def __str__(self):
        return _("Congress %(number)s of %(organization)s") % {
            "number": self.number,
            "organization": self.organization,
        }

    def get_absolute_url(self):
        return reverse("organizations:congress", args=[self.pk])

    @property
    def term_ends_on(self):
        """The congress's day `term_years` later; None when no calendar day is (a stored
        9999-12-31): the list, the API and the schedule show none rather than fail."""
        return add_years(self.held_on, self.term_years or 0)


class Committee(BaseModel):
    """An executive or standing committee, or presidium, of an organization for a term."""

    label_related = ("organization",)

    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organization"),
        on_delete=models.PROTECT,
        related_name="committees",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=CommitteeKind.choices)
    congress = models.ForeignKey(
        Congress,
        verbose_name=_("term (congress)"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="committees",
    )
    started_on = models.DateField(_("from"))
    ended_on = models.DateField(_("until"), null=True, blank=True)

    class Meta:
        verbose_name = _("committee")
        verbose_name_plural = _("committees")
        ordering = ["organization", "kind", "-started_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=models.F("started_on")),
                name="committee_ends_after_start",
                violation_error_message=_("The end is before the start."),
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} — {self.organization} ({self.started_on:%Y})"

    def get_absolute_url(self):
        return reverse("organizations:committee", args=[self.pk])

    def clean(self):
        ends_after_start(self.started_on, self.ended_on)
        if self.congress_id and self.organization_id:
            if self.congress.organization_id != self.organization_id:
                raise ValidationError({"congress": _("This congress is of another organization.")})


class CommitteeMember(BaseModel):
    """A person's seat on a committee."""

    label_related = ("person", "committee__organization")

    scope = Scope("committee__organization")

    committee = models.ForeignKey(
        Committee, verbose_name=_("committee"), on_delete=models.CASCADE, related_name="members"
    )
    person = models.ForeignKey(
        Person,
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="committee_seats",
    )
    role = models.CharField(
        _("role"), max_length=20, choices=CommitteeRole.choices, default=CommitteeRole.MEMBER
    )
    joined_on = models.DateField(_("joined on"), null=True, blank=True)
    left_on = models.DateField(_("left on"), null=True, blank=True)

    class Meta:
        verbose_name = _("committee member")
        verbose_name_plural = _("committee members")
        ordering = ["committee", "role", "person__full_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["committee", "person"], name="committeemember_unique_committee_person"
            ),
        ]

    def __str__(self):
        return f"{self.person} — {self.committee}"

    def get_absolute_url(self):
        return reverse("organizations:committeemember", args=[self.pk])


class CommitteeMeeting(BaseModel):
    """A meeting of a committee, with who attended."""

    label_related = ("committee",)

    scope = Scope("committee__organization")

    committee = models.ForeignKey(
        Committee, verbose_name=_("committee"), on_delete=models.PROTECT, related_name="meetings"
    )
    held_on = models.DateField(_("held on"))
    location = models.CharField(_("location"), max_length=200, blank=True)
    summary = models.TextField(_("summary"), blank=True)

    class Meta:
        verbose_name = _("committee meeting")
        verbose_name_plural = _("committee meetings")
        ordering = ["-held_on", "id"]

    def __str__(self):
        return f"{self.committee.get_kind_display()} {self.held_on:%d/%m/%Y}"

    def get_absolute_url(self):
        return reverse("organizations:committeemeeting", args=[self.pk])


class MeetingAttendance(BaseModel):
    """Whether a member of the committee attended one of its meetings."""

    label_related = ("member__person", "meeting__committee")

    scope = Scope("meeting__committee__organization")

    meeting = models.ForeignKey(
        CommitteeMeeting,
        verbose_name=_("meeting"),
        on_delete=models.CASCADE,
        related_name="attendance",
    )
    member = models.ForeignKey(
        CommitteeMember,
        verbose_name=_("member"),
        on_delete=models.CASCADE,
        related_name="attendance",
    )
    status = models.CharField(_("attendance"), max_length=10, choices=Attendance.choices)

    class Meta:
        verbose_name = _("meeting attendance")
        verbose_name_plural = _("meeting attendance")
        ordering = ["meeting", "member"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "member"], name="meetingattendance_unique_meeting_member"
            ),
        ]

    def __str__(self):
        return f"{self.member.person} — {self.meeting}: {self.get_status_display()}"

    def get_absolute_url(self):
        return reverse("organizations:meetingattendance", args=[self.pk])

    def clean(self):
        if self.meeting_id and self.member_id:
            if self.meeting.committee_id != self.member.committee_id:
                raise ValidationError(
                    {"member": _("This person is not a member of the meeting's committee.")}
                )


class StaffingRecord(BaseModel):
    """The staffing quota and the actual full-time staff of an organization in a year."""

    label_related = ("organization",)

    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organization"),
        on_delete=models.PROTECT,
        related_name="staffing",
    )
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(1950), MaxValueValidator(2100)]
    )
    quota = models.PositiveSmallIntegerField(_("staffing quota"))
    full_time_staff = models.PositiveSmallIntegerField(_("full-time staff"))
    part_time_staff = models.PositiveSmallIntegerField(_("part-time staff"), default=0)

    class Meta:
        verbose_name = _("staffing record")
        verbose_name_plural = _("staffing records")
        ordering = ["organization", "-year"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "year"], name="staffingrecord_unique_organization_year"
            ),
        ]

    def __str__(self):
        return f"{self.organization} {self.year}"

    def get_absolute_url(self):
        return reverse("organizations:staffingrecord", args=[self.pk])

    @property
    def vacancies(self) -> int:
        return self.quota - self.full_time_staff
