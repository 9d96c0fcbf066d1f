"""Partner imports are written in batches: checked row by row, written with their history."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from tablib import Dataset

from amity.core.imports import import_dataset
from amity.partners.imports import PartnerResource
from amity.partners.models import Partner, RelationshipHolder

pytestmark = pytest.mark.django_db


@pytest.fixture
def in_english():
    with translation.override("en"):
        yield


HEADERS = ["kind", "name", "country", "countries", "fields", "external_ref", "sensitivity"]


def rows(count, overrides=None):
    dataset = Dataset(headers=HEADERS)
    for number in range(count):
        values = {
            "kind": "ngo",
            "name": f"Partner số {number}",
            "country": "FR",
            "countries": "VN,LA",
            "fields": "F-PEACE",
            "external_ref": f"REF-{number}",
            "sensitivity": "internal",
        }
        values.update((overrides or {}).get(number, {}))
        dataset.append([values[header] for header in HEADERS])
    return dataset


def test_a_large_file_costs_a_few_queries_per_batch_not_per_row(users):
    with CaptureQueriesContext(connection) as queries:
        summary = import_dataset(PartnerResource, rows(600), users.hanoi, dry_run=False)
    assert summary["errors"] == []
    assert summary["new"] == 600
    # Two batches, each: partners, their history, two many-to-many tables, the holders and
    # their history (each insert split by SQLite's limit on parameters), the scope re-check;
    # plus the references and codes read once.
    # (on PostgreSQL django-import-export also resets the id sequence: not a read)
    sql = [query["sql"] for query in queries.captured_queries if "setval(" not in query["sql"]]
    statements = [text.split()[0] for text in sql]
    reads = statements.count("SELECT")
    # references: 2 chunks x 2; codes: 3; scope re-check: 2 batches; on PostgreSQL the ids of
    # each batch's partners, drawn before COPY writes them
    assert reads == 9 + 2 * (connection.vendor == "postgresql"), reads
    assert len(statements) < 120, len(statements)
    imported = Partner.objects.get(external_ref="REF-599")
    assert imported.search_text == "partner so 599"
    assert sorted(imported.countries.values_list("code", flat=True)) == ["LA", "VN"]
    assert list(imported.fields.values_list("code", flat=True)) == ["F-PEACE"]
    assert imported.history.get().history_user == users.hanoi
    holder = RelationshipHolder.objects.get(partner=imported)
    assert holder.organization == users.hanoi.organization
    assert holder.history.get().history_user == users.hanoi


def test_a_second_import_by_reference_updates_and_replaces_the_lists(users):
    import_dataset(PartnerResource, rows(3), users.central, dry_run=False)
    first = Partner.objects.get(external_ref="REF-1")
    changed = rows(3, {1: {"name": "Đổi tên", "countries": "KH"}})
    summary = import_dataset(PartnerResource, changed, users.central, dry_run=False)
    assert (summary["new"], summary["update"], summary["errors"]) == (0, 3, [])
    first.refresh_from_db()
    assert (first.name, first.version, first.search_text) == ("Đổi tên", 2, "doi ten")
    assert list(first.countries.values_list("code", flat=True)) == ["KH"]
    assert first.history.count() == 2
    assert Partner.objects.count() == 3


def test_a_reference_twice_in_one_file_names_both_lines(users, in_english):
    dataset = rows(3, {2: {"external_ref": "REF-0"}})
    summary = import_dataset(PartnerResource, dataset, users.central, dry_run=False)
    assert summary["errors"] == [
        {"line": 4, "errors": ["external_ref: This reference is already on line 2 of the file."]}
    ]
    assert not Partner.objects.exists()


def test_a_bad_row_anywhere_writes_nothing_and_is_named(users, in_english):
    dataset = rows(700, {650: {"countries": "VN,ZZ"}})
    summary = import_dataset(PartnerResource, dataset, users.central, dry_run=False)
    assert summary["errors"] == [{"line": 652, "errors": ["countries: unknown codes: ZZ"]}]
    assert not Partner.objects.exists()
    assert not Partner.history.exists()


def test_a_batch_the_database_refuses_is_explained_row_by_row(users, in_english):
    class RacingResource(PartnerResource):
        """Someone else saves REF-1 after the file's references were read."""

        def before_import(self, dataset, **kwargs):
            super().before_import(dataset, **kwargs)
            Partner.objects.create(kind="ngo", name="Elsewhere", external_ref="REF-1")

    summary = import_dataset(RacingResource, rows(3), users.central, dry_run=False)
    assert summary["errors"] == [
        {"line": 3, "errors": ["Another partner already has this external reference."]}
    ]
    assert list(Partner.objects.values_list("name", flat=True)) == []


def test_new_partners_history_is_copied_from_their_rows_in_one_statement_a_batch(users):
    with CaptureQueriesContext(connection) as queries:
        summary = import_dataset(PartnerResource, rows(600), users.hanoi, dry_run=False)
    assert summary["errors"] == []
    copies = [
        query["sql"]
        for query in queries.captured_queries
        if "INTO" in query["sql"] and "historicalpartner" in query["sql"]
    ]
    assert len(copies) == 2, copies  # one a batch, however many rows
    assert all("SELECT" in sql for sql in copies)
    history = Partner.history.model
    assert history.objects.count() == 600
    tracked = [field.attname for field in history.tracked_fields]
    for imported in Partner.objects.filter(external_ref__in=["REF-0", "REF-599"]):
        record = imported.history.get()
        assert (record.history_type, record.history_user, record.history_change_reason) == (
            "+",
            users.hanoi,
            None,
        )
        assert {name: getattr(record, name) for name in tracked} == {
            name: getattr(imported, name) for name in tracked
        }
        assert record.instance.search_text == imported.search_text


def test_the_fast_insert_writes_every_column_as_the_orm_would(users):
    """`insert_new_partners` (COPY on PostgreSQL, INSERT elsewhere) and `save()` store the same
    values, the ids set on the instances."""
    from datetime import date

    from django.forms.models import model_to_dict

    from amity.geo.models import Country
    from amity.partners.imports import insert_new_partners

    values = {
        "kind": "ngo",
        "name": "Œuvre d'Orient — Hội «Bạn bè»",
        "name_vi": "Hội Bạn bè",
        "acronym": "OO",
        "country": Country.objects.get(code="FR"),
        "status": "active",
        "strength": 4,
        "strength_reason": "Nhiều dự án",
        "relationship_since": date(1999, 12, 31),
        "sensitivity": "internal",
        "notes": "tab\there, line\nbreak, back\\slash",
    }
    saved = Partner(**values, external_ref="ORM")
    saved.derive_fields()
    saved.save()
    fast = [Partner(**values, external_ref="FAST-1"), Partner(**values, external_ref="FAST-2")]
    for partner in fast:
        partner.derive_fields()
    insert_new_partners(fast)
    assert all(partner.pk for partner in fast)
    skip = ["id", "external_ref", "countries", "fields"]
    for partner in fast:
        stored = Partner.objects.get(pk=partner.pk)
        assert stored.external_ref == partner.external_ref
        assert {k: v for k, v in model_to_dict(stored).items() if k not in skip} == {
            k: v for k, v in model_to_dict(saved).items() if k not in skip
        }
        assert stored.search_text == "oeuvre d orient hoi ban be hoi ban be oo"
        assert (stored.search_text, stored.sort_name_vi) == (saved.search_text, saved.sort_name_vi)
        assert stored.created_at is not None
