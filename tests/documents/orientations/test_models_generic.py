"""The generic view, import/export and API tests of every model of the work orientations."""

from datetime import date

from amity.documents import models
from amity.documents.views import orientations as views
from tests.documents.orientations import builders as build
from tests.generic import ModelTestCase

API = "/api/documents"


class TestOrientation(ModelTestCase):
    views = views.OrientationViews
    api_url = f"{API}/orientations/"
    edit_field = "title"
    edit_value = "Định hướng công tác đối ngoại nhân dân năm 2031"
    bad_import = {"kind": "everything"}
    api_bad_data = {"kind": "everything"}

    def build(self, orgs, owner, index=0):
        # a draft: the centre's issued orientations are everyone's, these are their owner's
        return models.Orientation(
            organization=owner, year=2030, title=f"Định hướng {index}", status="draft"
        )

    def form_data(self, orgs):
        return {
            "organization": orgs.hanoi.pk,
            "year": 2031,
            "kind": "region",
            "title": "Định hướng công tác với châu Âu",
            "region": "europe",
            "status": "issued",
            "issued_on": "10/01/2031",
        }

    def api_data(self, orgs):
        return {**self.form_data(orgs), "issued_on": "2031-01-10"}

    def expected(self, orgs):
        return {
            "organization": orgs.hanoi,
            "year": 2031,
            "kind": "region",
            "region": "europe",
            "status": "issued",
            "issued_on": date(2031, 1, 10),
        }


class TestOrientationTask(ModelTestCase):
    views = views.TaskViews
    api_url = f"{API}/orientation-tasks/"
    edit_field = "title"
    edit_value = "Tổng kết công tác năm"
    bad_import = {"due_on": "31/02/2031"}
    api_bad_data = {"due_on": "someday"}

    def build(self, orgs, owner, index=0):
        orientation = build.orientation(owner, index, status="draft", issued_on=None)
        return models.OrientationTask(orientation=orientation, order=1, title=f"Nhiệm vụ {index}")

    def form_data(self, orgs):
        self.orientation = build.orientation(orgs.hanoi, 900)
        return {
            "orientation": self.orientation.pk,
            "order": 3,
            "title": "Vận động viện trợ",
            "due_on": "30/06/2031",
        }

    def api_data(self, orgs):
        return {**self.form_data(orgs), "due_on": "2031-06-30"}

    def expected(self, orgs):
        return {"orientation": self.orientation, "order": 3, "due_on": date(2031, 6, 30)}


class TestRecipient(ModelTestCase):
    views = views.RecipientViews
    api_url = f"{API}/orientation-recipients/"
    edit_field = "acknowledged_by"
    edit_value = "Nguyễn Văn An"
    bad_import = {"acknowledged_on": "31/02/2030"}
    api_bad_data = {"acknowledged_on": "soon"}

    def build(self, orgs, owner, index=0):
        # sent by the organization itself (a Union sends its orientation to its own members)
        orientation = build.orientation(owner, index, status="draft", issued_on=None)
        models.Orientation.objects.filter(pk=orientation.pk).update(
            status="issued", issued_on=build.ISSUED_ON
        )
        orientation.refresh_from_db()
        return models.Recipient(
            orientation=orientation,
            organization=owner,
            acknowledged_on=date(2030, 1, 20),
            acknowledged_by=f"Văn phòng {index}",
        )

    def form_data(self, orgs):
        self.orientation = build.orientation(orgs.hanoi, 900, status="draft", issued_on=None)
        models.Orientation.objects.filter(pk=self.orientation.pk).update(
            status="issued", issued_on=build.ISSUED_ON
        )
        return {
            "orientation": self.orientation.pk,
            "organization": orgs.hanoi_member.pk,
            "acknowledged_on": "20/01/2030",
            "acknowledged_by": "Chủ tịch Hội",
        }

    def api_data(self, orgs):
        return {**self.form_data(orgs), "acknowledged_on": "2030-01-20"}

    def expected(self, orgs):
        return {
            "orientation": self.orientation,
            "organization": orgs.hanoi_member,
            "acknowledged_on": date(2030, 1, 20),
        }


def _recipient_of(owner, index):
    """`owner`'s row of an orientation issued by the organization above it."""
    orientation = build.orientation(owner.parent, 500 + index, status="draft", issued_on=None)
    models.Orientation.objects.filter(pk=orientation.pk).update(
        status="issued", issued_on=build.ISSUED_ON
    )
    orientation.refresh_from_db()
    return build.recipient(orientation, owner)


class TestTaskReport(ModelTestCase):
    views = views.TaskReportViews
    api_url = f"{API}/orientation-reports/"
    edit_field = "note"
    edit_value = "Đã tổ chức ba hoạt động."
    bad_import = {"progress": "halfway"}
    api_bad_data = {"progress": "halfway"}

    def build(self, orgs, owner, index=0):
        recipient = _recipient_of(owner, index)
        task = build.task(recipient.orientation, 1)
        return models.TaskReport(recipient=recipient, task=task, progress="in_progress")

    def form_data(self, orgs):
        self.recipient = _recipient_of(orgs.hanoi, 900)
        self.task = build.task(self.recipient.orientation, 2)
        return {
            "recipient": self.recipient.pk,
            "task": self.task.pk,
            "progress": "done",
            "note": "Hoàn thành",
            "reported_on": "01/03/2030",
        }

    def api_data(self, orgs):
        return {**self.form_data(orgs), "reported_on": "2030-03-01"}

    def expected(self, orgs):
        return {"recipient": self.recipient, "task": self.task, "progress": "done"}


class TestEvidence(ModelTestCase):
    views = views.EvidenceViews
    api_url = f"{API}/orientation-evidence/"
    edit_field = "title"
    edit_value = "Biên bản hội nghị"
    bad_import = {"report": "abc"}
    api_bad_data = {"report": "abc"}

    def build(self, orgs, owner, index=0):
        recipient = _recipient_of(owner, index)
        report = build.report(recipient, build.task(recipient.orientation, 1))
        return models.Evidence(report=report, title=f"Minh chứng {index}", file=build.pdf())

    def form_data(self, orgs):
        recipient = _recipient_of(orgs.hanoi, 900)
        self.report = build.report(recipient, build.task(recipient.orientation, 1))
        return {"report": self.report.pk, "title": "Ảnh", "upload": build.pdf_upload("anh.pdf")}

    def expected(self, orgs):
        return {"report": self.report, "original_name": "anh.pdf", "size": len(build.PDF)}

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
        record = self.model.objects.get(pk=response.json()["id"])
        for attribute, value in self.expected(orgs).items():
            assert getattr(record, attribute) == value, attribute
        assert record.history.get().history_user == users.hanoi

    def test_the_file_is_downloaded_within_scope(self, client, orgs, users, login):
        mine, theirs = self.make(orgs, orgs.hanoi, 0), self.make(orgs, orgs.danang, 1)
        login(users.hanoi)
        url = "/documents/evidence/{}/download/"
        response = client.get(url.format(mine.pk))
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == build.PDF
        assert client.get(url.format(theirs.pk)).status_code == 404
