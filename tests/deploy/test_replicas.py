"""The replica router (core/db_routers.py): report pages and statistics read from the replica
when one is configured, except for a user who has just written; every write, and every other
read, on the primary. The test settings' `replica` alias mirrors the test database."""

import pytest
from django.db import connections, router
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from amity.core.db_routers import RECENT_WRITE_COOKIE, ReplicaRouter, reads_to_replica
from amity.partners.models import Partner
from tests.conftest import log_in

STATISTICS = "partners:statistics"


@pytest.fixture
def replica(settings):
    settings.READ_REPLICA = "replica"
    settings.READ_REPLICA_LAG_SECONDS = 10


def request(method="get", cookies=None):
    made = getattr(RequestFactory(), method)("/partners/statistics/")
    made.COOKIES.update(cookies or {})
    return made


def test_the_decisions(replica):
    assert reads_to_replica(request(), STATISTICS)
    assert reads_to_replica(request("head"), "reporting:consolidation")
    assert not reads_to_replica(request(), "partners:partner_list")  # not a report page
    assert not reads_to_replica(request("post"), STATISTICS)  # a write's request
    assert not reads_to_replica(request(cookies={RECENT_WRITE_COOKIE: "1"}), STATISTICS)


def test_no_replica_configured_means_the_primary_for_everything(settings):
    settings.READ_REPLICA = None
    assert not reads_to_replica(request(), STATISTICS)
    assert router.db_for_read(Partner) == "default"
    assert ReplicaRouter().allow_migrate("default", "partners")


def test_writes_and_migrations_never_go_to_the_replica(replica):
    assert router.db_for_write(Partner) == "default"
    assert not ReplicaRouter().allow_migrate("replica", "partners")
    assert ReplicaRouter().allow_migrate("default", "partners")


def _queries(client, path, **extra):
    with (
        CaptureQueriesContext(connections["default"]) as primary,
        CaptureQueriesContext(connections["replica"]) as copy,
    ):
        response = client.get(path, **extra)
    assert response.status_code == 200
    return [query["sql"] for query in primary], [query["sql"] for query in copy]


# transaction: the replica's mirror reads through its own connection, which sees only what is
# committed; serialized_rollback: its flush must not make the content types anew under other ids
# (the next serialized test restores them) nor leave the countries the migrations loaded gone
@pytest.mark.django_db(transaction=True, serialized_rollback=True, databases=["default", "replica"])
def test_statistics_read_from_the_replica_until_the_user_writes(client, users, replica):
    log_in(client, users.central)
    on_primary, on_replica = _queries(client, reverse(STATISTICS))
    assert any('FROM "partners_partner"' in sql for sql in on_replica)  # the statistics
    # Only what the middleware read before the view was chosen: the session and its user.
    assert [sql.split(" FROM ")[1].split()[0] for sql in on_primary] == [
        '"django_session"',
        '"accounts_user"',
    ]
    # Another page: the primary only.
    on_primary, on_replica = _queries(client, reverse("partners:partner_list"))
    assert (len(on_primary) > 2, on_replica) == (True, [])
    # A write (here the language switch, a POST) marks the user's next reads for the primary.
    response = client.post(reverse("partners:partner_list"))
    assert response.cookies[RECENT_WRITE_COOKIE]["max-age"] == 10
    on_primary, on_replica = _queries(client, reverse(STATISTICS))
    assert on_replica == []
    assert any('FROM "partners_partner"' in sql for sql in on_primary)


@pytest.mark.django_db
def test_no_marker_without_a_replica(client, users, settings):
    settings.READ_REPLICA = None
    log_in(client, users.central)
    response = client.post(reverse("partners:partner_list"))
    assert RECENT_WRITE_COOKIE not in response.cookies
