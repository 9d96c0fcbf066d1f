"""Reading a query's rows without the ORM's per-value work."""

from django.core.exceptions import EmptyResultSet
from django.db import connection


def raw_rows(queryset) -> list[tuple]:
    """The rows of `queryset` as the database gives them. Django's converters, called for every
    value of thousands of rows (a pivot's cells, an aid page's activities), cost as much as the
    query itself; the caller converts only what it shows."""
    try:
        sql, params = queryset.query.sql_with_params()
    except EmptyResultSet:  # none(), an empty scope or filter: Django would not ask either
        return []
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


_SQLITE_TABLES: dict[tuple[str, str], bool] = {}


def sqlite_has_table(name: str) -> bool:
    """Whether the SQLite database holds the table `name` (a full-text index made by a migration
    only on SQLite); False on any other engine. Read once per database file and table."""
    if connection.vendor != "sqlite":
        return False
    key = (connection.settings_dict["NAME"], name)
    if key not in _SQLITE_TABLES:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM sqlite_master WHERE name = %s", [name])
            _SQLITE_TABLES[key] = cursor.fetchone() is not None
    return _SQLITE_TABLES[key]
