"""Each kind's scope is compiled once per scope identity (`core.search._scope`): a repeated
search compiles nothing, and a change of role, of organization or of the organization's place
in the tree is a new identity, so a unit officer never sees a record outside their scope."""

import pytest

from amity.accounts.models import Role, User
from amity.core import search
from amity.organizations.choices import OrganizationKind
from amity.organizations.models import Organization, Person
from tests.conftest import make_org

pytestmark = pytest.mark.django_db


@pytest.fixture
def indexed(orgs, users):
    Person.objects.create(full_name="Nguyễn Văn Hùng", organization=orgs.hanoi)
    Person.objects.create(full_name="Nguyễn Thị Hương", organization=orgs.danang)
    search.rebuild()
    return users


@pytest.fixture
def compiled(monkeypatch):
    """The kinds compiled, in order (the cache emptied first: another test's may be there)."""
    monkeypatch.setattr(search, "_scopes", type(search._scopes)())
    calls = []
    compile_scope = search._compiled_scope

    def counting(kind, user, alias):
        calls.append(kind.plural)
        return compile_scope(kind, user, alias)

    monkeypatch.setattr(search, "_compiled_scope", counting)
    return calls


def people(user) -> list[str]:
    fresh = User.objects.select_related("organization").get(pk=user.pk)  # as a request reads it
    results = search.search(fresh, "nguyen")
    return [hit.title for group in results.groups if group.plural == "people" for hit in group.hits]


def test_a_repeated_search_compiles_no_scope(indexed, compiled):
    assert people(indexed.hanoi) == ["Nguyễn Văn Hùng"]
    assert compiled == ["people"]  # only the kinds that matched
    assert people(indexed.hanoi) == ["Nguyễn Văn Hùng"]
    assert people(indexed.danang) == ["Nguyễn Thị Hương"]  # another user: another identity
    assert compiled == ["people", "people"]


def test_a_user_moved_to_another_organization_sees_its_branch_only(indexed, orgs, compiled):
    user = indexed.hanoi
    assert people(user) == ["Nguyễn Văn Hùng"]
    user.organization = orgs.danang
    user.save()
    assert people(user) == ["Nguyễn Thị Hương"]


def test_a_change_of_role_changes_the_scope(indexed, compiled):
    user = indexed.hanoi
    user.role = Role.CENTRAL_OFFICER
    user.save()
    assert people(user) == ["Nguyễn Văn Hùng", "Nguyễn Thị Hương"]
    user.role = Role.UNIT_OFFICER
    user.save()
    assert people(user) == ["Nguyễn Văn Hùng"]


def test_an_organization_moved_in_the_tree_keeps_its_branch(indexed, orgs, compiled):
    """The scope is written with the organization's tree path: compiled with the old path, it
    would find nothing of the branch once the organization moved."""
    assert people(indexed.hanoi) == ["Nguyễn Văn Hùng"]
    region = make_org("Cụm miền Bắc", OrganizationKind.PROVINCIAL_UNION, orgs.central)
    hanoi = Organization.objects.get(pk=orgs.hanoi.pk)
    hanoi.parent = region
    hanoi.save()
    assert people(indexed.hanoi) == ["Nguyễn Văn Hùng"]
    assert people(indexed.danang) == ["Nguyễn Thị Hương"]


def test_the_cache_keeps_a_bounded_number_of_scopes(indexed, compiled, monkeypatch):
    monkeypatch.setattr(search, "SCOPE_CACHE", 1)
    people(indexed.hanoi)
    people(indexed.danang)
    people(indexed.hanoi)  # dropped for danang's: compiled again
    assert compiled == ["people", "people", "people"]
    assert len(search._scopes) == 1


@pytest.mark.parametrize("role", [Role.UNIT_OFFICER, Role.VIEWER, Role.CENTRAL_OFFICER])
def test_a_scope_reads_nothing_but_the_user_and_the_organization(
    orgs, role, django_assert_num_queries
):
    """What the cache is keyed on is all `visible_to` reads to write a scope: were a kind to
    read another table while writing it, its compiled scope could go stale unseen."""
    user = User(username="someone", role=role, organization=orgs.hanoi)
    with django_assert_num_queries(0):
        for kind in search.kinds():
            search._compiled_scope(kind, user, "default")


def test_a_user_without_an_organization_sees_no_scoped_record(indexed):
    user = indexed.hanoi
    user.organization = None
    user.save()
    assert people(user) == []


def test_a_short_word_narrows_what_the_long_ones_found(indexed):
    """The long words through the trigram index, a word shorter than a trigram by LIKE after
    (on SQLite, along the FTS5 table that leads the read)."""
    central = indexed.central
    found = search.search(central, "hu nguyen")
    assert [hit.title for group in found.groups for hit in group.hits] == [
        "Nguyễn Văn Hùng",
        "Nguyễn Thị Hương",
    ]
    assert search.search(central, "hg nguyen").groups == []
    assert search.search(central, "%_ nguyen").words == ["nguyen"]  # no pattern reaches LIKE
