"""The agreements in the events' calendar and feeds (`agreements.calendar`): the expiry of each
running agreement and its review dates not yet held, of the agreements the list shows the user,
under stable uids, in a fixed number of queries."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from amity.agreements import calendar, models
from tests.agreements import builders

pytestmark = pytest.mark.django_db

JUNE = (date(2031, 6, 1), date(2031, 6, 30))


def uids(found) -> list[str]:
    return sorted(entry.uid for entry in found)


def review(agreement, day, **values):
    return models.Review.objects.create(agreement=agreement, due_on=day, **values)


def test_a_running_agreement_expires_on_its_day_and_its_open_reviews_are_shown(orgs, users):
    running = builders.in_force(orgs.hanoi, 0, ends_on=date(2031, 6, 20))
    held = review(running, date(2031, 6, 5), held_on=date(2031, 6, 5))
    open_review = review(running, date(2031, 6, 10))
    review(running, date(2031, 7, 10))  # outside June
    negotiating = builders.agreement(orgs.hanoi, 1, ends_on=date(2031, 6, 21))
    found = {entry.uid: entry for entry in calendar.entries(users.hanoi, *JUNE)}
    assert sorted(found) == [
        f"agreement-expiry-{running.pk}@amity",
        f"agreement-review-{open_review.pk}@amity",
    ]
    expiry = found[f"agreement-expiry-{running.pk}@amity"]
    assert (expiry.start, expiry.end, expiry.all_day) == (date(2031, 6, 20),) * 2 + (True,)
    assert (expiry.title, expiry.kind) == ("Thỏa thuận hợp tác 0", "Agreement expires")
    assert expiry.url == reverse("agreements:agreement", args=[running.pk])
    due = found[f"agreement-review-{open_review.pk}@amity"]
    assert (due.start, due.kind, due.url) == (date(2031, 6, 10), "Agreement review", expiry.url)
    assert f"agreement-review-{held.pk}@amity" not in found
    assert f"agreement-expiry-{negotiating.pk}@amity" not in found


def test_the_entries_are_those_of_the_agreements_the_user_sees(orgs, users):
    hanoi = builders.in_force(orgs.hanoi, 0, ends_on=date(2031, 6, 20))
    danang = builders.in_force(orgs.danang, 1, ends_on=date(2031, 6, 21))
    mine = [f"agreement-expiry-{hanoi.pk}@amity"]
    assert uids(calendar.entries(users.hanoi, *JUNE)) == mine
    assert uids(calendar.entries(users.danang, *JUNE)) == [f"agreement-expiry-{danang.pk}@amity"]
    assert len(calendar.entries(users.central, *JUNE)) == 2
    # an organization's feed: the agreements it is a party to, the lead or another signer
    danang.other_organizations.add(orgs.hanoi)
    for_hanoi = calendar.entries(users.central, *JUNE, organization=orgs.hanoi)
    assert uids(for_hanoi) == sorted([*mine, f"agreement-expiry-{danang.pk}@amity"])
    assert calendar.entries(users.central, date(2031, 6, 21), None, organization=orgs.danang)


def test_the_month_page_shows_them_in_a_fixed_number_of_queries(client, login, orgs, users):
    login(users.hanoi)

    def month():
        with CaptureQueriesContext(connection) as context:
            response = client.get(reverse("events:calendar"), {"month": "2031-06", "view": "list"})
        assert response.status_code == 200
        return len(context.captured_queries), response

    review(builders.in_force(orgs.hanoi, 0, ends_on=date(2031, 6, 20)), date(2031, 6, 3))
    before, _response = month()
    for index in range(1, 15):
        running = builders.in_force(orgs.hanoi, index, ends_on=date(2031, 6, 1 + index))
        review(running, date(2031, 6, 15 + index))
    count, response = month()
    assert count == before
    rows = [row for day in response.context["days"] for row in day.events]
    assert sorted({row["badge"] for row in rows}) == ["Agreement expires", "Agreement review"]
    assert len(rows) == 30
