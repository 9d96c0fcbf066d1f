"""What moved out of the organizations' views: the attendance is read by `AttendanceForm` and
written by `services.record_attendance`; the merger's new successor by `MergeForm`."""

from datetime import date

import pytest

from amity.organizations import forms, services
from amity.organizations.choices import Attendance, CommitteeKind, OrganizationKind
from amity.organizations.models import (
    Committee,
    CommitteeMeeting,
    CommitteeMember,
    MeetingAttendance,
    Person,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(orgs):
    committee = Committee.objects.create(
        organization=orgs.hanoi, kind=CommitteeKind.EXECUTIVE, started_on=date(2024, 1, 1)
    )
    for name in ("A", "B", "C"):
        CommitteeMember.objects.create(
            committee=committee,
            person=Person.objects.create(full_name=name, organization=orgs.hanoi),
        )
    return CommitteeMeeting.objects.create(committee=committee, held_on=date(2024, 4, 1))


def test_the_form_keeps_valid_choices_of_the_meetings_members_only(meeting):
    first, second, third = meeting.committee.members.order_by("person__full_name")
    form = forms.AttendanceForm(
        {f"member-{first.pk}": "present", f"member-{second.pk}": "bogus", "member-999": "absent"},
        meeting=meeting,
    )
    assert form.statuses() == {first: Attendance.PRESENT}


def test_recording_writes_only_what_changed_with_its_author(meeting, users):
    first, second, _third = meeting.committee.members.order_by("person__full_name")
    MeetingAttendance.objects.create(meeting=meeting, member=first, status=Attendance.PRESENT)
    written = services.record_attendance(
        meeting, {first: Attendance.PRESENT, second: Attendance.EXCUSED}, by=users.hanoi
    )
    assert written == 1
    recorded = dict(meeting.attendance.values_list("member_id", "status"))
    assert recorded == {first.pk: Attendance.PRESENT, second.pk: Attendance.EXCUSED}
    assert meeting.attendance.get(member=second).history.get().history_user == users.hanoi
    assert meeting.attendance.get(member=first).history.count() == 1


def test_the_merger_form_names_a_new_successor_from_the_first_source(orgs, users):
    data = {
        "sources": [orgs.hanoi.pk, orgs.danang.pk],
        "new_name": "Liên hiệp mới",
        "new_name_en": "New Union",
        "new_parent": orgs.central.pk,
        "occurred_on": "2025-07-01",
        "decision": "QĐ 1/2025",
    }
    form = forms.MergeForm(data, user=users.central)
    assert form.is_valid(), form.errors
    assert not form.confirmed
    assert form.new_successor() == {
        "name": "Liên hiệp mới",
        "name_en": "New Union",
        "kind": OrganizationKind.PROVINCIAL_UNION,
        "parent": orgs.central,
        "founded_on": date(2025, 7, 1),
        "founding_decision": "QĐ 1/2025",
    }
    existing = forms.MergeForm(
        {**data, "successor": orgs.danang.pk, "sources": [orgs.hanoi.pk], "confirm": "1"},
        user=users.central,
    )
    assert existing.is_valid(), existing.errors
    assert existing.confirmed and existing.new_successor() is None
