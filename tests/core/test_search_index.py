"""The search index follows the records: created, changed, soft-deleted, deleted; the rebuild
command; and the service on a small federation (scope, odd input)."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from amity.core import search
from amity.core.models import SearchEntry, SearchWord
from amity.organizations.choices import OrganizationKind
from amity.organizations.models import Organization, Person
from tests.conftest import make_org

pytestmark = pytest.mark.django_db


def entry(record):
    kind = search.kind_of(type(record))
    return SearchEntry.objects.filter(kind=kind.plural, object_id=record.pk).first()


def test_every_domain_declares_its_kinds():
    assert [kind.plural for kind in search.kinds()] == [
        "organizations",
        "people",
        "partners",
        "contacts",
        "activities",
        "events",
        "proposals",
        "consultations",
        "submissions",
        "agreements",
        "register",
        "orientations",
        "courses",
        "award-proposals",
        "award-decisions",
    ]


def test_the_index_follows_a_record(orgs, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        person = Person.objects.create(full_name="Trần Thị Đào", organization=orgs.hanoi)
    row = entry(person)
    assert (row.title_vi, row.title_en, row.key) == ("Trần Thị Đào", "Trần Thị Đào", "tran thi dao")
    assert row.summary_vi == "Liên hiệp các tổ chức hữu nghị thành phố Hà Nội"
    assert row.summary_en == "Ha Noi Union"
    assert SearchWord.objects.filter(word="tran").exists()

    with django_capture_on_commit_callbacks(execute=True):
        person.full_name = "Trần Thị Đào Hoa"
        person.save()
    assert SearchEntry.objects.filter(object_id=person.pk, kind="people").count() == 1
    assert entry(person).text.startswith("tran thi dao hoa")

    with django_capture_on_commit_callbacks(execute=True):
        person.soft_delete()
    assert entry(person) is None

    with django_capture_on_commit_callbacks(execute=True):
        person.restore()
    assert entry(person).key == "tran thi dao hoa"

    with django_capture_on_commit_callbacks(execute=True):
        Person.all_objects.filter(pk=person.pk).get().delete()
    assert entry(person) is None


def test_a_rolled_back_write_leaves_no_row_and_later_ones_are_followed(
    orgs, django_capture_on_commit_callbacks
):
    from django.db import transaction

    with pytest.raises(RuntimeError), transaction.atomic():
        person = Person.objects.create(full_name="Bỏ Đi", organization=orgs.hanoi)
        raise RuntimeError
    with django_capture_on_commit_callbacks(execute=True):
        kept = Person.objects.create(full_name="Giữ Lại", organization=orgs.hanoi)
    assert entry(kept).key == "giu lai"
    assert not SearchEntry.objects.filter(kind="people", key="bo di").exists()
    assert person.pk is not None


def test_writes_while_paused_wait_for_the_rebuild(orgs, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), search.paused():
        person = Person.objects.create(full_name="Lê Văn Tạm", organization=orgs.hanoi)
    assert entry(person) is None
    call_command("search_index", "--rebuild", "--kind", "people", stdout=_Out())
    assert entry(person).key == "le van tam"


class _Out:
    def __init__(self):
        self.text = ""

    def write(self, text, *args, **kwargs):
        self.text += text


def test_the_rebuild_command_writes_every_kind_and_shows_progress(orgs):
    SearchEntry.objects.all().delete()
    out = _Out()
    call_command("search_index", "--rebuild", stdout=out)
    assert SearchEntry.objects.filter(kind="organizations").count() == 5
    assert "organizations: 5/5" in out.text
    assert "Search index rebuilt: 5 records." in out.text
    assert entry(orgs.danang).title_en == "Da Nang Union"


def test_the_rebuild_command_refuses_an_unknown_kind(orgs):
    with pytest.raises(CommandError, match="Unknown kind: widgets"):
        call_command("search_index", "--rebuild", "--kind", "widgets")


def test_without_rebuild_the_command_counts(orgs):
    out = _Out()
    call_command("search_index", stdout=out)
    assert "organizations: 0" in out.text  # the fixtures' saves were never committed


@pytest.fixture
def indexed(orgs, users):
    Person.objects.create(full_name="Nguyễn Văn Hùng", organization=orgs.hanoi)
    Person.objects.create(full_name="Nguyễn Thị Hương", organization=orgs.danang)
    make_org("Hội hữu nghị Việt Nam – Pháp", OrganizationKind.CENTRAL_MEMBER, orgs.central)
    search.rebuild()
    return users


def titles(results, plural):
    return [hit.title for group in results.groups if group.plural == plural for hit in group.hits]


def test_a_unit_officer_finds_only_its_branch(indexed):
    query = "NGUYEN"
    assert titles(search.search(indexed.central, query), "people") == [
        "Nguyễn Văn Hùng",  # the shorter name first, of two that start alike
        "Nguyễn Thị Hương",
    ]
    assert titles(search.search(indexed.hanoi, query), "people") == ["Nguyễn Văn Hùng"]
    assert titles(search.search(indexed.danang, query), "people") == ["Nguyễn Thị Hương"]


def test_best_first_then_typos(indexed):
    results = search.search(indexed.central, "phap")
    assert titles(results, "organizations") == ["Hội hữu nghị Việt Nam – Pháp"]
    assert str(results.groups[0].hits[0].highlighted) == "Hội hữu nghị Việt Nam – <mark>Pháp</mark>"
    typo = search.search(indexed.central, "Nguyne Van Hung")
    assert typo.corrected == "nguyen van hung"
    assert titles(typo, "people") == ["Nguyễn Văn Hùng"]


def test_a_short_query_matches_the_start_of_a_name(indexed):
    assert titles(search.search(indexed.central, "Ng"), "people") == [
        "Nguyễn Văn Hùng",  # the shorter name first, of two that start alike
        "Nguyễn Thị Hương",
    ]


@pytest.mark.parametrize(
    "text", ["", "   ", "%_'", "' OR 1=1 --", "😀", "x" * 1000, '"', "a\u0301", "ﷺ", "-./"]
)
def test_odd_input_finds_nothing_and_breaks_nothing(indexed, text):
    results = search.search(indexed.hanoi, text)
    assert results.groups == []
    assert len(results.query) <= search.QUERY_LENGTH


def test_an_unknown_kind_finds_nothing(indexed):
    assert search.search(indexed.central, "nguyen", kind="widgets").groups == []
    assert titles(search.search(indexed.central, "nguyen", kind="people"), "people") == [
        "Nguyễn Văn Hùng",  # the shorter name first, of two that start alike
        "Nguyễn Thị Hương",
    ]


def test_an_anonymous_user_finds_nothing(indexed):
    from django.contrib.auth.models import AnonymousUser

    assert search.search(AnonymousUser(), "nguyen").groups == []


def test_a_stale_row_is_never_shown(indexed):
    """A record deleted without a signal (a queryset's update) keeps its row until the next
    rebuild, but the search reads visibility from the model: the row is not shown."""
    Person.objects.filter(full_name="Nguyễn Văn Hùng").update(deleted_at="2026-01-01T00:00Z")
    assert titles(search.search(indexed.central, "nguyen"), "people") == ["Nguyễn Thị Hương"]


def test_organizations_are_searched_as_the_tree_scopes_them(indexed, orgs):
    found = titles(search.search(indexed.danang, "lien hiep"), "organizations")
    assert found == ["Liên hiệp các tổ chức hữu nghị thành phố Đà Nẵng"]
    assert Organization.objects.visible_to(indexed.danang).count() == 1


def test_the_benchmark_runs_at_a_tiny_scale():
    from bench import search as search_bench

    figures, parameters = search_bench.run(scale=0.001, requests=4)
    assert parameters == {"entries": 1000, "partners": 50, "scale": 0.001, "requests": 4}
    names = [figure.name for figure in figures]
    assert "search page (unit officer) p95" in names
    assert "search API (central officer) p95" in names
    assert SearchEntry.objects.count() == 1000
