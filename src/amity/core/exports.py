"""Exports of a list to XLSX or CSV: exactly the rows the user's filters and scope give.

Rows are written one at a time from a database iterator, so an export's memory does not grow
with its length; a list longer than `EXPORT_INLINE_ROWS` is exported by a background task.
"""

import csv
import io
import logging
import tempfile

from django.conf import settings
from django.core.files import File
from django.http import HttpResponse, QueryDict
from django.utils import timezone
from django.utils.text import slugify
from openpyxl import Workbook

from amity.core.downloads import download
from amity.core.models import Job
from amity.core.registry import registry
from amity.core.viewer import viewing_as

logger = logging.getLogger(__name__)

EXPORT_FORMATS = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
}
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
CHUNK_ROWS = 2000
PROGRESS_EVERY = 1000


def neutralise(value):
    """Make a cell that a spreadsheet would run as a formula read as plain text.

    django-import-export only strips a leading "=" (and so changes the data); OWASP's advice is
    to keep the text and prefix a quote, for every character a spreadsheet treats as a formula.
    Numbers stay numbers: -5 as a number is data, not a formula.
    """
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def safe_row(row) -> list:
    """A row as a file may hold it: empty for None, and no text that would run as a formula."""
    return ["" if cell is None else neutralise(cell) for cell in row]


class SafeWorkbook(Workbook):
    """The workbook every spreadsheet Amity writes is made of (lists, statistics, consolidated
    figures, offline forms, syntheses): a text that a spreadsheet would run as a formula is
    written as text, however the cell was filled, so that no export can forget it. A test
    (tests/core/test_export_safety.py) fails when a module makes an openpyxl Workbook or a CSV
    writer of its own."""

    def create_sheet(self, title=None, index=None):
        sheet = super().create_sheet(title, index)
        if self.write_only:  # streamed: each row is made safe as it is appended
            append = sheet.append
            sheet.append = lambda row: append(safe_row(row))
        return sheet

    def save(self, filename):
        if not self.write_only:  # filled cell by cell: made safe when written out
            for sheet in self.worksheets:
                for row in sheet.iter_rows():
                    for cell in row:
                        if isinstance(cell.value, str):
                            cell.value = neutralise(cell.value)
        super().save(filename)


class SafeCsvWriter:
    """The CSV writer every CSV file Amity writes goes through: rows made safe as `SafeWorkbook`
    makes its cells."""

    def __init__(self, text, **options):
        self.writer = csv.writer(text, **options)

    def writerow(self, row):
        return self.writer.writerow(safe_row(row))

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


def resource_rows(resource, queryset, on_progress=None):
    """The header, then one row per record, read from the database in chunks."""
    yield resource.get_export_headers()
    for number, record in enumerate(queryset.iterator(chunk_size=CHUNK_ROWS), start=1):
        yield resource.export_resource(record)
        if on_progress and number % PROGRESS_EVERY == 0:
            on_progress(number)


def write_xlsx(rows, handle) -> None:
    workbook = SafeWorkbook(write_only=True)
    sheet = workbook.create_sheet()
    for row in rows:
        sheet.append(row)
    workbook.save(handle)


def write_guided_xlsx(headers, guide_rows, handle) -> None:
    """An import template: the columns to fill in, and a sheet explaining each of them."""
    workbook = SafeWorkbook(write_only=True)
    workbook.create_sheet("data").append(headers)
    guide = workbook.create_sheet("Hướng dẫn - Guide")
    for row in guide_rows:
        guide.append(row)
    workbook.save(handle)


def write_csv(rows, handle) -> None:
    text = io.TextIOWrapper(handle, encoding="utf-8-sig", newline="")
    writer = SafeCsvWriter(text)
    for row in rows:
        writer.writerow(row)
    text.flush()
    text.detach()


def render(rows, file_format: str) -> bytes:
    buffer = io.BytesIO()
    (write_xlsx if file_format == "xlsx" else write_csv)(rows, buffer)
    return buffer.getvalue()


def export_filename(basename: str, file_format: str) -> str:
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    return f"{slugify(basename)}-{stamp}.{file_format}"


def export_response(resource, queryset, file_format: str, basename: str) -> HttpResponse:
    content = render(resource_rows(resource, queryset), file_format)
    filename = export_filename(basename, file_format)
    return download(content, filename, EXPORT_FORMATS[file_format])


def is_long(queryset) -> bool:
    return queryset.count() > settings.EXPORT_INLINE_ROWS


def execute_export(job) -> None:
    """Write a long export to the job's file, reporting progress as it goes."""
    # The export's list (its filters, its rows, its resource) is the list page's, which its app
    # declared in its registry: read from there, not through the generic views module.
    views = registry.by_plural(job.model_label).load("views")

    def report(count):
        Job.objects.filter(pk=job.pk).update(processed_rows=count)

    try:
        with viewing_as(job.user):  # the file prints what its user may read
            write_job_file(job, views, report)
    except Exception as error:  # the job must end in a state the user can read, not hang
        logger.exception("export job %s failed", job.pk)
        Job.objects.filter(pk=job.pk).update(
            status=Job.Status.FAILED, summary={"errors": [{"line": 0, "errors": [str(error)]}]}
        )


def write_job_file(job, views, report) -> None:
    queryset = views.filtered_queryset(job.user, QueryDict(job.query))
    Job.objects.filter(pk=job.pk).update(total_rows=queryset.count())
    rows = resource_rows(views.resource(user=job.user), queryset, on_progress=report)
    with tempfile.TemporaryFile() as spool:
        (write_xlsx if job.file_format == "xlsx" else write_csv)(rows, spool)
        spool.seek(0)
        job.file.save(job.original_name, File(spool), save=False)
    Job.objects.filter(pk=job.pk).update(
        file=job.file.name, status=Job.Status.DONE, processed_rows=queryset.count()
    )
