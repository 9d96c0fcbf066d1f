"""The records of a year in every domain, for the overview's tests: see `year_records`."""

from datetime import date
from types import SimpleNamespace

import pytest

from amity.organizations.choices import OrganizationKind
from amity.organizations.models import Organization, Person
from amity.reporting.choices import SubmissionState
from amity.training.choices import CourseStatus
from amity.training.models import Result
from tests.overview import builders as b
from tests.reporting.factories import form_with, period, submission
from tests.training.builders import course, nomination


@pytest.fixture
def year_records(orgs, users):
    """2025 against 2024, in Ha Noi, Da Nang and at the centre (figures in test_figures.py)."""
    haiphong = Organization.objects.create(
        name="Liên hiệp các tổ chức hữu nghị thành phố Hải Phòng",
        kind=OrganizationKind.PROVINCIAL_UNION,
        parent=orgs.central,
    )
    us_ngo = b.partner("Water for All", "US", since=date(2020, 1, 1), holder=orgs.hanoi)
    b.partner("Santé Sud", "FR", since=date(2025, 3, 1), holder=orgs.danang)
    b.partner("Japan Friends", "JP", since=date(2024, 5, 1), holder=orgs.hanoi)
    b.partner("Old Friends", "US", since=date(2019, 1, 1), status="ended", holder=orgs.hanoi)
    b.partner("Embassy of Germany", "DE", since=date(2025, 2, 1), kind="embassy")

    hanoi_aid = b.activity(orgs.hanoi, "US-1-H", us_ngo, date(2024, 1, 1), date(2026, 12, 31))
    b.flow(hanoi_aid, "2", date(2024, 3, 1), "500")
    b.flow(hanoi_aid, "3", date(2024, 9, 1), "100")
    b.flow(hanoi_aid, "2", date(2025, 3, 1), "1000")
    b.flow(hanoi_aid, "3", date(2025, 9, 1), "400")
    danang_aid = b.activity(orgs.danang, "US-1-D", us_ngo, date(2025, 1, 1), province="48")
    b.flow(danang_aid, "2", date(2025, 2, 1), "300")
    b.flow(danang_aid, "3", date(2025, 4, 1), "250")

    b.event(orgs.hanoi, "conference", date(2025, 5, 1), title="Hội nghị tổng kết")
    b.event(orgs.danang, "online_conference", date(2025, 6, 1))
    b.event(orgs.hanoi, "incoming_delegation", date(2025, 7, 1), title="Đoàn Hoa Kỳ")
    b.event(orgs.hanoi, "outgoing_delegation", date(2025, 8, 1), status="cancelled")
    b.event(orgs.danang, "incoming_delegation", date(2024, 7, 1))

    b.proposal(
        orgs,
        orgs.hanoi,
        date(2025, 3, 1),
        due_on=date(2025, 4, 1),
        published_on=date(2025, 3, 20),
        by=users.central,
    )
    b.proposal(
        orgs,
        orgs.hanoi,
        date(2025, 5, 1),
        due_on=date(2025, 5, 10),
        published_on=date(2025, 6, 1),
        by=users.central,
    )
    b.proposal(orgs, orgs.danang, date(2025, 7, 1))
    b.proposal(orgs, orgs.danang, date(2024, 7, 1), published_on=date(2024, 8, 1), by=users.central)

    design = form_with(orgs.central, code="YEAR")
    first, second = period(design.form, 2025, 1), period(design.form, 2025, 2)
    submission(orgs.hanoi, design.version, first, SubmissionState.SUBMITTED)
    submission(orgs.hanoi, design.version, second, SubmissionState.APPROVED)
    submission(orgs.danang, design.version, first, SubmissionState.DRAFT)
    # a member association is not assigned the form: its report is not one of those due
    submission(orgs.hanoi_member, design.version, first, SubmissionState.APPROVED)

    taught = course(
        orgs.central,
        1,
        ends_on=date(2025, 6, 30),
        starts_on=date(2025, 6, 1),
        status=CourseStatus.DONE,
    )
    for owner, name, completed in (
        (orgs.hanoi, "Nguyễn Văn A", True),
        (orgs.danang, "Trần Thị B", True),
        (orgs.hanoi, "Lê Văn C", False),
    ):
        person = Person.objects.create(full_name=name, organization=owner)
        made = nomination(owner, course_=taught, person_=person)
        Result.objects.create(nomination=made, completed=completed)

    cluster = b.cluster(orgs.central, [orgs.hanoi, orgs.danang, haiphong])
    return SimpleNamespace(haiphong=haiphong, cluster=cluster, us_ngo=us_ngo)
