"""The generic view, import/export and API tests of every model of training."""

from decimal import Decimal

from amity.training import models
from amity.training.views import courses, enrolment, programmes
from tests.generic import ModelTestCase
from tests.training import builders as build

API = "/api/training"


def day(value) -> str:
    return value.strftime("%d/%m/%Y")


class TestProgramme(ModelTestCase):
    views = programmes.ProgrammeViews
    api_url = f"{API}/training-programmes/"
    edit_field = "title_en"
    edit_value = "Training of local Union leaders"
    bad_import = {"target_group": "nobody"}
    api_bad_data = {"target_group": "nobody"}

    def build(self, orgs, owner, index=0):
        return models.Programme(
            organization=owner,
            title_vi=f"Chương trình bồi dưỡng {index}",
            target_group="local_leaders",
        )

    def form_data(self, orgs):
        return {
            "organization": orgs.hanoi.pk,
            "title_vi": "Bồi dưỡng cán bộ mới",
            "goals": "Nắm vững đường lối đối ngoại nhân dân.",
            "target_group": "new_staff",
            "required_hours": 24,
        }

    def expected(self, orgs):
        return {"organization": orgs.hanoi, "target_group": "new_staff", "required_hours": 24}


class TestModule(ModelTestCase):
    views = programmes.ModuleViews
    api_url = f"{API}/training-modules/"
    edit_field = "title_en"
    edit_value = "Protocol in people-to-people diplomacy"
    bad_import = {"topic": "nothing"}
    api_bad_data = {"topic": "nothing"}

    def build(self, orgs, owner, index=0):
        return models.Module(
            programme=build.programme(owner, index),
            topic="protocol",
            title_vi=f"Lễ tân {index}",
            hours=8,
        )

    def form_data(self, orgs):
        self.programme = build.programme(orgs.hanoi, 900)
        return {
            "programme": self.programme.pk,
            "order": 2,
            "topic": "ngo_aid",
            "title_vi": "Quản lý viện trợ phi chính phủ nước ngoài",
            "hours": 6,
        }

    def expected(self, orgs):
        return {"programme": self.programme, "order": 2, "topic": "ngo_aid", "hours": 6}


class TestCourse(ModelTestCase):
    views = courses.CourseViews
    api_url = f"{API}/courses/"
    edit_field = "title_en"
    edit_value = "Course for local Union leaders"
    bad_import = {"starts_on": "31/02/2030"}
    api_bad_data = {"status": "sleeping"}

    def build(self, orgs, owner, index=0):
        return models.Course(
            programme=build.programme(owner, index),
            organization=owner,
            title_vi=f"Khóa bồi dưỡng {index}",
            starts_on=build.START,
            ends_on=build.END,
            nomination_deadline=build.DEADLINE,
            status="open",
        )

    def form_data(self, orgs):
        self.programme = build.programme(orgs.central, 900)  # the centre's, seen below it
        return {
            "programme": self.programme.pk,
            "organization": orgs.hanoi.pk,
            "title_vi": "Bồi dưỡng cán bộ hội cơ sở",
            "starts_on": "01/06/2030",
            "ends_on": "05/06/2030",
            "place": "Hội trường Liên hiệp",
            "capacity": 40,
            "nomination_deadline": "15/05/2030",
            "status": "open",
        }

    def api_data(self, orgs):
        return {
            **self.form_data(orgs),
            "starts_on": "2030-06-01",
            "ends_on": "2030-06-05",
            "nomination_deadline": "2030-05-15",
        }

    def expected(self, orgs):
        from datetime import date

        return {
            "programme": self.programme,
            "organization": orgs.hanoi,
            "ends_on": date(2030, 6, 5),
            "capacity": 40,
            "status": "open",
            "is_online": False,
        }


class TestSession(ModelTestCase):
    views = courses.SessionViews
    api_url = f"{API}/course-sessions/"
    edit_field = "outside_lecturer"
    edit_value = "PGS. TS. Trần Văn Bình"
    bad_import = {"starts_at": "not a time"}
    api_bad_data = {"starts_at": "not a time"}

    def build(self, orgs, owner, index=0):
        return models.Session(
            course=build.course(owner, index),
            starts_at=build.at(build.START, 8),
            ends_at=build.at(build.START, 10),
            outside_lecturer=f"Giảng viên {index}",
        )

    def form_data(self, orgs):
        self.course = build.course(orgs.hanoi, 900)
        return {
            "course": self.course.pk,
            "starts_at": f"{day(build.START)} 13:30",
            "ends_at": f"{day(build.START)} 16:30",
            "outside_lecturer": "TS. Lê Thị Hoa",
        }

    def api_data(self, orgs):
        data = self.form_data(orgs)
        return {
            **data,
            "starts_at": build.at(build.START, 13, 30).isoformat(),
            "ends_at": build.at(build.START, 16, 30).isoformat(),
        }

    def expected(self, orgs):
        return {
            "course": self.course,
            "starts_at": build.at(build.START, 13, 30),
            "ends_at": build.at(build.START, 16, 30),
            "outside_lecturer": "TS. Lê Thị Hoa",
        }


class TestQuota(ModelTestCase):
    views = courses.QuotaViews
    api_url = f"{API}/course-quotas/"
    edit_field = "places"
    edit_value = 7
    bad_import = {"places": "nhiều"}
    api_bad_data = {"places": -1}

    def build(self, orgs, owner, index=0):
        return models.Quota(course=build.course(owner, index), organization=owner, places=3)

    def form_data(self, orgs):
        self.course = build.course(orgs.hanoi, 900)
        return {"course": self.course.pk, "organization": orgs.hanoi_member.pk, "places": 4}

    def expected(self, orgs):
        return {"course": self.course, "organization": orgs.hanoi_member, "places": 4}


class TestMaterial(ModelTestCase):
    views = courses.MaterialViews
    api_url = f"{API}/course-materials/"
    edit_field = "title"
    edit_value = "Bài giảng lễ tân đối ngoại"
    bad_import = {"course": "abc"}
    api_bad_data = {"course": "abc"}

    def build(self, orgs, owner, index=0):
        return models.Material(
            course=build.course(owner, index),
            title=f"Tài liệu {index}",
            file=build.pdf(f"tai-lieu-{index}.pdf"),
        )

    def form_data(self, orgs):
        self.course = build.course(orgs.hanoi, 900)
        return {
            "course": self.course.pk,
            "title": "Đề cương",
            "upload": build.pdf_upload("de-cuong.pdf"),
        }

    def expected(self, orgs):
        return {"course": self.course, "original_name": "de-cuong.pdf", "size": len(build.PDF)}

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
        url = "/training/materials/{}/download/"
        response = client.get(url.format(mine.pk))
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == build.PDF
        assert client.get(url.format(theirs.pk)).status_code == 404


class TestNomination(ModelTestCase):
    views = enrolment.NominationViews
    api_url = f"{API}/nominations/"
    edit_field = "note"
    edit_value = "Phó Chủ tịch phụ trách công tác đối ngoại nhân dân"
    bad_import = {"course": "abc"}
    api_bad_data = {"course": "abc"}

    def build(self, orgs, owner, index=0):
        return models.Nomination(
            course=build.course(owner, index),
            person=build.person(owner, index),
            organization=owner,
            state="nominated",
        )

    def form_data(self, orgs):
        self.course = build.course(orgs.central, 900)
        build.quota(self.course, orgs.hanoi, places=2)
        self.person = build.person(orgs.hanoi, 900)
        return {
            "course": self.course.pk,
            "organization": orgs.hanoi.pk,
            "person": self.person.pk,
            "note": "Cán bộ phụ trách đối ngoại",
        }

    def expected(self, orgs):
        return {
            "course": self.course,
            "organization": orgs.hanoi,
            "person": self.person,
            "state": "nominated",
        }


class TestAttendance(ModelTestCase):
    views = enrolment.AttendanceViews
    api_url = f"{API}/course-attendance/"
    edit_field = "present"
    edit_value = False
    bad_import = {"nomination": "abc"}
    api_bad_data = {"nomination": "abc"}

    def build(self, orgs, owner, index=0):
        nomination = build.nomination(owner, index)
        return models.Attendance(
            session=build.session(nomination.course), nomination=nomination, present=True
        )

    def form_data(self, orgs):
        self.nomination = build.nomination(orgs.hanoi, 900)
        self.session = build.session(self.nomination.course)
        return {"session": self.session.pk, "nomination": self.nomination.pk, "present": "on"}

    def api_data(self, orgs):
        return {**self.form_data(orgs), "present": True}

    def expected(self, orgs):
        return {"session": self.session, "nomination": self.nomination, "present": True}


class TestResult(ModelTestCase):
    views = enrolment.ResultViews
    api_url = f"{API}/course-results/"
    edit_field = "score"
    edit_value = "9.25"
    edit_expected = Decimal("9.25")
    bad_import = {"score": "chín"}
    api_bad_data = {"score": "abc"}

    def build(self, orgs, owner, index=0):
        return models.Result(
            nomination=build.nomination(owner, index),
            completed=True,
            score=Decimal("8.50"),
            certificate_number=f"CC-B{index:03d}",
            issued_on=build.END,
        )

    def form_data(self, orgs):
        self.nomination = build.nomination(orgs.hanoi, 900)
        return {
            "nomination": self.nomination.pk,
            "completed": "on",
            "passed": "true",
            "score": "8.75",
            "certificate_number": "CC-001",
            "issued_on": day(build.END),
        }

    def api_data(self, orgs):
        return {
            **self.form_data(orgs),
            "completed": True,
            "passed": True,
            "issued_on": build.END.isoformat(),
        }

    def expected(self, orgs):
        return {
            "nomination": self.nomination,
            "completed": True,
            "passed": True,
            "score": Decimal("8.75"),
            "certificate_number": "CC-001",
            "issued_on": build.END,
        }


class TestFeedback(ModelTestCase):
    views = enrolment.FeedbackViews
    api_url = f"{API}/course-feedback/"
    edit_field = "comments"
    edit_value = "Nội dung thiết thực, cần thêm thời gian thực hành."
    bad_import = {"course": "abc"}
    api_bad_data = {"ratings": {"1": 9}}

    def build(self, orgs, owner, index=0):
        return models.Feedback(course=build.course(owner, index), comments=f"Góp ý {index}")

    def form_data(self, orgs):
        self.course = build.course(orgs.hanoi, 900)
        self.module = build.module(self.course.programme)
        return {
            "course": self.course.pk,
            "ratings": f'{{"{self.module.pk}": 5}}',
            "comments": "Rất bổ ích.",
        }

    def api_data(self, orgs):
        return {**self.form_data(orgs), "ratings": {str(self.module.pk): 5}}

    def expected(self, orgs):
        return {"course": self.course, "ratings": {str(self.module.pk): 5}}
