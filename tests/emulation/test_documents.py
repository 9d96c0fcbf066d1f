"""The emulation's Word documents come from the docxtpl templates in `emulation/docx/`: the
decision, the certificate and a cluster's results, each in both languages, under the letterhead
where the document is an official one; a template an administrator replaces is the one used."""

import io
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from docx import Document

from amity.documents import library
from amity.emulation import award_services, documents, scoring_services
from amity.emulation.models import Score
from tests.emulation import scoring_builders as scoring
from tests.emulation.test_awards import decision, reviewed

pytestmark = pytest.mark.django_db


def body(content: bytes) -> list[str]:
    """The paragraphs of the document's body that say something (the letterhead is in tables)."""
    return [p.text for p in Document(io.BytesIO(content)).paragraphs if p.text.strip()]


def cells(table) -> list[str]:
    return [p.text for cell in table.rows[0].cells for p in cell.paragraphs if p.text.strip()]


@pytest.fixture
def decided(orgs, users):
    proposal = reviewed(orgs, users)
    record = decision(orgs)
    award_services.decide(record, [proposal], by=users.admin)
    proposal.refresh_from_db()
    record.refresh_from_db()
    return proposal, record


def test_the_decision_in_english_and_vietnamese(decided):
    _proposal, record = decided
    with translation.override("en"):
        english = award_services.decision_docx(record)
    assert body(english) == [
        "DECISION",
        "On conferring Certificate of merit of VUFO",
        "No. 1/QĐ, dated 01/05/2026",
        "Article 1. To confer Certificate of merit of VUFO on the following 1 recipients:",
        "1. Ha Noi Union",
        "Hoàn thành xuất sắc nhiệm vụ",
        "Article 2. This decision takes effect from the date of signing.",
    ]
    with translation.override("vi"):
        vietnamese = award_services.decision_docx(record)
    assert body(vietnamese) == [
        "QUYẾT ĐỊNH",
        "Về việc tặng Bằng khen của Liên hiệp",
        "Số 1/QĐ, ngày 01/05/2026",
        "Điều 1. Tặng Bằng khen của Liên hiệp cho 1 đối tượng sau:",
        "1. Liên hiệp các tổ chức hữu nghị thành phố Hà Nội",
        "Hoàn thành xuất sắc nhiệm vụ",
        "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.",
    ]
    tables = Document(io.BytesIO(vietnamese)).tables
    heading, closing = cells(tables[0]), cells(tables[-1])
    assert "LIÊN HIỆP CÁC TỔ CHỨC HỮU NGHỊ VIỆT NAM" in heading
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in heading
    assert "Số: 1/QĐ" in heading  # the decision's own number, not the blank of a draft
    assert closing[-1] == "Phan Anh Sơn"
    assert "CHỦ TỊCH" in closing


def test_a_revoked_decision_says_so(decided, users):
    _proposal, record = decided
    award_services.revoke(record, "Hồ sơ không trung thực", by=users.admin)
    record.refresh_from_db()
    with translation.override("vi"):
        lines = body(award_services.decision_docx(record))
    assert lines[-1] == "Đã thu hồi: Hồ sơ không trung thực"
    assert lines[-2] == "Điều 2. Quyết định này có hiệu lực kể từ ngày ký."


def test_the_certificate_in_english_and_vietnamese(decided):
    proposal, _record = decided
    with translation.override("en"):
        english = award_services.certificate_docx(proposal)
    assert body(english) == [
        "VIET NAM UNION OF FRIENDSHIP ORGANIZATIONS",
        "CERTIFICATE OF MERIT OF VUFO",
        "awarded to",
        "Ha Noi Union",
        "for outstanding achievements in 2026",
        "Decision No. 1/QĐ of 01/05/2026",
        "Chủ tịch",
        "Phan Anh Sơn",
    ]
    assert Document(io.BytesIO(english)).tables == []  # a certificate is not a letter
    with translation.override("vi"):
        vietnamese = award_services.certificate_docx(proposal)
    assert body(vietnamese) == [
        "LIÊN HIỆP CÁC TỔ CHỨC HỮU NGHỊ VIỆT NAM",
        "BẰNG KHEN CỦA LIÊN HIỆP",
        "tặng",
        "Liên hiệp các tổ chức hữu nghị thành phố Hà Nội",
        "đã có thành tích xuất sắc năm 2026",
        "Quyết định số 1/QĐ ngày 01/05/2026",
        "Chủ tịch",
        "Phan Anh Sơn",
    ]


def test_a_name_with_markup_is_written_as_text(decided, orgs):
    proposal, record = decided
    orgs.hanoi.name_en = "Ha Noi <Union> & Friends"
    orgs.hanoi.save()
    with translation.override("en"):
        lines = body(award_services.decision_docx(record))
    assert "1. Ha Noi <Union> & Friends" in lines


def test_a_template_the_administrator_replaced_is_used(decided, users, settings, tmp_path):
    """An office restyles the decision in Word and keeps the fields: the template uploaded to
    the library for the kind is what is rendered."""
    _proposal, record = decided
    replaced = Document()
    replaced.add_paragraph("Quyết định {{ number }} ngày {{ date }} – {{ award_form }}")
    replaced.add_paragraph("{%p for recipient in recipients %}")
    replaced.add_paragraph("{{ recipient.index }}) {{ recipient.name }} [{{ recipient.kind }}]")
    replaced.add_paragraph("{%p endfor %}")
    replaced.add_paragraph("Ký: {{ signer_position }} {{ signer_name }}")
    buffer = io.BytesIO()
    replaced.save(buffer)
    settings.MEDIA_ROOT = str(tmp_path)
    upload = SimpleUploadedFile("decision.docx", buffer.getvalue())
    library.upload_template(documents.AWARD_DECISION, upload, by=users.admin)
    with translation.override("vi"):
        lines = body(award_services.decision_docx(record))
    assert lines == [
        "Quyết định 1/QĐ ngày 01/05/2026 – Bằng khen của Liên hiệp",
        "1) Liên hiệp các tổ chức hữu nghị thành phố Hà Nội [Tập thể (tổ chức trong hệ thống)]",
        "Ký: Chủ tịch Phan Anh Sơn",
    ]


def test_the_committed_templates_are_those_the_script_writes(tmp_path):
    """The templates in the repository hold the fields the services give (none is lost when
    one is rebuilt)."""
    for build_one, committed in (
        (documents.build_decision_template, documents.DECISION),
        (documents.build_certificate_template, documents.CERTIFICATE),
        (documents.build_cluster_template, documents.CLUSTER),
    ):
        made = build_one(tmp_path / committed.name)
        assert body(made.read_bytes()) == body(committed.read_bytes())


@pytest.fixture
def ranked_cluster(orgs):
    return ranked(orgs)


def ranked(orgs):
    """A cluster of Ha Noi (92.5 points) and Da Nang (1080 points, rank 1), headed by Da Nang."""
    table = scoring.table(orgs.central)
    section = scoring.section(orgs.central, of_table=table, number=1)
    criterion = scoring.criterion(section, "1.1", "2000")
    cluster = scoring.cluster(
        orgs.central,
        [orgs.hanoi, orgs.danang],
        head=orgs.danang,
        deputy=orgs.hanoi,
        name="Cụm các tỉnh, thành phố",
        pact_signed_on=date(2026, 2, 5),
    )
    for unit, points in ((orgs.hanoi, "92.5"), (orgs.danang, "1080")):
        sheet = scoring.sheet(unit, table, of_cluster=cluster)
        Score.objects.create(sheet=sheet, criterion=criterion, self_points=points)
    return cluster


def test_the_cluster_results_in_english_and_vietnamese(ranked_cluster):
    with translation.override("en"):
        english = scoring_services.cluster_docx(scoring_services.cluster_result(ranked_cluster))
    assert body(english) == [
        "Emulation results of Cụm các tỉnh, thành phố, 2026",
        "Head: Da Nang Union",
        "Deputy head: Ha Noi Union",
        "Pact signed on 05/02/2026.",
        "Members of the cluster: Da Nang Union; Ha Noi Union.",
        "Ties are broken by more points in section 1, then by fewer penalty points, then by the "
        "unit's name.",
        "Proposed for the cluster's emulation flag: Da Nang Union.",
    ]
    ranking = Document(io.BytesIO(english)).tables[1]
    assert [[cell.text for cell in row.cells] for row in ranking.rows] == [
        ["Rank", "Unit", "Total", "State"],
        ["1", "Da Nang Union", "1,080.00", "Draft"],
        ["2", "Ha Noi Union", "92.50", "Draft"],
    ]
    with translation.override("vi"):
        vietnamese = scoring_services.cluster_docx(scoring_services.cluster_result(ranked_cluster))
    assert body(vietnamese)[:5] == [
        "Kết quả thi đua Cụm các tỉnh, thành phố năm 2026",
        "Cụm trưởng: Liên hiệp các tổ chức hữu nghị thành phố Đà Nẵng",
        "Cụm phó: Liên hiệp các tổ chức hữu nghị thành phố Hà Nội",
        "Giao ước thi đua ký ngày 05/02/2026.",
        "Thành viên của cụm: Liên hiệp các tổ chức hữu nghị thành phố Đà Nẵng; "
        "Liên hiệp các tổ chức hữu nghị thành phố Hà Nội.",
    ]
    assert body(vietnamese)[-1] == (
        "Đề nghị tặng Cờ thi đua của cụm: Liên hiệp các tổ chức hữu nghị thành phố Đà Nẵng."
    )
    rows = Document(io.BytesIO(vietnamese)).tables[1].rows
    assert [cell.text for cell in rows[1].cells][:3] == [
        "1",
        "Liên hiệp các tổ chức hữu nghị thành phố Đà Nẵng",
        "1.080,00",
    ]
    heading = cells(Document(io.BytesIO(vietnamese)).tables[0])
    assert "Số: ……/BC-VUFO" in heading


def test_a_cluster_without_head_nor_sheets_leaves_those_lines_out(orgs):
    cluster = scoring.cluster(orgs.central, [orgs.hanoi], name="Khối các hội")
    with translation.override("en"):
        content = scoring_services.cluster_docx(scoring_services.cluster_result(cluster))
    assert body(content) == [
        "Emulation results of Khối các hội, 2026",
        "Members of the cluster: Ha Noi Union.",
        "Ties are broken by more points in section 1, then by fewer penalty points, then by the "
        "unit's name.",
    ]
    assert [
        [c.text for c in row.cells] for row in Document(io.BytesIO(content)).tables[1].rows
    ] == [["Rank", "Unit", "Total", "State"]]


def test_the_pages_give_the_documents(client, orgs, users, login, decided, ranked_cluster):
    proposal, record = decided
    login(users.central)
    response = client.get(f"/emulation/award-decisions/{record.pk}/decision.docx")
    assert body(response.content)[0] == "DECISION"
    response = client.get(f"/emulation/award-proposals/{proposal.pk}/certificate.docx")
    assert body(response.content)[3] == "Ha Noi Union"
    response = client.get(f"/emulation/clusters/{ranked_cluster.pk}/results.docx")
    assert body(response.content)[1] == "Head: Da Nang Union"
