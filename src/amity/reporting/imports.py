"""Import and export resources of the reporting models (the columns of the export), and the
offline workbook of one submission."""

import io
from datetime import date, datetime, time

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from openpyxl.styles import Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

from amity.core.exports import FORMULA_PREFIXES, SafeWorkbook, neutralise
from amity.core.import_files import Counter, ImportFileError, Limits, bounded_rows, open_workbook
from amity.core.imports import ScopedResource
from amity.reporting import models, services
from amity.reporting.choices import IndicatorType, ValueSource


def _resource(model, fields, **meta):
    meta_class = type("Meta", (ScopedResource.Meta,), {"model": model, "fields": fields, **meta})
    resource = type(f"{model.__name__}Resource", (ScopedResource,), {"Meta": meta_class})
    return resource


IndicatorResource = _resource(
    models.Indicator,
    (
        "id",
        "organization",
        "code",
        "name",
        "name_en",
        "type",
        "unit",
        "currency",
        "aggregation",
        "minimum",
        "maximum",
        "options",
        "total_of",
        "prefill",
        "description",
        "notes",
    ),
)
FormResource = _resource(
    models.Form,
    (
        "id",
        "organization",
        "code",
        "name",
        "name_en",
        "assigned_kinds",
        "notes",
    ),
)
FormVersionResource = _resource(models.FormVersion, ("id", "form", "number", "notes"))
SectionResource = _resource(
    models.Section,
    (
        "id",
        "form_version",
        "order",
        "title",
        "title_en",
        "kind",
        "instructions",
        "notes",
    ),
)
SectionItemResource = _resource(
    models.SectionItem,
    (
        "id",
        "section",
        "indicator",
        "order",
        "required",
        "notes",
    ),
)
PeriodResource = _resource(
    models.Period,
    (
        "id",
        "form",
        "kind",
        "year",
        "number",
        "opens_on",
        "deadline",
        "grace_days",
        "locked",
        "notes",
    ),
)
ReopeningResource = _resource(
    models.Reopening,
    (
        "id",
        "period",
        "organization",
        "reason",
        "expires_on",
        "notes",
    ),
)
ValidationRuleResource = _resource(
    models.ValidationRule,
    (
        "id",
        "form_version",
        "kind",
        "severity",
        "left",
        "operator",
        "right",
        "constant",
        "max_change_percent",
        "message",
        "message_en",
        "notes",
    ),
)
SubmissionResource = _resource(
    models.Submission,
    (
        "id",
        "organization",
        "form_version",
        "period",
        "notes",
    ),
)
ReviewCommentResource = _resource(
    models.ReviewComment,
    (
        "id",
        "submission",
        "indicator",
        "text",
        "resolved",
        "notes",
    ),
)


class ValueResource(ScopedResource):
    """Values, written in batches: a Union's offline workbook holds hundreds of them (their
    submissions' totals are kept by `services.ValueWriter` after each batch)."""

    class Meta(ScopedResource.Meta):
        model = models.Value
        fields = ("id", "submission", "indicator", "number", "text", "comment", "notes")
        use_bulk = True


AttachmentResource = _resource(
    models.Attachment,
    (
        "id",
        "submission",
        "title",
        "notes",
    ),
)


# --- the offline workbook of one submission -----------------------------------------------------
#
# A Union may fill its report in Excel: it downloads the workbook of its submission (one row an
# indicator, with its current value and the value's version), fills it offline and uploads it.
# The upload is checked in full — the submission it was made for, its columns, every code and
# every value by the rules of the web form — and written all at once or not at all; a value
# someone changed since the download is a conflict, as on the web page.

WORKBOOK_SHEET = "values"
META_SHEET = "amity"
HEADER_ROW = 4
#: the columns, named in both languages (a workbook travels between offices)
WORKBOOK_COLUMNS = (
    "Mã / Code",
    "Chỉ tiêu / Indicator",
    "Đơn vị / Unit",
    "Loại / Type",
    "Giá trị / Value",
    "Giải trình / Explanation",
    "Phiên bản / Version",
)
META_KEYS = ("submission", "organization", "form", "form_version", "period")


class WorkbookRefused(Exception):
    """An upload that was not written; `problems` lists every reason, a row at a time."""

    def __init__(self, message, problems=()):
        super().__init__(message)
        self.problems = list(problems)


def submission_workbook(submission) -> bytes:
    """The workbook to fill offline: the submission's indicators in the form's order."""
    book = SafeWorkbook()
    sheet = book.active
    sheet.title = WORKBOOK_SHEET
    sheet["A1"] = neutralise(f"{submission.form_version.form} — {submission.organization}")
    sheet["A1"].font = Font(bold=True, size=13)
    sheet["A2"] = neutralise(
        _(
            "%(period)s · version %(number)s of the form. Fill in the Value column (and the "
            "explanation where a rule asks for one); leave the other columns as they are."
        )
        % {"period": submission.period.label, "number": submission.form_version.number}
    )
    sheet.append([])
    sheet.append(list(WORKBOOK_COLUMNS))
    for cell in sheet[HEADER_ROW]:
        cell.font = Font(bold=True)
    values = {value.indicator_id: value for value in submission.values.all()}
    computed = PatternFill("solid", fgColor="EEEEEE")
    yes_no = DataValidation(type="list", formula1=f'"{_("Yes")},{_("No")}"', allow_blank=True)
    sheet.add_data_validation(yes_no)
    for indicator in services.version_indicators(submission.form_version):
        value = values.get(indicator.pk)
        sheet.append(
            [
                indicator.code,
                neutralise(indicator.display_name),
                neutralise(indicator.unit),
                str(indicator.get_type_display()),
                _cell_value(indicator, value),
                neutralise(value.comment) if value else "",
                value.version if value else 0,
            ]
        )
        row = sheet.max_row
        if indicator.total_codes:  # computed from the others: shown, never read back
            for cell in sheet[row]:
                cell.fill = computed
        elif indicator.type == IndicatorType.BOOLEAN:
            yes_no.add(f"E{row}")
        elif indicator.type == IndicatorType.CHOICE:
            choices = ",".join(indicator.option_list)
            if len(choices) < 250 and '"' not in choices:  # Excel's limit for a list
                listed = DataValidation(type="list", formula1=f'"{choices}"', allow_blank=True)
                sheet.add_data_validation(listed)
                listed.add(f"E{row}")
    for column, width in zip("ABCDEFG", (12, 60, 14, 18, 20, 40, 10), strict=True):
        sheet.column_dimensions[column].width = width
    sheet.column_dimensions["G"].hidden = True
    sheet.freeze_panes = f"A{HEADER_ROW + 1}"
    meta = book.create_sheet(META_SHEET)
    for key, number in zip(
        META_KEYS,
        (
            submission.pk,
            submission.organization_id,
            submission.form_version.form_id,
            submission.form_version_id,
            submission.period_id,
        ),
        strict=True,
    ):
        meta.append([key, number])
    meta.sheet_state = "hidden"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _cell_value(indicator, value):
    if value is None or value.is_empty:
        return None
    if value.number is None:
        return neutralise(value.text)
    if indicator.type == IndicatorType.BOOLEAN:
        return str(_("Yes") if value.number else _("No"))
    number = value.number.normalize()
    return int(number) if number == number.to_integral() else number


def read_submission_workbook(submission, content: bytes) -> dict:
    """indicator id → services.Entry of an uploaded workbook, checked in full against the
    submission (its organization, form version and period), its columns, its codes and every
    value. Raises WorkbookRefused with every problem found."""
    # the checks and limits of every import: size, zip bomb, markup, rows, cells, time
    limits = Limits.from_settings()
    try:
        book = open_workbook(content, limits)
    except ImportFileError as error:
        raise WorkbookRefused(str(error)) from error
    except Exception as error:  # a broken workbook raises anything from zipfile to KeyError
        raise WorkbookRefused(_("This file cannot be read as a workbook.")) from error
    try:
        _check_made_for(submission, book)
        sheet = book[WORKBOOK_SHEET]
        rows = list(bounded_rows(sheet, Counter(limits), min_row=HEADER_ROW))
    except ImportFileError as error:
        raise WorkbookRefused(str(error)) from error
    finally:
        book.close()
    header = [_text(cell) for cell in (rows[0] if rows else ())][: len(WORKBOOK_COLUMNS)]
    if header != [column.lower() for column in WORKBOOK_COLUMNS]:
        raise WorkbookRefused(
            _(
                "The columns of this workbook are not those of the form's workbook: download it "
                "again and fill in the Value column."
            )
        )
    return _entries(submission, rows[1:])


def _text(cell) -> str:
    return " ".join(str(cell or "").split()).lower()


def _check_made_for(submission, book) -> None:
    if META_SHEET not in book.sheetnames or WORKBOOK_SHEET not in book.sheetnames:
        raise WorkbookRefused(
            _(
                "This is not a workbook downloaded from a submission: download the workbook of "
                "this submission and fill it in."
            )
        )
    meta = {}
    for row in book[META_SHEET].iter_rows(max_row=20, max_col=2, values_only=True):
        if row and row[0] in META_KEYS:
            meta[row[0]] = row[1]
    version = submission.form_version
    if meta.get("organization") != submission.organization_id:
        raise WorkbookRefused(
            _("This workbook is another organization's: it was not made for %(organization)s.")
            % {"organization": submission.organization}
        )
    if meta.get("form_version") != version.pk:
        raise WorkbookRefused(
            _(
                "This workbook was made for another version of the form; this submission is on "
                "version %(number)s. Download its workbook again."
            )
            % {"number": version.number}
        )
    if meta.get("period") != submission.period_id:
        raise WorkbookRefused(
            _("This workbook was made for another period, not %(period)s.")
            % {"period": submission.period.label}
        )


def _entries(submission, rows) -> dict:
    indicators = {i.code: i for i in services.version_indicators(submission.form_version)}
    entries, problems, seen = {}, [], {}
    for line, row in enumerate(rows, start=HEADER_ROW + 1):
        cells = list(row) + [None] * (len(WORKBOOK_COLUMNS) - len(row))
        code = str(cells[0] or "").strip()
        if not code and all(cell in (None, "") for cell in cells):
            continue
        indicator = indicators.get(code)
        if indicator is None:
            problems.append(
                _("Row %(line)s: “%(code)s” is not an indicator of this form version.")
                % {"line": line, "code": code}
            )
            continue
        if code in seen:
            problems.append(
                _("Row %(line)s: %(code)s is already on row %(first)s.")
                % {"line": line, "code": code, "first": seen[code]}
            )
            continue
        seen[code] = line
        if indicator.total_codes:
            continue  # a total is computed, never read
        raw = _raw(cells[4])
        version = cells[6]
        try:
            if raw is None:
                raise ValidationError(_("A date is not a value here: type the figure."))
            services.parse_entry(indicator, raw)
        except ValidationError as error:
            problems.append(
                _("Row %(line)s (%(code)s): %(message)s")
                % {"line": line, "code": code, "message": " ".join(error.messages)}
            )
            continue
        base = version if isinstance(version, int) and version >= 0 else -1
        comment = _unquote(str(cells[5] or "").strip())
        entries[indicator.pk] = services.Entry(raw, base, comment)
    if problems:
        raise WorkbookRefused(
            _("Nothing was imported: correct these rows and upload again."), problems
        )
    return entries


def _raw(cell):
    """What a cell holds, as the web form would receive it typed (None for a date)."""
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return "1" if cell else "0"
    if isinstance(cell, (datetime, date, time)):
        return None
    if isinstance(cell, float):
        if cell != cell or cell in (float("inf"), float("-inf")):
            return str(cell)
        return format(round(cell, 4), "f").rstrip("0").rstrip(".") or "0"
    return _unquote(str(cell).strip())


def _unquote(text: str) -> str:
    """A text the download wrote with a quote before it, so that no spreadsheet would run it."""
    return text[1:] if text.startswith("'") and text[1:2].startswith(FORMULA_PREFIXES) else text


@transaction.atomic
def import_submission_workbook(submission, content: bytes, *, by) -> services.EntryResult:
    """Read, check and write an uploaded workbook: every value or none, each one's history
    kept; values changed by someone else since the download are conflicts and nothing is
    written."""
    entries = read_submission_workbook(submission, content)
    result = services.save_entries(submission, entries, by=by, source=ValueSource.IMPORTED)
    if not result.ok:
        transaction.set_rollback(True)
    return result
