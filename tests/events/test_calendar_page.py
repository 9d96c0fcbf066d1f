"""The calendar month: a fixed number of queries whatever the events, and what each row prints
(made once in Python, not by template filters)."""

from datetime import date, time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from amity.events import models
from tests.events.factories import event

pytestmark = pytest.mark.django_db

#: session, user, the user's organization (the scope, or the page's header), the events and the
#: courses (`training.calendar`: none here, so no query for their sessions), the agreements'
#: expiries and their review dates (`agreements.calendar`), the navigation bell's unread count
CALENDAR_QUERIES = {"central": 8, "hanoi": 8}


def calendar_queries(client, **query) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(reverse("events:calendar"), {"month": "2024-04", **query})
        assert response.status_code == 200
    return len(context.captured_queries)


def many_events(orgs, count):
    models.Event.objects.bulk_create(
        models.Event(
            kind="other",
            title_vi=f"Sự kiện {index}",
            start=date(2024, 4, 1 + index % 28),
            end=date(2024, 4, 3 + index % 28),
            organization=orgs.hanoi if index % 2 else orgs.danang,
        )
        for index in range(count)
    )


def test_the_month_issues_a_fixed_number_of_queries_as_grid_and_list(
    settings, client, login, orgs, users
):
    for role in ("central", "hanoi"):
        login(getattr(users, role))
        for view in ("grid", "list"):
            assert calendar_queries(client, view=view) == CALENDAR_QUERIES[role], (role, view)
    many_events(orgs, 400)
    for role in ("central", "hanoi"):
        login(getattr(users, role))
        for view in ("grid", "list"):
            assert calendar_queries(client, view=view) == CALENDAR_QUERIES[role], (role, view)


def test_the_list_groups_the_month_under_the_day_each_event_starts(client, login, orgs, users):
    march = event(orgs.hanoi, 0, start=date(2024, 3, 30), end=date(2024, 4, 2))
    morning = event(orgs.hanoi, 1, start=date(2024, 4, 2), start_time=time(8, 30))
    all_day = event(orgs.hanoi, 2, start=date(2024, 4, 2))
    event(orgs.danang, 3, start=date(2024, 4, 2))  # not Ha Noi's
    login(users.hanoi)
    response = client.get(reverse("events:calendar"), {"month": "2024-04", "view": "list"})
    days = response.context["days"]
    # an all-day event comes first on its day, on SQLite and on PostgreSQL alike
    assert [(day.day, [row["id"] for row in day.events]) for day in days] == [
        (date(2024, 3, 30), [march.pk]),
        (date(2024, 4, 2), [all_day.pk, morning.pk]),
    ]
    assert days[1].label == "Tuesday, 2 Apr 2024"
    rows = {row["id"]: row for day in days for row in day.events}
    assert (rows[morning.pk]["time"], rows[morning.pk]["until"]) == ("08:30", "")
    assert (rows[march.pk]["time"], rows[march.pk]["until"]) == ("", "02/04/2024")
    assert rows[march.pk]["url"] == march.get_absolute_url()
    page = response.content.decode()
    assert 'id="d-2024-04-02"' in page
    assert "08:30" in page and "→ 02/04/2024" in page
    assert response.context["weeks"] == []


def test_the_grid_prints_the_time_on_the_first_day_only(client, login, orgs, users):
    long = event(
        orgs.hanoi, 0, start=date(2024, 4, 8), end=date(2024, 4, 9), start_time=time(14, 0)
    )
    login(users.hanoi)
    response = client.get(reverse("events:calendar"), {"month": "2024-04"})
    assert response.context["days"] == []
    page = response.content.decode()
    assert page.count('<span class="calendar-time">14:00</span>') == 1
    assert page.count(f'href="{long.get_absolute_url()}"') == 2
