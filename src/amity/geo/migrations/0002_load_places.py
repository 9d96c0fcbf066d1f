"""Load the provinces and countries written by scripts/build_geo_data.py.

The files are read when the migration runs, so a fresh database gets the data as committed then; a
later correction of the data needs a migration of its own to reach databases that already ran this
one. Only the fields that exist in the schema of 0001 are read.
"""

import datetime
import json
from pathlib import Path

from django.db import migrations

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


def read(name):
    return json.loads((DATA_DIR / name).read_text(encoding="utf-8"))


def as_date(text):
    return datetime.date.fromisoformat(text) if text else None


def load_provinces(apps, schema_editor):
    Province = apps.get_model("geo", "Province")
    records = read("provinces.json")
    Province.objects.bulk_create(
        Province(
            code=record["code"],
            name=record["name"],
            full_name=record["full_name"],
            name_en=record["name_en"],
            kind=record["kind"],
            is_current=record["is_current"],
            valid_from=as_date(record["valid_from"]),
            valid_until=as_date(record["valid_until"]),
        )
        for record in records
    )
    # Successors are set once every current province exists.
    current_by_code = {p.code: p for p in Province.objects.filter(is_current=True)}
    former = {p.code: p for p in Province.objects.filter(is_current=False)}
    for record in records:
        if not record["is_current"]:
            former[record["code"]].successor = current_by_code[record["successor_code"]]
    Province.objects.bulk_update(former.values(), ["successor"])


def load_countries(apps, schema_editor):
    Country = apps.get_model("geo", "Country")
    Country.objects.bulk_create(
        Country(
            code=record["code"],
            alpha3=record["alpha3"],
            numeric=record["numeric"],
            name_en=record["name_en"],
            name_vi=record["name_vi"],
            region=record["region"],
        )
        for record in read("countries.json")
    )


def unload_provinces(apps, schema_editor):
    Province = apps.get_model("geo", "Province")
    # Former provinces first: their successors are protected while they point to them.
    Province.objects.filter(is_current=False).delete()
    Province.objects.all().delete()


def unload_countries(apps, schema_editor):
    apps.get_model("geo", "Country").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("geo", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(load_provinces, unload_provinces),
        migrations.RunPython(load_countries, unload_countries),
    ]
