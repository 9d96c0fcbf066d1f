"""The home shows the inbox above the panels, in a number of queries that does not grow with
the items; the inbox page filters by kind."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.proposals import builders as proposals
from tests.training import builders as training

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def ask(orgs, count, start=0):
    for index in range(start, start + count):
        consultation = proposals.consultation(
            orgs.central, index=index, deadline=TODAY + timedelta(days=index - 2)
        )
        consultation.organizations_asked.add(orgs.hanoi)


def home_queries(client) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as queries:
        page = client.get("/")
    assert page.status_code == 200
    return len(queries), page.content.decode()


def test_the_homes_queries_do_not_grow_with_the_items(client, orgs, users, login):
    login(users.hanoi)
    ask(orgs, 1)
    training.quota(training.course(orgs.central), orgs.hanoi)
    few, page = home_queries(client)
    assert 'id="inbox-count">2<' in page
    ask(orgs, 12, start=1)
    for index in range(1, 6):
        training.quota(training.course(orgs.central, index=index), orgs.hanoi)
    many, page = home_queries(client)
    assert 'id="inbox-count">16<' in page  # ten consultations at most, six courses
    assert many == few


def test_the_home_shows_the_overdue_first_and_highlighted(client, orgs, users, login):
    ask(orgs, 3)  # deadlines two days ago, yesterday, today
    login(users.hanoi)
    page = client.get("/").content.decode()
    assert page.index('id="inbox"') < page.index('id="dashboard"')
    assert page.count("inbox-item inbox-overdue") == 2
    assert 'id="inbox-overdue">2 overdue<' in page
    first = page.index("Lấy ý kiến dự thảo Điều lệ 0")
    assert first < page.index("Lấy ý kiến dự thảo Điều lệ 1") < page.index("Điều lệ 2")


def test_the_home_says_when_nothing_is_to_do(client, users, login):
    login(users.viewer)
    assert "Nothing is yours to do right now." in client.get("/").content.decode()


def test_the_inbox_page_keeps_one_kind_and_ignores_an_unknown_one(client, orgs, users, login):
    ask(orgs, 2)
    training.quota(training.course(orgs.central), orgs.hanoi)
    login(users.hanoi)
    url = reverse("inbox:inbox")
    every = client.get(url).context["items"]
    assert [item.kind for item in every] == ["consultation", "consultation", "nomination"]
    only = client.get(url, {"kind": "nomination"}).context["items"]
    assert [item.kind for item in only] == ["nomination"]
    odd = client.get(url, {"kind": "<script>Ạ\x00"})
    assert odd.status_code == 200 and len(odd.context["items"]) == 3


def test_the_home_in_vietnamese(client, orgs, users, login):
    ask(orgs, 1)
    login(users.hanoi)
    page = client.get("/?lang=vi").content.decode()
    assert "Việc của bạn" in page and "Lấy ý kiến cần phản hồi" in page
