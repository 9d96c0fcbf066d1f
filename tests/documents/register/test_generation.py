"""Generation from a record: a test-only draft for organizations (the registry entry's `draft`
patched), its page, its Word download, its issue, and the PDF made by a converter on PATH (a
small real program standing for LibreOffice) or said to be missing."""

import io
import os
import stat
import sys

import pytest
from docx import Document

from amity.core.registry import registry
from amity.documents.drafting import Draft
from amity.documents.generation import drafted_from, panel_context
from amity.documents.models import RegisterEntry, RegisterFile, Term
from amity.documents.pdf import convert_to_pdf

pytestmark = pytest.mark.django_db

FAKE_SOFFICE = f"""#!{sys.executable}
# Stands for LibreOffice: writes <outdir>/<name>.pdf for the document it is given.
import pathlib, sys
args = sys.argv[1:]
outdir = pathlib.Path(args[args.index("--outdir") + 1])
source = pathlib.Path(args[-1])
(outdir / (source.stem + ".pdf")).write_bytes(b"%PDF-1.4 fake of " + source.name.encode())
"""


def fake_draft(organization) -> Draft:
    return Draft(
        kind="official_letter",
        issuer=organization,
        subject=f"V/v kiện toàn tổ chức {organization.name}",
        paragraphs=["Đoạn thứ nhất.", "Đoạn thứ hai."],
        recipients=["Như trên", "Lưu: VT"],
        signer_name="Nguyễn Văn An",
    )


@pytest.fixture
def drafts(monkeypatch):
    entry = registry.entry("organizations.Organization")
    monkeypatch.setattr(entry, "draft", f"{__name__}.fake_draft")


@pytest.fixture
def no_converter(monkeypatch, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))


@pytest.fixture
def fake_converter(monkeypatch, tmp_path):
    folder = tmp_path / "bin"
    folder.mkdir()
    program = folder / "soffice"
    program.write_text(FAKE_SOFFICE)
    program.chmod(program.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ['PATH']}")


def url(record):
    return f"/documents/draft/organizations/organization/{record.pk}/"


def post(record, action, **changes):
    data = {
        "subject": "V/v kiện toàn Ban Thường vụ",
        "paragraphs": "Đoạn một.\n\nĐoạn hai.",
        "recipients": "Như trên\nLưu: VT",
        "signer_name": "Nguyễn Văn An",
        "action": action,
        **changes,
    }
    return url(record), data


def test_the_draft_page_shows_the_draft(
    client, orgs, users, login, drafts, django_assert_max_num_queries
):
    login(users.hanoi)
    with django_assert_max_num_queries(7):  # with the navigation bell's unread count
        response = client.get(url(orgs.hanoi))
    assert response.status_code == 200
    assert response.context["form"].initial["paragraphs"] == "Đoạn thứ nhất.\n\nĐoạn thứ hai."
    assert response.context["may_issue"] is True


def test_a_record_out_of_sight_or_without_drafts_is_404(client, orgs, users, login, drafts):
    login(users.hanoi)
    assert client.get(url(orgs.danang)).status_code == 404
    assert client.post(*post(orgs.danang, "issue")).status_code == 404
    assert client.get("/documents/draft/training/programme/1/").status_code == 404
    assert client.get("/documents/draft/nothing/here/1/").status_code == 404
    assert not RegisterEntry.all_objects.exists()


def test_the_draft_docx_is_unnumbered_and_edited(client, orgs, users, login, drafts):
    login(users.hanoi)
    response = client.post(*post(orgs.hanoi, "download"))
    assert response.status_code == 200
    text = [p.text for p in Document(io.BytesIO(response.content)).paragraphs]
    assert "Đoạn hai." in text
    assert not RegisterEntry.all_objects.exists()


def test_issue_numbers_registers_and_stores_in_one_go(
    client, orgs, users, login, drafts, fake_converter, django_capture_on_commit_callbacks
):
    login(users.hanoi)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(*post(orgs.hanoi, "issue"))
    entry = RegisterEntry.objects.get()
    assert response.status_code == 302
    assert response["Location"] == entry.get_absolute_url()
    assert (entry.organization, entry.number, entry.source) == (orgs.hanoi, 1, orgs.hanoi)
    assert entry.subject == "V/v kiện toàn Ban Thường vụ"
    assert entry.recipients == "Như trên\nLưu: VT"
    stored = RegisterFile.objects.get(entry=entry)
    with stored.file.open("rb") as handle:
        document = Document(io.BytesIO(handle.read()))
    assert any(entry.reference in p.text for p in document.paragraphs + _cells(document))
    assert stored.pdf_status == "ready"
    page = client.get(entry.get_absolute_url())
    assert f"/documents/register-files/{stored.pk}/pdf/" in page.content.decode()
    pdf = client.get(f"/documents/register-files/{stored.pk}/pdf/")
    assert b"".join(pdf.streaming_content).startswith(b"%PDF-1.4 fake of document.docx")
    assert list(drafted_from(orgs.hanoi, users.hanoi)) == [entry]
    assert list(drafted_from(orgs.hanoi, users.danang)) == []
    assert panel_context(orgs.hanoi, users.hanoi)["draft_url"] == url(orgs.hanoi)


def _cells(document):
    return [
        p
        for table in document.tables
        for row in table.rows
        for cell in row.cells
        for p in cell.paragraphs
    ]


def test_without_a_converter_the_pdf_says_so(
    client, orgs, users, login, drafts, no_converter, django_capture_on_commit_callbacks
):
    login(users.hanoi)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        client.post(*post(orgs.hanoi, "issue"))
    # no task was queued: the only callback is the search index's update of the new entry
    assert [callback.__module__ for callback in callbacks] == ["amity.core.search"]
    stored = RegisterFile.objects.get()
    assert stored.pdf_status == "unavailable"
    page = client.get(stored.entry.get_absolute_url()).content.decode()
    assert "PDF unavailable: no converter installed" in page


def test_the_task_marks_a_file_unavailable_when_the_converter_went(
    orgs, users, drafts, fake_converter, no_converter
):
    from django.core.files.base import ContentFile

    from tests.documents.register import builders as build

    stored = RegisterFile(entry=build.entry(orgs.hanoi), title="x")
    stored.file.save("x.docx", ContentFile(b"PK\x03\x04"), save=False)
    stored.save()
    assert convert_to_pdf.call(stored.pk) == "unavailable"
    assert RegisterFile.objects.get().pdf_status == "unavailable"


def test_a_viewer_may_not_issue(client, orgs, users, login, drafts):
    login(users.hanoi_viewer)
    assert client.get(url(orgs.hanoi)).context["may_issue"] is False
    assert client.post(*post(orgs.hanoi, "issue")).status_code == 403
    assert not RegisterEntry.all_objects.exists()


def test_bad_input_is_the_form_again(client, orgs, users, login, drafts):
    login(users.hanoi)
    response = client.post(*post(orgs.hanoi, "issue", subject="", paragraphs="x" * 60_000))
    assert response.status_code == 400
    assert set(response.context["form"].errors) == {"subject", "paragraphs"}
    assert not RegisterEntry.all_objects.exists()


def test_the_glossary_names_the_type_in_the_register(client, orgs, users, login):
    from tests.documents.register import builders as build

    Term.objects.update_or_create(
        key="document_type.official_letter",
        defaults={"category": "document_type", "vi": "Công văn", "en": "Letter (edited)"},
    )
    entry = build.entry(orgs.hanoi)
    login(users.hanoi)
    assert "Letter (edited)" in client.get("/documents/register/").content.decode()
    assert "Letter (edited)" in client.get(entry.get_absolute_url()).content.decode()
