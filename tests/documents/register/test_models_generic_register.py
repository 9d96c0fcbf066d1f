"""The generic view, import/export and API tests of the register's models and the glossary."""

from amity.core.letterhead import abbreviation_of
from amity.documents.models import RegisterEntry, RegisterFile, Term
from amity.documents.views import glossary, register
from tests.documents.register import builders as build
from tests.generic import ModelTestCase

API = "/api/documents"


class TestRegisterEntry(ModelTestCase):
    views = register.RegisterEntryViews
    api_url = f"{API}/register/"
    edit_field = "subject"
    edit_value = "V/v tổ chức Hội nghị tổng kết công tác đối ngoại nhân dân năm 2026"
    bad_import = {"issued_on": "31/02/2026"}
    api_bad_data = {"document_type": "nothing"}
    derived_fields = ("search_text",)

    def build(self, orgs, owner, index=0):
        return RegisterEntry(
            organization=owner,
            direction="outgoing",
            document_type="official_letter",
            number=1000 + index,
            symbol="CV-TEST",
            issued_on=build.DAY,
            year=build.DAY.year,  # a bulk insert derives nothing
            subject=f"V/v phối hợp hoạt động {index}",
        )

    def form_data(self, orgs):
        return {
            "organization": orgs.hanoi.pk,
            "direction": "outgoing",
            "document_type": "decision",
            "issued_on": "12/03/2026",
            "recipients": "Liên hiệp các tổ chức hữu nghị Việt Nam",
            "subject": "V/v thành lập Ban tổ chức Ngày hội hữu nghị",
            "signer": "Trần Thị Bình",
        }

    def api_data(self, orgs):
        return {**self.form_data(orgs), "issued_on": "2026-03-12"}

    def expected(self, orgs):
        hanoi = orgs.hanoi
        return {
            "organization": hanoi,
            "number": 1,
            "year": 2026,
            "symbol": f"QĐ-{abbreviation_of(hanoi.name, hanoi.short_name)}",
            "signer": "Trần Thị Bình",
        }


class TestRegisterFile(ModelTestCase):
    views = register.RegisterFileViews
    api_url = f"{API}/register-files/"
    edit_field = "title"
    edit_value = "Bản ký số"
    bad_import = {"entry": "abc"}
    api_bad_data = {"entry": "abc"}

    def build(self, orgs, owner, index=0):
        return RegisterFile(
            entry=build.entry(owner, index), title=f"Bản ký {index}", file=build.pdf()
        )

    def form_data(self, orgs):
        self.entry = build.entry(orgs.hanoi, 900)
        return {"entry": self.entry.pk, "title": "Bản ký", "upload": build.pdf_upload("ban-ky.pdf")}

    def expected(self, orgs):
        return {"entry": self.entry, "original_name": "ban-ky.pdf", "size": len(build.PDF)}

    def api_data(self, orgs):
        data = self.form_data(orgs)
        data.pop("upload")
        return data

    def edit_post(self, record, orgs, **overrides):
        data = super().edit_post(record, orgs, **overrides)
        data.pop("upload")  # the file stays as it is
        return data

    def test_api_creates_with_history(self, client, orgs, users, login):
        """A file travels as multipart form data, not JSON."""
        login(users.hanoi)
        data = self.form_data(orgs)
        data["file"] = data.pop("upload")
        response = client.post(self.api_url, data)
        assert response.status_code == 201, response.json()
        record = RegisterFile.objects.get(pk=response.json()["id"])
        for attribute, value in self.expected(orgs).items():
            assert getattr(record, attribute) == value, attribute
        assert record.history.get().history_user == users.hanoi

    def test_the_file_is_downloaded_within_scope(self, client, orgs, users, login):
        mine, theirs = self.make(orgs, orgs.hanoi, 0), self.make(orgs, orgs.danang, 1)
        login(users.hanoi)
        url = "/documents/register-files/{}/download/"
        response = client.get(url.format(mine.pk))
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == build.PDF
        assert client.get(url.format(theirs.pk)).status_code == 404
        # no PDF was made of a PDF: its PDF address is not found, not a server error
        assert client.get(f"/documents/register-files/{mine.pk}/pdf/").status_code == 404


class TestTerm(ModelTestCase):
    views = glossary.TermViews
    api_url = f"{API}/glossary/"
    edit_field = "en"
    edit_value = "Friendship day"
    bad_import = {"category": "nothing"}
    api_bad_data = {"category": "nothing"}

    def build(self, orgs, owner, index=0):
        return Term(
            organization=owner,
            key=f"other.term_{index}",
            category="other",
            vi=f"Thuật ngữ {index}",
        )

    def form_data(self, orgs):
        return {
            "organization": orgs.hanoi.pk,
            "key": "other.friendship_day",
            "category": "other",
            "vi": "Ngày hội hữu nghị",
            "en": "Friendship festival",
        }

    def expected(self, orgs):
        return {
            "organization": orgs.hanoi,
            "key": "other.friendship_day",
            "vi": "Ngày hội hữu nghị",
        }
