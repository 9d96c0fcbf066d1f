"""Each model of the registry through the generic view, import/export and API tests."""

from datetime import date

from amity.organizations import models, views
from amity.organizations.choices import (
    Attendance,
    CommitteeKind,
    CommitteeRole,
    Gender,
    LanguageLevel,
    LineageEventKind,
    OrganizationKind,
    OrganizationStatus,
    PositionTitle,
)
from tests.generic import ModelTestCase

API = "/api/organizations"


def person(owner, index=0):
    return models.Person.objects.create(full_name=f"Nguyễn Văn {index}", organization=owner)


def committee(owner, index=0):
    return models.Committee.objects.create(
        organization=owner, kind=CommitteeKind.EXECUTIVE, started_on=date(2020 + index % 5, 1, 1)
    )


def member(owner, index=0):
    return models.CommitteeMember.objects.create(
        committee=committee(owner, index), person=person(owner, index)
    )


class TestOrganization(ModelTestCase):
    views = views.OrganizationViews
    api_url = f"{API}/organizations/"
    edit_field = "name_en"
    edit_value = "Ha Noi Friendship Association"
    bad_import = {"status": "no-such-status"}
    api_bad_data = {"website": "not a url"}

    def build(self, orgs, owner, index=0):
        return models.Organization(
            name=f"Hội hữu nghị số {index}",
            kind=OrganizationKind.LOCAL_MEMBER,
            parent=owner,
        )

    def form_data(self, orgs):
        return {
            "kind": OrganizationKind.LOCAL_MEMBER,
            "parent": orgs.hanoi.pk,
            "name": "Hội hữu nghị Việt Nam – Cuba thành phố Hà Nội",
            "name_en": "Viet Nam – Cuba Friendship Association of Ha Noi",
            "status": OrganizationStatus.ACTIVE,
            "founded_on": "2001-05-19",
            "email": "cuba@hanoi.example.vn",
            "website": "https://cuba.hanoi.example.vn",
        }

    def expected(self, orgs):
        return {
            "kind": OrganizationKind.LOCAL_MEMBER,
            "parent": orgs.hanoi,
            "name": "Hội hữu nghị Việt Nam – Cuba thành phố Hà Nội",
            "founded_on": date(2001, 5, 19),
            "email": "cuba@hanoi.example.vn",
        }

    def api_data(self, orgs):
        return {**self.form_data(orgs), "founded_on": "2001-05-19"}


class TestLineageEvent(ModelTestCase):
    views = views.LineageEventViews
    api_url = f"{API}/lineage-events/"
    edit_field = "decision"
    edit_value = "Quyết định số 15/QĐ-LHHN"
    bad_import = {"occurred_on": "not a date"}
    api_bad_data = {"kind": "vanished"}

    def build(self, orgs, owner, index=0):
        return models.LineageEvent(
            organization=owner,
            kind=LineageEventKind.RENAMED,
            occurred_on=date(2010, 1, 1),
            previous_name=f"Tên cũ {index}",
        )

    def form_data(self, orgs):
        return {
            "organization": orgs.hanoi.pk,
            "kind": LineageEventKind.FOUNDED,
            "occurred_on": "1990-03-02",
            "decision": "Quyết định số 1/QĐ",
        }

    def expected(self, orgs):
        return {
            "organization": orgs.hanoi,
            "kind": LineageEventKind.FOUNDED,
            "occurred_on": date(1990, 3, 2),
            "decision": "Quyết định số 1/QĐ",
        }


class TestPerson(ModelTestCase):
    views = views.PersonViews
    api_url = f"{API}/people/"
    edit_field = "expertise"
    edit_value = "công tác phi chính phủ"
    bad_import = {"email": "not-an-email"}
    api_bad_data = {"email": "not-an-email"}

    def build(self, orgs, owner, index=0):
        return models.Person(full_name=f"Trần Thị {index}", organization=owner)

    def form_data(self, orgs):
        return {
            "full_name": "Lê Thị Thu Hà",
            "gender": Gender.FEMALE,
            "birth_year": 1980,
            "organization": orgs.hanoi.pk,
            "is_full_time": True,
            "email": "ha.le@hanoi.example.vn",
            "phone": "+84 24 3826 1234",
        }

    def expected(self, orgs):
        return {
            "full_name": "Lê Thị Thu Hà",
            "gender": Gender.FEMALE,
            "birth_year": 1980,
            "organization": orgs.hanoi,
            "is_full_time": True,
            "phone": "+84 24 3826 1234",
        }


class TestPersonLanguage(ModelTestCase):
    views = views.PersonLanguageViews
    api_url = f"{API}/person-languages/"
    edit_field = "level"
    edit_value = LanguageLevel.FLUENT
    bad_import = {"level": "perfect"}
    api_bad_data = {"language": "xx"}

    def build(self, orgs, owner, index=0):
        return models.PersonLanguage(
            person=person(owner, index), language="en", level=LanguageLevel.WORKING
        )

    def form_data(self, orgs):
        self.speaker = getattr(self, "speaker", None) or person(orgs.hanoi, 99)
        return {"person": self.speaker.pk, "language": "fr", "level": LanguageLevel.BASIC}

    def expected(self, orgs):
        return {"person": self.speaker, "language": "fr", "level": LanguageLevel.BASIC}


class TestPosition(ModelTestCase):
    views = views.PositionViews
    api_url = f"{API}/positions/"
    edit_field = "title_detail"
    edit_value = "Phó Chủ tịch kiêm Tổng Thư ký"
    bad_import = {"started_on": "31/31/2020"}
    api_bad_data = {"title": "emperor"}

    def build(self, orgs, owner, index=0):
        return models.Position(
            person=person(owner, index),
            organization=owner,
            title=PositionTitle.VICE_PRESIDENT,
            started_on=date(2020, 1, 1),
        )

    def form_data(self, orgs):
        self.holder = getattr(self, "holder", None) or person(orgs.hanoi, 98)
        return {
            "person": self.holder.pk,
            "organization": orgs.hanoi.pk,
            "title": PositionTitle.PRESIDENT,
            "started_on": "2022-07-01",
        }

    def expected(self, orgs):
        return {
            "person": self.holder,
            "organization": orgs.hanoi,
            "title": PositionTitle.PRESIDENT,
            "started_on": date(2022, 7, 1),
            "ended_on": None,
        }


class TestCongress(ModelTestCase):
    views = views.CongressViews
    api_url = f"{API}/congresses/"
    edit_field = "term_years"
    edit_value = 4
    bad_import = {"term_years": "99"}
    api_bad_data = {"number": 0}

    def build(self, orgs, owner, index=0):
        return models.Congress(organization=owner, number=index + 1, held_on=date(2021, 6, 1))

    def form_data(self, orgs):
        return {
            "organization": orgs.hanoi.pk,
            "number": 7,
            "held_on": "2024-10-10",
            "term_years": 5,
        }

    def expected(self, orgs):
        return {
            "organization": orgs.hanoi,
            "number": 7,
            "held_on": date(2024, 10, 10),
            "term_years": 5,
        }


class TestCommittee(ModelTestCase):
    views = views.CommitteeViews
    api_url = f"{API}/committees/"
    edit_field = "kind"
    edit_value = CommitteeKind.STANDING
    bad_import = {"kind": "politburo"}
    api_bad_data = {"kind": "politburo"}

    def build(self, orgs, owner, index=0):
        return models.Committee(
            organization=owner, kind=CommitteeKind.EXECUTIVE, started_on=date(2021, 1, 1)
        )

    def form_data(self, orgs):
        return {
            "organization": orgs.hanoi.pk,
            "kind": CommitteeKind.PRESIDIUM,
            "started_on": "2024-01-15",
        }

    def expected(self, orgs):
        return {
            "organization": orgs.hanoi,
            "kind": CommitteeKind.PRESIDIUM,
            "started_on": date(2024, 1, 15),
        }


class TestCommitteeMember(ModelTestCase):
    views = views.CommitteeMemberViews
    api_url = f"{API}/committee-members/"
    edit_field = "role"
    edit_value = CommitteeRole.VICE_CHAIR
    bad_import = {"role": "king"}
    api_bad_data = {"role": "king"}

    def build(self, orgs, owner, index=0):
        return models.CommitteeMember(
            committee=committee(owner, index), person=person(owner, index)
        )

    def form_data(self, orgs):
        if not hasattr(self, "seat"):
            self.seat = (committee(orgs.hanoi, 97), person(orgs.hanoi, 97))
        return {
            "committee": self.seat[0].pk,
            "person": self.seat[1].pk,
            "role": CommitteeRole.CHAIR,
            "joined_on": "2024-02-01",
        }

    def expected(self, orgs):
        return {
            "committee": self.seat[0],
            "person": self.seat[1],
            "role": CommitteeRole.CHAIR,
            "joined_on": date(2024, 2, 1),
        }


class TestCommitteeMeeting(ModelTestCase):
    views = views.CommitteeMeetingViews
    api_url = f"{API}/committee-meetings/"
    edit_field = "location"
    edit_value = "Hội trường 105 Bà Triệu"
    bad_import = {"held_on": "yesterday"}
    api_bad_data = {"held_on": "yesterday"}

    def build(self, orgs, owner, index=0):
        return models.CommitteeMeeting(committee=committee(owner, index), held_on=date(2024, 3, 1))

    def form_data(self, orgs):
        self.body = getattr(self, "body", None) or committee(orgs.hanoi, 96)
        return {"committee": self.body.pk, "held_on": "2024-12-20", "location": "Hà Nội"}

    def expected(self, orgs):
        return {"committee": self.body, "held_on": date(2024, 12, 20), "location": "Hà Nội"}


class TestMeetingAttendance(ModelTestCase):
    views = views.MeetingAttendanceViews
    api_url = f"{API}/meeting-attendance/"
    edit_field = "status"
    edit_value = Attendance.EXCUSED
    bad_import = {"status": "asleep"}
    api_bad_data = {"status": "asleep"}

    def build(self, orgs, owner, index=0):
        seat = member(owner, index)
        meeting = models.CommitteeMeeting.objects.create(
            committee=seat.committee, held_on=date(2024, 5, 5)
        )
        return models.MeetingAttendance(meeting=meeting, member=seat, status=Attendance.PRESENT)

    def form_data(self, orgs):
        if not hasattr(self, "seat"):
            self.seat = member(orgs.hanoi, 95)
            self.meeting = models.CommitteeMeeting.objects.create(
                committee=self.seat.committee, held_on=date(2024, 6, 6)
            )
        return {"meeting": self.meeting.pk, "member": self.seat.pk, "status": Attendance.ABSENT}

    def expected(self, orgs):
        return {"meeting": self.meeting, "member": self.seat, "status": Attendance.ABSENT}


class TestStaffingRecord(ModelTestCase):
    views = views.StaffingRecordViews
    api_url = f"{API}/staffing-records/"
    edit_field = "full_time_staff"
    edit_value = 6
    bad_import = {"quota": "-3"}
    api_bad_data = {"year": 1800}

    def build(self, orgs, owner, index=0):
        # A year is unique per organization: past 150 rows, the rows go to member associations.
        if index >= 150:
            owner, _created = models.Organization.objects.get_or_create(
                name=f"Hội thành viên {index // 150}",
                parent=owner,
                defaults={"kind": OrganizationKind.LOCAL_MEMBER},
            )
        return models.StaffingRecord(
            organization=owner, year=1950 + index % 150, quota=8, full_time_staff=5
        )

    def form_data(self, orgs):
        return {
            "organization": orgs.hanoi.pk,
            "year": 2025,
            "quota": 9,
            "full_time_staff": 7,
            "part_time_staff": 2,
        }

    def expected(self, orgs):
        return {
            "organization": orgs.hanoi,
            "year": 2025,
            "quota": 9,
            "full_time_staff": 7,
            "part_time_staff": 2,
        }
