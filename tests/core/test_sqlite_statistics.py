"""After migrate, SQLite has the statistics its planner chooses indexes by."""

import pytest
from django.core.management import call_command
from django.db import connection

from amity.organizations.models import Organization


@pytest.mark.django_db
def test_migrate_gathers_the_statistics_on_sqlite():
    if connection.vendor != "sqlite":
        pytest.skip("PostgreSQL's autovacuum keeps its statistics")
    Organization.objects.create(name="Liên hiệp tỉnh Thử", kind="provincial_union")
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM sqlite_stat1 WHERE tbl = 'organizations_organization'")
    call_command("migrate", verbosity=0)
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM sqlite_stat1 WHERE tbl = 'organizations_organization'")
        assert cursor.fetchone()[0] > 0
