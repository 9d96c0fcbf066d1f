"""Work orientations and directives (định hướng, chỉ đạo): a document the centre issues, with its
tasks, sent to chosen organizations, each of which acknowledges it and reports on every task.

Scoping: an orientation is its issuer's, seen by its recipients and the organizations above
them; the central Union's orientations, once issued, are the network's guidance and every
signed-in user sees them. A recipient's row (its acknowledgement) and its reports are the
recipient's own, seen by the issuer.
"""

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
from amity.documents.orientations_choices import OrientationKind, OrientationStatus, TaskProgress
from amity.geo.choices import WorldRegion

YEAR_VALIDATORS = [MinValueValidator(1945), MaxValueValidator(2200)]


class Orientation(BaseModel):
    """A work orientation or directive: general for a year, or for a world region, a country or
    a field of work, issued by an organization (the centre) with its tasks."""

    scope = Scope(
        "organization",
        seen_by=("recipients__organization",),
        shared=Q(status=OrientationStatus.ISSUED, organization__kind="central_union"),
    )

    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("issued by"),
        on_delete=models.PROTECT,
        related_name="orientations_issued",
    )
    year = models.PositiveSmallIntegerField(_("year"), validators=YEAR_VALIDATORS)
    kind = models.CharField(
        _("scope of the orientation"),
        max_length=10,
        choices=OrientationKind.choices,
        default=OrientationKind.GENERAL,
    )
    title = models.CharField(_("title"), max_length=255)
    summary = models.TextField(_("content"), blank=True)
    region = models.CharField(
        _("world region"), max_length=10, choices=WorldRegion.choices, blank=True
    )
    countries = models.ManyToManyField(
        "geo.Country", verbose_name=_("countries"), related_name="orientations", blank=True
    )
    fields_of_work = models.ManyToManyField(
        "partners.FieldOfWork",
        verbose_name=_("fields of work"),
        related_name="orientations",
        blank=True,
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=OrientationStatus.choices,
        default=OrientationStatus.DRAFT,
    )
    number = models.CharField(_("document number"), max_length=50, blank=True)
    issued_on = models.DateField(_("issued on"), null=True, blank=True)

    class Meta:
        verbose_name = _("work orientation")
        verbose_name_plural = _("work orientations")
        ordering = ["-year", "kind", "title", "id"]
        indexes = [models.Index(fields=["year", "kind"], name="documents_orientation_year")]

    def __str__(self):
        return f"{self.title} ({self.year})"

    def get_absolute_url(self):
        return reverse("documents:orientation", args=[self.pk])

    @property
    def is_issued(self) -> bool:
        return self.status == OrientationStatus.ISSUED

    def clean(self):
        super().clean()
        errors = {}
        if self.kind == OrientationKind.REGION and not self.region:
            errors["region"] = _("An orientation for a region names the region.")
        if self.status == OrientationStatus.ISSUED and not self.issued_on:
            errors["issued_on"] = _("An issued orientation has the day it was issued.")
        if self.issued_on and self.year and abs(self.issued_on.year - self.year) > 1:
            errors["issued_on"] = _("An orientation is issued in its year or the year before.")
        if errors:
            raise ValidationError(errors)


class OrientationTask(BaseModel):
    """A task an orientation sets, in its order, with its due date."""

    scope = Scope(parent="orientation")
    label_related = ("orientation",)

    orientation = models.ForeignKey(
        Orientation, verbose_name=_("orientation"), on_delete=models.CASCADE, related_name="tasks"
    )
    order = models.PositiveSmallIntegerField(
        _("order"), default=1, validators=[MaxValueValidator(999)]
    )
    title = models.CharField(_("title"), max_length=255)
    description = models.TextField(_("description"), blank=True)
    due_on = models.DateField(_("due on"), null=True, blank=True)

    class Meta:
        verbose_name = _("orientation task")
        verbose_name_plural = _("orientation tasks")
        ordering = ["orientation", "order", "id"]

    def __str__(self):
        return f"{self.order}. {self.title}"

    def get_absolute_url(self):
        return reverse("documents:orientationtask", args=[self.pk])


class Recipient(BaseModel):
    """An organization an orientation is sent to, and its acknowledgement of receipt (the day,
    and by whom). The recipient's own record, seen by the issuer."""

    scope = Scope("organization", seen_by=("orientation__organization",))
    label_related = ("orientation", "organization")
    # only the issuer sends its orientation: a unit may not add itself to another's
    editable_relations = ("orientation",)

    orientation = models.ForeignKey(
        Orientation,
        verbose_name=_("orientation"),
        on_delete=models.CASCADE,
        related_name="recipients",
    )
    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("recipient"),
        on_delete=models.PROTECT,
        related_name="orientations_received",
    )
    acknowledged_on = models.DateField(_("acknowledged on"), null=True, blank=True)
    acknowledged_by = models.CharField(_("acknowledged by"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("orientation recipient")
        verbose_name_plural = _("orientation recipients")
        ordering = ["orientation", "organization__tree_path", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["orientation", "organization"],
                condition=Q(deleted_at__isnull=True),
                name="documents_recipient_unique_orientation_organization",
                violation_error_message=_("The orientation is sent to this organization already."),
            )
        ]

    def __str__(self):
        return f"{self.organization} – {self.orientation}"

    def get_absolute_url(self):
        return reverse("documents:recipient", args=[self.pk])

    @property
    def is_acknowledged(self) -> bool:
        return self.acknowledged_on is not None

    def clean(self):
        super().clean()
        errors = {}
        if self.orientation_id and not self.orientation.is_issued:
            errors["orientation"] = _("An orientation cannot be distributed before it is issued.")
        if bool(self.acknowledged_on) != bool(self.acknowledged_by.strip()):
            errors["acknowledged_by"] = _("An acknowledgement has both its day and who made it.")
        issued = self.orientation.issued_on if self.orientation_id else None
        if self.acknowledged_on and issued and self.acknowledged_on < issued:
            errors["acknowledged_on"] = _("An orientation is acknowledged after it is issued.")
        if errors:
            raise ValidationError(errors)


class TaskReport(BaseModel):
    """How far a recipient has implemented one task of the orientation: the recipient's, seen by
    the issuer."""

    scope = Scope("recipient__organization", seen_by=("recipient__orientation__organization",))
    label_related = ("recipient__organization", "task")
    editable_relations = ("recipient",)

    recipient = models.ForeignKey(
        Recipient, verbose_name=_("recipient"), on_delete=models.CASCADE, related_name="reports"
    )
    task = models.ForeignKey(
        OrientationTask, verbose_name=_("task"), on_delete=models.CASCADE, related_name="reports"
    )
    progress = models.CharField(
        _("implementation"),
        max_length=12,
        choices=TaskProgress.choices,
        default=TaskProgress.NOT_STARTED,
    )
    note = models.TextField(_("note"), blank=True)
    reported_on = models.DateField(_("reported on"), default=timezone.localdate)

    class Meta:
        verbose_name = _("implementation report")
        verbose_name_plural = _("implementation reports")
        ordering = ["recipient", "task__order", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "task"],
                condition=Q(deleted_at__isnull=True),
                name="documents_taskreport_unique_recipient_task",
                violation_error_message=_("This task is reported on already."),
            )
        ]

    def __str__(self):
        return f"{self.recipient.organization} – {self.task}"

    def get_absolute_url(self):
        return reverse("documents:taskreport", args=[self.pk])

    def clean(self):
        super().clean()
        if (
            self.task_id
            and self.recipient_id
            and self.task.orientation_id != self.recipient.orientation_id
        ):
            raise ValidationError({"task": _("The task is not one of this orientation.")})


def evidence_path(instance, filename) -> str:
    """A name of our own: the name the file came with is kept apart, never used as a path."""
    suffix = PurePath(filename).suffix.lower()[:10]
    return f"documents/evidence/{timezone.now():%Y/%m}/{uuid4().hex}{suffix}"


class Evidence(UploadedFile):
    """A file that shows a task's implementation (a report, a photograph, minutes)."""

    scope = Scope(parent="report")
    label_related = ("report",)

    report = models.ForeignKey(
        TaskReport,
        verbose_name=_("implementation report"),
        on_delete=models.CASCADE,
        related_name="evidence",
    )
    title, file, original_name, size, content_type = UploadedFile.columns(evidence_path)

    class Meta:
        verbose_name = _("evidence file")
        verbose_name_plural = _("evidence files")
        ordering = ["report", "id"]

    def __str__(self):
        return self.title or self.original_name or str(_("evidence file"))

    def get_absolute_url(self):
        return reverse("documents:evidence", args=[self.pk])

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
