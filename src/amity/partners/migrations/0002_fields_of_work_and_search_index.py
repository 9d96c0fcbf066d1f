"""Load the fields of work; on PostgreSQL, index the search text for trigram similarity."""

import json
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parent.parent / "data" / "fields_of_work.json"


def load_fields(apps, schema_editor):
    FieldOfWork = apps.get_model("partners", "FieldOfWork")
    rows = json.loads(DATA.read_text(encoding="utf-8"))
    FieldOfWork.objects.bulk_create([FieldOfWork(**row) for row in rows])


def unload_fields(apps, schema_editor):
    apps.get_model("partners", "FieldOfWork").objects.all().delete()


def add_trigram_index(apps, schema_editor):
    # pg_trgm is a trusted extension (PostgreSQL 13+); SQLite searches the same column without it.
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS partner_search_trgm_idx ON partners_partner "
        "USING gin (search_text gin_trgm_ops)"
    )


def drop_trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS partner_search_trgm_idx")


class Migration(migrations.Migration):
    dependencies = [("partners", "0001_initial")]

    operations = [
        migrations.RunPython(load_fields, unload_fields),
        migrations.RunPython(add_trigram_index, drop_trigram_index),
    ]
