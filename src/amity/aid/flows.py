"""The yearly flows (`models.YearFlow`), kept by triggers of the database on the transactions.

Written by hand because no library of the ecosystem keeps a summary table on both SQLite and
PostgreSQL (django-pgtrigger is PostgreSQL's only). A trigger recomputes the rows of each
activity whose transactions a statement touched, from its transactions: a recomputation,
not an increment, so that no sequence of writes can leave the sums off. SQLite runs it for
each row; PostgreSQL once a statement, over the rows the statement changed (its transition
tables), so that a bulk insert of thousands recomputes each activity once."""

from amity.aid.choices import COMMITMENT_TYPES, DISBURSEMENT_TYPES
from amity.geo.services import MERGER_DAY

TABLE = "aid_yearflow"
COLUMNS = (
    "activity_id, year, after_merger, committed_usd_cents, disbursed_usd_cents, "
    "committed_vnd, disbursed_vnd, unconverted"
)


def _codes(types) -> str:
    return ", ".join(f"'{code}'" for code in types)


def _select(vendor: str, activities: str) -> str:
    """The SELECT of the flows of the activities whose ids `activities` (SQL) gives."""
    if vendor == "sqlite":
        year = "CAST(strftime('%Y', date) AS INTEGER)"
        cents = "CAST(ROUND(value_usd * 100) AS INTEGER)"
        dong = "CAST(ROUND(value_vnd) AS INTEGER)"
    else:
        year = "CAST(EXTRACT(YEAR FROM date) AS INTEGER)"
        cents, dong = "value_usd * 100", "value_vnd"
    committed, disbursed = _codes(COMMITMENT_TYPES), _codes(DISBURSEMENT_TYPES)
    counted = _codes((*COMMITMENT_TYPES, *DISBURSEMENT_TYPES))
    return f"""
        SELECT activity_id, {year}, date >= '{MERGER_DAY.isoformat()}',
          COALESCE(SUM(CASE WHEN transaction_type IN ({committed}) THEN {cents} END), 0),
          COALESCE(SUM(CASE WHEN transaction_type IN ({disbursed}) THEN {cents} END), 0),
          COALESCE(SUM(CASE WHEN transaction_type IN ({committed}) THEN {dong} END), 0),
          COALESCE(SUM(CASE WHEN transaction_type IN ({disbursed}) THEN {dong} END), 0),
          SUM(CASE WHEN value_usd IS NULL OR value_vnd IS NULL THEN 1 ELSE 0 END)
        FROM aid_transaction
        WHERE activity_id IN ({activities}) AND deleted_at IS NULL
          AND transaction_type IN ({counted})
        GROUP BY 1, 2, 3"""


def _refresh(vendor: str, activities: str) -> str:
    return (
        f"DELETE FROM {TABLE} WHERE activity_id IN ({activities});\n"
        f"INSERT INTO {TABLE} ({COLUMNS}) {_select(vendor, activities)};"
    )


def sqlite_statements() -> list[str]:
    statements = []
    for event, activities in (
        ("INSERT", "NEW.activity_id"),
        ("DELETE", "OLD.activity_id"),
        ("UPDATE", "OLD.activity_id, NEW.activity_id"),
    ):
        statements.append(
            f"CREATE TRIGGER aid_transaction_flows_{event.lower()} AFTER {event} "
            f"ON aid_transaction FOR EACH ROW BEGIN {_refresh('sqlite', activities)} END"
        )
    return statements


def postgresql_statements() -> list[str]:
    changed = {
        "INSERT": "SELECT activity_id FROM new_rows",
        "DELETE": "SELECT activity_id FROM old_rows",
        "UPDATE": "SELECT activity_id FROM old_rows UNION SELECT activity_id FROM new_rows",
    }
    tables = {
        "INSERT": "NEW TABLE AS new_rows",
        "DELETE": "OLD TABLE AS old_rows",
        "UPDATE": "OLD TABLE AS old_rows NEW TABLE AS new_rows",
    }
    statements = []
    for event, activities in changed.items():
        name = f"aid_transaction_flows_{event.lower()}"
        statements += [
            f"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            f"{_refresh('postgresql', activities)} RETURN NULL; END $$",
            f"CREATE TRIGGER {name} AFTER {event} ON aid_transaction "
            f"REFERENCING {tables[event]} FOR EACH STATEMENT EXECUTE FUNCTION {name}()",
        ]
    return statements


def create_triggers(schema_editor) -> None:
    """Create the triggers and fill the table from the transactions already written."""
    vendor = schema_editor.connection.vendor
    statements = sqlite_statements() if vendor == "sqlite" else postgresql_statements()
    for statement in statements:
        schema_editor.execute(statement, params=None)
    everyone = "SELECT id FROM aid_activity"
    schema_editor.execute(f"DELETE FROM {TABLE}", params=None)
    schema_editor.execute(
        f"INSERT INTO {TABLE} ({COLUMNS}) {_select(vendor, everyone)}", params=None
    )


def drop_triggers(schema_editor) -> None:
    for event in ("insert", "delete", "update"):
        name = f"aid_transaction_flows_{event}"
        schema_editor.execute(
            f"DROP TRIGGER IF EXISTS {name}"
            + (" ON aid_transaction" if schema_editor.connection.vendor == "postgresql" else ""),
            params=None,
        )
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(f"DROP FUNCTION IF EXISTS {name}()", params=None)
