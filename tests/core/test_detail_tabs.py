"""A detail page's tab is chosen once, by the page, against the declared tabs (issue 15): each
`detail_context` is handed it and reads no query parameter; an unknown tab is the overview."""

import re
from pathlib import Path

import pytest
from django.urls import reverse

import amity
from amity.organizations.models import Person
from amity.partners.models import Contact, Partner

pytestmark = pytest.mark.django_db


@pytest.fixture
def partner(orgs):
    partner = Partner.objects.create(kind="ngo", name="Friends of Hue", sensitivity="public")
    partner.holders.create(organization=orgs.hanoi)
    Contact.objects.create(partner=partner, full_name="Nguyễn Văn An")
    return partner


def test_a_declared_tab_gets_its_records(client, login, users, partner):
    login(users.hanoi)
    page = client.get(reverse("partners:partner", args=[partner.pk]), {"tab": "contacts"})
    assert page.context["tab"] == "contacts"
    assert [contact.full_name for contact in page.context["contacts"]] == ["Nguyễn Văn An"]
    assert "fields_of_work" not in page.context


@pytest.mark.parametrize("tab", ["", "contact", "CONTACTS", "history", "../contacts", "Đà"])
def test_an_unknown_tab_is_the_overview(client, login, users, partner, tab):
    login(users.hanoi)
    page = client.get(reverse("partners:partner", args=[partner.pk]), {"tab": tab})
    assert page.status_code == 200
    assert page.context["tab"] == "overview"
    assert "contacts" not in page.context
    assert page.context["dormant"] is False  # the overview's records
    assert list(page.context["fields_of_work"]) == []


def test_the_history_page_ignores_a_tab_in_its_address(client, login, users, orgs):
    Person.objects.create(full_name="Lê Thị Hoa", organization=orgs.hanoi)
    login(users.hanoi)
    url = reverse("organizations:organization_history", args=[orgs.hanoi.pk])
    page = client.get(url, {"tab": "people"})
    assert page.status_code == 200
    assert page.context["tab"] == "history"
    assert "people" not in page.context


def test_only_core_reads_the_tab_from_the_query():
    root = Path(amity.__file__).parent
    readers = sorted(
        str(path.relative_to(root))
        for path in root.rglob("*.py")
        if re.search(r"""GET\.get\(\s*["']tab["']""", path.read_text(encoding="utf-8"))
    )
    assert readers == ["core/views.py"]
