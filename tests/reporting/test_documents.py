"""One submission as a document (Word, print page), filled offline in a workbook, and its
attachments; the consolidation page's chart."""

import io
import json
import re
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from amity.reporting import imports, services
from amity.reporting.choices import SubmissionState, ValueSource
from amity.reporting.consolidation import consolidate
from amity.reporting.models import Attachment, Value
from tests.conftest import make_org
from tests.reporting.conftest import filled
from tests.reporting.factories import submission

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def numbers(sub) -> dict:
    return {v.indicator.code: v.number for v in sub.values.select_related("indicator")}


@pytest.fixture
def draft(report, orgs, users):
    sub = services.start_submission(orgs.hanoi, report.h1, by=users.hanoi)
    entries = {k: services.Entry(v) for k, v in filled(report.items).items()}
    services.save_entries(sub, entries, by=users.hanoi)
    return sub


# --- the submission as a document ---------------------------------------------------------------


def test_word_document_holds_every_section_value_and_explanation(
    client, login, report, draft, users
):
    from docx import Document

    Value.objects.filter(submission=draft, indicator=report.items.committed).update(
        comment="Theo hợp đồng"
    )
    login(users.hanoi)
    response = client.get(reverse("reporting:submission_document", args=[draft.pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    document = Document(io.BytesIO(response.content))
    text = "\n".join(p.text for p in document.paragraphs)
    # the first and last tables are the letterhead's heading and closing (test_letterhead.py)
    figures = document.tables[1:-1]
    cells = [cell.text for table in figures for row in table.rows for cell in row.cells]
    assert "Báo cáo HALF" in text and "First half of 2025" in text
    # section 1 is a table of figures: the value, its unit after it, its explanation
    assert cells[:6] == [
        "Indicator",
        "Value",
        "P1 Chỉ tiêu P1",
        "0  (from the system)",
        "D2 Chỉ tiêu D2",
        "4 ",
    ]
    assert "1,000  — Explanation: Theo hợp đồng" in cells  # grouped as English writes it
    # section 2 is a narrative section: each indicator's name, then what was reported
    paragraphs = [p.text for p in document.paragraphs]
    assert paragraphs[paragraphs.index("Chỉ tiêu D1") + 1] == "3"
    assert paragraphs[paragraphs.index("Chỉ tiêu D3") + 1] == "7"  # the total, computed
    assert "{{" not in text and "{%" not in text


def test_print_page_is_scoped_and_shows_the_values(client, login, report, draft, users):
    url = reverse("reporting:submission_print", args=[draft.pk])
    login(users.danang)
    assert client.get(url).status_code == 404
    assert client.get(reverse("reporting:submission_document", args=[draft.pk])).status_code == 404
    login(users.central)
    page = client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Print or save as PDF" in html
    assert html.count('<table class="report-table">') == 1  # section 2 holds the narrative
    assert "<script>" not in html


# --- the offline workbook -----------------------------------------------------------------------


def workbook_of(client, sub):
    response = client.get(reverse("reporting:submission_workbook", args=[sub.pk]))
    assert response.status_code == 200
    return load_workbook(io.BytesIO(response.content))


def upload(client, sub, book, name="filled.xlsx"):
    buffer = io.BytesIO()
    book.save(buffer)
    return client.post(
        reverse("reporting:submission_workbook_upload", args=[sub.pk]),
        {"workbook": SimpleUploadedFile(name, buffer.getvalue())},
    )


def rows_by_code(book) -> dict:
    sheet = book[imports.WORKBOOK_SHEET]
    return {row[0].value: row for row in sheet.iter_rows(min_row=imports.HEADER_ROW + 1)}


def test_workbook_lists_the_forms_indicators_with_their_values(client, login, report, draft, users):
    login(users.hanoi)
    book = workbook_of(client, draft)
    sheet = book[imports.WORKBOOK_SHEET]
    header = [cell.value for cell in sheet[imports.HEADER_ROW]]
    assert header == list(imports.WORKBOOK_COLUMNS)
    rows = rows_by_code(book)
    assert list(rows) == ["P1", "D2", "A1", "R1", "D1", "D3", "A2", "N1"]  # the form's order
    assert [c.value for c in rows["D1"][:5]] == ["D1", "Chỉ tiêu D1", None, "Whole number", 3]
    assert rows["A2"][4].value == 800 and rows["R1"][4].value is None
    assert book[imports.META_SHEET].sheet_state == "hidden"


def test_workbook_upload_writes_every_value_with_history(client, login, report, draft, users):
    login(users.hanoi)
    book = workbook_of(client, draft)
    rows = rows_by_code(book)
    rows["D1"][4].value = 5
    rows["R1"][4].value = "12,5"
    rows["N1"][4].value = "Đón 3 đoàn Lào"
    rows["D3"][4].value = 999  # a total is computed, never read
    response = upload(client, draft, book)
    assert response.status_code == 302
    assert numbers(draft)["D1"] == 5 and numbers(draft)["R1"] == Decimal("12.5")
    assert numbers(draft)["D3"] == 9  # 5 + 4
    d1 = Value.objects.get(submission=draft, indicator=report.items.delegations_in)
    assert d1.source == ValueSource.IMPORTED
    assert [h.number for h in d1.history.order_by("history_date")] == [3, 5]
    assert d1.history.latest().history_user == users.hanoi
    n1 = Value.objects.get(submission=draft, indicator=report.items.narrative)
    assert n1.text == "Đón 3 đoàn Lào"


def test_workbook_upload_reports_every_bad_row_and_writes_nothing(
    client, login, report, draft, users
):
    login(users.hanoi)
    book = workbook_of(client, draft)
    rows = rows_by_code(book)
    rows["D1"][4].value = "ba"
    rows["R1"][4].value = 120
    rows["D2"][4].value = 6  # a good row: not written either
    sheet = book[imports.WORKBOOK_SHEET]
    sheet.append(["X9", "Chỉ tiêu lạ", "", "", 1, "", 0])
    before = numbers(draft)
    response = upload(client, draft, book)
    assert response.status_code == 200
    assert response.context["problems"] == [
        "Row 8 (R1): A percentage is between 0 and 100.",
        "Row 9 (D1): Enter a number: “ba” is not one.",
        "Row 13: “X9” is not an indicator of this form version.",
    ]
    assert numbers(draft) == before


@pytest.mark.parametrize(
    "change, message",
    [
        ("organization", "This workbook is another organization"),
        ("form_version", "another version of the form"),
        ("period", "another period"),
        ("columns", "The columns of this workbook are not those"),
        ("sheet", "This is not a workbook downloaded from a submission"),
    ],
)
def test_workbook_made_for_something_else_is_refused(
    client, login, report, draft, users, change, message
):
    login(users.hanoi)
    book = workbook_of(client, draft)
    rows_by_code(book)["D1"][4].value = 8
    meta = {row[0].value: row[1] for row in book[imports.META_SHEET].iter_rows()}
    if change == "columns":
        book[imports.WORKBOOK_SHEET].cell(imports.HEADER_ROW, 5).value = "Số"
    elif change == "sheet":
        del book[imports.META_SHEET]
    else:
        meta[change].value += 1000
    before = numbers(draft)
    response = upload(client, draft, book)
    assert response.status_code == 200
    assert message in str(response.context["form"].errors["workbook"])
    assert numbers(draft) == before


def test_workbook_upload_after_someone_else_saved_is_a_conflict(
    client, login, report, draft, users
):
    login(users.hanoi)
    book = workbook_of(client, draft)
    key = report.items.delegations_in.pk
    services.save_entries(draft, {key: services.Entry("4", 1)}, by=users.admin)
    rows_by_code(book)["D1"][4].value = 6
    response = upload(client, draft, book)
    assert response.status_code == 200
    assert [c.indicator.code for c in response.context["conflicts"]] == ["D1"]
    assert numbers(draft)["D1"] == 4


def test_hostile_or_broken_files_are_refused_with_a_message(client, login, draft, users):
    import zipfile

    login(users.hanoi)
    url = reverse("reporting:submission_workbook_upload", args=[draft.pk])
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"0" * 30_000_000)
    cases = {
        "bomb.xlsx": (bomb.getvalue(), "unpacks to far more than a spreadsheet"),
        "text.xlsx": (b"hello", "not an Excel workbook"),
        "broken.xlsx": (b"PK\x03\x04broken", "cannot be read as a workbook"),
    }
    for name, (content, message) in cases.items():
        response = client.post(url, {"workbook": SimpleUploadedFile(name, content)})
        assert response.status_code == 200, name
        assert message in str(response.context["form"].errors["workbook"]), name


def test_workbook_upload_is_refused_to_others_and_after_submission(
    client, login, report, draft, users
):
    url = reverse("reporting:submission_workbook_upload", args=[draft.pk])
    login(users.danang)
    assert client.get(url).status_code == 404
    login(users.hanoi_viewer)
    assert client.get(url).status_code == 403
    login(users.hanoi)
    book = workbook_of(client, draft)
    draft.state = SubmissionState.SUBMITTED
    draft.save()
    response = upload(client, draft, book)
    assert response.status_code == 200
    assert "can no longer change" in response.context["refusal"]


# --- attachments --------------------------------------------------------------------------------


def attach(client, sub, name="bao-cao.pdf", content=PDF, title=""):
    url = reverse("reporting:attachment_upload", args=[sub.pk])
    return client.post(url, {"upload": SimpleUploadedFile(name, content), "title": title})


def test_attachment_is_stored_downloaded_and_removed_while_draft(
    client, login, draft, users, settings
):
    login(users.hanoi)
    assert (
        attach(client, draft, "../../Báo cáo.pdf", title="Báo cáo thuyết minh").status_code == 302
    )
    attachment = Attachment.objects.get(submission=draft)
    assert (attachment.original_name, attachment.size, attachment.content_type) == (
        "Báo cáo.pdf",
        len(PDF),
        "application/pdf",
    )
    assert attachment.file.name.startswith("reporting/attachments/")
    assert (settings.MEDIA_ROOT / attachment.file.name).read_bytes() == PDF
    assert attachment.history.get().history_user == users.hanoi
    download = client.get(reverse("reporting:attachment_download", args=[attachment.pk]))
    assert b"".join(download.streaming_content) == PDF
    assert "attachment;" in download["Content-Disposition"]
    login(users.danang)
    assert (
        client.get(reverse("reporting:attachment_download", args=[attachment.pk])).status_code
        == 404
    )
    login(users.hanoi)
    client.post(reverse("reporting:attachment_remove", args=[attachment.pk]))
    assert not Attachment.objects.filter(pk=attachment.pk).exists()
    assert Attachment.all_objects.get(pk=attachment.pk).history.latest().history_user == users.hanoi


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("virus.exe", b"MZ", "Attach a PDF, Word, Excel or OpenDocument file"),
        ("photo.png", PDF, "is not the kind of file its name says"),
        ("empty.pdf", b"", "Choose a file to attach."),  # Django refuses an empty upload itself
        ("report.docx", b"PK\x03\x04broken", "is damaged and cannot be opened"),
    ],
)
def test_bad_attachments_are_refused_with_a_message(
    client, login, draft, users, name, content, message
):
    login(users.hanoi)
    response = attach(client, draft, name, content)
    assert response.status_code == 302
    shown = [str(m) for m in response.wsgi_request._messages]
    assert any(message in text for text in shown), shown
    assert not Attachment.all_objects.filter(submission=draft).exists()


def test_attachment_size_and_count_limits(client, login, draft, users, settings):
    settings.REPORTING_ATTACHMENT_MAX_BYTES = 1024 * 1024
    settings.REPORTING_ATTACHMENTS_PER_SUBMISSION = 2
    login(users.hanoi)
    response = attach(client, draft, content=PDF + b"0" * (1024 * 1024))
    assert "larger than 1 MB" in str(list(response.wsgi_request._messages)[-1])
    attach(client, draft)
    attach(client, draft)
    third = attach(client, draft)
    assert "at most 2 attachments" in str(list(third.wsgi_request._messages)[-1])
    assert Attachment.objects.filter(submission=draft).count() == 2


def test_attachments_are_frozen_once_submitted(client, login, report, draft, users):
    login(users.hanoi)
    attach(client, draft)
    attachment = Attachment.objects.get()
    draft.state = SubmissionState.SUBMITTED
    draft.save()
    response = attach(client, draft)
    assert "can no longer change" in str(list(response.wsgi_request._messages)[-1])
    client.post(reverse("reporting:attachment_remove", args=[attachment.pk]))
    assert Attachment.objects.filter(pk=attachment.pk).exists()
    api = client.delete(f"/api/reporting/attachments/{attachment.pk}/")
    assert api.status_code == 400
    assert Attachment.objects.filter(pk=attachment.pk).exists()
    assert Attachment.objects.count() == 1


def test_api_attachment_upload_and_download_address(client, login, draft, users):
    login(users.hanoi)
    response = client.post(
        "/api/reporting/attachments/",
        {
            "submission": draft.pk,
            "title": "Ảnh",
            "file": SimpleUploadedFile("anh.png", b"\x89PNG\r\n\x1a\n0"),
        },
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert (body["original_name"], body["content_type"]) == ("anh.png", "image/png")
    assert body["download"] == reverse("reporting:attachment_download", args=[body["id"]])
    bad = client.post(
        "/api/reporting/attachments/",
        {"submission": draft.pk, "file": SimpleUploadedFile("anh.png", b"GIF89a")},
    )
    assert bad.status_code == 400 and "file" in bad.json()
    assert Attachment.objects.count() == 1


# --- the consolidation's chart and its speed ---------------------------------------------------


def test_consolidation_page_carries_the_chart_of_the_pivot(client, login, report, orgs, users):
    for org, partners in ((orgs.hanoi, 10), (orgs.danang, 7)):
        submission(
            org,
            report.version,
            report.h1,
            SubmissionState.SUBMITTED,
            {report.items.partners: partners, report.items.share: 40},
        )
    login(users.central)
    page = client.get(
        reverse("reporting:consolidation"),
        {
            "form": report.form.pk,
            "period": report.h1.pk,
            "indicator": [report.items.partners.pk, report.items.share.pk],
        },
    )
    chart = page.context["chart"]
    assert chart["labels"] == [str(orgs.hanoi), str(orgs.danang)]
    assert [(s["code"], s["values"]) for s in chart["series"]] == [
        ("P1", [10, 7]),
        ("R1", [40.0, 40.0]),
    ]
    html = page.content.decode()
    assert 'id="chart-pivot"' in html and 'id="pivot-chart-data"' in html
    carried = re.search(
        r'<script id="pivot-chart-data" type="application/json">(.*?)</script>', html
    ).group(1)
    assert json.loads(carried) == chart


def test_pivot_is_one_query_of_figures_whatever_the_rows(report, orgs, users):
    indicators = [report.items.partners, report.items.share, report.items.narrative]

    def queries():
        with CaptureQueriesContext(connection) as context:
            pivot = consolidate(users.central, indicators, [report.h1])
        figures = [q["sql"] for q in context.captured_queries if '"reporting_value"' in q["sql"]]
        return len(context.captured_queries), len(figures), pivot

    for number in range(3):
        union = make_org(f"Liên hiệp {number}", "provincial_union", orgs.central)
        submission(
            union,
            report.version,
            report.h1,
            SubmissionState.APPROVED,
            {report.items.partners: number, report.items.share: 10 * number},
        )
    few, figures, pivot = queries()
    assert (few, figures) == (3, 1)  # the mergers, the figures, the rows' names
    assert pivot.totals == [3, Decimal("10.00"), None]
    for number in range(3, 20):
        union = make_org(f"Liên hiệp {number}", "provincial_union", orgs.central)
        submission(
            union,
            report.version,
            report.h1,
            SubmissionState.APPROVED,
            {report.items.partners: number},
        )
    many, figures, pivot = queries()
    assert (many, figures) == (few, 1)
    assert pivot.totals == [sum(range(20)), Decimal("10.00"), None]
    assert len(pivot.rows) == 20


def test_pivot_cells_are_written_as_localize_writes_them(settings):
    from django.utils import translation

    from amity.reporting.consolidation import _cell_writer, _td

    cells = [
        None,
        0,
        5,
        -3,
        Decimal("12.50"),
        Decimal("-0.05"),
        Decimal("1E+3"),
        Decimal("123456.78"),
        Decimal("0.00"),
        1.5,
    ]
    for language in ("vi", "en"):
        with translation.override(language):
            td = _cell_writer()
            assert [td(cell) for cell in cells] == [_td(cell) for cell in cells]


def test_a_pivot_of_nothing_visible_is_empty_not_an_error(report, orgs, users):
    from amity.accounts.models import User

    submission(
        orgs.hanoi, report.version, report.h1, SubmissionState.APPROVED, {report.items.partners: 3}
    )
    homeless = User.objects.create(username="homeless", role="unit_officer")  # sees nothing
    pivot = consolidate(homeless, [report.items.partners], [report.h1])
    assert (pivot.rows, pivot.totals) == ([], [None])


def test_merged_rows_show_their_sums_as_one_row_shows_them():
    from amity.reporting.consolidation import _merged

    sums = {1: [Decimal("0.5"), 2, None], 2: [Decimal("0.5"), 3, Decimal("1.25")]}
    merged, counts = _merged(sums, {}, lambda key: "all")
    assert merged == {"all": [1, 5, Decimal("1.25")]}
    assert [type(cell) for cell in merged["all"]] == [int, int, Decimal]
    assert counts == {}
