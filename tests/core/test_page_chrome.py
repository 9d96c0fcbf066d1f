"""The layout every page shares: a skip link, the main landmark, the tree's separate toggles."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_skip_link_comes_first_and_leads_to_the_main_part(client, users):
    client.force_login(users.hanoi)
    html = client.get(reverse("home")).content.decode()
    body = html.split("<body", 1)[1]
    first_link = re.search(r"<a [^>]*>", body).group(0)
    assert first_link == '<a class="visually-hidden-focusable skip-link" href="#content">'
    assert html.count('id="content"') == 1
    assert '<main id="content"' in html


def test_the_tree_has_no_link_inside_a_toggle(client, users, orgs):
    client.force_login(users.central)
    html = client.get(reverse("organizations:tree")).content.decode()
    tree = html.split('<div class="tree', 1)[1]
    assert "<summary" not in tree and "<details" not in tree
    toggles = re.findall(r"<button [^>]*class=\"tree-toggle\"[^>]*>(.*?)</button>", tree, re.S)
    assert len(toggles) == 2  # the central Union and Ha Noi have organizations under them
    assert all("<a " not in inside for inside in toggles)
    # Each toggle says whether its branch is open and names the list it opens.
    central = re.search(
        rf'aria-expanded="true" aria-controls="tree-children-{orgs.central.pk}"', tree
    )
    hanoi = re.search(rf'aria-expanded="false" aria-controls="tree-children-{orgs.hanoi.pk}"', tree)
    assert central and hanoi
    assert f'<ul id="tree-children-{orgs.central.pk}">' in tree
    assert f'<ul id="tree-children-{orgs.hanoi.pk}" hidden>' in tree
    assert "Các tổ chức trực thuộc Liên hiệp các tổ chức hữu nghị thành phố Hà Nội" in tree


def test_a_unit_officer_sees_its_own_branch_open(client, users, orgs):
    # Its Union is the root of what it sees: open, as the central Union is for the centre.
    client.force_login(users.hanoi)
    html = client.get(reverse("organizations:tree")).content.decode()
    assert f'aria-expanded="true" aria-controls="tree-children-{orgs.hanoi.pk}"' in html
    assert f'<ul id="tree-children-{orgs.hanoi.pk}">' in html
