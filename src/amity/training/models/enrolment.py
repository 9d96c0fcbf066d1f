"""Nominations and what follows them: attendance per session, results and certificates,
feedback."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Cast, ExtractYear
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from amity.core.models import BaseModel
from amity.core.scoping import Scope
from amity.training.choices import NominationState
from amity.training.models.courses import Course, Session

#: the lowest and highest rating a feedback gives a module
LOWEST_RATING, HIGHEST_RATING = 1, 5


class Nomination(BaseModel):
    """A person nominated to a course by an organization: the nominating organization's, seen by
    the organizer. Its state moves by the enrolment's steps (`enrolment_services`), never by an
    edit."""

    scope = Scope("organization", seen_by=("course__organization",))
    label_related = ("person", "course")
    # the nominating organization nominates its own people only
    editable_relations = ("person",)

    course = models.ForeignKey(
        Course, verbose_name=_("course"), on_delete=models.PROTECT, related_name="nominations"
    )
    person = models.ForeignKey(
        "organizations.Person",
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="training_nominations",
    )
    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("nominating organization"),
        on_delete=models.PROTECT,
        related_name="training_nominations",
    )
    state = models.CharField(
        _("state"),
        max_length=12,
        choices=NominationState.choices,
        default=NominationState.NOMINATED,
    )
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("nomination")
        verbose_name_plural = _("nominations")
        ordering = ["course", "organization__tree_path", "person__full_name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["course", "person"],
                condition=Q(deleted_at__isnull=True),
                name="training_nomination_unique_course_person",
                violation_error_message=_("This person is already nominated to this course."),
            )
        ]

    def __str__(self):
        return f"{self.person} – {self.course}"

    def get_absolute_url(self):
        return reverse("training:nomination", args=[self.pk])


class Attendance(BaseModel):
    """Whether a confirmed participant was present at a session: recorded by the organizer,
    seen by the nominating organization."""

    scope = Scope("session__course__organization", seen_by=("nomination__organization",))
    label_related = ("session__course", "nomination__person", "nomination__course")
    editable_relations = ("session",)

    session = models.ForeignKey(
        Session, verbose_name=_("session"), on_delete=models.CASCADE, related_name="attendance"
    )
    nomination = models.ForeignKey(
        Nomination,
        verbose_name=_("nomination"),
        on_delete=models.CASCADE,
        related_name="attendance",
    )
    present = models.BooleanField(_("present"), default=True)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance records")
        ordering = ["session", "nomination", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "nomination"],
                condition=Q(deleted_at__isnull=True),
                name="training_attendance_unique_session_nomination",
                violation_error_message=_("This attendance is recorded already."),
            )
        ]

    def __str__(self):
        return f"{self.nomination.person} – {self.session}"

    def get_absolute_url(self):
        return reverse("training:attendance", args=[self.pk])


class Result(BaseModel):
    """A participant's assessment (completion, a test's score) and certificate: the
    organizer's, seen by the nominating organization."""

    scope = Scope("nomination__course__organization", seen_by=("nomination__organization",))
    label_related = ("nomination__person", "nomination__course")

    nomination = models.OneToOneField(
        Nomination, verbose_name=_("nomination"), on_delete=models.CASCADE, related_name="result"
    )
    completed = models.BooleanField(_("completed"), default=False)
    passed = models.BooleanField(_("passed the test"), null=True, blank=True)
    score = models.DecimalField(
        _("score"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    certificate_number = models.CharField(_("certificate number"), max_length=50, blank=True)
    issued_on = models.DateField(_("certificate issued on"), null=True, blank=True)

    class Meta:
        verbose_name = _("result")
        verbose_name_plural = _("results")
        ordering = ["nomination", "id"]
        constraints = [
            models.UniqueConstraint(
                # The cast types the value that validation puts in the date's place: a result
                # without a date would otherwise be an untyped NULL PostgreSQL cannot extract
                # a year from (and every such result was refused as a duplicate).
                ExtractYear(Cast("issued_on", output_field=models.DateField())),
                "certificate_number",
                condition=Q(deleted_at__isnull=True) & ~Q(certificate_number=""),
                name="training_result_unique_certificate_per_year",
                violation_error_message=_("This certificate number is used already this year."),
            )
        ]

    def __str__(self):
        return str(self.nomination)

    def get_absolute_url(self):
        return reverse("training:result", args=[self.pk])

    def clean(self):
        super().clean()
        if bool(self.certificate_number) != bool(self.issued_on):
            raise ValidationError(
                {"issued_on": _("A certificate has both a number and the day it was issued.")}
            )


class Feedback(BaseModel):
    """A participant's feedback after a course: a rating of each module (1 to 5) and comments.
    The organizer's, seen by the nominating organization."""

    scope = Scope("course__organization", seen_by=("nomination__organization",))
    label_related = ("course", "nomination__person")
    editable_relations = ("course",)

    course = models.ForeignKey(
        Course, verbose_name=_("course"), on_delete=models.CASCADE, related_name="feedback"
    )
    nomination = models.ForeignKey(
        Nomination,
        verbose_name=_("nomination"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="feedback",
        help_text=_("Empty for an anonymous feedback."),
    )
    ratings = models.JSONField(
        _("ratings per module"),
        default=dict,
        blank=True,
        help_text=_('The module\'s id and its rating from 1 to 5, e.g. {"12": 4, "13": 5}.'),
    )
    comments = models.TextField(_("comments"), blank=True)

    class Meta:
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback forms")
        ordering = ["course", "id"]

    def __str__(self):
        return f"{_('Feedback')} – {self.course}"

    def get_absolute_url(self):
        return reverse("training:feedback", args=[self.pk])

    def clean(self):
        super().clean()
        errors = {}
        if self.nomination_id and self.course_id and self.nomination.course_id != self.course_id:
            errors["nomination"] = _("The nomination is not one of this course.")
        rating_error = self._ratings_error()
        if rating_error:
            errors["ratings"] = rating_error
        if errors:
            raise ValidationError(errors)

    def _ratings_error(self):
        ratings = self.ratings
        if not isinstance(ratings, dict):
            return _("Give the ratings as module id → rating.")
        for key, value in ratings.items():
            if not str(key).isdigit() or len(str(key)) > 12:
                return _("Each rating names a module by its id.")
            if isinstance(value, bool) or not isinstance(value, int):
                return _("Each rating is a whole number from 1 to 5.")
            if not LOWEST_RATING <= value <= HIGHEST_RATING:
                return _("Each rating is a whole number from 1 to 5.")
        if ratings and self.course_id:
            modules = set(self.course.programme.modules.values_list("pk", flat=True))
            if not {int(key) for key in ratings} <= modules:
                return _("A rating names a module that is not of the course's programme.")
        return None
