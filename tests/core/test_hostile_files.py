"""Hostile files given to an import: refused with a clear message, never a crash or a hang."""

import io
import os
import string
import zipfile

import openpyxl
import pytest
from django.utils import translation

from amity.core.imports import ImportFileError, read_dataset


@pytest.fixture(autouse=True)
def in_english():
    with translation.override("en"):
        yield


def workbook(rows) -> bytes:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_a_plain_workbook_is_read():
    dataset = read_dataset(workbook([["name", "kind"], ["Mekong", "ngo"]]), "partners.xlsx")
    assert dataset.headers == ["name", "kind"]
    assert list(dataset[0]) == ["Mekong", "ngo"]


def test_a_zip_bomb_is_refused_before_it_is_unpacked():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"0" * (300 * 1024 * 1024))
    content = buffer.getvalue()
    assert len(content) < 1024 * 1024  # 300 MB of zeros pack into a few hundred kB
    with pytest.raises(ImportFileError, match="unpacks to far more"):
        read_dataset(content, "bomb.xlsx")


def test_a_workbook_with_an_entity_bomb_is_refused():
    source = io.BytesIO(workbook([["name"], ["Mekong"]]))
    bombed = io.BytesIO()
    laugh = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
        '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
    )
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(bombed, "w") as archive:
        for entry in original.infolist():
            data = original.read(entry)
            if entry.filename == "xl/sharedStrings.xml" or entry.filename.endswith("sheet1.xml"):
                data = laugh.encode() + data.split(b"?>", 1)[-1]
            archive.writestr(entry, data)
    with pytest.raises(ImportFileError, match="markup that no spreadsheet program writes"):
        read_dataset(bombed.getvalue(), "laugh.xlsx")


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"not a zip at all", "partners.xlsx", "not an Excel workbook"),
        (b"PK\x03\x04 broken", "partners.xlsx", "cannot be read"),
        (b"t\xean,lo\xe0i\nH\xf4i,ngo\n", "partners.csv", "not in UTF-8"),  # Windows-1258
        (b"name\n", "partners.pdf", "Choose an .xlsx or .csv file"),
    ],
)
def test_broken_and_mislabelled_files_are_refused_with_a_reason(content, name, message):
    with pytest.raises(ImportFileError, match=message):
        read_dataset(content, name)


def test_formulas_in_an_imported_csv_are_read_as_text():
    dataset = read_dataset(b'name,kind\n"=HYPERLINK(""http://x"")",ngo\n', "partners.csv")
    assert dataset[0][0] == '=HYPERLINK("http://x")'  # stored as typed; neutralised on export


# --- bounded reading: what a small upload may cost ---------------------------------------------


def padded_workbook(padding: bytes, where: str = "comment") -> bytes:
    """A two-row workbook whose sheet XML carries `padding`: in a comment, or in an attribute
    value. Python's XML parser reads such a token again on every chunk, so an unbounded reader
    spends time in the square of its size (25 MB: minutes)."""
    source = io.BytesIO(workbook([["name", "kind"], ["Mekong", "ngo"]]))
    padded = io.BytesIO()
    inserted = (
        b"<!--" + padding + b"-->"
        if where == "comment"
        else b'<sheetPr codeName="' + padding + b'"/>'
    )
    packed = zipfile.ZipFile(padded, "w", zipfile.ZIP_DEFLATED)
    with zipfile.ZipFile(source) as original, packed as archive:
        for entry in original.infolist():
            data = original.read(entry)
            if entry.filename.endswith("sheet1.xml"):
                data = data.replace(b"<dimension", inserted + b"<dimension", 1)
            archive.writestr(entry.filename, data)
    return padded.getvalue()


def incompressible(size: int) -> bytes:
    """Random letters: no '<', nothing a zip packs much (some 6 bits a byte)."""
    alphabet = (string.ascii_letters + string.digits + " .,;:").encode()
    return os.urandom(size).translate(bytes(alphabet[n % len(alphabet)] for n in range(256)))


@pytest.mark.parametrize("where", ["comment", "attribute"])
def test_a_workbook_padded_with_an_incompressible_token_is_refused_before_it_is_parsed(where):
    content = padded_workbook(incompressible(25 * 1024 * 1024), where)
    assert len(content) < 20 * 1024 * 1024  # under the size limit and the zip-bomb check
    with pytest.raises(ImportFileError, match="markup that no spreadsheet program writes"):
        read_dataset(content, "padded.xlsx")


def test_a_sheet_that_unpacks_beyond_the_limit_of_a_part_is_refused(settings):
    settings.IMPORT_MAX_PART_BYTES = 1024 * 1024
    content = padded_workbook(incompressible(2 * 1024 * 1024), "attribute")
    with pytest.raises(ImportFileError, match="A sheet of this workbook unpacks to more than 1 MB"):
        read_dataset(content, "large.xlsx")


def many_rows(count: int, width: int = 2) -> list[list[str]]:
    return [[f"column {n}" for n in range(width)]] + [
        [f"row {row} cell {n}" for n in range(width)] for row in range(count)
    ]


def as_csv(rows) -> bytes:
    return "\n".join(",".join(row) for row in rows).encode()


@pytest.mark.parametrize(
    "as_file", [lambda rows: (workbook(rows), "rows.xlsx"), lambda rows: (as_csv(rows), "rows.csv")]
)
def test_a_file_with_more_rows_or_cells_than_the_limits_is_refused_naming_the_limit(
    settings, as_file
):
    settings.IMPORT_MAX_ROWS = 10
    content, name = as_file(many_rows(10))
    assert len(read_dataset(content, name)) == 10  # the header is not a row of records
    content, name = as_file(many_rows(11))
    with pytest.raises(ImportFileError, match="more than 10 rows"):
        read_dataset(content, name)
    settings.IMPORT_MAX_CELLS = 30
    content, name = as_file(many_rows(5, width=6))
    with pytest.raises(ImportFileError, match="more than 30 cells"):
        read_dataset(content, name)


def test_reading_stops_at_the_end_of_its_time_budget(settings):
    settings.IMPORT_READ_SECONDS = 0
    with pytest.raises(ImportFileError, match="took longer than 0 seconds"):
        read_dataset(as_csv(many_rows(500)), "slow.csv")


def test_a_csv_with_nul_characters_or_an_endless_line_is_refused(settings):
    with pytest.raises(ImportFileError, match="NUL characters"):
        read_dataset(b"name,kind\nMe\x00kong,ngo\n", "nul.csv")
    settings.IMPORT_MAX_LINE_CHARS = 100
    with pytest.raises(ImportFileError, match="longer than 100 characters"):
        read_dataset(b"name,kind\n" + b"x" * 101 + b",ngo\n", "long.csv")


def test_a_file_over_the_size_limit_is_refused_naming_it(settings):
    settings.IMPORT_MAX_BYTES = 1024 * 1024
    with pytest.raises(ImportFileError, match="larger than 1 MB"):
        read_dataset(as_csv(many_rows(40_000)), "big.csv")
