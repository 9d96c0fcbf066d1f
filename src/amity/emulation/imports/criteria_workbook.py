"""A whole criteria table in one workbook, laid out as the Word tables the network uses: a few
lines naming the table, then one row per criterion with its section, maximum points, kind, how
it is evidenced, and (a computed criterion) what it is computed from and its target.

    A1 Table code        B1 BTC-2026
    A2 Vietnamese title  B2 Bảng tiêu chí thi đua năm 2026
    A3 English title     B3 Emulation criteria 2026
    A4 Regulation        B4 QC-2025            (the regulation's code)
    row 6: the column headings (`COLUMNS`), in English or Vietnamese
    row 7…: one criterion a row; a blank section repeats the one above, a section's title is
            given on its first row

One sheet is one table; `export_workbook` writes a sheet per table, and the import reads every
sheet. A row is matched by the table's code (of the importer's organization), the section's
number and the criterion's code: a file imported again updates what it created. Criteria of the
table that the file leaves out are kept (they may have scores).

The import checks every row before it writes anything: each error names its sheet, row and
column, every bad row is reported, and nothing is written while one is bad. The file is read
through `core.import_files` (size, zip bomb, markup, rows, cells, time)."""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from amity.core.collation import fold
from amity.core.exports import SafeWorkbook, neutralise
from amity.core.import_files import Counter, ImportFileError, Limits, bounded_rows, open_workbook
from amity.core.writes import ChangeRefused, save_record
from amity.emulation.models import CriteriaSection, CriteriaTable, Criterion, Regulation
from amity.emulation.models.scoring import ComputedMeasure, CriterionKind

#: the lines above the criteria: (key, label); the value is in column B
TABLE_LINES = (
    ("code", gettext_lazy("Table code")),
    ("title_vi", gettext_lazy("Vietnamese title")),
    ("title_en", gettext_lazy("English title")),
    ("regulation", gettext_lazy("Regulation (code)")),
)
HEADER_ROW = len(TABLE_LINES) + 2
#: the criteria's columns: (key, heading)
COLUMNS = (
    ("section", gettext_lazy("Section")),
    ("section_title_vi", gettext_lazy("Section title (Vietnamese)")),
    ("section_title_en", gettext_lazy("Section title (English)")),
    ("code", gettext_lazy("Criterion code")),
    ("text_vi", gettext_lazy("Criterion (Vietnamese)")),
    ("text_en", gettext_lazy("Criterion (English)")),
    ("order", gettext_lazy("Order")),
    ("max_points", gettext_lazy("Maximum points")),
    ("kind", gettext_lazy("Kind (normal, bonus, penalty)")),
    ("evidence_required", gettext_lazy("Evidence required (yes/no)")),
    ("evidence_how", gettext_lazy("How evidenced")),
    ("computed_from", gettext_lazy("Computed from")),
    ("computed_target", gettext_lazy("Value earning full points")),
)
CRITERION_FIELDS = (
    "code",
    "order",
    "text_vi",
    "text_en",
    "max_points",
    "kind",
    "evidence_required",
    "evidence_how",
    "computed_from",
    "computed_target",
)
YES = {"yes", "y", "x", "1", "true", "co", "có"}
NO = {"no", "n", "0", "false", "khong", "không", ""}


def _letter(index: int) -> str:
    return chr(ord("A") + index)


def _in_both_languages(label) -> set[str]:
    names = set()
    for language in ("en", "vi"):
        with translation.override(language):
            names.add(fold(str(label)).strip())
    return names


def _choice_lookup(choices) -> dict[str, str]:
    """A choice read from its code or its label in either language."""
    lookup = {}
    for code, label in choices.choices:
        lookup[fold(code)] = code
        for name in _in_both_languages(label):
            lookup[name] = code
    return lookup


# --- what a workbook holds ------------------------------------------------------------------------


@dataclass
class RowError:
    sheet: str
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        return _("Sheet “%(sheet)s”, row %(row)s, column %(column)s: %(message)s") % {
            "sheet": self.sheet,
            "row": self.row,
            "column": self.column,
            "message": self.message,
        }


@dataclass
class CriterionRow:
    row: int
    section: int
    values: dict


@dataclass
class TableSheet:
    """One sheet read and checked: the table's lines, its sections' titles, its criteria."""

    name: str
    table: dict = field(default_factory=dict)
    regulation: Regulation | None = None
    sections: dict[int, dict] = field(default_factory=dict)
    criteria: list[CriterionRow] = field(default_factory=list)


@dataclass
class Counts:
    new: int = 0
    updated: int = 0
    unchanged: int = 0

    def count(self, created: bool, changed: bool) -> None:
        if created:
            self.new += 1
        elif changed:
            self.updated += 1
        else:
            self.unchanged += 1


@dataclass
class Report:
    """What an import did, or would do (a dry run): per level, new, updated and unchanged;
    the tables by code; and every error. Nothing was written when `errors` is not empty."""

    tables: Counts = field(default_factory=Counts)
    sections: Counts = field(default_factory=Counts)
    criteria: Counts = field(default_factory=Counts)
    table_codes: list[str] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    written: bool = False

    @property
    def levels(self) -> list[tuple[str, Counts]]:
        return [
            (_("Criteria tables"), self.tables),
            (_("Sections"), self.sections),
            (_("Criteria"), self.criteria),
        ]


# --- reading --------------------------------------------------------------------------------------


class SheetReader:
    """Reads one sheet's rows into a `TableSheet`, every problem an error of its cell."""

    def __init__(self, name: str, user, report: Report):
        self.name = name
        self.user = user
        self.report = report
        self.kinds = _choice_lookup(CriterionKind)
        self.measures = _choice_lookup(ComputedMeasure)

    def error(self, row: int, column: int, message) -> None:
        self.report.errors.append(RowError(self.name, row, _letter(column), str(message)))

    def read(self, rows: list[tuple]) -> TableSheet | None:
        found = TableSheet(self.name)
        padded = [tuple(row) + (None,) * (len(COLUMNS) - len(row)) for row in rows]
        if len(padded) < HEADER_ROW:
            self.error(1, 0, _("The sheet does not have the table's lines and the headings."))
            return None
        for index, (key, _label) in enumerate(TABLE_LINES):
            found.table[key] = _text(padded[index][1])
        self._check_table(found)
        if not self._check_headings(padded[HEADER_ROW - 1]):
            return found
        codes: dict[str, int] = {}
        section = None
        for number, cells in enumerate(padded[HEADER_ROW:], start=HEADER_ROW + 1):
            if all(_text(cell) == "" for cell in cells[: len(COLUMNS)]):
                continue
            section = self._read_row(found, number, cells, section, codes)
        for number, titles in found.sections.items():
            if not titles.get("title_vi"):
                self.error(
                    titles["row"],
                    1,
                    _("Section %(number)s has no Vietnamese title.") % {"number": number},
                )
        if not found.criteria:
            self.error(HEADER_ROW + 1, 0, _("The sheet lists no criteria."))
        return found

    def _check_table(self, found: TableSheet) -> None:
        table = found.table
        if not table["code"]:
            self.error(1, 1, _("Give the table's code."))
        elif len(table["code"]) > 30:
            self.error(1, 1, _("At most %(count)s characters.") % {"count": 30})
        if not table["title_vi"]:
            self.error(2, 1, _("Give the table's Vietnamese title."))
        for row, key in ((2, "title_vi"), (3, "title_en")):
            if len(table[key]) > 255:
                self.error(row, 1, _("At most %(count)s characters.") % {"count": 255})
        if not table["regulation"]:
            self.error(4, 1, _("Give the code of the regulation the table belongs to."))
            return
        found.regulation = (
            Regulation.objects.visible_to(self.user)
            .filter(code=table["regulation"])
            .order_by("-version_number", "-pk")
            .first()
        )
        if found.regulation is None:
            self.error(
                4, 1, _("No regulation with the code “%(code)s”.") % {"code": table["regulation"]}
            )

    def _check_headings(self, cells: tuple) -> bool:
        ok = True
        for index, (_key, label) in enumerate(COLUMNS):
            if fold(_text(cells[index])) not in _in_both_languages(label):
                self.error(
                    HEADER_ROW, index, _("The heading here is “%(label)s”.") % {"label": label}
                )
                ok = False
        return ok

    def _read_row(self, found, number, cells, section, codes) -> int | None:
        raw = dict(zip((key for key, _label in COLUMNS), cells, strict=False))
        errors_before = len(self.report.errors)
        section = self._section_of(found, number, raw, section)
        values = self._criterion_values(number, raw)
        code = values.get("code", "")
        if code and code in codes:
            self.error(
                number,
                3,
                _("Criterion %(code)s is also on row %(row)s.")
                % {"code": code, "row": codes[code]},
            )
        elif code:
            codes[code] = number
        if len(self.report.errors) == errors_before and section is not None:
            self._validate(number, values)
        if len(self.report.errors) == errors_before and section is not None:
            found.criteria.append(CriterionRow(number, section, values))
        return section

    def _section_of(self, found, number, raw, previous) -> int | None:
        text = _text(raw["section"])
        if not text:
            if previous is None:
                self.error(number, 0, _("Give the section's number."))
            return previous
        section = _whole_number(text)
        if section is None or not 1 <= section <= 999:
            self.error(number, 0, _("A section is a number from 1 to 999."))
            return None
        titles = found.sections.setdefault(section, {"row": number})
        for column, key in ((1, "title_vi"), (2, "title_en")):
            title = _text(raw[f"section_{key}"])
            if not title:
                continue
            if len(title) > 255:
                self.error(number, column, _("At most %(count)s characters.") % {"count": 255})
            elif titles.get(key, title) != title:
                self.error(
                    number,
                    column,
                    _("Section %(number)s already has the title “%(title)s”.")
                    % {"number": section, "title": titles[key]},
                )
            else:
                titles[key] = title
        return section

    def _criterion_values(self, number: int, raw: dict) -> dict:
        values = {
            "code": _text(raw["code"]),
            "text_vi": _text(raw["text_vi"]),
            "text_en": _text(raw["text_en"]),
            "evidence_how": _text(raw["evidence_how"]),
        }
        column = {key: index for index, (key, _label) in enumerate(COLUMNS)}
        if not values["code"]:
            self.error(number, column["code"], _("Give the criterion's code."))
        if not values["text_vi"]:
            self.error(number, column["text_vi"], _("Give the criterion's Vietnamese text."))
        order = _text(raw["order"])
        values["order"] = _whole_number(order) if order else number - HEADER_ROW
        if values["order"] is None or not 0 <= values["order"] <= 32767:
            self.error(number, column["order"], _("The order is a whole number from 0 to 32767."))
        values["max_points"] = self._decimal(number, column["max_points"], raw["max_points"])
        kind = fold(_text(raw["kind"])) or CriterionKind.NORMAL
        values["kind"] = self.kinds.get(kind)
        if values["kind"] is None:
            self.error(number, column["kind"], _("The kind is normal, bonus or penalty."))
        required = fold(_text(raw["evidence_required"]))
        values["evidence_required"] = required in YES or required == ""
        if required not in YES | NO:
            self.error(number, column["evidence_required"], _("Write yes or no."))
        measure = fold(_text(raw["computed_from"]))
        values["computed_from"] = self.measures.get(measure, "") if measure else ""
        if measure and measure not in self.measures:
            self.error(
                number,
                column["computed_from"],
                _("Not a measure the system computes: %(choices)s.")
                % {"choices": ", ".join(code for code, _label in ComputedMeasure.choices)},
            )
        target = _text(raw["computed_target"])
        values["computed_target"] = (
            self._decimal(number, column["computed_target"], target) if target else None
        )
        return values

    def _decimal(self, number: int, column: int, raw) -> Decimal | None:
        text = _text(raw).replace(",", ".")
        try:
            value = Decimal(text)
        except InvalidOperation:
            value = None
        if value is None or not value.is_finite() or abs(value) >= Decimal("100000000000000"):
            self.error(number, column, _("“%(value)s” is not a number.") % {"value": text[:20]})
            return None
        return value.quantize(Decimal("0.01"))

    def _validate(self, number: int, values: dict) -> None:
        """The model's own rules (lengths, bounds, a computed criterion's target), each error
        put on its column."""
        column = {key: index for index, (key, _label) in enumerate(COLUMNS)}
        try:
            Criterion(**values).full_clean(exclude=["section"], validate_unique=False)
        except ValidationError as invalid:
            for name, messages in invalid.message_dict.items():
                for message in messages:
                    self.error(number, column.get(name, 3), message)


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _whole_number(text: str) -> int | None:
    text = text.strip()
    if text.endswith(".0"):
        text = text[:-2]
    return int(text) if text.isascii() and text.isdigit() and len(text) <= 6 else None


def read_workbook(
    content: bytes, user, report: Report, *, max_bytes: int | None = None
) -> list[TableSheet]:
    """Every sheet of the workbook read and checked (its errors in `report`); a file that
    cannot be read raises ImportFileError. `max_bytes` raises the size limit (the command's
    `--max-size`); the other limits stay."""
    limits = Limits.from_settings(max_bytes)
    try:
        book = open_workbook(content, limits)
    except ImportFileError:
        raise
    except Exception as error:  # whatever a broken zip or workbook raises
        raise ImportFileError(_("This file cannot be read as a table.")) from error
    counter = Counter(limits)
    sheets = []
    try:
        for worksheet in book.worksheets:
            rows = list(bounded_rows(worksheet, counter, max_col=len(COLUMNS)))
            found = SheetReader(worksheet.title, user, report).read(rows)
            if found is not None:
                sheets.append(found)
    except ImportFileError:
        raise
    except Exception as error:
        raise ImportFileError(_("This file cannot be read as a table.")) from error
    finally:
        book.close()
    codes = defaultdict(list)
    for sheet in sheets:
        codes[sheet.table.get("code")].append(sheet.name)
    for code, names in codes.items():
        if code and len(names) > 1:
            report.errors.append(
                RowError(
                    names[1],
                    1,
                    "B",
                    _("The table %(code)s is also on another sheet.") % {"code": code},
                )
            )
    return sheets


# --- writing --------------------------------------------------------------------------------------


class RowFailed(Exception):
    """A row the database refused while writing: the whole import is undone."""


def import_workbook(content: bytes, user, *, dry_run: bool, max_bytes: int | None = None) -> Report:
    """Read, check and (unless `dry_run`, or a row is bad) write the workbook's tables, as
    `user`. A dry run writes everything and undoes it, so that its report is what the import
    will do."""
    report = Report()
    if not user.may_edit:
        report.errors.append(RowError("", 1, "A", _("Your role may not import records.")))
        return report
    if user.organization is None:
        report.errors.append(
            RowError(
                "", 1, "A", _("Your account belongs to no organization: ask an administrator.")
            )
        )
        return report
    sheets = read_workbook(content, user, report, max_bytes=max_bytes)
    if report.errors:
        return report
    try:
        with transaction.atomic():
            for sheet in sheets:
                _write_sheet(sheet, user, report)
            if dry_run:
                transaction.set_rollback(True)
    except RowFailed:
        return report
    report.written = not dry_run
    return report


def _changed(record, values: dict) -> bool:
    changed = False
    for name, value in values.items():
        # (a new record has no relation yet: its descriptor raises an AttributeError)
        if getattr(record, name, None) != value:
            setattr(record, name, value)
            changed = True
    return changed


def _write(record, user, report: Report, sheet: str, row: int, created: bool, changed: bool):
    if not (created or changed):
        return record
    try:
        record.full_clean(validate_constraints=True)
        return save_record(record, user)
    except ValidationError as invalid:
        for message in invalid.messages:
            report.errors.append(RowError(sheet, row, "A", message))
    except (ChangeRefused, PermissionDenied) as refused:  # a held record, out of scope
        report.errors.append(
            RowError(sheet, row, "A", str(refused) or _("You may not edit this record."))
        )
    except IntegrityError:
        report.errors.append(RowError(sheet, row, "A", _("The database refused this row.")))
    raise RowFailed


def _write_sheet(sheet: TableSheet, user, report: Report) -> None:
    table_values = {
        "regulation": sheet.regulation,
        "title_vi": sheet.table["title_vi"],
        "title_en": sheet.table["title_en"],
    }
    table = (
        CriteriaTable.objects.editable_by(user)
        .filter(organization=user.organization, code=sheet.table["code"])
        .first()
    )
    created = table is None
    if created:
        table = CriteriaTable(organization=user.organization, code=sheet.table["code"])
    changed = _changed(table, table_values)
    table = _write(table, user, report, sheet.name, 1, created, changed)
    report.tables.count(created, changed)
    report.table_codes.append(table.code)

    sections = {s.number: s for s in CriteriaSection.objects.filter(table=table)}
    for number, titles in sorted(sheet.sections.items()):
        section = sections.get(number)
        created = section is None
        if created:
            section = CriteriaSection(table=table, number=number)
        changed = _changed(
            section, {"title_vi": titles["title_vi"], "title_en": titles.get("title_en", "")}
        )
        sections[number] = _write(
            section, user, report, sheet.name, titles["row"], created, changed
        )
        report.sections.count(created, changed)

    existing = {
        c.code: c
        for c in Criterion.objects.filter(
            section__table=table, section__deleted_at__isnull=True
        ).select_related("section")
    }
    for row in sheet.criteria:
        criterion = existing.get(row.values["code"])
        created = criterion is None
        if created:
            criterion = Criterion(section=sections[row.section])
        changed = _changed(criterion, {**row.values, "section": sections[row.section]})
        _write(criterion, user, report, sheet.name, row.row, created, changed)
        report.criteria.count(created, changed)


# --- the template and the export ------------------------------------------------------------------


def export_workbook(tables) -> SafeWorkbook:
    """A sheet per criteria table in the layout `import_workbook` reads: the template to fill
    in, and a table to carry to another system or year."""
    workbook = SafeWorkbook()
    workbook.remove(workbook.active)
    for table in tables:
        sheet = workbook.create_sheet(_sheet_title(table.code, workbook))
        values = {
            "code": table.code,
            "title_vi": table.title_vi,
            "title_en": table.title_en,
            "regulation": table.regulation.code,
        }
        for key, label in TABLE_LINES:
            sheet.append([str(label), neutralise(values[key])])
        sheet.append([])
        sheet.append([str(label) for _key, label in COLUMNS])
        criteria = (
            Criterion.objects.filter(section__table=table, section__deleted_at__isnull=True)
            .select_related("section")
            .order_by("section__number", "order", "code")
        )
        previous = None
        for criterion in criteria:
            section = criterion.section
            first = section.pk != previous
            previous = section.pk
            sheet.append(
                [
                    section.number,
                    neutralise(section.title_vi) if first else "",
                    neutralise(section.title_en) if first else "",
                    neutralise(criterion.code),
                    neutralise(criterion.text_vi),
                    neutralise(criterion.text_en),
                    criterion.order,
                    criterion.max_points,
                    criterion.kind,
                    _("yes") if criterion.evidence_required else _("no"),
                    neutralise(criterion.evidence_how),
                    criterion.computed_from,
                    criterion.computed_target,
                ]
            )
    if not workbook.worksheets:  # the template: an empty table to fill in
        sheet = workbook.create_sheet(_("Criteria table")[:31])
        for _key, label in TABLE_LINES:
            sheet.append([str(label), ""])
        sheet.append([])
        sheet.append([str(label) for _key, label in COLUMNS])
    return workbook


def _sheet_title(code: str, workbook) -> str:
    # a sheet's title: at most 31 characters, none of []:*?/\, unique in the workbook
    base = "".join("-" if ch in "[]:*?/\\" else ch for ch in code)[:28] or "table"
    title, number = base, 2
    while title in workbook.sheetnames:
        title, number = f"{base}~{number}", number + 1
    return title


def workbook_bytes(tables) -> bytes:
    import io

    buffer = io.BytesIO()
    export_workbook(tables).save(buffer)
    return buffer.getvalue()


# --- the command line (`amity import criteria-tables FILE`, `amity export criteria-tables FILE`) --


def command_import(path, user, stdout, *, max_bytes=None, dry_run=False):
    from pathlib import Path

    from django.core.management.base import CommandError

    file = Path(path)
    if not file.is_file():
        raise CommandError(f"No such file: {path}")
    if not str(path).lower().endswith(".xlsx"):
        raise CommandError("A whole criteria table is an .xlsx workbook.")
    try:
        report = import_workbook(file.read_bytes(), user, dry_run=dry_run, max_bytes=max_bytes)
    except ImportFileError as error:
        raise CommandError(f"File refused: {error} Nothing written.") from error
    for error in report.errors:
        stdout.write(str(error))
    if report.errors:
        raise CommandError(f"{len(report.errors)} error(s); nothing written.")
    for label, counts in report.levels:
        stdout.write(
            f"{label}: {counts.new} new, {counts.updated} updated, {counts.unchanged} unchanged."
        )
    if dry_run:
        stdout.write("Dry run: nothing was written.")


def command_export(path, user, stdout):
    tables = list(
        CriteriaTable.objects.visible_to(user).select_related("regulation").order_by("code")
    )
    with open(path, "wb") as handle:
        handle.write(workbook_bytes(tables))
    stdout.write(f"{len(tables)} criteria tables written to {path}.")
