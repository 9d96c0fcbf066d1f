"""The abstract base models every domain model builds on.

- `TimestampedModel`: when a record was made and last changed.
- `BaseModel`: plus history of every change, a version for optimistic locking, soft delete and
  notes, and the scoped manager (`visible_to(user)` / `editable_by(user)`).

A concrete model declares who sees and edits its records with `scope = Scope(...)`: the lookups
from the model to its organizations ("organization", "committee__organization", ...), or the parent
whose scope it shares. The scoping itself lives in `amity.core.scoping`.
"""

from typing import Any, ClassVar

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from amity.core.dates import date_bound_errors
from amity.core.scoping import AllManager, LiveManager, Scope
from amity.core.uploads import describe_upload


class TimestampedModel(models.Model):
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        abstract = True


class BaseModel(TimestampedModel):
    """A record of the system: scoped, versioned, soft-deletable, with its history."""

    #: who sees and edits the records (`core.scoping.Scope`): by default the branch of the
    #: organization its `organization` field names
    scope: ClassVar[Scope] = Scope("organization")
    #: relations whose choices are the records the user may edit, not only see (a contact's
    #: partner); and relations whose choices are the field's `limit_choices_to` alone, whatever
    #: the user sees (a proposal's department): read by the form, the API and the import alike
    #: (`core.scoping.relation_choices`)
    editable_relations: ClassVar[tuple[str, ...]] = ()
    open_choices: ClassVar[tuple[str, ...]] = ()
    #: relations that `__str__` reads, fetched with the record wherever it is a choice in a list
    label_related: ClassVar[tuple[str, ...]] = ()

    #: who is writing, for the history row (django-simple-history reads it; set by services
    #: and imports that write outside a request)
    _history_user: Any

    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    deleted_at = models.DateTimeField(_("deleted"), null=True, blank=True, editable=False)
    notes = models.TextField(_("notes"), blank=True)

    objects = LiveManager()
    all_objects = AllManager()
    history = HistoricalRecords(inherit=True, excluded_fields=["updated_at"])

    class Meta:
        abstract = True
        base_manager_name = "all_objects"

    def save(self, *args, **kwargs):
        # The version moves on every write, whoever writes (form, API, import, service), so that
        # an edit based on an older version is detected however the newer one was made.
        if not self._state.adding:
            self.version = (self.version or 0) + 1
        self.derive_fields()
        super().save(*args, **kwargs)

    def clean_fields(self, exclude=None):
        """Each field's own checks, and every date within the bounds Amity accepts
        (`amity.core.dates`): forms and imports run this, the API the same date check."""
        errors: dict[str, list[ValidationError]] = {}
        try:
            super().clean_fields(exclude)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        for name, messages in date_bound_errors(self, exclude=set(exclude or ())).items():
            errors.setdefault(name, messages)  # a date its own check refused is not told twice
        if errors:
            raise ValidationError(errors)

    def derive_fields(self) -> None:
        """Set the fields computed from others. Called on every save and by the bulk import,
        which writes without calling save()."""

    def soft_delete(self):
        self.deleted_at = timezone.now()
        self.save()

    def restore(self):
        self.deleted_at = None
        self.save()

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None


class UploadedFile(BaseModel):
    """A record holding one uploaded file (a course's material, a report's attachment, a
    dossier's document): its title, the file under a name of our own, and the name, size and
    content type it came with, read from the file itself when it is uploaded.

    The model declares its columns where its own fields leave them, each with the path
    function its files are stored under:

        title, file, original_name, size, content_type = UploadedFile.columns(material_path)

    so that the columns keep their place after the model's own relation (its pages, exports and
    migrations unchanged); what a domain refuses of a file stays in the model's `clean()`."""

    # declared by each concrete model with `columns()`
    title: Any
    file: Any
    original_name: Any
    size: Any
    content_type: Any

    class Meta:
        abstract = True

    @staticmethod
    def columns(upload_to) -> tuple[models.Field, ...]:
        """The five columns of an uploaded file, stored under `upload_to(instance, filename)`."""
        return (
            models.CharField(_("title"), max_length=255, blank=True),
            models.FileField(_("file"), upload_to=upload_to, max_length=255),
            models.CharField(_("file name"), max_length=255, editable=False),
            models.PositiveIntegerField(_("size (bytes)"), default=0, editable=False),
            models.CharField(_("type of file"), max_length=100, editable=False),
        )

    @property
    def is_new_upload(self) -> bool:
        """Whether the file was uploaded now, and is not yet in storage."""
        return bool(self.file) and not getattr(self.file, "_committed", True)

    def derive_fields(self) -> None:
        """The name, size and type of a new upload, read from the file itself."""
        super().derive_fields()
        if self.is_new_upload:
            self.original_name, self.content_type = describe_upload(self.file)
            self.size = self.file.size


class Job(TimestampedModel):
    """A long import or export, run as a background task while the page shows its progress.

    An import is checked first (a preview with every bad row), then run once confirmed; an
    export of more rows than a page can wait for writes its file here for the user to download.
    It is the task's own record, not domain data: the rows an import writes carry their history.
    """

    class Kind(models.TextChoices):
        IMPORT = "import", _("Import")
        EXPORT = "export", _("Export")

    class Status(models.TextChoices):
        CHECKED = "checked", _("Checked, waiting for confirmation")
        INVALID = "invalid", _("Refused: rows with errors")
        RUNNING = "running", _("Running")
        DONE = "done", _("Finished")
        FAILED = "failed", _("Failed, nothing written")

    user = models.ForeignKey(
        "accounts.User", verbose_name=_("user"), on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.IMPORT)
    model_label = models.CharField(_("kind of record"), max_length=100)
    file = models.FileField(_("file"), upload_to="jobs/%Y/%m/", blank=True)
    original_name = models.CharField(_("file name"), max_length=255)
    file_format = models.CharField(_("format"), max_length=10, blank=True)
    query = models.TextField(_("filters"), blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    total_rows = models.PositiveIntegerField(_("rows"), default=0)
    processed_rows = models.PositiveIntegerField(_("rows processed"), default=0)
    summary = models.JSONField(_("summary"), default=dict, blank=True)

    class Meta:
        verbose_name = _("background job")
        verbose_name_plural = _("background jobs")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.original_name} ({self.get_status_display()})"

    @property
    def percent(self) -> int:
        if self.status == self.Status.DONE:
            return 100
        if not self.total_rows:
            return 0
        return min(100, round(100 * self.processed_rows / self.total_rows))

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED, self.Status.INVALID)


class TablePreference(models.Model):
    """The columns a user hid on one list, so that the list shows only what they read.

    The hidden columns are stored, not the shown ones, so that a column added to a table later
    shows to everyone until they hide it. A user's own setting: no history, no scope."""

    user = models.ForeignKey(
        "accounts.User", verbose_name=_("user"), on_delete=models.CASCADE, related_name="+"
    )
    table = models.CharField(_("list"), max_length=100)  # the model's plural: "partners"
    hidden_columns = models.JSONField(_("hidden columns"), default=list, blank=True)

    class Meta:
        verbose_name = _("list preference")
        verbose_name_plural = _("list preferences")
        ordering = ["user", "table"]
        constraints = [
            models.UniqueConstraint(fields=["user", "table"], name="core_tablepreference_unique")
        ]

    def __str__(self):
        return f"{self.user} · {self.table}"


class ScheduledRun(models.Model):
    """One run of a scheduled job (reminders, digests) on one day: the row is what lets only one
    of several application servers do the day's run (core/locks.py), and what `amity schedule`
    shows the administrator (what each job printed). Machinery, not domain data: no history, no
    scope."""

    name = models.CharField(_("job"), max_length=100)
    day = models.DateField(_("day"))
    started_at = models.DateTimeField(_("started at"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    succeeded = models.BooleanField(_("succeeded"), default=False)
    output = models.TextField(_("output"), blank=True)  # what the job printed, its error if any

    objects: ClassVar[models.Manager["ScheduledRun"]] = models.Manager()

    class Meta:
        verbose_name = _("scheduled run")
        verbose_name_plural = _("scheduled runs")
        ordering = ["-day", "name"]
        constraints = [
            models.UniqueConstraint(fields=["name", "day"], name="core_scheduledrun_unique")
        ]

    def __str__(self):
        return f"{self.name} · {self.day}"


class SearchEntry(models.Model):
    """One record as the search across domains finds it (`amity.core.search`): its kind (the
    registry plural), its id, its name in both languages with a one-line summary, and its folded
    text. Who may see it is not copied here: the search reads each kind's own `visible_to` for
    the rows it ranks, so that a scope rule (co-organizers, shared partners, a branch's tree)
    never has a second, stale copy. Derived data: no history, rebuilt by `amity search_index`."""

    kind = models.CharField(_("kind"), max_length=50)
    object_id = models.PositiveBigIntegerField(_("record"))
    title_vi = models.CharField(max_length=300)
    title_en = models.CharField(max_length=300)
    summary_vi = models.CharField(max_length=300, blank=True)
    summary_en = models.CharField(max_length=300, blank=True)
    # the folded title (lower case, no marks), cut short: a query's exact and starting matches
    key = models.CharField(max_length=100)
    # every indexed field folded, the title first (trigram-indexed: migration 0004)
    text = models.TextField()

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="core_searchentry_unique")
        ]
        indexes = [models.Index(fields=["key"], name="core_searchentry_key")]

    def __str__(self):
        return f"{self.kind} {self.object_id}"


class SearchWord(models.Model):
    """A word of the indexed texts: the vocabulary a mistyped word is corrected against. Words
    are added as records are indexed and never removed (a word no record holds any longer finds
    nothing, and `amity search_index --rebuild` starts the list anew)."""

    word = models.CharField(max_length=40, unique=True)
    length = models.PositiveSmallIntegerField()

    class Meta:
        indexes = [models.Index(fields=["length", "word"], name="core_searchword_length")]

    def __str__(self):
        return self.word
