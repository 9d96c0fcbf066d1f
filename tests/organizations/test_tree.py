"""The federation's tree (issue 15): built by `services.federation_tree`, what it shows chosen by
a small form (`?inactive=1`), so that a node's badge counts exactly the children it lists."""

import pytest
from django.urls import reverse

from amity.organizations import services
from amity.organizations.choices import OrganizationKind, OrganizationStatus
from amity.organizations.forms import TreeForm
from amity.organizations.models import Organization, Person
from tests.conftest import make_org

pytestmark = pytest.mark.django_db


@pytest.fixture
def merged(orgs):
    """A merged association under Ha Noi, with an active one still under it."""
    old = make_org(
        "Hội hữu nghị Việt – Nhật Hà Nội",
        OrganizationKind.LOCAL_MEMBER,
        orgs.hanoi,
        status=OrganizationStatus.MERGED,
    )
    make_org("Chi hội Cầu Giấy", OrganizationKind.LOCAL_MEMBER, old)
    return old


def names(nodes):
    return [node.name for node in nodes]


def test_the_tree_leaves_out_inactive_branches_unless_asked(orgs, merged):
    tree = services.federation_tree(Organization.objects.all())
    (root,) = tree.roots
    assert root == orgs.central
    hanoi = next(node for node in root.tree_children if node.pk == orgs.hanoi.pk)
    assert names(hanoi.tree_children) == ["Hội hữu nghị Việt – Lào thành phố Hà Nội"]
    assert (tree.total, tree.active) == (7, 6)

    tree = services.federation_tree(Organization.objects.all(), include_inactive=True)
    hanoi = next(node for node in tree.roots[0].tree_children if node.pk == orgs.hanoi.pk)
    assert names(hanoi.tree_children) == [
        "Hội hữu nghị Việt – Lào thành phố Hà Nội",
        "Hội hữu nghị Việt – Nhật Hà Nội",
    ]
    (old,) = [node for node in hanoi.tree_children if node.pk == merged.pk]
    assert names(old.tree_children) == ["Chi hội Cầu Giấy"]
    assert (tree.total, tree.active) == (7, 6)


def test_a_node_whose_parent_is_out_of_scope_is_a_root(orgs):
    tree = services.federation_tree(Organization.objects.filter(pk__in=orgs.hanoi.branch_ids()))
    assert [node.pk for node in tree.roots] == [orgs.hanoi.pk]
    assert [node.pk for node in tree.roots[0].tree_children] == [orgs.hanoi_member.pk]


def test_the_tree_counts_people_who_are_not_deleted(orgs, django_assert_num_queries):
    Person.objects.create(full_name="Trần Văn Bình", organization=orgs.hanoi)
    gone = Person.objects.create(full_name="Phạm Thị Cúc", organization=orgs.hanoi)
    gone.delete()
    with django_assert_num_queries(1):
        tree = services.federation_tree(Organization.objects.all())
    people = {node.pk: node.people_count for node in [tree.roots[0], *tree.roots[0].tree_children]}
    assert people[orgs.hanoi.pk] == 1
    assert people[orgs.danang.pk] == 0


@pytest.mark.parametrize("value, shown", [("1", True), ("", False), (None, False)])
def test_the_form_reads_inactive(value, shown):
    form = TreeForm({} if value is None else {"inactive": value})
    assert form.is_valid()
    assert form.cleaned_data["inactive"] is shown


@pytest.mark.parametrize("value", ["0", "true", "2", "ĐŨ", "1 "])
def test_the_form_refuses_anything_else(value):
    assert not TreeForm({"inactive": value}).is_valid()


@pytest.mark.parametrize(
    "query", [{}, {"inactive": "0"}, {"inactive": "yes"}, {"inactive": "ĐŨ\u0000"}]
)
def test_the_page_without_inactive_hides_the_merged_branch(client, login, users, merged, query):
    login(users.hanoi)
    page = client.get(reverse("organizations:tree"), query)
    assert page.status_code == 200
    html = page.content.decode()
    assert merged.name not in html
    assert "Chi hội Cầu Giấy" not in html
    (hanoi,) = page.context["roots"]
    assert len(hanoi.tree_children) == 1  # what the badge beside Ha Noi says
    assert page.context["counts"] == {"total": 4, "active": 3}


def test_the_page_with_inactive_shows_the_merged_branch(client, login, users, merged):
    login(users.hanoi)
    page = client.get(reverse("organizations:tree"), {"inactive": "1"})
    html = page.content.decode()
    assert page.context["show_inactive"] is True
    assert merged.name in html
    assert "Chi hội Cầu Giấy" in html
    assert [node.pk for node in page.context["roots"][0].tree_children][-1] == merged.pk
