"""The registry beyond CRUD: the tree, lineage and mergers, participation, congress terms."""

from datetime import date

import pytest
from django.urls import reverse

from amity.organizations import services
from amity.organizations.choices import (
    Attendance,
    CommitteeKind,
    LineageEventKind,
    OrganizationKind,
    OrganizationStatus,
)
from amity.organizations.models import (
    Committee,
    CommitteeMeeting,
    CommitteeMember,
    Congress,
    LineageEvent,
    MeetingAttendance,
    Organization,
    Person,
)

pytestmark = pytest.mark.django_db


# --- tree and scoping -----------------------------------------------------------------------


def test_tree_paths_follow_the_parents(orgs):
    assert orgs.central.tree_path == f"/{orgs.central.pk}/"
    assert (
        orgs.hanoi_member.tree_path == f"/{orgs.central.pk}/{orgs.hanoi.pk}/{orgs.hanoi_member.pk}/"
    )


def test_moving_an_organization_moves_its_descendants(orgs):
    orgs.hanoi.parent = orgs.danang
    orgs.hanoi.save()
    orgs.hanoi_member.refresh_from_db()
    expected = f"/{orgs.central.pk}/{orgs.danang.pk}/{orgs.hanoi.pk}/{orgs.hanoi_member.pk}/"
    assert orgs.hanoi_member.tree_path == expected


def test_scopes_by_role(orgs, users):
    everything = set(Organization.objects.values_list("pk", flat=True))
    hanoi_branch = {orgs.hanoi.pk, orgs.hanoi_member.pk}
    visible = {
        name: set(
            Organization.objects.visible_to(getattr(users, name)).values_list("pk", flat=True)
        )
        for name in ("admin", "central", "viewer", "hanoi", "hanoi_viewer", "danang")
    }
    assert visible["admin"] == visible["central"] == visible["viewer"] == everything
    assert visible["hanoi"] == visible["hanoi_viewer"] == hanoi_branch
    assert visible["danang"] == {orgs.danang.pk}
    assert Organization.objects.editable_by(users.viewer).count() == 0
    assert Organization.objects.editable_by(users.hanoi_viewer).count() == 0
    assert (
        set(Organization.objects.editable_by(users.hanoi).values_list("pk", flat=True))
        == hanoi_branch
    )


def test_tree_page_shows_the_users_branch_only(client, orgs, users, login):
    login(users.hanoi)
    response = client.get(reverse("organizations:tree"))
    assert response.status_code == 200
    assert [root.pk for root in response.context["roots"]] == [orgs.hanoi.pk]
    assert [child.pk for child in response.context["roots"][0].tree_children] == [
        orgs.hanoi_member.pk
    ]
    assert orgs.danang.name not in response.content.decode()


def test_tree_page_counts_the_whole_federation_for_central(client, orgs, users, login):
    login(users.central)
    response = client.get(reverse("organizations:tree"))
    assert response.context["counts"] == {"total": 5, "active": 5}
    assert [root.pk for root in response.context["roots"]] == [orgs.central.pk]


def test_an_organization_cannot_move_under_its_own_descendant(client, orgs, users, login):
    login(users.central)
    data = {
        "kind": orgs.hanoi.kind,
        "parent": orgs.hanoi_member.pk,
        "name": orgs.hanoi.name,
        "status": "active",
        "version": orgs.hanoi.version,
    }
    response = client.post(reverse("organizations:organization_edit", args=[orgs.hanoi.pk]), data)
    assert response.status_code == 200
    assert "parent" in response.context["form"].errors
    orgs.hanoi.refresh_from_db()
    assert orgs.hanoi.parent == orgs.central


def test_a_unit_officer_cannot_create_outside_its_branch(client, orgs, users, login):
    login(users.hanoi)
    data = {
        "kind": OrganizationKind.LOCAL_MEMBER,
        "parent": orgs.danang.pk,
        "name": "Hội X",
        "status": "active",
    }
    response = client.post(reverse("organizations:organization_add"), data)
    assert response.status_code == 200
    assert "parent" in response.context["form"].errors
    assert not Organization.objects.filter(name="Hội X").exists()


def test_bad_input_is_named_on_its_field(client, orgs, users, login):
    login(users.hanoi)
    data = {
        "kind": OrganizationKind.LOCAL_MEMBER,
        "parent": orgs.hanoi.pk,
        "name": "",
        "status": "active",
        "email": "not-an-email",
        "website": "nowhere",
        "phone": "abc",
    }
    response = client.post(reverse("organizations:organization_add"), data)
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"name", "email", "website", "phone"}


# --- lineage and mergers ----------------------------------------------------------------------


def test_carrier_follows_mergers_from_their_date(orgs):
    quang_nam = Organization.objects.create(
        name="Liên hiệp Quảng Nam", kind=OrganizationKind.PROVINCIAL_UNION, parent=orgs.central
    )
    LineageEvent.objects.create(
        organization=quang_nam,
        kind=LineageEventKind.MERGED,
        occurred_on=date(2025, 7, 1),
        successor=orgs.danang,
    )
    assert services.carrier_on(quang_nam, date(2025, 6, 30)) == quang_nam
    assert services.carrier_on(quang_nam, date(2025, 7, 1)) == orgs.danang
    assert services.carrier_on(orgs.danang, date(2025, 7, 1)) == orgs.danang
    assert services.predecessors_of(orgs.danang) == [quang_nam]


def test_carrier_follows_a_chain_of_mergers(orgs):
    LineageEvent.objects.create(
        organization=orgs.hanoi_member,
        kind=LineageEventKind.MERGED,
        occurred_on=date(2020, 1, 1),
        successor=orgs.hanoi,
    )
    LineageEvent.objects.create(
        organization=orgs.hanoi,
        kind=LineageEventKind.MERGED,
        occurred_on=date(2025, 7, 1),
        successor=orgs.danang,
    )
    carriers = services.carriers_on([orgs.hanoi_member.pk, orgs.hanoi.pk], date(2026, 1, 1))
    assert carriers == {orgs.hanoi_member.pk: orgs.danang.pk, orgs.hanoi.pk: orgs.danang.pk}


def test_merge_into_a_new_successor_moves_children_people_and_users(orgs, users):
    person = Person.objects.create(full_name="Phạm Văn Minh", organization=orgs.hanoi)
    successor = services.merge_organizations(
        [orgs.hanoi, orgs.danang],
        occurred_on=date(2025, 7, 1),
        decision="Quyết định 1/QĐ",
        by=users.admin,
        new_successor={
            "name": "Liên hiệp mới",
            "kind": OrganizationKind.PROVINCIAL_UNION,
            "parent": orgs.central,
        },
    )
    for source in (orgs.hanoi, orgs.danang):
        source.refresh_from_db()
        assert source.status == OrganizationStatus.MERGED
        event = source.lineage_events.get()
        assert (event.kind, event.successor, event.decision) == (
            "merged",
            successor,
            "Quyết định 1/QĐ",
        )
        assert source.history.latest().history_user == users.admin
    orgs.hanoi_member.refresh_from_db()
    person.refresh_from_db()
    users.hanoi.refresh_from_db()
    assert orgs.hanoi_member.parent == successor
    assert orgs.hanoi_member.tree_path.startswith(successor.tree_path)
    assert person.organization == successor
    assert users.hanoi.organization == successor
    orgs.hanoi.refresh_from_db()
    assert orgs.hanoi.parent == successor  # the successor's officers keep its history in scope
    assert Organization.objects.visible_to(users.hanoi).filter(pk=orgs.hanoi.pk).exists()


def test_merge_into_an_organization_under_a_source_is_refused(orgs, users):
    with pytest.raises(ValueError):
        services.merge_organizations(
            [orgs.hanoi],
            occurred_on=date(2025, 7, 1),
            decision="QĐ",
            by=users.admin,
            successor=orgs.hanoi_member,
        )
    orgs.hanoi.refresh_from_db()
    assert orgs.hanoi.status == OrganizationStatus.ACTIVE
    assert LineageEvent.objects.count() == 0


def test_merge_page_previews_then_merges(client, orgs, users, login):
    login(users.central)
    url = reverse("organizations:merge")
    data = {
        "sources": [orgs.hanoi_member.pk],
        "successor": orgs.hanoi.pk,
        "occurred_on": "2025-07-01",
        "decision": "QĐ 5",
    }
    preview = client.post(url, {**data, "preview": "1"})
    assert preview.status_code == 200
    assert preview.context["plan"].sources == [orgs.hanoi_member]
    orgs.hanoi_member.refresh_from_db()
    assert orgs.hanoi_member.status == OrganizationStatus.ACTIVE  # nothing written yet
    done = client.post(url, {**data, "confirm": "1"})
    assert done.status_code == 302
    orgs.hanoi_member.refresh_from_db()
    assert orgs.hanoi_member.status == OrganizationStatus.MERGED


def test_merge_of_an_organization_into_itself_is_refused(client, orgs, users, login):
    login(users.central)
    data = {
        "sources": [orgs.hanoi.pk],
        "successor": orgs.hanoi.pk,
        "occurred_on": "2025-07-01",
        "decision": "QĐ",
        "confirm": "1",
    }
    response = client.post(reverse("organizations:merge"), data)
    assert response.status_code == 200
    assert "successor" in response.context["form"].errors
    assert LineageEvent.objects.count() == 0


def test_merge_outside_the_scope_is_refused(client, orgs, users, login):
    login(users.hanoi)
    data = {
        "sources": [orgs.danang.pk],
        "successor": orgs.hanoi.pk,
        "occurred_on": "2025-07-01",
        "decision": "QĐ",
        "confirm": "1",
    }
    response = client.post(reverse("organizations:merge"), data)
    assert response.status_code == 200
    assert "sources" in response.context["form"].errors
    orgs.danang.refresh_from_db()
    assert orgs.danang.status == OrganizationStatus.ACTIVE


# --- committees, participation, congresses -----------------------------------------------------


@pytest.fixture
def committee_with_meetings(orgs):
    committee = Committee.objects.create(
        organization=orgs.hanoi, kind=CommitteeKind.EXECUTIVE, started_on=date(2024, 1, 1)
    )
    members = [
        CommitteeMember.objects.create(
            committee=committee,
            person=Person.objects.create(full_name=name, organization=orgs.hanoi),
        )
        for name in ("A", "B")
    ]
    for day, statuses in (
        (1, ("present", "absent")),
        (2, ("present", "excused")),
        (3, ("present", "present")),
    ):
        meeting = CommitteeMeeting.objects.create(committee=committee, held_on=date(2024, 3, day))
        for member, status in zip(members, statuses, strict=True):
            MeetingAttendance.objects.create(meeting=meeting, member=member, status=status)
    return committee, members


def test_participation_rates(committee_with_meetings):
    committee, (first, second) = committee_with_meetings
    rates = services.member_participation(committee)
    assert (rates[first.pk].attended, rates[first.pk].held, rates[first.pk].rate) == (3, 3, 100.0)
    assert (rates[second.pk].attended, rates[second.pk].held, rates[second.pk].rate) == (1, 3, 33.3)
    overall = services.committee_participation(committee)
    assert (overall.attended, overall.held, overall.rate) == (4, 6, 66.7)


def test_record_attendance_for_a_whole_meeting(client, orgs, users, login, committee_with_meetings):
    committee, (first, second) = committee_with_meetings
    meeting = CommitteeMeeting.objects.create(committee=committee, held_on=date(2024, 4, 1))
    login(users.hanoi)
    url = reverse("organizations:record_attendance", args=[meeting.pk])
    response = client.post(url, {f"member-{first.pk}": "present", f"member-{second.pk}": "bogus"})
    assert response.status_code == 302
    recorded = dict(meeting.attendance.values_list("member_id", "status"))
    assert recorded == {first.pk: Attendance.PRESENT}
    assert meeting.attendance.get().history.get().history_user == users.hanoi


def test_recording_attendance_out_of_scope_is_404_and_without_the_right_403(
    client, orgs, users, login, committee_with_meetings
):
    """Out of sight: as if the meeting did not exist; seen but not editable (a viewer): 403."""
    committee, (first, _second) = committee_with_meetings
    meeting = committee.meetings.first()
    url = reverse("organizations:record_attendance", args=[meeting.pk])
    login(users.danang)
    assert client.post(url, {f"member-{first.pk}": "absent"}).status_code == 404
    login(users.hanoi_viewer)
    assert client.post(url, {f"member-{first.pk}": "absent"}).status_code == 403
    assert meeting.attendance.get(member=first).status == Attendance.PRESENT


def test_congress_schedule(orgs):
    Congress.objects.create(organization=orgs.hanoi, number=4, held_on=date(2017, 9, 1))
    Congress.objects.create(organization=orgs.hanoi, number=5, held_on=date(2022, 9, 1))
    Congress.objects.create(
        organization=orgs.danang, number=3, held_on=date(2019, 2, 28), term_years=5
    )
    schedule = services.congress_schedule([orgs.hanoi, orgs.danang, orgs.central])
    assert [(due.organization, due.due_on) for due in schedule] == [
        (orgs.danang, date(2024, 2, 28)),
        (orgs.hanoi, date(2027, 9, 1)),
        (orgs.central, None),
    ]
    assert schedule[0].overdue is True
    assert schedule[0].last_congress.number == 3
    assert schedule[1].last_congress.number == 5


def test_detail_tabs_keep_constant_queries(
    client, orgs, users, login, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    login(users.central)
    url = reverse("organizations:organization", args=[orgs.hanoi.pk])

    def count(tab):
        with CaptureQueriesContext(connection) as context:
            assert client.get(url, {"tab": tab}).status_code == 200
        return len(context.captured_queries)

    tabs = ("overview", "people", "committees", "lineage")
    few = [count(tab) for tab in tabs]
    Person.objects.bulk_create(
        [Person(full_name=f"Người {i}", organization=orgs.hanoi) for i in range(300)]
    )
    Organization.objects.bulk_create(
        [
            Organization(name=f"Hội {i}", kind=OrganizationKind.LOCAL_MEMBER, parent=orgs.hanoi)
            for i in range(100)
        ]
    )
    Committee.objects.bulk_create(
        [
            Committee(
                organization=orgs.hanoi, kind=CommitteeKind.STANDING, started_on=date(2020, 1, 1)
            )
            for _ in range(50)
        ]
    )
    assert [count(tab) for tab in tabs] == few


# --- the model's rules hold on every path: form, import, API --------------------------------------


def test_api_refuses_what_the_model_refuses(client, orgs, users, login):
    person = Person.objects.create(full_name="Mai", organization=orgs.hanoi)
    login(users.hanoi)
    position = {
        "person": person.pk,
        "organization": orgs.hanoi.pk,
        "title": "president",
        "started_on": "2024-01-01",
        "ended_on": "2023-01-01",
    }
    response = client.post(
        "/api/organizations/positions/", position, content_type="application/json"
    )
    assert response.status_code == 400
    assert "ended_on" in response.json()
    orphan = {"name": "Hội mồ côi", "kind": "local_member", "parent": None}
    response = client.post(
        "/api/organizations/organizations/", orphan, content_type="application/json"
    )
    assert response.status_code == 400
    event = {"organization": orgs.hanoi.pk, "kind": "merged", "occurred_on": "2025-07-01"}
    response = client.post(
        "/api/organizations/lineage-events/", event, content_type="application/json"
    )
    assert response.status_code == 400
    assert "successor" in response.json()
    assert LineageEvent.objects.count() == 0


def test_an_organization_cannot_be_put_under_its_descendant_through_the_api(
    client, orgs, users, login
):
    login(users.central)
    url = f"/api/organizations/organizations/{orgs.hanoi.pk}/"
    data = {"parent": orgs.hanoi_member.pk, "version": orgs.hanoi.version}
    response = client.patch(url, data, content_type="application/json")
    assert response.status_code == 400
    orgs.hanoi.refresh_from_db()
    assert orgs.hanoi.parent == orgs.central


def test_attendance_of_a_non_member_is_refused(client, orgs, users, login):
    committee = Committee.objects.create(
        organization=orgs.hanoi, kind=CommitteeKind.EXECUTIVE, started_on=date(2024, 1, 1)
    )
    other = Committee.objects.create(
        organization=orgs.hanoi, kind=CommitteeKind.STANDING, started_on=date(2024, 1, 1)
    )
    outsider = CommitteeMember.objects.create(
        committee=other, person=Person.objects.create(full_name="Z", organization=orgs.hanoi)
    )
    meeting = CommitteeMeeting.objects.create(committee=committee, held_on=date(2024, 2, 2))
    login(users.hanoi)
    data = {"meeting": meeting.pk, "member": outsider.pk, "status": "present"}
    page = client.post(reverse("organizations:meetingattendance_add"), data)
    assert page.status_code == 200 and "member" in page.context["form"].errors
    api = client.post(
        "/api/organizations/meeting-attendance/", data, content_type="application/json"
    )
    assert api.status_code == 400
    assert MeetingAttendance.objects.count() == 0
