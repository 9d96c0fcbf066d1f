"""The generic view, import/export and API tests of every model of agreements."""

from datetime import date

from amity.agreements import models
from amity.agreements.views import agreements as views
from tests.agreements import builders as build
from tests.generic import ModelTestCase

API = "/api/agreements"


class TestVietnameseAgency(ModelTestCase):
    views = views.VietnameseAgencyViews
    api_url = f"{API}/vietnamese-agencies/"
    edit_field = "name_en"
    edit_value = "Ministry of Health"
    bad_import = {"kind": "palace"}
    api_bad_data = {"kind": "palace"}

    def build(self, orgs, owner, index=0):
        return models.VietnameseAgency(
            name_vi=f"Sở Ngoại vụ {index}", kind="department", organization=owner
        )

    def form_data(self, orgs):
        return {"name_vi": "Bộ Y tế", "kind": "ministry", "organization": orgs.hanoi.pk}

    def expected(self, orgs):
        return {"name_vi": "Bộ Y tế", "kind": "ministry", "organization": orgs.hanoi}


class TestAgreement(ModelTestCase):
    views = views.AgreementViews
    api_url = f"{API}/agreements/"
    edit_field = "title_en"
    edit_value = "Cooperation agreement 2027-2031"
    bad_import = {"kind": "treaty"}
    api_bad_data = {"kind": "treaty"}

    def build(self, orgs, owner, index=0):
        return models.Agreement(
            kind="mou",
            title_vi=f"Biên bản ghi nhớ {index}",
            organization=owner,
            ends_on=build.TODAY.replace(year=build.TODAY.year + 3),
        )

    def form_data(self, orgs):
        self.partner = build.partner(orgs.hanoi, 900)
        return {
            "kind": "cooperation",
            "title_vi": "Thỏa thuận hợp tác giai đoạn 2027–2031",
            "organization": orgs.hanoi.pk,
            "partners": [self.partner.pk],
            "signed_at": "Hà Nội",
            "starts_on": "01/01/2027",
            "ends_on": "31/12/2031",
            "renewal": "mutual",
            "status": "negotiating",
            "languages": "vi, en",
        }

    def api_data(self, orgs):
        return {**self.form_data(orgs), "starts_on": "2027-01-01", "ends_on": "2031-12-31"}

    def expected(self, orgs):
        return {
            "organization": orgs.hanoi,
            "kind": "cooperation",
            "ends_on": date(2031, 12, 31),
            "renewal": "mutual",
            "status": "negotiating",
            "signed_on": None,
        }


class TestSigner(ModelTestCase):
    views = views.SignerViews
    api_url = f"{API}/agreement-signers/"
    edit_field = "position"
    edit_value = "Chủ tịch"
    bad_import = {"side": "middle"}
    api_bad_data = {"side": "middle"}

    def build(self, orgs, owner, index=0):
        return models.Signer(
            agreement=build.agreement(owner, index), name=f"Nguyễn Văn {index}", side="ours"
        )

    def form_data(self, orgs):
        self.agreement = build.agreement(orgs.hanoi, 900)
        return {"agreement": self.agreement.pk, "name": "Jane Doe", "side": "partner"}

    def expected(self, orgs):
        return {"agreement": self.agreement, "name": "Jane Doe", "side": "partner"}


class TestAgreementFile(ModelTestCase):
    views = views.AgreementFileViews
    api_url = f"{API}/agreement-files/"
    edit_field = "title"
    edit_value = "Bản tiếng Anh"
    bad_import = {"agreement": "abc"}
    api_bad_data = {"agreement": "abc"}

    def build(self, orgs, owner, index=0):
        return models.AgreementFile(
            agreement=build.agreement(owner, index),
            title=f"Bản ký {index}",
            file=build.pdf(f"ban-ky-{index}.pdf"),
        )

    def form_data(self, orgs):
        self.agreement = build.agreement(orgs.hanoi, 900)
        return {
            "agreement": self.agreement.pk,
            "title": "Bản ký",
            "language": "vi",
            "is_signed": "on",
            "upload": build.pdf_upload("ban-ky.pdf"),
        }

    def expected(self, orgs):
        return {
            "agreement": self.agreement,
            "original_name": "ban-ky.pdf",
            "size": len(build.PDF),
            "is_signed": True,
        }

    def api_data(self, orgs):
        data = self.form_data(orgs)
        data.pop("upload")
        data["is_signed"] = True
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
        data["is_signed"] = "true"
        response = client.post(self.api_url, data)
        assert response.status_code == 201, response.json()
        record = self.model.objects.get(pk=response.json()["id"])
        for attribute, value in self.expected(orgs).items():
            assert getattr(record, attribute) == value, attribute
        assert record.history.get().history_user == users.hanoi

    def test_the_file_is_downloaded_within_scope(self, client, orgs, users, login):
        mine, theirs = self.make(orgs, orgs.hanoi, 0), self.make(orgs, orgs.danang, 1)
        login(users.hanoi)
        url = "/agreements/agreement-files/{}/download/"
        response = client.get(url.format(mine.pk))
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == build.PDF
        assert client.get(url.format(theirs.pk)).status_code == 404


class TestReview(ModelTestCase):
    views = views.ReviewViews
    api_url = f"{API}/agreement-reviews/"
    edit_field = "outcome"
    edit_value = "Hai bên thống nhất tiếp tục hợp tác."
    bad_import = {"due_on": "31/02/2030"}
    api_bad_data = {"due_on": "soon"}

    def build(self, orgs, owner, index=0):
        return models.Review(agreement=build.agreement(owner, index), due_on=date(2030, 6, 1))

    def form_data(self, orgs):
        self.agreement = build.agreement(orgs.hanoi, 900)
        return {"agreement": self.agreement.pk, "due_on": "15/06/2030"}

    def api_data(self, orgs):
        return {**self.form_data(orgs), "due_on": "2030-06-15"}

    def expected(self, orgs):
        return {"agreement": self.agreement, "due_on": date(2030, 6, 15), "held_on": None}


class TestCommitment(ModelTestCase):
    views = views.CommitmentViews
    api_url = f"{API}/agreement-commitments/"
    edit_field = "description"
    edit_value = "Đón đoàn thanh niên sang giao lưu"
    bad_import = {"status": "forgotten"}
    api_bad_data = {"status": "forgotten"}

    def build(self, orgs, owner, index=0):
        return models.Commitment(
            agreement=build.agreement(owner, index),
            description=f"Trao đổi đoàn {index}",
            organization=owner,
            due_on=date(2030, 6, 1),
        )

    def form_data(self, orgs):
        self.agreement = build.agreement(orgs.hanoi, 900)
        return {
            "agreement": self.agreement.pk,
            "description": "Tổ chức hội thảo chung",
            "organization": orgs.hanoi_member.pk,
            "due_on": "30/09/2030",
            "status": "in_progress",
        }

    def api_data(self, orgs):
        return {**self.form_data(orgs), "due_on": "2030-09-30"}

    def expected(self, orgs):
        return {
            "agreement": self.agreement,
            "organization": orgs.hanoi_member,
            "due_on": date(2030, 9, 30),
            "status": "in_progress",
        }
