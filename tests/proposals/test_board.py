"""The proposals board: its cards, and a fixed number of queries whatever the proposals."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from amity.proposals import views
from amity.proposals.choices import ProposalStatus
from tests.proposals import builders

pytestmark = pytest.mark.django_db

#: session, user, the user's organization (the scope, or the page's header), the counts, the
#: labels, one query per status column (7) and the topics of the filter (its two department lists
#: are searched through the API as one types: the page holds only the chosen ones); a unit
#: officer's board reads its proposals once and the cards shown once, in place of the counts and
#: the columns (no cards to read on an empty board)
# with the navigation bell's unread count (inbox)
BOARD_QUERIES = {"central": 14, "hanoi": 8}
EMPTY_BOARD_QUERIES = {"central": 14, "hanoi": 7}


def board_queries(client) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(reverse("proposals:board")).status_code == 200
    return len(context.captured_queries)


def test_the_board_issues_a_fixed_number_of_queries(settings, client, login, orgs, users):
    settings.SESSION_REFRESH_SECONDS = 10**10  # no session write in the middle of the counts
    statuses = [value for value, _label in ProposalStatus.choices]
    for role in ("central", "hanoi"):
        login(getattr(users, role))
        assert board_queries(client) == EMPTY_BOARD_QUERIES[role], role
    for index in range(60):
        due = date(2024, 6, 1) + timedelta(days=index) if index % 3 else None
        builders.proposal(
            orgs,
            orgs.hanoi if index % 2 else orgs.danang,
            index,
            due_on=due,
            status=statuses[index % len(statuses)],
        )
    for role in ("central", "hanoi"):
        login(getattr(users, role))
        assert board_queries(client) == BOARD_QUERIES[role], role


def test_a_column_shows_the_soonest_due_first_then_the_undated(client, login, orgs, users):
    today = date.today()
    undated_old = builders.proposal(orgs, orgs.hanoi, 1, raised_on=date(2024, 1, 5))
    undated_new = builders.proposal(orgs, orgs.hanoi, 2, raised_on=date(2024, 3, 5))
    later = builders.proposal(orgs, orgs.hanoi, 3, due_on=today + timedelta(days=9))
    late = builders.proposal(orgs, orgs.hanoi, 4, due_on=today - timedelta(days=2))
    done_late = builders.proposal(
        orgs, orgs.hanoi, 5, due_on=today - timedelta(days=2), status=ProposalStatus.DONE
    )
    builders.proposal(orgs, orgs.danang, 6, due_on=today)  # not Ha Noi's
    login(users.hanoi)
    columns = {c["status"]: c for c in client.get(reverse("proposals:board")).context["columns"]}
    received = columns["received"]["rows"]
    assert [card["id"] for card in received] == [late.pk, later.pk, undated_new.pk, undated_old.pk]
    assert [card["overdue"] for card in received] == [True, False, False, False]
    assert received[0]["url"] == late.get_absolute_url()
    assert received[0]["organization"] == "Ha Noi Union"
    assert received[0]["addressed_to"] == "Ban Tổ chức"
    assert received[0]["topic"] == str(late.topic)
    assert [card["id"] for card in columns["done"]["rows"]] == [done_late.pk]
    assert columns["done"]["rows"][0]["overdue"] is False  # done: nothing more is owed


def test_a_column_shows_at_most_its_first_rows(client, login, orgs, users):
    for index in range(views.BOARD_ROWS + 3):
        builders.proposal(orgs, orgs.hanoi, index, due_on=date(2024, 6, 1) + timedelta(days=index))
    login(users.hanoi)
    page = client.get(reverse("proposals:board"))
    received = next(c for c in page.context["columns"] if c["status"] == "received")
    assert (received["count"], len(received["rows"])) == (views.BOARD_ROWS + 3, views.BOARD_ROWS)
    assert f"See all {views.BOARD_ROWS + 3}" in page.content.decode()


def _columns(client) -> list[tuple]:
    page = client.get(reverse("proposals:board"))
    return [
        (c["status"], c["count"], [(card["id"], card["overdue"]) for card in c["rows"]])
        for c in page.context["columns"]
    ]


def test_a_unit_board_read_at_once_is_the_board_read_column_by_column(
    monkeypatch, client, login, orgs, users
):
    """A unit officer's board is cut from one read of its proposals; past SCOPED_BOARD_ROWS it
    is read a column at a time, as the centre's: the same columns, cards and counts."""
    statuses = [value for value, _label in ProposalStatus.choices]
    for index in range(2 * views.BOARD_ROWS * len(statuses)):
        due = date(2024, 6, 1) + timedelta(days=index % 9) if index % 4 else None
        builders.proposal(
            orgs,
            orgs.hanoi if index % 3 else orgs.danang,
            index,
            due_on=due,
            raised_on=date(2024, 1, 1) + timedelta(days=index % 5),
            status=statuses[index % len(statuses)],
        )
    login(users.hanoi)
    at_once = _columns(client)
    monkeypatch.setattr(views, "SCOPED_BOARD_ROWS", 10)
    assert _columns(client) == at_once
    assert [count for _status, count, _cards in at_once] == [
        sum(1 for i in range(140) if i % 3 and i % 7 == n) for n in range(7)
    ]
    assert all(len(cards) == views.BOARD_ROWS for _status, _count, cards in at_once)
