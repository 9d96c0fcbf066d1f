"""On SQLite, a full-text index of the partners' search text (FTS5 with the trigram tokenizer).

Search looks for every word anywhere in the normalised names: a LIKE '%word%' reads every row,
which at 100,000 partners is most of a search's time. The trigram index answers the same
question from an index. Triggers keep it in step with the table, whoever writes. PostgreSQL has
its trigram GIN index (0002); a SQLite built without FTS5 keeps the LIKE path.
"""

from django.db import migrations

TABLE = "partners_partner"
INDEX = "partners_partner_fts"

CREATE = [
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {INDEX} USING fts5("
    f"search_text, content='{TABLE}', content_rowid='id', tokenize='trigram')",
    f"CREATE TRIGGER IF NOT EXISTS {INDEX}_insert AFTER INSERT ON {TABLE} BEGIN "
    f"INSERT INTO {INDEX}(rowid, search_text) VALUES (new.id, new.search_text); END",
    f"CREATE TRIGGER IF NOT EXISTS {INDEX}_delete AFTER DELETE ON {TABLE} BEGIN "
    f"INSERT INTO {INDEX}({INDEX}, rowid, search_text) VALUES ('delete', old.id, old.search_text);"
    " END",
    f"CREATE TRIGGER IF NOT EXISTS {INDEX}_update AFTER UPDATE OF search_text ON {TABLE} BEGIN "
    f"INSERT INTO {INDEX}({INDEX}, rowid, search_text) VALUES ('delete', old.id, old.search_text);"
    f" INSERT INTO {INDEX}(rowid, search_text) VALUES (new.id, new.search_text); END",
    f"INSERT INTO {INDEX}({INDEX}) VALUES ('rebuild')",
]
DROP = [
    f"DROP TRIGGER IF EXISTS {INDEX}_insert",
    f"DROP TRIGGER IF EXISTS {INDEX}_delete",
    f"DROP TRIGGER IF EXISTS {INDEX}_update",
    f"DROP TABLE IF EXISTS {INDEX}",
]


def fts5_available(connection) -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT sqlite_compileoption_used('ENABLE_FTS5')")
        return bool(cursor.fetchone()[0])


def create_index(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "sqlite" or not fts5_available(connection):
        return
    for statement in CREATE:
        schema_editor.execute(statement)


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for statement in DROP:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("partners", "0003_partner_name_index")]

    operations = [migrations.RunPython(create_index, drop_index)]
