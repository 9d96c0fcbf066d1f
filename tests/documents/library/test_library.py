"""The template library: a Draft and every writer's context rendered through the active
template of its kind (the organization's, else the system's, else the built-in), in the
identity's colour and logo; an uploaded template checked before anything is written."""

import io
from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from docx import Document

from amity.documents import library
from amity.documents.drafting import Draft
from amity.documents.models import DocumentTemplate, Identity
from tests.documents.library.helpers import PNG, body, upload

pytestmark = pytest.mark.django_db

LETTER = ("{{ subject }}", "{%p for p in paragraphs %}", "{{ p }}", "{%p endfor %}")


def draft(orgs, kind="decision", **changes):
    values = {
        "kind": kind,
        "issuer": orgs.hanoi,
        "subject": "Về việc tổ chức Tuần hữu nghị <Việt – Lào> & bạn bè",
        "paragraphs": ["Căn cứ Điều lệ Liên hiệp;", "Điều 1. Tổ chức Tuần hữu nghị."],
        "recipients": ["Các hội thành viên"],
        "on": date(2026, 2, 5),
        **changes,
    }
    return Draft(**values)


def tables(content: bytes) -> list[list[str]]:
    document = Document(io.BytesIO(content))
    return [
        [p.text for cell in table.rows[0].cells for p in cell.paragraphs if p.text.strip()]
        for table in document.tables
    ]


def test_every_kind_is_listed_with_its_built_in_file():
    codes = [kind.code for kind in library.kinds()]
    assert codes[:7] == list(library.SYMBOLS)
    assert {
        "award_decision",
        "award_certificate",
        "cluster_results",
        "consolidated_report",
        "submission_report",
        "consultation_synthesis",
        "training_certificate",
        "training_report",
    } <= set(codes)
    for kind in library.kinds():
        assert kind.builtin.exists(), kind.code
        # the built-in template uses only its kind's fields, and every required one
        assert library.check_template(kind, kind.builtin.read_bytes()) >= set(kind.required)


def test_a_draft_is_written_in_its_kind_under_the_letterhead(orgs):
    with translation.override("vi"):
        content = library.render_draft(draft(orgs), number="07/QĐ-LHHN")
    assert body(content) == [
        "QUYẾT ĐỊNH",
        "Về việc tổ chức Tuần hữu nghị <Việt – Lào> & bạn bè",
        "Căn cứ Điều lệ Liên hiệp;",
        "Điều 1. Tổ chức Tuần hữu nghị.",
    ]
    heading, closing = tables(content)
    assert "Số: 07/QĐ-LHHN" in heading
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in heading
    assert "- Các hội thành viên;" in closing


def test_an_official_letter_has_its_subject_in_italics_and_no_title(orgs):
    content = library.render_draft(draft(orgs, kind="official_letter"))
    paragraph = next(p for p in Document(io.BytesIO(content)).paragraphs if p.text.strip())
    assert paragraph.text.startswith("Về việc tổ chức")
    assert paragraph.runs[0].italic is True


def test_an_unknown_kind_is_written_as_an_official_letter(orgs):
    content = library.render_draft(draft(orgs, kind="memo"))
    assert body(content)[0].startswith("Về việc")


def test_the_organizations_template_before_the_systems_before_the_built_in(orgs, users):
    kind = library.kind_of("notice")
    with translation.override("vi"):
        assert body(library.render_draft(draft(orgs, kind="notice")))[0] == "THÔNG BÁO"
    library.upload_template(kind, upload("Hệ thống: {{ subject }}", *LETTER[1:]), by=users.admin)
    assert body(library.render_draft(draft(orgs, kind="notice")))[0].startswith("Hệ thống: ")
    library.upload_template(
        kind, upload("Hà Nội: {{ subject }}", *LETTER[1:]), by=users.hanoi, organization=orgs.hanoi
    )
    assert body(library.render_draft(draft(orgs, kind="notice")))[0].startswith("Hà Nội: ")
    # Da Nang has none of its own: the system's
    danang = body(library.render_draft(draft(orgs, kind="notice", issuer=orgs.danang)))
    assert danang[0].startswith("Hệ thống: ")
    assert library.revert_template(kind, by=users.hanoi, organization=orgs.hanoi) is True
    assert body(library.render_draft(draft(orgs, kind="notice")))[0].startswith("Hệ thống: ")
    assert library.revert_template(kind, by=users.admin) is True
    assert library.active_template("notice", orgs.hanoi) is None
    assert library.revert_template(kind, by=users.admin) is False


def test_a_replaced_template_stays_in_the_history(orgs, users):
    kind = library.kind_of("plan")
    first = library.upload_template(kind, upload(*LETTER), by=users.admin, name="Một")
    second = library.upload_template(kind, upload(*LETTER), by=users.admin, name="Hai")
    assert list(DocumentTemplate.objects.filter(kind="plan")) == [second]
    first = DocumentTemplate.all_objects.get(pk=first.pk)
    assert first.deleted_at is not None
    assert [(h.history_type, h.history_user) for h in first.history.order_by("history_id")] == [
        ("+", users.admin),
        ("~", users.admin),
    ]


@pytest.mark.parametrize(
    "lines, message",
    [
        (
            ("{{ subject }}", "{{ salary }}", "{%p for p in paragraphs %}", "{%p endfor %}"),
            "Unknown placeholder(s) {{ salary }}",
        ),
        (("{{ subject }}",), "lacks the placeholder(s) {{ paragraphs }}"),
        (("{{ subject }", "{{ paragraphs }}"), "tags are not valid"),
    ],
)
def test_a_bad_template_is_refused_naming_the_placeholder(orgs, users, lines, message):
    kind = library.kind_of("decision")
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        library.upload_template(kind, upload(*lines), by=users.admin)
    assert any(message in text for text in refused.value.messages), refused.value.messages
    assert DocumentTemplate.all_objects.count() == 0


@pytest.mark.parametrize("content", [b"", b"%PDF-1.4 nothing", b"PK\x03\x04broken", PNG])
def test_a_file_that_is_not_a_word_document_is_refused(users, content):
    kind = library.kind_of("decision")
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        library.upload_template(kind, SimpleUploadedFile("x.docx", content), by=users.admin)
    assert refused.value.messages == ["The file is not a Word document (.docx)."]
    assert DocumentTemplate.all_objects.count() == 0


def test_only_the_administrator_replaces_the_systems_template(orgs, users):
    kind = library.kind_of("decision")
    for user in (users.hanoi, users.central, users.viewer):
        with pytest.raises(PermissionDenied):
            library.upload_template(kind, upload(*LETTER), by=user)
    with pytest.raises(PermissionDenied):  # not another branch's
        library.upload_template(kind, upload(*LETTER), by=users.hanoi, organization=orgs.danang)
    assert DocumentTemplate.all_objects.count() == 0


def test_the_identity_paints_the_title_and_puts_its_logo_and_footer(orgs, users, settings):
    from django.core.files.base import ContentFile

    identity = Identity(
        organization=orgs.central,
        name_vi="Liên hiệp các tổ chức hữu nghị Việt Nam",
        primary_colour="#AA0000",
        footer="Số 105A Quán Thánh, Hà Nội",
    )
    identity.logo.save("logo.png", ContentFile(PNG), save=False)
    identity.save()
    content = library.render_draft(draft(orgs))
    document = Document(io.BytesIO(content))
    title = next(p for p in document.paragraphs if p.text == "QUYẾT ĐỊNH")
    assert str(title.runs[0].font.color.rgb) == "AA0000"
    assert len(document.inline_shapes) == 1  # the logo, in the heading
    assert document.sections[0].footer.paragraphs[0].text == "Số 105A Quán Thánh, Hà Nội"


def test_without_identity_the_built_in_colour_stays(orgs):
    document = Document(io.BytesIO(library.render_draft(draft(orgs))))
    title = next(p for p in document.paragraphs if p.text == "QUYẾT ĐỊNH")
    assert str(title.runs[0].font.color.rgb) == library.COLOUR_MARK
    assert len(document.inline_shapes) == 0


def test_a_template_file_is_read_once_per_version(tmp_path):
    path = tmp_path / "t.docx"
    path.write_bytes(b"one")
    library._read_file.cache_clear()
    assert library.file_bytes(path) == b"one"
    assert library.file_bytes(path) == b"one"
    assert library._read_file.cache_info().hits == 1
    path.write_bytes(b"two!")  # a new version: another size, read again
    assert library.file_bytes(path) == b"two!"


def test_render_draft_issues_a_fixed_number_of_queries(orgs, django_assert_max_num_queries):
    library.render_draft(draft(orgs))
    with django_assert_max_num_queries(8):
        library.render_draft(draft(orgs))


def test_the_sample_shows_every_field_the_context_lacks(orgs):
    kind = library.kind_of("training_certificate")
    lines = body(library.sample_docx(kind, orgs.hanoi))
    assert "«issuer_upper»" in lines
    assert "«name»" in lines
    with translation.override("en"):
        sample = body(library.sample_docx(library.kind_of("decision"), orgs.hanoi))
    assert sample == [
        "DECISION",
        "On the work of people-to-people diplomacy in the coming year",
        "Pursuant to the Charter of the Union of Friendship Organizations;",
        "The body of the document: a paragraph each, justified.",
    ]


def test_a_template_that_cannot_be_filled_is_refused(users):
    kind = library.kind_of("report")
    lines = ("{{ subject }}", "{{ paragraphs|nosuchfilter }}")
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        library.upload_template(kind, upload(*lines), by=users.admin)
    assert refused.value.messages[0].startswith(
        ("The template cannot be filled", "The template's tags are not valid")
    )
    assert DocumentTemplate.all_objects.count() == 0
