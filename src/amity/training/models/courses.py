"""Courses (khóa bồi dưỡng): a programme's run with its sessions, quotas and materials."""

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
from amity.organizations.models import in_language
from amity.training.choices import CourseStatus
from amity.training.models.programmes import Module, Programme


class Course(BaseModel):
    """A run of a programme, organized by an organization (the centre, or a Union for its own
    members). It is the organizer's; the organizations given a quota see it, and every
    organization does when it is open to all."""

    scope = Scope("organization", seen_by=("quotas__organization",), shared=Q(open_to_all=True))
    label_related = ()

    programme = models.ForeignKey(
        Programme,
        verbose_name=_("training programme"),
        on_delete=models.PROTECT,
        related_name="courses",
    )
    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("organizer"),
        on_delete=models.PROTECT,
        related_name="training_courses",
    )
    title_vi = models.CharField(_("Vietnamese title"), max_length=255)
    title_en = models.CharField(_("English title"), max_length=255, blank=True)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    place = models.CharField(_("place"), max_length=255, blank=True)
    is_online = models.BooleanField(_("online"), default=False)
    # The bridge points of an online course are those of the conference that carries it, as
    # the events app models them (a course has no bridge points of its own).
    event = models.ForeignKey(
        "events.Event",
        verbose_name=_("online conference"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="training_courses",
    )
    capacity = models.PositiveIntegerField(
        _("capacity"), default=30, validators=[MinValueValidator(1), MaxValueValidator(10000)]
    )
    nomination_deadline = models.DateField(_("nomination deadline"))
    status = models.CharField(
        _("status"), max_length=10, choices=CourseStatus.choices, default=CourseStatus.DRAFT
    )
    open_to_all = models.BooleanField(
        _("open to every organization"),
        default=False,
        help_text=_("Every organization may nominate, without a quota of its own."),
    )

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")
        ordering = ["-starts_on", "id"]
        indexes = [models.Index(fields=["starts_on", "ends_on"])]

    def __str__(self):
        return in_language(self.title_vi, self.title_en)

    def get_absolute_url(self):
        return reverse("training:course", args=[self.pk])

    def clean(self):
        super().clean()
        errors = {}
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = _("A course cannot end before it starts.")
        if self.ends_on and self.nomination_deadline and self.nomination_deadline > self.ends_on:
            errors["nomination_deadline"] = _(
                "The nomination deadline cannot be after the course ends."
            )
        if self.event_id and not self.is_online:
            errors["event"] = _("Only an online course is carried by a conference.")
        if errors:
            raise ValidationError(errors)


class Session(BaseModel):
    """A session of a course, at its times, on a module, given by a lecturer of the registry or
    an outside lecturer."""

    scope = Scope(parent="course")
    label_related = ("course",)

    course = models.ForeignKey(
        Course, verbose_name=_("course"), on_delete=models.CASCADE, related_name="sessions"
    )
    module = models.ForeignKey(
        Module,
        verbose_name=_("module"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="sessions",
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    lecturer = models.ForeignKey(
        "organizations.Person",
        verbose_name=_("lecturer"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="training_sessions",
    )
    outside_lecturer = models.CharField(_("outside lecturer"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("course session")
        verbose_name_plural = _("course sessions")
        ordering = ["course", "starts_at", "id"]

    def __str__(self):
        when = timezone.localtime(self.starts_at) if self.starts_at else None
        return f"{self.course} – {when:%d/%m/%Y %H:%M}" if when else str(self.course)

    def get_absolute_url(self):
        return reverse("training:session", args=[self.pk])

    @property
    def lecturer_name(self) -> str:
        return str(self.lecturer) if self.lecturer_id else self.outside_lecturer

    def clean(self):
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("A session must end after it starts.")})
        if self.lecturer_id and self.outside_lecturer:
            raise ValidationError(
                {"outside_lecturer": _("Name either a lecturer of the registry or an outside one.")}
            )
        if (
            self.module_id
            and self.course_id
            and self.module.programme_id != self.course.programme_id
        ):
            raise ValidationError({"module": _("The module is not one of the course's programme.")})


class Quota(BaseModel):
    """The places a course gives an organization: the organizer's, seen by that organization."""

    scope = Scope("course__organization", seen_by=("organization",))
    label_related = ("course", "organization")
    editable_relations = ("course",)

    course = models.ForeignKey(
        Course, verbose_name=_("course"), on_delete=models.CASCADE, related_name="quotas"
    )
    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("organization"),
        on_delete=models.PROTECT,
        related_name="training_quotas",
    )
    places = models.PositiveSmallIntegerField(
        _("places"), default=1, validators=[MinValueValidator(1), MaxValueValidator(1000)]
    )

    class Meta:
        verbose_name = _("quota")
        verbose_name_plural = _("quotas")
        ordering = ["course", "organization__tree_path", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["course", "organization"],
                condition=Q(deleted_at__isnull=True),
                name="training_quota_unique_course_organization",
                violation_error_message=_("This organization already has a quota on this course."),
            )
        ]

    def __str__(self):
        return f"{self.course} – {self.organization}: {self.places}"

    def get_absolute_url(self):
        return reverse("training:quota", args=[self.pk])


def material_path(instance, filename) -> str:
    """A name of our own: the name the file came with is kept apart, never used as a path."""
    suffix = PurePath(filename).suffix.lower()[:10]
    return f"training/materials/{timezone.now():%Y/%m}/{uuid4().hex}{suffix}"


class Material(UploadedFile):
    """A file of a course (slides, a reading): of an allowed type and size."""

    scope = Scope(parent="course")
    label_related = ("course",)

    course = models.ForeignKey(
        Course, verbose_name=_("course"), on_delete=models.CASCADE, related_name="materials"
    )
    title, file, original_name, size, content_type = UploadedFile.columns(material_path)

    class Meta:
        verbose_name = _("course material")
        verbose_name_plural = _("course materials")
        ordering = ["course", "id"]

    def __str__(self):
        return self.title or self.original_name or str(_("course material"))

    def get_absolute_url(self):
        return reverse("training:material", args=[self.pk])

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
