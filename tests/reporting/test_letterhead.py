"""The printed and Word reports carry the heading and closing of a Vietnamese administrative
document (Decree 30/2020/NĐ-CP): issuer and its governing body, number and symbol, the country's
name and motto, the dated place, the recipients and the signature block; in English the labels
are translated and the layout stays. One shared piece (`core.letterhead`) makes them all."""

import io
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import translation
from docx import Document

from amity.geo.models import Province
from amity.organizations.choices import PositionTitle
from amity.organizations.models import Person, Position
from amity.proposals import services as proposal_services
from amity.reporting.choices import SubmissionState
from amity.reporting.report import consolidated_docx, submission_docx
from tests.proposals import builders
from tests.reporting.factories import submission

pytestmark = pytest.mark.django_db

SENT = datetime(2026, 2, 5, 9, 30, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))


@pytest.fixture
def sent(report, orgs):
    """Ha Noi's report, submitted on 5 February 2026; Ha Noi in Hà Nội, with its president."""
    orgs.hanoi.province = Province.objects.get(code="01", is_current=True)
    orgs.hanoi.short_name = "LHHN"
    orgs.hanoi.save()
    person = Person.objects.create(full_name="Nguyễn Thị Bình", organization=orgs.hanoi)
    Position.objects.create(
        person=person,
        organization=orgs.hanoi,
        title=PositionTitle.PRESIDENT,
        started_on=date(2021, 1, 1),
    )
    return submission(
        orgs.hanoi, report.version, report.h1, state=SubmissionState.SUBMITTED, submitted_at=SENT
    )


def read_back(content: bytes):
    """(the heading's left and right lines, the closing's left and right lines, the document)."""
    document = Document(io.BytesIO(content))
    heading, closing = document.tables[0], document.tables[-1]

    def lines(cell):
        return [p.text for p in cell.paragraphs if p.text]

    return (
        [lines(cell) for cell in heading.rows[0].cells],
        [lines(cell) for cell in closing.rows[0].cells],
        document,
    )


def test_the_word_report_has_the_vietnamese_administrative_layout(sent, orgs):
    with translation.override("vi"):
        (issuer, state), (recipients, signature), document = read_back(submission_docx(sent))
    assert document.element.body[0].tag.endswith("}tbl")  # the heading comes first
    assert issuer == [
        "LIÊN HIỆP CÁC TỔ CHỨC HỮU NGHỊ VIỆT NAM",
        "LIÊN HIỆP CÁC TỔ CHỨC HỮU NGHỊ THÀNH PHỐ HÀ NỘI",
        "Số: ……/BC-LHHN",
    ]
    assert state == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Hà Nội, ngày 05 tháng 02 năm 2026",
    ]
    motto = document.tables[0].rows[0].cells[1].paragraphs[1].runs[0]
    assert (motto.bold, motto.underline) == (True, True)
    date_line = document.tables[0].rows[0].cells[1].paragraphs[2].runs[0]
    assert date_line.italic
    assert recipients == [
        "Nơi nhận:",
        "- Liên hiệp các tổ chức hữu nghị Việt Nam;",
        "- Lưu: VT.",
    ]
    assert signature == ["CHỦ TỊCH", "(Ký tên, đóng dấu)", "Nguyễn Thị Bình"]
    title = next(p for p in document.paragraphs if p.text == sent.form_version.form.name)
    assert title.alignment == 1  # centred


def test_in_english_the_labels_are_translated_and_the_layout_stays(sent):
    with translation.override("en"):
        (issuer, state), (recipients, signature), _document = read_back(submission_docx(sent))
    assert issuer[1:] == ["HA NOI UNION", "No.: ……/BC-LHHN"]
    assert state == [
        "SOCIALIST REPUBLIC OF VIET NAM",
        "Independence - Freedom - Happiness",
        "Ha Noi, 05/02/2026",
    ]
    assert recipients[0] == "Recipients:" and recipients[-1] == "- Filed: Office."
    assert signature == ["PRESIDENT", "(Signature and seal)", "Nguyễn Thị Bình"]


def test_without_a_president_the_head_of_the_organization_signs(report, orgs):
    draft = submission(orgs.danang, report.version, report.h1)
    with translation.override("vi"):
        (issuer, _state), (_recipients, signature), _document = read_back(submission_docx(draft))
    assert issuer[-1] == "Số: ……/BC-LHCTCHNTPĐN".replace("Đ", "D")
    assert signature == ["THỦ TRƯỞNG CƠ QUAN", "(Ký tên, đóng dấu)"]


def test_the_print_page_has_the_heading_and_the_closing(client, sent, users, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "vi"
    client.force_login(users.hanoi)
    html = client.get(reverse("reporting:submission_print", args=[sent.pk])).content.decode()
    for shown in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: ……/BC-LHHN",
        "Hà Nội, ngày 05 tháng 02 năm 2026",
        "Nơi nhận:",
        "- Lưu: VT.",
        "CHỦ TỊCH",
        "Nguyễn Thị Bình",
    ):
        assert shown in html, shown
    assert html.index('class="letterhead"') < html.index('class="report-title"')
    assert html.index('class="letter-closing"') > html.index('class="report-section"')


def test_the_consolidated_report_and_the_compiled_opinions_carry_it_too(report, orgs, users):
    consultation = builders.consultation(orgs.central)
    result = proposal_services.synthesis(consultation, users.central)
    with translation.override("vi"):
        for content in (
            consolidated_docx(report.h1, users.central),
            proposal_services.synthesis_docx(result),
        ):
            (issuer, state), (recipients, signature), _document = read_back(content)
            assert issuer == ["LIÊN HIỆP CÁC TỔ CHỨC HỮU NGHỊ VIỆT NAM", "Số: ……/BC-VUFO"]
            assert state[:2] == [
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "Độc lập - Tự do - Hạnh phúc",
            ]
            assert recipients[0] == "Nơi nhận:" and signature[0] == "THỦ TRƯỞNG CƠ QUAN"
