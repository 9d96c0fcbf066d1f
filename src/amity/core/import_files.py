"""The checks every file to import goes through, whichever way it comes in — the import page,
the command line (`amity import`), a background task, the IATI import, an offline workbook —
and the bounded reading of XLSX and CSV into a table.

An upload is refused, with a reason, before it can keep a worker busy: its size, its type, NUL
characters, a zip bomb, a part of a workbook that unpacks too large or holds markup no
spreadsheet writes, too many rows or cells, or a read that takes longer than its time budget.
The limits are settings (`IMPORT_MAX_*`, `IMPORT_READ_SECONDS`).
"""

import csv
import io
import logging
import time
import zipfile
from dataclasses import dataclass

import tablib
from django.conf import settings
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

#: a workbook is a zip: what it may unpack to, in all and against its packed size
UNPACKED_MAX_BYTES = 200 * 1024 * 1024
UNPACKED_MAX_RATIO = 200
#: the parts of a workbook openpyxl parses as XML
XML_PARTS = (".xml", ".rels", ".vml")
#: Between two "<" of a spreadsheet's XML there is at most a cell's text (32,767 characters,
#: escaped); a longer run is padding. Python's XML parser (expat before 2.6) reads a long token
#: again on every chunk it is given, so a padded part costs time in the square of its size.
LONGEST_TOKEN_BYTES = 1024 * 1024
CHUNK_BYTES = 1024 * 1024


class ImportFileError(Exception):
    """The file cannot be read as a table: wrong type, broken, too large, or an unknown
    encoding."""


@dataclass(frozen=True)
class Limits:
    """What a file to import may be: its size, its rows and cells, the time its reading takes."""

    max_bytes: int
    max_rows: int
    max_cells: int
    max_part_bytes: int
    max_line_chars: int
    seconds: float

    @classmethod
    def from_settings(cls, max_bytes: int | None = None) -> "Limits":
        return cls(
            max_bytes=max_bytes or settings.IMPORT_MAX_BYTES,
            max_rows=settings.IMPORT_MAX_ROWS,
            max_cells=settings.IMPORT_MAX_CELLS,
            max_part_bytes=settings.IMPORT_MAX_PART_BYTES,
            max_line_chars=settings.IMPORT_MAX_LINE_CHARS,
            seconds=settings.IMPORT_READ_SECONDS,
        )


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):g}"


def check_size(content: bytes, limits: Limits) -> None:
    if len(content) > limits.max_bytes:
        raise ImportFileError(
            _("The file is larger than %(limit)s MB.") % {"limit": _megabytes(limits.max_bytes)}
        )


def refuse_zip_bomb(content: bytes, limits: Limits | None = None) -> None:
    """Refuse a workbook that would unpack to far more than a spreadsheet does (a zip bomb),
    before openpyxl inflates it in memory. Spreadsheets of text compress some 5 to 20 times.
    (zipfile never unpacks a part beyond the size its directory declares.)"""
    limits = limits or Limits.from_settings()
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        entries = archive.infolist()
    unpacked = sum(entry.file_size for entry in entries)
    if unpacked > UNPACKED_MAX_BYTES or unpacked > UNPACKED_MAX_RATIO * max(len(content), 1):
        raise ImportFileError(_("This workbook unpacks to far more than a spreadsheet does."))
    largest = max((entry.file_size for entry in entries), default=0)
    if largest > limits.max_part_bytes:
        raise ImportFileError(
            _("A sheet of this workbook unpacks to more than %(limit)s MB; split the file.")
            % {"limit": _megabytes(limits.max_part_bytes)}
        )


def refuse_padded_markup(content: bytes) -> None:
    """Refuse a workbook whose XML holds what no spreadsheet program writes — comments, a DTD,
    CDATA, processing instructions, a token longer than any cell — before it is parsed.
    Every part is read in chunks once: time in proportion to its size."""
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        for entry in archive.infolist():
            if entry.filename.lower().endswith(XML_PARTS):
                with archive.open(entry) as part:
                    _check_part(part)


def _check_part(part) -> None:
    run = 0  # bytes since the last "<"
    previous = b""
    first = True
    while chunk := part.read(CHUNK_BYTES):
        if first:
            # the XML declaration is the one processing instruction a part may have
            if chunk.startswith(b"<?xml"):
                chunk = chunk[chunk.find(b"?>") + 2 :] if b"?>" in chunk else b""
            first = False
        joined = previous[-1:] + chunk
        if b"<!" in joined or b"<?" in joined:
            raise ImportFileError(
                _("This workbook holds markup that no spreadsheet program writes.")
            )
        pieces = chunk.split(b"<")
        run += len(pieces[0])
        longest = max(run, *(len(piece) for piece in pieces[1:])) if len(pieces) > 1 else run
        if longest > LONGEST_TOKEN_BYTES:
            raise ImportFileError(
                _("This workbook holds markup that no spreadsheet program writes.")
            )
        if len(pieces) > 1:
            run = len(pieces[-1])
        previous = chunk


class Counter:
    """Counts rows and cells while a file is read and stops the reading at a limit or at the
    end of its time budget, so that no file keeps a worker busy for long."""

    def __init__(self, limits: Limits):
        self.limits = limits
        self.rows = 0
        self.cells = 0
        self.deadline = time.monotonic() + limits.seconds

    def add(self, row) -> None:
        self.rows += 1
        self.cells += len(row)
        if self.rows > self.limits.max_rows + 1:  # the header is not a record
            raise ImportFileError(
                _("The file has more than %(limit)s rows; split it into smaller files.")
                % {"limit": self.limits.max_rows}
            )
        if self.cells > self.limits.max_cells:
            raise ImportFileError(
                _("The file has more than %(limit)s cells; split it into smaller files.")
                % {"limit": self.limits.max_cells}
            )
        if self.rows % 100 == 0 and time.monotonic() > self.deadline:
            raise ImportFileError(
                _(
                    "Reading the file took longer than %(seconds)s seconds; split it into "
                    "smaller files."
                )
                % {"seconds": f"{self.limits.seconds:g}"}
            )


def open_workbook(content: bytes, limits: Limits | None = None):
    """An openpyxl workbook (read-only, values only) of a file that passed every check."""
    from openpyxl import load_workbook

    limits = limits or Limits.from_settings()
    check_size(content, limits)
    if not content.startswith(b"PK"):
        raise ImportFileError(_("This file is not an Excel workbook (.xlsx)."))
    refuse_zip_bomb(content, limits)
    refuse_padded_markup(content)
    return load_workbook(io.BytesIO(content), read_only=True, data_only=True)


def bounded_rows(sheet, counter: Counter, **bounds):
    """The rows of a sheet as tuples of values, counted against the limits as they are read."""
    for row in sheet.iter_rows(values_only=True, **bounds):
        counter.add(row)
        yield row


def precheck(content: bytes, filename: str, limits: Limits | None = None) -> None:
    """The checks that cost little, made before a file is kept for a background task, which
    makes the others: its size, its type, a workbook's zip bomb (its directory only), a CSV's
    encoding, NUL characters and lines."""
    limits = limits or Limits.from_settings()

    def check_xlsx():
        check_size(content, limits)
        if not content.startswith(b"PK"):
            raise ImportFileError(_("This file is not an Excel workbook (.xlsx)."))
        refuse_zip_bomb(content, limits)

    _by_extension(filename, check_xlsx, lambda: _csv_text(content, limits))


def _by_extension(filename: str, xlsx, csv):
    """Call `xlsx()` or `csv()` as the file's name ends; whatever else a broken file raises
    (anything from zipfile to KeyError) becomes an ImportFileError a user can read."""
    name = filename.lower()
    try:
        if name.endswith(".xlsx"):
            return xlsx()
        if name.endswith(".csv"):
            return csv()
        raise ImportFileError(_("Choose an .xlsx or .csv file."))
    except ImportFileError:
        raise
    except Exception as error:
        logger.info("unreadable import file %s: %s", filename, error)
        raise ImportFileError(_("This file cannot be read as a table.")) from error


def read_dataset(content: bytes, filename: str, *, max_bytes: int | None = None):
    """Read a file to import into a tablib Dataset, whatever its extension claims, after every
    check; raise ImportFileError with the reason it is refused. `max_bytes` raises the size
    limit (the command line's `--max-size`); the other limits stay."""
    limits = Limits.from_settings(max_bytes)
    dataset = _by_extension(
        filename, lambda: _read_xlsx(content, limits), lambda: _read_csv(content, limits)
    )
    if not dataset.headers:
        raise ImportFileError(_("The file has no header row."))
    return dataset


def _read_xlsx(content: bytes, limits: Limits):
    book = open_workbook(content, limits)
    try:
        rows = bounded_rows(book.active, Counter(limits))
        dataset = tablib.Dataset()
        header = next(rows, None)
        if header is None:
            return dataset
        dataset.headers = list(header)
        for row in rows:
            dataset.append(list(row))
        return dataset
    finally:
        book.close()


def _csv_text(content: bytes, limits: Limits) -> str:
    check_size(content, limits)
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFileError(
            _("This CSV file is not in UTF-8; save it as “CSV UTF-8” and try again.")
        ) from error
    if "\x00" in text:
        raise ImportFileError(_("The file contains NUL characters, which no text file has."))
    longest = max((len(line) for line in text.splitlines()), default=0)
    if longest > limits.max_line_chars:
        raise ImportFileError(
            _("A line of the file is longer than %(limit)s characters.")
            % {"limit": limits.max_line_chars}
        )
    return text


def _read_csv(content: bytes, limits: Limits):
    text = _csv_text(content, limits)
    counter = Counter(limits)
    dataset = tablib.Dataset()
    # as tablib reads a CSV: the first line is the header, blank lines are left out, short
    # lines are filled up to the header's width
    for number, row in enumerate(csv.reader(io.StringIO(text, newline=""))):
        counter.add(row)
        if number == 0:
            dataset.headers = row
        elif row:
            if len(row) < dataset.width:
                row += [""] * (dataset.width - len(row))
            dataset.append(row)
    return dataset
