"""The courses in the events' calendar and feeds (`training.calendar`): those the course list
shows the user, as their sessions (or their days, when they have none), under stable uids, in a
fixed number of queries."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from amity.events import services as event_services
from amity.training import calendar, models
from amity.training.choices import CourseStatus
from tests.training import builders

pytestmark = pytest.mark.django_db

APRIL = (date(2031, 4, 1), date(2031, 4, 30))


def april_course(owner, index=0, **values):
    dates = {
        "starts_on": date(2031, 4, 14),
        "ends_on": date(2031, 4, 16),
        "nomination_deadline": date(2031, 4, 1),
    }
    return builders.course(owner, index, **{**dates, **values})


def uids(found) -> list[str]:
    return [entry.uid for entry in found]


def feed(response) -> dict:
    assert response.status_code == 200
    return {str(item["uid"]): item for item in Calendar.from_ical(response.content).walk("VEVENT")}


@pytest.fixture
def courses(orgs):
    """Ha Noi's own, the centre's with a quota for Ha Noi, the centre's open to all, Da Nang's,
    and a draft of Ha Noi's."""
    given = april_course(orgs.central, 1)
    builders.quota(given, orgs.hanoi)
    return {
        "hanoi": april_course(orgs.hanoi, 0),
        "given": given,
        "open": april_course(orgs.central, 2, open_to_all=True),
        "danang": april_course(orgs.danang, 3),
        "draft": april_course(orgs.hanoi, 4, status=CourseStatus.DRAFT),
    }


def test_the_courses_are_those_the_course_list_shows_but_drafts(courses, users):
    for user in (users.hanoi, users.danang, users.central):
        listed = models.Course.objects.visible_to(user).exclude(status=CourseStatus.DRAFT)
        expected = sorted(f"course-{course.pk}@amity" for course in listed)
        assert sorted(uids(calendar.entries(user, *APRIL))) == expected
    hanoi = sorted(uids(calendar.entries(users.hanoi, *APRIL)))
    assert hanoi == sorted(f"course-{courses[key].pk}@amity" for key in ("hanoi", "given", "open"))
    assert f"course-{courses['draft'].pk}@amity" not in uids(calendar.entries(users.admin, *APRIL))


def test_a_course_without_sessions_is_its_days_and_one_with_sessions_is_its_sessions(orgs, users):
    plain = april_course(orgs.hanoi, 0, place="")
    taught = april_course(orgs.hanoi, 1, is_online=True, place="")
    module = builders.module(taught.programme, title_vi="Lễ tân", title_en="Protocol")
    first = builders.session(taught, day=date(2031, 4, 14), hour=8, module=module)
    second = builders.session(taught, day=date(2031, 4, 15), hour=13)
    found = {entry.uid: entry for entry in calendar.entries(users.hanoi, *APRIL)}
    assert set(found) == {
        f"course-{plain.pk}@amity",
        f"course-session-{first.pk}@amity",
        f"course-session-{second.pk}@amity",
    }
    days = found[f"course-{plain.pk}@amity"]
    assert (days.start, days.end, days.all_day) == (date(2031, 4, 14), date(2031, 4, 16), True)
    assert (days.title, days.kind, days.url) == (str(plain), "Course", plain.get_absolute_url())
    morning = found[f"course-session-{first.pk}@amity"]
    assert (morning.start, morning.end) == (first.starts_at, first.ends_at)
    assert (morning.place, morning.description) == ("Online", "Protocol")
    assert morning.url == taught.get_absolute_url() and not morning.all_day
    assert found[f"course-session-{second.pk}@amity"].description == ""


def test_only_the_days_asked_for(orgs, users):
    course = april_course(orgs.hanoi, 0, ends_on=date(2031, 5, 2))
    late = builders.session(course, day=date(2031, 5, 2))
    early = builders.session(course, day=date(2031, 4, 30), hour=20, hours=3)
    assert uids(calendar.entries(users.hanoi, *APRIL)) == [f"course-session-{early.pk}@amity"]
    may = calendar.entries(users.hanoi, date(2031, 5, 1), date(2031, 5, 31))
    assert uids(may) == [f"course-session-{late.pk}@amity"]
    assert calendar.entries(users.hanoi, date(2031, 3, 1), date(2031, 3, 31)) == []
    assert len(calendar.entries(users.hanoi, date(2031, 4, 30), None)) == 2


def test_the_organization_feed_holds_the_courses_it_organizes_or_has_places_on(
    courses, orgs, users
):
    for_hanoi = calendar.entries(users.central, *APRIL, organization=orgs.hanoi)
    assert sorted(uids(for_hanoi)) == sorted(
        f"course-{courses[key].pk}@amity" for key in ("hanoi", "given")
    )
    assert calendar.entries(users.hanoi, *APRIL, organization=orgs.hanoi_member) == []


def test_the_month_page_badges_the_courses_in_a_fixed_number_of_queries(client, login, orgs, users):
    login(users.hanoi)
    page = {"month": "2031-04"}

    def month_queries(view):
        with CaptureQueriesContext(connection) as context:
            response = client.get(reverse("events:calendar"), {**page, "view": view})
        assert response.status_code == 200
        return len(context.captured_queries), response

    course = april_course(orgs.hanoi, 0)
    builders.session(course)
    counts = {view: month_queries(view)[0] for view in ("grid", "list")}
    for index in range(1, 25):
        more = april_course(orgs.hanoi, index)
        builders.session(more, hour=8 + index % 8)
        april_course(orgs.central, 100 + index, open_to_all=True)
    for view in ("grid", "list"):
        count, response = month_queries(view)
        assert count == counts[view], view
    rows = [row for day in response.context["days"] for row in day.events]
    assert len(rows) == 49 and {row["badge"] for row in rows} == {"Course"}
    assert response.content.decode().count('<span class="badge calendar-badge">Course</span>') == 49


def test_every_feed_has_the_courses_under_uids_that_stay(client, orgs, users):
    start = timezone.localdate() + timedelta(days=3)
    course = builders.course(orgs.hanoi, 0, starts_on=start, ends_on=start + timedelta(days=1))
    token = event_services.regenerate_calendar_token(users.hanoi)
    url = reverse("events:secret_calendar_feed", args=[token.key])
    items = feed(client.get(url))
    key = f"course-{course.pk}@amity"
    assert items[key]["dtstart"].dt == start
    assert items[key]["dtend"].dt == start + timedelta(days=2)
    assert str(items[key]["summary"]) == "Khóa bồi dưỡng 0"
    course.title_vi = "Khóa bồi dưỡng mới"
    course.save()
    again = feed(client.get(url))
    assert set(again) == set(items) and str(again[key]["summary"]) == "Khóa bồi dưỡng mới"
    by_org = reverse("events:secret_organization_feed", args=[token.key, orgs.hanoi.pk])
    assert key in feed(client.get(by_org))
    client.force_login(users.danang)
    assert key not in feed(client.get(reverse("events:calendar_feed")))
    danang_feed = reverse("events:organization_feed", args=[orgs.danang.pk])
    assert feed(client.get(danang_feed)) == {}


def test_a_feed_asks_a_fixed_number_of_queries_whatever_the_courses(client, orgs, users):
    token = event_services.regenerate_calendar_token(users.hanoi)
    url = reverse("events:secret_calendar_feed", args=[token.key])
    builders.session(builders.course(orgs.hanoi, 0))
    with CaptureQueriesContext(connection) as few:
        assert len(feed(client.get(url))) == 1
    for index in range(1, 30):
        builders.session(builders.course(orgs.hanoi, index))
        builders.course(orgs.central, 100 + index, open_to_all=True)
    with CaptureQueriesContext(connection) as many:
        assert len(feed(client.get(url))) == 59
    assert len(many.captured_queries) == len(few.captured_queries)
