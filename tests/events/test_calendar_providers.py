"""The calendar sources of other apps (`core.calendar`, `App.calendar`): the month page and every
iCalendar feed add their entries beside the events, asking each source for the user, the days
and the organization of that page or feed."""

from datetime import date, datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from amity.core.calendar import CalendarEntry, calendar_entries
from amity.core.registry import App, Registry, registry
from amity.events import services
from amity.events.services import FEED_PAST_DAYS
from tests.events.factories import event

pytestmark = pytest.mark.django_db


class FakeSource:
    """A source that records how it was asked and answers two entries: an all-day one over two
    days and one with hours."""

    def __init__(self):
        self.calls = []

    def __call__(self, user, start, end, organization=None):
        self.calls.append((user, start, end, organization))
        day = start if end is None else date(start.year, start.month, 10)
        moment = timezone.make_aware(datetime.combine(day, datetime.min.time())) + timedelta(
            hours=14, minutes=30
        )
        return [
            CalendarEntry(
                title="Khóa lễ tân",
                start=moment,
                end=moment + timedelta(hours=2),
                url="/training/courses/7/",
                uid="course-session-3@amity",
                kind="Course",
                place="Hà Nội",
                description="Lễ tân đối ngoại",
            ),
            CalendarEntry(
                title="Khóa tiếng Anh",
                start=day,
                end=day + timedelta(days=1),
                url="/training/courses/8/",
                uid="course-8@amity",
                kind="Course",
            ),
        ]


@pytest.fixture
def source(monkeypatch):
    fake = FakeSource()
    monkeypatch.setattr(registry, "calendar_sources", lambda: [fake])
    return fake


def vevents(response) -> dict:
    assert response.status_code == 200
    items = Calendar.from_ical(response.content).walk("VEVENT")
    return {str(item["uid"]): item for item in items}


def test_an_app_declares_its_source_by_dotted_path():
    own = Registry()
    own.register(App("one", calendar="amity.training.calendar.entries"))
    own.register(App("two"))
    from amity.training.calendar import entries

    assert own.calendar_sources() == [entries]
    assert registry.app("training").calendar == "amity.training.calendar.entries"
    assert registry.app("events").calendar == ""


def test_the_entries_of_every_source_come_in_order_all_day_first(source, users):
    found = calendar_entries(users.hanoi, date(2024, 4, 1), date(2024, 4, 30))
    assert [entry.uid for entry in found] == ["course-8@amity", "course-session-3@amity"]
    assert source.calls == [(users.hanoi, date(2024, 4, 1), date(2024, 4, 30), None)]
    assert found[0].all_day and not found[1].all_day
    assert (found[0].first_day, found[0].last_day) == (date(2024, 4, 10), date(2024, 4, 11))


def test_the_month_shows_the_entries_with_a_badge_in_the_grid_and_the_list(
    source, client, login, orgs, users
):
    meeting = event(orgs.hanoi, 0, start=date(2024, 4, 10))
    login(users.hanoi)
    grid = client.get(reverse("events:calendar"), {"month": "2024-04"})
    assert source.calls[-1] == (users.hanoi, date(2024, 4, 1), date(2024, 4, 30), None)
    day = next(day for week in grid.context["weeks"] for day in week if day.day.day == 10)
    assert [row["id"] for row in day.events] == [
        meeting.pk,
        "course-8@amity",
        "course-session-3@amity",
    ]
    eleventh = next(day for week in grid.context["weeks"] for day in week if day.day.day == 11)
    assert [row["id"] for row in eleventh.events] == ["course-8@amity"]
    page = grid.content.decode()
    assert page.count('<span class="badge calendar-badge">Course</span>') == 3  # the 10th twice
    assert 'class="calendar-event kind-entry" href="/training/courses/8/"' in page
    assert '<span class="calendar-time">14:30</span> Khóa lễ tân' in page
    listed = client.get(reverse("events:calendar"), {"month": "2024-04", "view": "list"})
    rows = [row for day in listed.context["days"] for row in day.events]
    assert [row["id"] for row in rows] == [meeting.pk, "course-8@amity", "course-session-3@amity"]
    course = rows[1]
    assert (course["until"], course["time"], course["badge"]) == ("11/04/2024", "", "Course")
    assert rows[2]["time"] == "14:30" and rows[2]["place"] == "Hà Nội"
    assert listed.content.decode().count("calendar-badge") == 2


def test_every_feed_adds_the_entries_under_their_own_uids(source, client, orgs, users):
    since = timezone.localdate() - timedelta(days=FEED_PAST_DAYS)
    client.force_login(users.hanoi)
    items = vevents(client.get(reverse("events:calendar_feed")))
    assert source.calls[-1] == (users.hanoi, since, None, None)
    assert {"course-8@amity", "course-session-3@amity"} <= set(items)
    all_day = items["course-8@amity"]
    assert all_day["dtstart"].dt == since
    assert all_day["dtend"].dt == since + timedelta(days=2)  # exclusive: the day after the last
    assert str(all_day["url"]) == "http://testserver/training/courses/8/"
    assert [str(c) for c in all_day["categories"].cats] == ["Course"]
    timed = items["course-session-3@amity"]
    assert timezone.localtime(timed["dtstart"].dt).strftime("%H:%M") == "14:30"
    assert timed["dtend"].dt - timed["dtstart"].dt == timedelta(hours=2)
    assert (str(timed["location"]), str(timed["description"])) == ("Hà Nội", "Lễ tân đối ngoại")

    client.get(reverse("events:organization_feed", args=[orgs.hanoi_member.pk]))
    assert source.calls[-1] == (users.hanoi, since, None, orgs.hanoi_member)
    client.logout()
    token = services.regenerate_calendar_token(users.danang)
    secret = client.get(reverse("events:secret_calendar_feed", args=[token.key]))
    assert {"course-8@amity", "course-session-3@amity"} <= set(vevents(secret))
    assert source.calls[-1] == (users.danang, since, None, None)
    by_org = reverse("events:secret_organization_feed", args=[token.key, orgs.danang.pk])
    assert "course-8@amity" in vevents(client.get(by_org))
    assert source.calls[-1] == (users.danang, since, None, orgs.danang)


def test_a_feed_the_user_may_not_read_asks_no_source(source, client, orgs, users):
    client.force_login(users.danang)
    assert client.get(reverse("events:organization_feed", args=[orgs.hanoi.pk])).status_code == 404
    client.logout()
    assert client.get(reverse("events:calendar_feed")).status_code == 401
    assert client.get(reverse("events:secret_calendar_feed", args=["x" * 43])).status_code == 404
    assert source.calls == []
