"""The year's training plan against what was done (`records.plan_versus_done`) and its page."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from amity.training import models, records
from tests.training import builders as build

PLAN = reverse("training:plan")


def course_of(owner, programme, starts_on, status="open", capacity=30, index=0):
    return build.course(
        owner,
        index,
        programme=programme,
        starts_on=starts_on,
        ends_on=starts_on,
        nomination_deadline=starts_on,
        status=status,
        capacity=capacity,
    )


def finish(course_, owner, people, completed=True):
    for index in range(people):
        nomination = build.nomination(
            owner,
            course_=course_,
            person_=build.person(owner, name=f"Học viên {course_.pk}-{index}"),
        )
        models.Result.objects.create(nomination=nomination, completed=completed)


@pytest.fixture
def year_2031(orgs):
    leaders = build.programme(orgs.central, 1, title_vi="A. Lãnh đạo")
    officials = build.programme(orgs.central, 2, title_vi="B. Cán bộ")
    held = course_of(orgs.central, leaders, date(2031, 3, 2), status="done")
    build.quota(held, orgs.hanoi, places=3)
    build.quota(held, orgs.danang, places=2)
    build.session(held, hour=8, hours=3)
    build.session(held, hour=13, hours=3)
    finish(held, orgs.hanoi, 2)
    finish(held, orgs.danang, 1, completed=False)
    planned = course_of(orgs.central, leaders, date(2031, 9, 1), capacity=30, index=1)
    planned.open_to_all = True
    planned.save()
    build.session(planned, hour=8, hours=2)
    hanoi_own = course_of(orgs.hanoi, officials, date(2031, 5, 5), status="done", capacity=12)
    build.session(hanoi_own, hour=8, hours=4)
    finish(hanoi_own, orgs.hanoi, 3)
    course_of(orgs.danang, officials, date(2031, 6, 6), capacity=9, index=2)  # Da Nang's own
    course_of(orgs.central, leaders, date(2032, 1, 5), status="done", index=3)  # next year
    return leaders, officials


def figures(lines):
    return [
        (
            line.programme,
            line.planned,
            line.held,
            line.places,
            line.completed,
            line.hours_planned,
            line.hours_held,
        )
        for line in lines
    ]


def test_the_plan_against_what_was_done(orgs, year_2031):
    lines = records.plan_versus_done(models.Course.objects.all(), 2031)
    assert figures(lines) == [
        ("A. Lãnh đạo", 2, 1, 5 + 30, 2, 8.0, 6.0),
        ("B. Cán bộ", 2, 1, 12 + 9, 3, 4.0, 4.0),
    ]
    total = records.plan_total(lines)
    assert (total.planned, total.held, total.places, total.completed) == (4, 2, 56, 5)
    assert (total.hours_planned, total.hours_held) == (12.0, 10.0)


def test_a_deleted_course_is_not_planned(orgs, year_2031):
    models.Course.objects.filter(capacity=9).get().soft_delete()
    lines = records.plan_versus_done(models.Course.objects.all(), 2031)
    assert figures(lines)[1] == ("B. Cán bộ", 1, 1, 12, 3, 4.0, 4.0)


def test_the_plan_page_shows_what_the_user_sees(client, orgs, users, login, year_2031):
    login(users.hanoi)  # the centre's courses (a quota, open to all) and its own; not Da Nang's
    page = client.get(PLAN, {"year": 2031})
    assert page.status_code == 200
    assert figures(page.context["lines"]) == [
        ("A. Lãnh đạo", 2, 1, 35, 2, 8.0, 6.0),
        ("B. Cán bộ", 1, 1, 12, 3, 4.0, 4.0),
    ]
    html = page.content.decode()
    assert "A. Lãnh đạo" in html and 'id="plan"' in html
    login(users.central)
    assert records.plan_total(client.get(PLAN, {"year": 2031}).context["lines"]).planned == 4


def test_the_plan_page_defaults_to_this_year(client, orgs, users, login, year_2031):
    login(users.central)
    page = client.get(PLAN)
    assert page.context["year"] == date.today().year
    assert "No course this year." in page.content.decode()


@pytest.mark.parametrize("year", ["abc", "0", "99999", "2031.5", "9" * 400])
def test_a_bad_year_is_refused_with_400(client, users, login, year):
    login(users.hanoi)
    page = client.get(PLAN, {"year": year})
    assert page.status_code == 400
    assert page.context["lines"] == []
    assert client.get(reverse("training:plan_report"), {"year": year}).status_code == 400


def test_the_plan_page_reads_the_same_queries_for_few_courses_or_many(client, orgs, users, login):
    leaders = build.programme(orgs.central, 1)
    course_of(orgs.central, leaders, date(2031, 3, 2))
    login(users.central)

    def count():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(PLAN, {"year": 2031}).status_code == 200
        return len(captured)

    few = count()
    for index in range(1, 12):
        held = course_of(
            orgs.central,
            build.programme(orgs.central, 10 + index),
            date(2031, 4, index),
            status="done",
            index=10 + index,
        )
        build.quota(held, orgs.hanoi)
        build.session(held)
        finish(held, orgs.hanoi, 2)
    assert count() == few
