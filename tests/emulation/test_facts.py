"""The facts the review and the scoring read from the records: exact numbers on records built here,
their links, the branch rule and a fixed number of queries."""

from datetime import date, datetime
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.utils import timezone

from amity.aid.choices import ActivityStatus, TransactionType
from amity.emulation.facts import (
    ACTIVITY_KEYS,
    FACT_KEYS,
    FACT_LABELS,
    activity_facts,
    last_activity,
    latest_of,
)
from amity.events.choices import Attendance as EventAttendance
from amity.events.choices import EventKind
from amity.events.models import BridgePoint, Participant
from amity.organizations.choices import Attendance, CommitteeKind
from amity.organizations.models import (
    Committee,
    CommitteeMeeting,
    CommitteeMember,
    MeetingAttendance,
    Person,
    StaffingRecord,
)
from amity.partners.models import Interaction, Partner
from amity.proposals.choices import ProposalStatus
from amity.reporting.choices import SubmissionState
from tests.aid.test_aid import activity, flow, ngo, rate
from tests.events.factories import event
from tests.proposals.builders import proposal
from tests.reporting import factories as reporting

pytestmark = pytest.mark.django_db

START, END = date(2025, 1, 1), date(2025, 12, 31)


def local(*parts) -> datetime:
    return timezone.make_aware(datetime(*parts))


def reports(orgs):
    design = reporting.form_with(orgs.central, "REVIEW")
    first = reporting.period(
        design.form, 2025, 1, opens_on=date(2025, 6, 1), deadline=date(2025, 7, 15), grace_days=5
    )
    second = reporting.period(
        design.form, 2025, 2, opens_on=date(2025, 12, 1), deadline=date(2026, 1, 15)
    )
    earlier = reporting.period(
        design.form, 2024, 2, opens_on=date(2024, 12, 1), deadline=date(2025, 1, 15)
    )

    def submit(organization, period, moment, state=SubmissionState.SUBMITTED):
        return reporting.submission(
            organization, design.version, period, state=state, submitted_at=moment
        )

    submit(orgs.hanoi, first, local(2025, 7, 10, 9))  # on time
    submit(orgs.hanoi, earlier, local(2025, 1, 3, 9), SubmissionState.APPROVED)  # on time
    submit(orgs.hanoi_member, first, local(2025, 7, 21, 0, 30))  # a day past the grace: late
    submit(orgs.danang, first, local(2025, 7, 20, 23, 30))  # the last day of grace: on time
    submit(orgs.danang, earlier, local(2024, 12, 30, 9))  # before the period reviewed
    reporting.submission(orgs.hanoi_member, design.version, second)  # a draft: not submitted
    submit(orgs.danang, second, local(2026, 1, 2, 9))  # after the period reviewed


def aid(orgs):
    rate(orgs.central, "USD", date(2000, 1, 1), usd=1, vnd=25000)
    donor = ngo("Clean Water Fund")
    kept = activity(orgs.hanoi_member, "US-1-A", donor)
    flow(kept, TransactionType.OUTGOING_COMMITMENT, date(2025, 3, 1), "1000")
    flow(kept, TransactionType.DISBURSEMENT, date(2025, 6, 1), "400")
    flow(kept, TransactionType.EXPENDITURE, date(2025, 12, 31), "100.50")
    flow(kept, TransactionType.INCOMING_FUNDS, date(2025, 6, 1), "700")  # not counted
    flow(kept, TransactionType.DISBURSEMENT, date(2024, 12, 31), "999")  # before the period
    cancelled = activity(orgs.hanoi, "US-1-B", donor, status=ActivityStatus.CANCELLED)
    flow(cancelled, TransactionType.OUTGOING_COMMITMENT, date(2025, 3, 1), "5000")


def events(orgs):
    conference = event(orgs.danang, 1, kind=EventKind.ONLINE_CONFERENCE, start=date(2025, 5, 1))
    BridgePoint.objects.create(event=conference, organization=orgs.danang, is_central=True)
    BridgePoint.objects.create(event=conference, organization=orgs.hanoi)
    member = Person.objects.create(full_name="Lê Thị Hoa", organization=orgs.hanoi_member)
    Participant.objects.create(event=conference, person=member, attendance=EventAttendance.ATTENDED)
    # the Ha Noi Union's own conference, with its member association as a bridge point
    own = event(orgs.hanoi, 2, kind=EventKind.ONLINE_CONFERENCE, start=date(2025, 9, 9))
    BridgePoint.objects.create(event=own, organization=orgs.hanoi_member)
    event(orgs.hanoi, 3, kind=EventKind.RECEPTION, start=date(2025, 12, 31))
    event(orgs.hanoi, 4, kind=EventKind.CONFERENCE, start=date(2025, 2, 2), status="cancelled")
    event(orgs.hanoi, 5, kind=EventKind.CONFERENCE, start=date(2024, 12, 31))
    invited = event(orgs.central, 6, kind=EventKind.CONFERENCE, start=date(2025, 3, 3))
    Participant.objects.create(event=invited, person=member, attendance=EventAttendance.INVITED)
    meeting = event(orgs.central, 7, kind=EventKind.WORKING_MEETING, start=date(2025, 3, 4))
    Participant.objects.create(event=meeting, person=member, attendance=EventAttendance.ATTENDED)


def partners(orgs):
    first, second, third = (Partner.objects.create(kind="ngo", name=f"NGO {n}") for n in "ABC")
    for organization, partner, day in (
        (orgs.hanoi, first, date(2025, 2, 1)),
        (orgs.hanoi, first, date(2025, 3, 1)),
        (orgs.hanoi, second, date(2025, 12, 31)),
        (orgs.hanoi_member, first, date(2025, 4, 1)),
        (orgs.hanoi, third, date(2024, 12, 31)),
        (orgs.danang, third, date(2026, 1, 1)),
    ):
        Interaction.objects.create(
            partner=partner, organization=organization, occurred_on=day, kind="meeting"
        )


def proposals(orgs):
    for index, (raised_on, status) in enumerate(
        (
            (date(2025, 1, 1), ProposalStatus.ANSWERED),
            (date(2025, 5, 5), ProposalStatus.DONE),
            (date(2025, 12, 31), ProposalStatus.RECEIVED),
            (date(2024, 12, 31), ProposalStatus.ANSWERED),
        )
    ):
        proposal(orgs, orgs.hanoi, index, raised_on=raised_on, status=status)


def committees(orgs):
    committee = Committee.objects.create(
        organization=orgs.hanoi, kind=CommitteeKind.STANDING, started_on=date(2023, 1, 1)
    )
    members = [
        CommitteeMember.objects.create(
            committee=committee,
            person=Person.objects.create(full_name=name, organization=orgs.hanoi),
        )
        for name in ("Trần Văn Bình", "Phạm Thị Lan")
    ]
    for held_on, statuses in (
        (date(2025, 3, 1), (Attendance.PRESENT, Attendance.ABSENT)),
        (date(2025, 9, 1), (Attendance.PRESENT, Attendance.PRESENT)),
        (date(2024, 9, 1), (Attendance.ABSENT, Attendance.ABSENT)),
    ):
        meeting = CommitteeMeeting.objects.create(committee=committee, held_on=held_on)
        for member, status in zip(members, statuses, strict=True):
            MeetingAttendance.objects.create(meeting=meeting, member=member, status=status)


def staffing(orgs):
    StaffingRecord.objects.create(organization=orgs.hanoi, year=2024, quota=10, full_time_staff=8)
    StaffingRecord.objects.create(organization=orgs.hanoi, year=2025, quota=10, full_time_staff=7)
    StaffingRecord.objects.create(
        organization=orgs.hanoi_member, year=2025, quota=2, full_time_staff=2
    )
    StaffingRecord.objects.create(organization=orgs.danang, year=2026, quota=9, full_time_staff=9)


@pytest.fixture
def records(orgs):
    for build in (reports, aid, events, partners, proposals, committees, staffing):
        build(orgs)
    return SimpleNamespace()


def facts_of(orgs, *names):
    return activity_facts([getattr(orgs, name) for name in names], START, END)


def test_reports_count_those_submitted_in_the_period_and_those_on_time(orgs, records):
    facts = facts_of(orgs, "hanoi", "hanoi_member", "danang")
    hanoi, member, danang = (facts[org.pk] for org in (orgs.hanoi, orgs.hanoi_member, orgs.danang))
    # the Union counts its member association's late report with its own two on time
    assert (hanoi.reports_submitted, hanoi.reports_on_time, hanoi.reports_late) == (3, 2, 1)
    assert (member.reports_submitted, member.reports_on_time) == (1, 0)
    assert (danang.reports_submitted, danang.reports_on_time) == (1, 1)


def test_aid_mobilised_and_disbursed_as_the_statistics_add_them(orgs, records):
    hanoi = facts_of(orgs, "hanoi")[orgs.hanoi.pk]
    assert hanoi.aid_committed_usd == Decimal("1000.00")
    assert hanoi.aid_disbursed_usd == Decimal("500.50")
    assert hanoi.aid_committed_vnd == Decimal("25000000.00")
    assert hanoi.aid_disbursed_vnd == Decimal("12512500.00")
    danang = facts_of(orgs, "danang")[orgs.danang.pk]
    assert (danang.aid_committed_usd, danang.aid_disbursed_usd) == (0, 0)


def test_events_organised_and_conferences_joined(orgs, records):
    facts = facts_of(orgs, "hanoi", "hanoi_member", "danang", "central")
    hanoi, member = facts[orgs.hanoi.pk], facts[orgs.hanoi_member.pk]
    danang, central = facts[orgs.danang.pk], facts[orgs.central.pk]
    # Ha Noi hosted two live events in 2025 (one cancelled, one in 2024 left out)
    assert hanoi.events_organised == 2
    # Da Nang's conference, as a bridge point and through its member's seat: once
    assert hanoi.conferences_joined == 1
    # the member association: Da Nang's (a seat) and Ha Noi's own (a bridge point)
    assert member.conferences_joined == 2
    assert (danang.events_organised, danang.conferences_joined) == (1, 0)
    # the centre's branch hosted every conference: it joined none
    assert (central.events_organised, central.conferences_joined) == (5, 0)


def test_partners_with_interactions_are_counted_once(orgs, records):
    facts = facts_of(orgs, "hanoi", "hanoi_member", "danang")
    assert facts[orgs.hanoi.pk].partners_engaged == 2
    assert facts[orgs.hanoi_member.pk].partners_engaged == 1
    assert facts[orgs.danang.pk].partners_engaged == 0


def test_proposals_raised_and_answered(orgs, records):
    hanoi = facts_of(orgs, "hanoi")[orgs.hanoi.pk]
    assert (hanoi.proposals_raised, hanoi.proposals_answered) == (3, 2)


def test_committee_participation_is_the_attendance_rate_of_the_period(orgs, records):
    hanoi = facts_of(orgs, "hanoi")[orgs.hanoi.pk]
    assert (hanoi.committee_meetings, hanoi.committee_present, hanoi.committee_recorded) == (
        2,
        3,
        4,
    )
    assert hanoi.committee_attendance_rate == 75.0
    danang = facts_of(orgs, "danang")[orgs.danang.pk]
    assert danang.committee_attendance_rate is None


def test_staffing_against_quota_from_the_latest_record_of_the_period(orgs, records):
    facts = facts_of(orgs, "hanoi", "danang")
    hanoi, danang = facts[orgs.hanoi.pk], facts[orgs.danang.pk]
    assert (hanoi.staffing_year, hanoi.staff_quota, hanoi.staff_full_time) == (2025, 12, 9)
    assert hanoi.staffing_rate == 75.0
    # a record of 2026 says nothing of 2025
    assert (danang.staff_quota, danang.staff_full_time, danang.staffing_rate) == (None, None, None)


def test_an_organization_without_records_has_no_activity(orgs, records):
    facts = facts_of(orgs, "department", "hanoi")
    department = facts[orgs.department.pk]
    assert [department.value(key) for key in ACTIVITY_KEYS] == [0] * len(ACTIVITY_KEYS)
    assert department.has_activity is False
    assert facts[orgs.hanoi.pk].has_activity is True


def test_a_period_before_any_record_is_all_zero(orgs, records):
    facts = activity_facts([orgs.hanoi], date(2020, 1, 1), date(2020, 12, 31))
    assert facts[orgs.hanoi.pk].has_activity is False
    assert activity_facts([orgs.hanoi], END, START)[orgs.hanoi.pk].has_activity is False


def test_each_fact_links_to_its_list_filtered_to_the_organization_and_period(orgs):
    pk = orgs.hanoi.pk
    hanoi = activity_facts([orgs.hanoi], START, END)[pk]
    assert hanoi.link("reports_submitted") == f"/reporting/submissions/?organization={pk}"
    assert hanoi.link("reports_on_time") == hanoi.link("reports_submitted")
    assert hanoi.link("aid_disbursed_usd") == (
        f"/aid/activities/?organization={pk}&year_from=2025&year_until=2025"
    )
    assert hanoi.link("events_organised") == (
        f"/events/events/?organization={pk}&start_after=2025-01-01&start_before=2025-12-31"
    )
    assert hanoi.link("conferences_joined") == f"/events/bridge-points/?organization={pk}"
    assert hanoi.link("partners_engaged") == (
        f"/partners/interactions/?organization={pk}"
        "&occurred_after=2025-01-01&occurred_before=2025-12-31"
    )
    assert hanoi.link("proposals_answered") == f"/proposals/proposals/?organization={pk}"
    assert hanoi.link("committee_attendance_rate") == (
        f"/organizations/committees/?organization={pk}"
    )
    assert hanoi.link("staffing_rate") == (
        f"/organizations/staffing-records/?organization={pk}&year=2025"
    )
    assert hanoi.link("nothing") == ""


def test_the_links_open_their_lists_filtered(client, orgs, users, login, records):
    login(users.admin)
    hanoi = activity_facts([orgs.hanoi], START, END)[orgs.hanoi.pk]
    for key, _label in FACT_KEYS:
        assert client.get(hanoi.link(key)).status_code == 200, key


def test_every_fact_has_a_label_and_a_value(orgs):
    facts = activity_facts([orgs.hanoi], START, END)[orgs.hanoi.pk]
    assert len(FACT_LABELS) == len(FACT_KEYS) == 16
    for key, label in FACT_KEYS:
        assert str(label)
        facts.value(key)
    with pytest.raises(KeyError):
        facts.value("links")


def test_the_facts_of_many_organizations_take_a_fixed_number_of_queries(
    orgs, records, django_assert_num_queries
):
    with django_assert_num_queries(10):
        one = activity_facts([orgs.hanoi], START, END)
    with django_assert_num_queries(10):
        every = activity_facts(
            [orgs.central, orgs.department, orgs.hanoi, orgs.hanoi_member, orgs.danang],
            START,
            END,
        )
    assert every[orgs.hanoi.pk] == one[orgs.hanoi.pk]
    with django_assert_num_queries(0):
        assert activity_facts([], START, END) == {}


def test_last_activity_per_source(orgs, records, django_assert_num_queries):
    with django_assert_num_queries(9):
        last = last_activity([orgs.hanoi, orgs.danang, orgs.department], until=END)
    hanoi = last[orgs.hanoi.pk]
    assert hanoi == {
        "reports": date(2025, 7, 21),
        "events": date(2025, 12, 31),
        "conferences": date(2025, 9, 9),
        "partners": date(2025, 12, 31),
        "aid": date(2025, 12, 31),
        "proposals": date(2025, 12, 31),
        "committees": date(2025, 9, 1),
    }
    # until the end of 2025: Da Nang's report and interaction of 2026 are not seen yet
    assert last[orgs.danang.pk]["reports"] == date(2025, 7, 20)
    assert last[orgs.danang.pk]["partners"] is None
    assert latest_of(last[orgs.danang.pk]) == date(2025, 7, 20)
    assert latest_of(last[orgs.department.pk]) is None
    assert last_activity([orgs.danang])[orgs.danang.pk]["partners"] == date(2026, 1, 1)
