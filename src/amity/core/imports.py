"""Imports from XLSX and CSV, on django-import-export: scoped, checked in full, all rows or none.

An app declares a resource per model in its `imports.py`, subclassing `ScopedResource`, and names
it in its `registry.py` under the model's URL plural ("organizations"). The same resource
serves the export, the web import, the command line (`amity import KIND FILE`) and the tasks.
"""

import io
import logging
import zipfile
from decimal import Decimal, InvalidOperation
from typing import Any

import tablib
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import IntegrityError, connections, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from import_export import resources
from import_export.fields import Field
from import_export.widgets import CharWidget, ForeignKeyWidget, ManyToManyWidget, Widget
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from amity.core import search
from amity.core.exports import render, write_guided_xlsx
from amity.core.import_files import (  # noqa: F401 (the names imports read files by)
    ImportFileError,
    precheck,
    read_dataset,
    refuse_zip_bomb,
)
from amity.core.models import Job
from amity.core.registry import registry
from amity.core.scoping import can_edit, may_write, relation_choices
from amity.core.writes import change_refusal, changed_fixed_fields, writer_for

logger = logging.getLogger(__name__)

#: an import's progress is written every this many rows
PROGRESS_EVERY = 200


def resource_for(plural: str) -> type["ScopedResource"]:
    """The import/export resource of the model an app's registry.py names `plural`."""
    resource = registry.by_plural(plural).resource_class()
    if resource is None:
        raise LookupError(plural)
    return resource


class ScopedForeignKeyWidget(ForeignKeyWidget):
    """A reference in an import row may only name a record its user may see, or what the
    model declares for the relation (`core.scoping.relation_choices`), as the form and the API."""

    def __init__(self, model, field="pk", *, user, choices=None, **kwargs):
        super().__init__(model, field, **kwargs)
        self.user = user
        self.choices = choices
        self._found = {}
        self._by_pk = {}

    def get_queryset(self, value, row, *args, **kwargs):
        if self.choices is not None:
            return self.choices
        return self.model.objects.visible_to(self.user)

    def clean(self, value, row=None, **kwargs):
        # A file names the same few countries or organizations on thousands of rows: each is
        # looked up once per import, not once per row.
        key = str(value).strip()
        if key not in self._found:
            record = self._look_up(value, row, **kwargs)
            self._found[key] = record
            if record is not None:
                self._by_pk[record.pk] = record
        record = self._found[key]
        return record.pk if self.key_is_id and record is not None else record

    def _look_up(self, value, row, **kwargs):
        if not Widget.clean(self, value):  # the base's test for an empty cell
            return None
        return self.get_instance_by_lookup_fields(value, row, **kwargs)

    def found(self, pk):
        """The record this widget read for `pk`, if it read one (an id column keeps ids)."""
        return self._by_pk.get(pk)


class BatchRefused(Exception):
    """A batch written in bulk is undone; its rows at fault are in the resource's errors."""


class ScopedResource(resources.ModelResource):
    """A resource that reads and writes only what its user may edit, leaving history behind.

    Rows are matched to existing records by `id`, else by `external_ref`; a row naming a record
    the user may not edit is an error of that row, never a silent new record.

    A resource whose model keeps no derived state outside its own row (see `derive_fields`) may
    set `use_bulk = True` in its Meta: rows are then checked one by one in Python and written in
    batches with their history (see `BulkWriting`), tens of times faster than a save per row.
    """

    @property
    def plural(self) -> str:
        return registry.entry(self._meta.model).plural

    def __init__(self, user=None, **kwargs):
        super().__init__(**kwargs)  # gives this resource its own copy of the fields
        model_fields = self._meta.model._meta.concrete_fields
        #: the model carries a version (BaseModel): rows that change a record must give it
        self.versioned = any(field.name == "version" for field in model_fields)
        if self.versioned and "version" not in self.fields:
            # Every export ends with each record's version, so that importing the file later
            # cannot silently put back values changed since (`check_version`). Never written.
            self.fields["version"] = Field(
                attribute="version", column_name="version", readonly=True
            )
        self.user = user
        self.writer = writer_for(self._meta.model)
        self.on_progress = None
        #: the user asked to overwrite records changed since the file was exported
        self.overwrite = False
        self.warnings: list[dict] = []
        #: errors found when a batch is written, with the lines of the rows at fault
        self.batch_errors: list[dict] = []
        self._known_by_id: dict[int, object] = {}
        self._known_by_reference: dict[str, object] = {}
        self._foreign_references: set[str] = set()
        self._reference_lines: dict[str, int] = {}
        self._current_line = 0
        for field in self.fields.values():
            widget = field.widget
            if isinstance(widget, ForeignKeyWidget) and hasattr(widget.model.objects, "visible_to"):
                field.widget = ScopedForeignKeyWidget(
                    widget.model,
                    widget.field,
                    key_is_id=widget.key_is_id,
                    user=user,
                    choices=self._declared_choices(field, user),
                )

    def _declared_choices(self, field, user):
        """The records the model declares its relation may name (None: what the user sees)."""
        try:
            return relation_choices(self._meta.model, field.attribute, user)
        except FieldDoesNotExist:
            return None

    # django-import-export reads a text field with its bare widget, which keeps an empty cell as
    # None: every import of a long text left blank (notes, comments) would break NOT NULL.
    WIDGETS_MAP = {**resources.ModelResource.WIDGETS_MAP, "TextField": CharWidget}

    class Meta:
        clean_model_instances = True
        skip_unchanged = False
        skip_diff = True  # the preview lists errors and warnings, not a diff of every row
        report_skipped = True
        import_id_fields = ["id"]
        exclude = ["version", "deleted_at", "created_at", "updated_at", "tree_path"]
        batch_size = 500

    def get_queryset(self):
        return self._meta.model.objects.editable_by(self.user)

    def get_import_fields(self):
        # Asked for several times a row, and the same for every row.
        if not hasattr(self, "_import_fields"):
            self._import_fields = super().get_import_fields()
        return self._import_fields

    def before_import(self, dataset, **kwargs):
        # The records the file names by id or reference are read in a few queries up front,
        # not two queries a row.
        ids = {int(value) for value in _column(dataset, "id") if value.isdigit()}
        references = set(_column(dataset, "external_ref"))
        if not hasattr(self._meta.model, "external_ref"):
            references = set()
        for chunk in _chunks(sorted(ids)):
            self._known_by_id.update(self.get_queryset().in_bulk(chunk))
        for chunk in _chunks(sorted(references)):
            found = self.get_queryset().filter(external_ref__in=chunk)
            self._known_by_reference.update((item.external_ref, item) for item in found)
            unseen = set(chunk) - {item.external_ref for item in found}
            self._foreign_references.update(
                self._meta.model.all_objects.filter(external_ref__in=unseen).values_list(
                    "external_ref", flat=True
                )
            )

    def before_import_row(self, row, **kwargs):
        self._current_line = kwargs.get("row_number", 0) + 1  # the header is line 1

    def get_instance(self, instance_loader, row):
        record_id = str(row.get("id") or "").strip()
        reference = str(row.get("external_ref") or "").strip()
        if record_id:
            if not record_id.isdigit():
                raise ValidationError({"id": _("The id must be a whole number.")})
            instance = self._known_by_id.get(int(record_id))
            if instance is None:
                raise ValidationError(
                    {"id": _("There is no record %(id)s that you may edit.") % {"id": record_id}}
                )
            return instance
        if reference and hasattr(self._meta.model, "external_ref"):
            line = self._reference_lines.setdefault(reference, self._current_line)
            if line != self._current_line:
                raise ValidationError(
                    {
                        "external_ref": _("This reference is already on line %(line)s of the file.")
                        % {"line": line}
                    }
                )
            if reference in self._foreign_references:
                raise ValidationError(
                    {"external_ref": _("This reference belongs to a record you may not edit.")}
                )
            return self._known_by_reference.get(reference)
        return None

    def get_or_init_instance(self, instance_loader, row):
        instance, new = super().get_or_init_instance(instance_loader, row)
        if not new:
            self.check_version(instance, row)
        return instance, new

    def check_version(self, instance, row) -> None:
        """A row that changes a record carries the version it was exported with (the export's
        `version` column): a record changed since is refused, never overwritten silently, unless
        the user asked to overwrite newer changes. A row found by another system's reference
        (`external_ref`, a transaction's `ref`) may leave the version out: such files are not
        our exports and know no version."""
        if self.overwrite or not self.versioned:
            return
        given = str(row.get("version") if row.get("version") is not None else "").strip()
        if not given:
            if str(row.get("id") or "").strip():
                raise ValidationError(
                    {
                        "version": _(
                            "“%(record)s” exists and this row gives no version: import a file "
                            "exported "
                            "with its version column, or choose to overwrite newer changes."
                        )
                        % {"record": instance}
                    }
                )
            return
        try:
            number = int(Decimal(given))
        except (InvalidOperation, ValueError, OverflowError):
            raise ValidationError({"version": _("The version must be a whole number.")}) from None
        if number != instance.version:
            raise ValidationError(
                {
                    "version": _(
                        "“%(record)s” changed since the file was exported: version %(file)s in the "
                        "file, %(now)s now. Export it again, or choose to overwrite newer changes."
                    )
                    % {"record": instance, "file": number, "now": instance.version}
                }
            )

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        if self._meta.use_bulk:
            # Unique and check constraints cost a query each per row: the database enforces
            # them when the batch is written, and a refused batch is checked row by row.
            errors = dict(import_validation_errors or {})
            # A reference read by its widget was found in the database: no second query.
            looked_up = {
                field.attribute.removesuffix("_id")
                for field in self.get_import_fields()
                if isinstance(field.widget, ForeignKeyWidget)
            }
            try:
                instance.full_clean(
                    exclude=looked_up | errors.keys(),
                    validate_constraints=False,
                    validate_unique=False,
                )
            except ValidationError as error:
                errors = error.update_error_dict(errors)
            if errors:
                raise ValidationError(errors)
        else:
            super().validate_instance(instance, import_validation_errors, validate_unique)
        # A record read from the editable ones needs no second look (one without a reference
        # was not read by reference: `get(None)` finds none).
        reference = getattr(instance, "external_ref", None)
        fetched = instance.pk is not None and (
            self._known_by_id.get(instance.pk) is instance
            or self._known_by_reference.get(reference) is instance  # type: ignore[arg-type]
        )
        if not fetched and not may_write(self.user, instance):
            raise ValidationError(_("This row belongs to an organization you may not edit."))
        if instance.pk is not None:
            # A record its workflow holds (a submitted report), or a change of what identifies
            # it, is refused here as on the edit page and the API.
            refusal = change_refusal(instance, self.user)
            if refusal:
                raise ValidationError(refusal)
            fixed = changed_fixed_fields(instance)
            if fixed:
                message = _("This cannot change once the record is made.")
                raise ValidationError({name: message for name in fixed})

    def before_save_instance(self, instance, row, **kwargs):
        # Rows written by a task have no request: history is told the user explicitly.
        instance._history_user = self.user
        instance._import_line = self._current_line
        instance._import_created = instance.pk is None
        # The one write path's steps (`core.writes`): what the form and the API do before a save;
        # in bulk, once for each batch (`_write_batch`), which reads what they need once.
        if not self._meta.use_bulk:
            self.writer.before_save(instance, self.user, instance._import_created)
        if kwargs.get("dry_run"):
            for message in self.row_warnings(instance, row):
                self.warnings.append({"line": self._current_line, "message": message})

    def row_warnings(self, instance, row) -> list[str]:
        """Things worth a second look in a good row (a likely duplicate), shown in the check."""
        return []

    def after_save_instance(self, instance, row, **kwargs):
        # Re-checked after saving, as the pages do: a row that moves a record out of the
        # user's scope (an organization under another Union) is refused, and so is the file.
        # (A check runs inside a rolled-back transaction, so its rows are saved too.)
        # In bulk the batch is checked once it is written (`after_bulk_save`).
        if self._meta.use_bulk:
            return
        self.writer.after_save(instance, self.user, getattr(instance, "_import_created", False))
        if instance.pk and not can_edit(self.user, instance):
            raise ValidationError(_("The result would be outside what you may edit."))

    def after_import_row(self, row, row_result, **kwargs):
        if self.on_progress:
            self.on_progress(kwargs.get("row_number", 0))

    # --- writing in batches (Meta.use_bulk) ------------------------------------------------------

    def import_instance(self, instance, row, **kwargs):
        # field → its errors (as Django gives them) or one error (a many-to-many column's)
        errors: dict[str, Any] = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        self._put_records_found(instance)
        if self._meta.use_bulk:
            # django-import-export leaves many-to-many fields out of bulk writes: they are read
            # and checked here, with the row, and written with their batch.
            instance._import_m2m = {}
            for field in self.get_import_fields():
                if isinstance(field.widget, ManyToManyWidget) and field.column_name in row:
                    try:
                        instance._import_m2m[field.attribute] = field.clean(row)
                    except ValueError as error:
                        errors[field.attribute] = ValidationError(str(error), code="invalid")
        if errors:
            raise ValidationError(errors)

    def _put_records_found(self, instance) -> None:
        # A reference column keeps only the id: the record its widget read is put in its place,
        # so that validating thousands of rows naming the same few records reads none again.
        for field in self.get_import_fields():
            widget = field.widget
            if isinstance(widget, ScopedForeignKeyWidget) and widget.key_is_id:
                record = widget.found(getattr(instance, field.attribute, None))
                if record is not None:
                    setattr(instance, field.attribute.removesuffix("_id"), record)

    def save_m2m(self, instance, row, **kwargs):
        if not self._meta.use_bulk:
            super().save_m2m(instance, row, **kwargs)

    def bulk_create(self, using_transactions, dry_run, raise_errors, batch_size=None, result=None):
        self._write_batch(self.create_instances, created=True)

    def bulk_update(self, using_transactions, dry_run, raise_errors, batch_size=None, result=None):
        self._write_batch(self.update_instances, created=False)

    def _write_batch(self, instances, *, created: bool) -> None:
        if not instances:
            return
        model = self._meta.model
        now = timezone.now()
        self.writer.before_save_batch(instances, self.user, created)
        for instance in instances:
            if not created:
                instance.version = (instance.version or 0) + 1
                instance.updated_at = now
            instance.derive_fields()
        try:
            with transaction.atomic():
                if created:
                    self.insert_new(instances)
                else:
                    columns = [
                        field.name for field in model._meta.concrete_fields if not field.primary_key
                    ]
                    bulk_update_with_history(instances, model, columns, default_user=self.user)
                self._write_m2m(instances, replace=not created)
                self.writer.after_save_batch(instances, self.user, created)
                self.after_bulk_save(instances, created=created)
                # a bulk write sends no post_save: the search index is told of the batch
                search.mark(model, [instance.pk for instance in instances])
        except BatchRefused:
            pass  # its rows are named already
        except IntegrityError as error:
            self._explain_refused_batch(instances, error)
        finally:
            instances.clear()

    def insert_new(self, instances) -> None:
        """Write a batch of new, checked rows with their "created" history; a resource may do
        it faster its own way."""
        bulk_create_with_history(instances, self._meta.model, default_user=self.user)

    def _write_m2m(self, instances, *, replace: bool) -> None:
        for attribute in {name for item in instances for name in getattr(item, "_import_m2m", {})}:
            relation = getattr(self._meta.model, attribute)
            through = relation.through
            source = relation.field.m2m_field_name()
            target = relation.field.m2m_reverse_field_name()
            owners = [item for item in instances if attribute in item._import_m2m]
            if replace:
                through.objects.filter(**{f"{source}__in": [item.pk for item in owners]}).delete()
            links = [
                through(**{f"{source}_id": item.pk, f"{target}_id": value.pk})
                for item in owners
                for value in item._import_m2m[attribute]
            ]
            through.objects.bulk_create(links, batch_size=1000)

    def after_bulk_save(self, instances, *, created: bool) -> None:
        """A written batch, re-checked as a saved row is: every record must stay editable."""
        keys = [item.pk for item in instances]
        editable = set(self.get_queryset().filter(pk__in=keys).values_list("pk", flat=True))
        outside = [item for item in instances if item.pk not in editable]
        if outside:
            for item in outside:
                self._add_batch_error(item, _("The result would be outside what you may edit."))
            raise BatchRefused

    def _explain_refused_batch(self, instances, error) -> None:
        """The database refused a batch (a unique or check constraint): find the rows at fault
        by checking each in full, as the row-by-row import would have."""
        found = False
        for instance in instances:
            try:
                instance.full_clean(validate_unique=True, validate_constraints=True)
            except ValidationError as invalid:
                found = True
                for message in invalid.messages:
                    self._add_batch_error(instance, message)
        if not found:
            logger.info("import batch refused: %s", error)
            self._add_batch_error(
                instances[0], _("These rows could not be saved: %(error)s") % {"error": error}
            )

    def _add_batch_error(self, instance, message) -> None:
        self.batch_errors.append(
            {"line": getattr(instance, "_import_line", 0), "errors": [str(message)]}
        )


def _column(dataset, header: str) -> list[str]:
    if header not in (dataset.headers or []):
        return []
    return [str(value).strip() for value in dataset[header] if str(value or "").strip()]


def _chunks(values: list, size: int = 500):
    for start in range(0, len(values), size):
        yield values[start : start + size]


def row_errors(result) -> list[dict]:
    """Each refused row with its line in the file (the header is line 1) and its reasons."""
    problems = []
    for invalid in result.invalid_rows:
        messages: list[str] = []
        for field, errors in invalid.error_dict.items():
            label = "" if field == "__all__" else f"{field}: "
            messages.extend(f"{label}{error}" for error in errors)
        problems.append({"line": invalid.number + 1, "errors": messages})
    for number, errors in result.row_errors():
        problems.append({"line": number + 1, "errors": [str(error.error) for error in errors]})
    for error in result.base_errors:
        problems.append({"line": 0, "errors": [str(error.error)]})
    return sorted(problems, key=lambda problem: problem["line"])


def summarise(result) -> dict:
    totals = result.totals
    return {
        "new": totals.get("new", 0),
        "update": totals.get("update", 0),
        "skip": totals.get("skip", 0),
        "errors": row_errors(result),
    }


def import_dataset(
    resource_class, dataset, user, *, dry_run: bool, on_progress=None, overwrite: bool = False
) -> dict:
    """Import every row or none: one transaction for the file, rolled back on any error.
    `overwrite` lets rows put back values over records changed since the file was exported."""
    resource = resource_class(user=user)
    resource.on_progress = on_progress
    resource.overwrite = overwrite
    with transaction.atomic():
        result = resource.import_data(
            dataset, dry_run=dry_run, raise_errors=False, use_transactions=True
        )
        summary = summarise(result)
        summary["errors"] = sorted(
            summary["errors"] + resource.batch_errors, key=lambda problem: problem["line"]
        )
        summary["warnings"] = resource.warnings
        if summary["errors"]:
            transaction.set_rollback(True)
    summary["overwrite"] = overwrite
    return summary


def progress_connection_alias():
    """A second connection that can report progress while the import's transaction is open.

    SQLite allows one writer at a time, so there the job is only updated before and after.
    """
    return "progress" if "progress" in connections.databases else None


def load_job_dataset(job):
    with job.file.open("rb") as handle:
        return read_dataset(handle.read(), job.original_name)


def _progress_reporter(job):
    alias = progress_connection_alias()

    def report(row_number):
        if alias and row_number % PROGRESS_EVERY == 0:
            Job.objects.using(alias).filter(pk=job.pk).update(processed_rows=row_number)

    return report


def _failure(error) -> dict:
    return {"new": 0, "update": 0, "skip": 0, "errors": [{"line": 0, "errors": [str(error)]}]}


def execute_import(job) -> None:
    """Run a checked import job for real, reporting progress and the outcome on the job."""
    overwrite = bool(job.summary.get("overwrite"))
    Job.objects.filter(pk=job.pk).update(status=Job.Status.RUNNING, processed_rows=0)
    try:
        dataset = load_job_dataset(job)
        summary = import_dataset(
            resource_for(job.model_label),
            dataset,
            job.user,
            dry_run=False,
            on_progress=_progress_reporter(job),
            overwrite=overwrite,
        )
    except Exception as error:  # the job must end in a state the user can read, not hang
        logger.exception("import job %s failed", job.pk)
        summary = _failure(error)
    status = Job.Status.FAILED if summary["errors"] else Job.Status.DONE
    Job.objects.filter(pk=job.pk).update(
        status=status, summary=summary, processed_rows=job.total_rows
    )


def execute_check(job) -> None:
    """Read and check (a dry run) a large uploaded file in a background task, as the import
    page does with a small one: the job ends checked, waiting for confirmation, or invalid."""
    overwrite = bool(job.summary.get("overwrite"))
    total = 0
    try:
        dataset = load_job_dataset(job)
        total = len(dataset)
        Job.objects.filter(pk=job.pk).update(total_rows=total, processed_rows=0)
        summary = import_dataset(
            resource_for(job.model_label),
            dataset,
            job.user,
            dry_run=True,
            on_progress=_progress_reporter(job),
            overwrite=overwrite,
        )
    except ImportFileError as error:
        summary = _failure(error)
    except Exception as error:  # the job must end in a state the user can read, not hang
        logger.exception("import check %s failed", job.pk)
        summary = _failure(error)
    summary["overwrite"] = overwrite
    status = Job.Status.INVALID if summary["errors"] else Job.Status.CHECKED
    Job.objects.filter(pk=job.pk).update(
        status=status, summary=summary, total_rows=total, processed_rows=total
    )


def unpacked_size(content: bytes, filename: str) -> int:
    """What reading the file has to go through: a workbook's unpacked parts, else its bytes."""
    if filename.lower().endswith(".xlsx") and content.startswith(b"PK"):
        try:
            with zipfile.ZipFile(io.BytesIO(content)) as archive:
                return sum(entry.file_size for entry in archive.infolist())
        except zipfile.BadZipFile:
            pass
    return len(content)


def check_upload(resource_class, upload, user, *, overwrite: bool = False):
    """Read and dry-run an uploaded file; return (dataset, summary) or raise ImportFileError."""
    content = upload.read()
    dataset = read_dataset(content, upload.name)
    upload.seek(0)
    summary = import_dataset(resource_class, dataset, user, dry_run=True, overwrite=overwrite)
    return dataset, summary


def dataset_from_path(path, *, max_bytes: int | None = None) -> tablib.Dataset:
    with open(path, "rb") as handle:
        return read_dataset(handle.read(), str(path), max_bytes=max_bytes)


def import_columns(resource_class, user) -> list[str]:
    resource = resource_class(user=user)
    return [field.column_name for field in resource.get_import_fields() if not field.readonly]


def column_guide(resource_class, user) -> list[list[str]]:
    """For each import column: its meaning in Vietnamese and in English, and the codes it takes."""
    model = resource_class._meta.model
    rows = [["column", "Tiếng Việt", "English", "values / giá trị"]]
    for column in import_columns(resource_class, user):
        try:
            field = model._meta.get_field(column)
        except FieldDoesNotExist:
            rows.append([column, "", "", ""])
            continue
        labels = []
        for language in ("vi", "en"):
            with translation.override(language):
                labels.append(str(field.verbose_name))
        with translation.override("en"):
            rows.append([column, *labels, _allowed_values(field)])
    return rows


def _allowed_values(field) -> str:
    if field.choices:
        return "; ".join(f"{code} = {label}" for code, label in field.flatchoices)
    if field.is_relation:
        target = field.related_model._meta.verbose_name
        key = "code" if hasattr(field.related_model, "code") else "id"
        many = ", comma-separated" if field.many_to_many else ""
        return f"{key} ({target}){many}"
    if field.get_internal_type() == "DateField":
        return "yyyy-mm-dd or dd/mm/yyyy"
    if field.get_internal_type() == "BooleanField":
        return "1 / 0"
    return ""


def example_bytes(resource_class, user, file_format: str) -> bytes:
    """An empty template with the import's columns; the Excel one has a second sheet saying,
    in Vietnamese and English, what each column means and which codes it takes."""
    headers = import_columns(resource_class, user)
    if file_format != "xlsx":
        return render(iter([headers]), file_format)
    buffer = io.BytesIO()
    write_guided_xlsx(headers, column_guide(resource_class, user), buffer)
    return buffer.getvalue()
