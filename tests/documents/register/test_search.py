"""The register's text search: whatever the case and the marks, every word, on a search text
stored folded (migration 0005 folds the entries written before)."""

from importlib import import_module

import pytest
from django.apps import apps
from django.http import QueryDict

from amity.documents.models import RegisterEntry
from amity.documents.views.register import RegisterEntryViews
from tests.documents.register import builders

pytestmark = pytest.mark.django_db


def found(user, text: str) -> set[int]:
    query = QueryDict(mutable=True)
    query["q"] = text
    return set(RegisterEntryViews.filtered_queryset(user, query).values_list("pk", flat=True))


def test_the_search_text_is_stored_folded(orgs):
    entry = builders.entry(orgs.hanoi, subject="V/v Hội nghị hữu nghị ĐÀ NẴNG", signer="Trần Bình")
    reference = entry.reference.lower().replace("đ", "d")  # "15/cv-lhhn": ASCII but for đ
    assert entry.search_text == f"{reference} v/v hoi nghi huu nghi da nang tran binh"


def test_every_word_is_found_whatever_its_case_and_marks(orgs, users):
    meeting = builders.entry(orgs.hanoi, 1, subject="V/v tổ chức Hội nghị hữu nghị")
    delegation = builders.entry(orgs.hanoi, 2, subject="V/v đón Đoàn vào", signer="Lê Châu")
    builders.entry(orgs.danang, 3, subject="V/v Hội nghị tổng kết")  # not Ha Noi's
    assert found(users.hanoi, "HOI nghi") == {meeting.pk}
    assert found(users.hanoi, "hội   NGHỊ hữu") == {meeting.pk}
    assert found(users.hanoi, "doan chau") == {delegation.pk}
    assert found(users.hanoi, "Đoàn Hội") == set()
    assert found(users.hanoi, f"{meeting.number}/CV") == {meeting.pk}
    assert found(users.hanoi, "100%_") == set()  # LIKE's wildcards are searched as text


def test_the_migration_folds_the_entries_written_before(orgs):
    entry = builders.entry(orgs.hanoi, subject="V/v Kỷ niệm Ngày Hữu nghị")
    written_before = entry.search_text.replace("ky niem", "kỷ niệm").replace("huu", "hữu")
    RegisterEntry.all_objects.filter(pk=entry.pk).update(search_text=written_before)
    migration = import_module("amity.documents.migrations.0005_register_speed")
    migration.fold_search_texts(apps, None)
    entry.refresh_from_db()
    assert "kỷ" in written_before and entry.search_text == written_before.replace(
        "kỷ niệm", "ky niem"
    ).replace("hữu", "huu")
