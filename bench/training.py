"""Benchmarks of training records (issue 19, "Speed").

Targets for 20,000 people and 1,000 courses (with their nominations, attendance and results)
on the 2-core machine: a course's page and an organization's training overview answer at the
95th percentile within 100 ms; the training gaps of every organization (the centre's gaps page,
every current position holder against every requirement) within 1 s.

The data set is synthetic and deterministic (fixed seed), written with bulk inserts: the centre
and 60 provincial Unions with three member associations each; every person holds one current
position; the courses (three two-hour sessions, five quotas) take 20 nominations each, and the
courses that are done have every confirmed participant's attendance and result. The pages are
measured through the Django test client as a central officer.
"""

import random
import time
from datetime import date, datetime, timedelta

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from bench.harness import Figure, latencies, settle_database, summary

SEED = 20261219
UNIONS = 60
MEMBERS_PER_UNION = 3
PEOPLE = 20_000
COURSES = 1_000
NOMINATIONS_PER_COURSE = 20
FIRST_DAY = date(2022, 1, 10)
TODAY = date(2026, 12, 7)
PAGE_TARGET_MS = 100
GAPS_TARGET_S = 1
TITLES = ["president", "vice_president", "officer", "officer", "officer", "executive_member"]


def make_organizations():
    from amity.accounts.models import User
    from amity.organizations.models import Organization

    central = Organization.objects.create(
        name="Liên hiệp Trung ương (bồi dưỡng)", kind="central_union"
    )
    unions = [
        Organization.objects.create(
            name=f"Liên hiệp tỉnh {i:03d}", kind="provincial_union", parent=central
        )
        for i in range(UNIONS)
    ]
    members = [
        Organization.objects.create(
            name=f"Hội hữu nghị {i:03d}-{n}", kind="local_member", parent=union
        )
        for i, union in enumerate(unions)
        for n in range(MEMBERS_PER_UNION)
    ]
    officer = User.objects.create(
        username="bench-training-central", role="central_officer", organization=central
    )
    return central, unions, members, officer


def make_people(rng, organizations, count: int):
    from amity.organizations.models import Person, Position

    people = Person.objects.bulk_create(
        [
            Person(full_name=f"Người học {i:05d}", organization=rng.choice(organizations))
            for i in range(count)
        ],
        batch_size=2000,
    )
    Position.objects.bulk_create(
        [
            Position(
                person=person,
                organization=person.organization,
                title=rng.choice(TITLES),
                started_on=date(2020 + rng.randint(0, 5), 1, 1),
            )
            for person in people
        ],
        batch_size=2000,
    )
    return people


def make_programmes(central):
    from amity.training.models import Module, Programme, Requirement

    programmes = [
        Programme.objects.create(
            organization=central,
            title_vi=f"Chương trình {key}",
            target_group=group,
            required_hours=24,
        )
        for key, group in (
            ("lãnh đạo", "local_leaders"),
            ("cán bộ đối ngoại", "diplomacy_officials"),
            ("cán bộ mới", "new_staff"),
            ("thư ký hội", "secretariats"),
        )
    ]
    for programme in programmes:
        Module.objects.bulk_create(
            [
                Module(programme=programme, order=n, topic="protocol", title_vi=f"Mô-đun {n}")
                for n in range(1, 4)
            ]
        )
    for title, kind, programme, years in (
        ("president", "provincial_union", programmes[0], None),
        ("vice_president", "provincial_union", programmes[0], None),
        ("officer", "provincial_union", programmes[1], 5),
        ("officer", "local_member", programmes[3], None),
    ):
        Requirement.objects.create(
            organization=central,
            position_title=title,
            organization_kind=kind,
            programme=programme,
            within_years=years,
        )
    return programmes


def moment(day: date, hour: int) -> datetime:
    return timezone.make_aware(datetime.combine(day, datetime.min.time()) + timedelta(hours=hour))


def make_courses(rng, central, unions, programmes, count: int):
    from amity.training.models import Course, Quota, Session

    courses = []
    for index in range(count):
        starts_on = FIRST_DAY + timedelta(days=index * 1800 // max(count, 1))
        courses.append(
            Course(
                programme=programmes[index % len(programmes)],
                organization=central if index % 4 else rng.choice(unions),
                title_vi=f"Khóa bồi dưỡng {index:04d}",
                starts_on=starts_on,
                ends_on=starts_on + timedelta(days=2),
                nomination_deadline=starts_on - timedelta(days=10),
                capacity=40,
                status="done" if starts_on < TODAY else "open",
            )
        )
    courses = Course.objects.bulk_create(courses, batch_size=1000)
    Session.objects.bulk_create(
        [
            Session(
                course=course,
                starts_at=moment(course.starts_on + timedelta(days=day), 8),
                ends_at=moment(course.starts_on + timedelta(days=day), 10),
            )
            for course in courses
            for day in range(3)
        ],
        batch_size=2000,
    )
    Quota.objects.bulk_create(
        [
            Quota(course=course, organization=union, places=4)
            for course in courses
            for union in rng.sample(unions, 5)
        ],
        batch_size=2000,
    )
    return courses


def make_enrolment(rng, courses, people):
    from amity.training.models import Attendance, Nomination, Result, Session

    nominations = Nomination.objects.bulk_create(
        [
            Nomination(
                course=course,
                person=person,
                organization_id=person.organization_id,
                state="confirmed" if rng.random() < 0.9 else "withdrawn",
            )
            for course in courses
            for person in rng.sample(people, min(NOMINATIONS_PER_COURSE, len(people)))
        ],
        batch_size=2000,
    )
    done = {course.pk for course in courses if course.status == "done"}
    sessions: dict[int, list[int]] = {}
    for session_id, course_id in Session.objects.values_list("pk", "course_id"):
        sessions.setdefault(course_id, []).append(session_id)
    attended = [
        nomination
        for nomination in nominations
        if nomination.course_id in done and nomination.state == "confirmed"
    ]
    Attendance.objects.bulk_create(
        [
            Attendance(session_id=session_id, nomination=nomination, present=rng.random() < 0.95)
            for nomination in attended
            for session_id in sessions[nomination.course_id]
        ],
        batch_size=5000,
    )
    Result.objects.bulk_create(
        [Result(nomination=nomination, completed=rng.random() < 0.9) for nomination in attended],
        batch_size=5000,
    )
    return len(nominations), len(attended)


def generate(scale: float = 1.0) -> tuple[dict, list[Figure]]:
    rng = random.Random(SEED)
    people_count = max(50, round(PEOPLE * scale))
    course_count = max(10, round(COURSES * scale))
    # one build time for the whole set: its parts are read back typed, not through `timed`
    started = time.perf_counter()
    central, unions, members, officer = make_organizations()
    people = make_people(rng, [central, *unions, *members], people_count)
    programmes = make_programmes(central)
    courses = make_courses(rng, central, unions, programmes, course_count)
    nominations, results = make_enrolment(rng, courses, people)
    seconds = time.perf_counter() - started
    parameters = {
        "organizations": 1 + len(unions) + len(members),
        "people": people_count,
        "courses": course_count,
        "nominations": nominations,
        "results": results,
    }
    state = {
        "parameters": parameters,
        "officer": officer,
        "courses": [course.pk for course in courses],
        "organizations": [organization.pk for organization in unions],
    }
    return state, [Figure("generate the data set", seconds, "s")]


def measure(state: dict, requests: int = 200) -> list[Figure]:
    from amity.organizations.models import Position
    from amity.training import records

    rng = random.Random(SEED + 1)
    client = Client()
    client.force_login(state["officer"])

    def get(url):
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)

    courses = [
        reverse("training:course", args=[rng.choice(state["courses"])]) for _ in range(requests)
    ]
    overviews = [
        reverse("organizations:organization", args=[rng.choice(state["organizations"])])
        + "?tab=training"
        for _ in range(requests)
    ]
    figures = []
    figures += summary("course page", latencies(get, courses), PAGE_TARGET_MS)
    figures += summary(
        "organization's training overview", latencies(get, overviews), PAGE_TARGET_MS
    )
    rounds = max(3, min(requests, 10))
    started = time.perf_counter()
    found = records.gaps(Position.objects.all())
    seconds = time.perf_counter() - started
    figures.append(
        Figure(
            "gaps of every organization (service)",
            seconds,
            "s",
            GAPS_TARGET_S,
            note=f"{len(found)} gaps",
        )
    )
    gaps_page = reverse("training:gaps")
    get(gaps_page)  # its template compiled once, as on a running server
    figures += summary(
        "gaps page, every organization", latencies(get, [gaps_page] * rounds), GAPS_TARGET_S * 1000
    )
    return figures


def run(scale: float = 1.0, requests: int = 200) -> tuple[list[Figure], dict]:
    state, figures = generate(scale)
    settle_database()
    figures += measure(state, requests)
    return figures, state["parameters"]
