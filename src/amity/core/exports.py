"""Exports of a list to XLSX or CSV: exactly the rows the user's filters and scope give."""

import csv
import io

from django.http import HttpResponse
from django.utils import timezone
from django.utils.text import slugify
from openpyxl import Workbook

EXPORT_FORMATS = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
}
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """Make a cell that a spreadsheet would run as a formula read as plain text.

    django-import-export only strips a leading "=" (and so changes the data); OWASP's advice is
    to keep the text and prefix a quote, for every character a spreadsheet treats as a formula.
    Numbers stay numbers: "-5" as a number is data, not a formula.
    """
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def dataset_rows(dataset):
    yield list(dataset.headers)
    for row in dataset:
        yield [neutralise(cell) for cell in row]


def render_xlsx(rows) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    for row in rows:
        sheet.append(["" if cell is None else cell for cell in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def render_csv(rows) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in rows:
        writer.writerow(["" if cell is None else cell for cell in row])
    # The byte-order mark makes Excel read the Vietnamese diacritics as UTF-8.
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def export_queryset(resource, queryset, file_format: str) -> bytes:
    dataset = resource.export(queryset=queryset)
    rows = dataset_rows(dataset)
    return render_xlsx(rows) if file_format == "xlsx" else render_csv(rows)


def export_response(resource, queryset, file_format: str, basename: str) -> HttpResponse:
    content = export_queryset(resource, queryset, file_format)
    response = HttpResponse(content, content_type=EXPORT_FORMATS[file_format])
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    filename = f"{slugify(basename)}-{stamp}.{file_format}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
