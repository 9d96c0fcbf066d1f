"""Hostile files given to an import: refused with a clear message, never a crash or a hang."""

import io
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
    with pytest.raises(ImportFileError, match="cannot be read"):
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
