"""The template gallery and the identity page: who sees, uploads and reverts what; bad input
refused with a clear message and nothing written; the API's read-only views."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from docx import Document

from amity.documents import library
from amity.documents.forms.templates import LOGO_MAX_BYTES
from amity.documents.models import DocumentTemplate, Identity
from tests.documents.library.helpers import PNG, body, docx_bytes, upload

pytestmark = pytest.mark.django_db

GALLERY = reverse("documents:template_gallery")
IDENTITY = reverse("documents:identity")
LETTER = ("{{ subject }}", "{%p for p in paragraphs %}", "{{ p }}", "{%p endfor %}")


def kind_url(name, kind="decision"):
    return reverse(f"documents:template_{name}", args=[kind])


def test_anonymous_is_sent_to_log_in(client):
    for url in (GALLERY, IDENTITY, kind_url("kind"), kind_url("sample")):
        assert client.get(url)["Location"].startswith("/accounts/login/")
    assert client.post(kind_url("upload"), {"file": upload(*LETTER)}).status_code == 302
    assert DocumentTemplate.all_objects.count() == 0


def test_the_gallery_lists_every_kind_with_the_template_used(
    client, orgs, users, login, django_assert_max_num_queries
):
    library.upload_template(library.kind_of("plan"), upload(*LETTER), by=users.admin)
    login(users.hanoi)
    with django_assert_max_num_queries(12):
        response = client.get(GALLERY, {"lang": "en"})
    rows = {row["kind"].code: str(row["source"]) for row in response.context["rows"]}
    assert set(rows) == {kind.code for kind in library.kinds()}
    assert rows["plan"] == "the system's"
    assert rows["decision"] == "built-in"


def test_the_kind_page_previews_a_sample_and_lists_the_fields(client, orgs, users, login):
    login(users.hanoi)
    response = client.get(kind_url("kind", "award_decision"), {"lang": "en"})
    assert response.status_code == 200
    texts = [block["text"] for block in response.context["blocks"] if "text" in block]
    assert "«title»" in texts
    assert "recipients" in response.context["fields"]
    assert client.get(kind_url("kind", "nothing")).status_code == 404
    assert client.get("/documents/templates/%3Cb%3E/sample.docx").status_code == 404


def test_the_sample_and_the_template_download_as_word(client, orgs, users, login):
    login(users.hanoi)
    sample = client.get(kind_url("sample", "invitation"), {"lang": "vi"})
    assert sample["Content-Type"].endswith("wordprocessingml.document")
    assert body(sample.content)[0] == "GIẤY MỜI"
    template = client.get(kind_url("file", "invitation"))
    assert template.content == library.kind_of("invitation").builtin.read_bytes()


def test_the_administrator_replaces_the_systems_template(client, orgs, users, login):
    login(users.admin)
    data = {"file": upload("Mẫu mới: {{ subject }}", *LETTER[1:]), "name": "Mẫu 2027"}
    response = client.post(kind_url("upload"), data)
    assert response.status_code == 302
    record = DocumentTemplate.objects.get()
    assert (record.kind, record.organization, record.name) == ("decision", None, "Mẫu 2027")
    assert record.history.get().history_user == users.admin
    page = client.get(kind_url("kind"), {"lang": "en"})
    assert str(page.context["source"]) == "the system's"
    assert client.post(kind_url("revert"), {"organization": ""}).status_code == 302
    assert DocumentTemplate.objects.count() == 0


def test_an_officer_replaces_only_its_own_organizations(client, orgs, users, login):
    login(users.hanoi)
    theirs = {"file": upload(*LETTER), "organization": orgs.danang.pk}
    response = client.post(kind_url("upload"), theirs)
    assert response.status_code == 400
    assert response.context["upload_form"].errors["organization"]
    system = client.post(kind_url("upload"), {"file": upload(*LETTER), "organization": ""})
    assert system.status_code == 400
    assert DocumentTemplate.all_objects.count() == 0
    mine = {"file": upload(*LETTER), "organization": orgs.hanoi.pk}
    assert client.post(kind_url("upload"), mine).status_code == 302
    assert DocumentTemplate.objects.get().organization == orgs.hanoi


def test_a_viewer_may_not_upload(client, orgs, users, login):
    login(users.hanoi_viewer)
    data = {"file": upload(*LETTER), "organization": orgs.hanoi.pk}
    assert client.post(kind_url("upload"), data).status_code in (400, 403)
    assert client.post(kind_url("revert"), {"organization": orgs.hanoi.pk}).status_code in (
        400,
        403,
    )
    assert DocumentTemplate.all_objects.count() == 0


@pytest.mark.parametrize(
    "content, message",
    [
        (docx_bytes("{{ subject }}", "{{ paragraphs }}", "{{ password }}"), "{{ password }}"),
        (docx_bytes("{{ paragraphs }}"), "lacks the placeholder(s) {{ subject }}"),
        (b"GIF89a not a word file", "not a Word document"),
        ("Điều 1 — ĐŨ".encode(), "not a Word document"),
    ],
)
def test_a_bad_upload_is_the_form_again_naming_the_problem(
    client, orgs, users, login, content, message
):
    login(users.admin)
    data = {"file": SimpleUploadedFile("mau.docx", content), "organization": ""}
    response = client.post(kind_url("upload") + "?lang=en", data)
    assert response.status_code == 400
    errors = response.context["upload_form"].errors["file"]
    assert any(message in error for error in errors), errors
    assert DocumentTemplate.all_objects.count() == 0


def identity_post(**changes):
    return {
        "name_vi": "Liên hiệp các tổ chức hữu nghị Việt Nam",
        "name_en": "Viet Nam Union of Friendship Organizations",
        "short_name": "VUFO",
        "primary_colour": "#aa0000",
        "footer": "105A Quán Thánh, Ba Đình, Hà Nội",
        "version": "",
        **changes,
    }


def test_the_administrator_sets_the_identity(client, orgs, users, login):
    login(users.admin)
    data = identity_post(logo=SimpleUploadedFile("logo.png", PNG))
    assert client.post(IDENTITY, data).status_code == 302
    identity = Identity.objects.get()
    assert (identity.organization, identity.primary_colour, identity.short_name) == (
        orgs.central,
        "#AA0000",
        "VUFO",
    )
    assert identity.logo.name.startswith("documents/identity/")
    assert identity.history.get().history_user == users.admin
    changed = identity_post(footer="Hà Nội", version=identity.version)
    assert client.post(IDENTITY, changed).status_code == 302
    assert Identity.objects.get().footer == "Hà Nội"
    stale = identity_post(footer="Cũ", version=identity.version)
    assert client.post(IDENTITY, stale).status_code == 400
    assert Identity.objects.get().footer == "Hà Nội"


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"primary_colour": "red"}, "primary_colour"),
        ({"primary_colour": "#12345G"}, "primary_colour"),
        ({"logo": SimpleUploadedFile("logo.png", b"\x89PNG" + b"0" * LOGO_MAX_BYTES)}, "logo"),
        ({"logo": SimpleUploadedFile("logo.png", b"<svg></svg>")}, "logo"),
        ({"name_vi": ""}, "name_vi"),
    ],
)
def test_a_bad_identity_is_refused_and_nothing_written(client, orgs, users, login, changes, field):
    login(users.admin)
    response = client.post(IDENTITY, identity_post(**changes))
    assert response.status_code == 400
    assert list(response.context["form"].errors) == [field]
    assert Identity.all_objects.count() == 0


def test_only_the_administrator_edits_the_identity(client, orgs, users, login):
    for user in (users.central, users.hanoi, users.viewer):
        login(user)
        assert client.get(IDENTITY).status_code == 200
        assert client.post(IDENTITY, identity_post()).status_code == 403
    assert Identity.all_objects.count() == 0


def test_the_api_lists_kinds_and_the_templates_in_scope(client, orgs, users, login):
    kind = library.kind_of("report")
    mine = library.upload_template(kind, upload(*LETTER), by=users.hanoi, organization=orgs.hanoi)
    theirs = library.upload_template(
        kind, upload(*LETTER), by=users.danang, organization=orgs.danang
    )
    system = library.upload_template(kind, upload(*LETTER), by=users.admin)
    login(users.hanoi)
    kinds = client.get("/api/documents/template-kinds/").json()
    report = next(row for row in kinds if row["code"] == "report")
    assert report["required"] == ["paragraphs", "subject"]
    ids = [row["id"] for row in client.get("/api/documents/templates/").json()["results"]]
    assert sorted(ids) == sorted([mine.pk, system.pk])
    assert client.get(f"/api/documents/templates/{theirs.pk}/").status_code == 404
    for value in ("", "<script>", "ĐŨ\x00", "9" * 50):
        assert (
            client.get("/api/documents/templates/", {"q": value, "kind": value}).status_code == 200
        )
        assert client.get("/api/documents/template-kinds/", {"q": value}).status_code == 200
    assert client.get("/api/documents/identity/").status_code == 200


def test_a_certificate_sample_is_not_a_letter(client, orgs, users, login):
    login(users.hanoi)
    sample = client.get(kind_url("sample", "training_certificate"))
    assert Document(io.BytesIO(sample.content)).tables == []
