"""Load: concurrent simulated users against the app served by gunicorn on loopback.

On the embedded SQLite, 10 users who mostly write; on PostgreSQL (DATABASE_URL), 20 users in
`make test` and 50 in `make soak`, half reading and half writing. A short run (8 s) is part of
the suite; `make soak` runs 60 s (AMITY_SOAK=1). Zero errors, zero "database is locked",
and nothing lost: every partner, edit and interaction a user was told was saved is in the
database afterwards.
"""

import os
import sqlite3
import statistics

import pytest
from bench.harness import percentile
from django.conf import settings
from django.db import connection
from django.test import Client

from tests.conftest import make_org, make_user
from tests.load.simulate import Visitor, served, simulate

# serialized_rollback: an earlier transactional test flushes the tables, the countries and
# provinces that the migrations loaded among them, and the users create partners in countries.
pytestmark = [pytest.mark.load, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SOAK = bool(os.environ.get("AMITY_SOAK"))
SECONDS = float(os.environ.get("AMITY_LOAD_SECONDS") or (60 if SOAK else 8))
POSTGRES = settings.DATABASES["default"]["ENGINE"].endswith("postgresql")


def make_visitors(count: int, writes_share: float) -> list[Visitor]:
    """`count` unit officers of as many provincial Unions, each with a session of its own."""
    central = make_org("Liên hiệp Trung ương", "central_union")
    visitors = []
    for number in range(count):
        union = make_org(f"Liên hiệp tỉnh {number}", "provincial_union", central)
        user = make_user(f"load-{number}", "unit_officer", union)
        client = Client()
        client.force_login(user)
        visitors.append(Visitor(number, client.cookies["sessionid"].value, union.pk, writes_share))
    return visitors


def server_environment(tmp_path) -> dict:
    """The server's settings: production ones, on the test's own database."""
    environment = {
        **os.environ,
        "AMITY_VAR_DIR": str(tmp_path),
        "SECRET_KEY": settings.SECRET_KEY,
        "DJANGO_SETTINGS_MODULE": "amity.settings",
        "LOG_LEVEL": "WARNING",
    }
    environment.pop("DATABASE_URL", None)
    if POSTGRES:
        db = settings.DATABASES["default"]
        password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
        host = f"{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
        environment["DATABASE_URL"] = f"postgres://{db['USER']}{password}@{host}/{db['NAME']}"
    else:
        # The test database lives in memory: the server gets a copy on disk, where it goes on.
        with sqlite3.connect(tmp_path / "amity.sqlite3") as target:
            connection.ensure_connection()
            connection.connection.backup(target)
    return environment


def read_back(tmp_path):
    """A function running SQL on the database the server wrote to."""
    if POSTGRES:

        def rows(sql):
            with connection.cursor() as cursor:
                cursor.execute(sql)
                return cursor.fetchall()

        return rows
    database = sqlite3.connect(tmp_path / "amity.sqlite3")
    return lambda sql: database.execute(sql).fetchall()


def check_nothing_lost(rows, visitors: list[Visitor]) -> None:
    websites = dict(rows("SELECT id, website FROM partners_partner WHERE name LIKE 'Load user %'"))
    expected = {pk: website for visitor in visitors for pk, website in visitor.partners.items()}
    assert websites == expected
    saved = rows("SELECT COUNT(*) FROM partners_interaction WHERE summary LIKE 'Load user %'")
    assert saved[0][0] == sum(visitor.interactions for visitor in visitors)


def test_concurrent_users_get_no_error_and_lose_nothing(tmp_path):
    count, writes_share = (50 if SOAK else 20, 0.5) if POSTGRES else (10, 0.8)
    visitors = make_visitors(count, writes_share)
    environment = server_environment(tmp_path)
    log = tmp_path / "server.log"
    workers, threads = (3, 8) if POSTGRES else (2, 4)
    with served(environment, log, workers, threads) as base:
        seconds = simulate(base, visitors, SECONDS)

    errors = [error for visitor in visitors for error in visitor.errors]
    assert errors[:10] == []
    server_log = log.read_text(errors="replace")
    assert "database is locked" not in server_log
    assert "Traceback" not in server_log
    check_nothing_lost(read_back(tmp_path), visitors)
    made = sum(len(visitor.partners) for visitor in visitors)
    total = sum(visitor.requests for visitor in visitors)
    samples = [sample for visitor in visitors for sample in visitor.latencies_ms]
    # Every user got through: no one starved behind the others' writes.
    assert min(visitor.requests for visitor in visitors) >= 3
    assert made >= count and total >= 5 * count
    median, p95 = statistics.median(samples), percentile(samples, 0.95)
    print(
        f"\nload on {connection.vendor}: {count} users, {seconds:.0f} s, {total} requests "
        f"({total / seconds:.1f}/s), {made} partners made, median {median:.0f} ms, "
        f"p95 {p95:.0f} ms"
    )
