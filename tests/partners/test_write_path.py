"""One write path: the partner writers' steps run whoever writes (form, API, import), and a
relation declared `editable_relations` offers only editable records in all three."""

from datetime import date

import pytest
from django.urls import reverse
from tablib import Dataset

from amity.core.imports import import_dataset
from amity.core.writes import save_record
from amity.partners.choices import PartnerKind, Sensitivity
from amity.partners.imports import (
    ContactResource,
    InteractionResource,
    RelationshipHolderResource,
)
from amity.partners.models import Contact, Partner, RelationshipHolder

pytestmark = pytest.mark.django_db


def held(name, organization, **extra):
    partner = Partner.objects.create(kind=PartnerKind.NGO, name=name, **extra)
    RelationshipHolder.objects.create(partner=partner, organization=organization)
    return partner


def refreshed(partner):
    partner.refresh_from_db()
    return partner


def test_the_form_writes_a_contact_into_its_partner_search_text(client, orgs, users, login):
    partner = held("Mekong Friends", orgs.hanoi)
    login(users.hanoi)
    response = client.post(
        reverse("partners:contact_add"),
        {"partner": partner.pk, "full_name": "Lars Nyström", "is_current": True},
    )
    assert response.status_code == 302
    assert refreshed(partner).search_text == "mekong friends lars nystrom"


def test_the_form_writes_an_interaction_into_its_partner_last_contact(client, orgs, users, login):
    partner = held("Mekong Friends", orgs.hanoi)
    login(users.hanoi)
    response = client.post(
        reverse("partners:interaction_add"),
        {
            "partner": partner.pk,
            "organization": orgs.hanoi.pk,
            "occurred_on": "2024-07-09",
            "kind": "call",
        },
    )
    assert response.status_code == 302
    assert refreshed(partner).last_contact_on == date(2024, 7, 9)


def test_the_api_keeps_the_partner_summary_on_write_and_delete(client, orgs, users, login):
    partner = held("Mekong Friends", orgs.hanoi)
    login(users.hanoi)
    contact = client.post(
        "/api/partners/contacts/",
        {"partner": partner.pk, "full_name": "Anna Berg"},
        content_type="application/json",
    )
    assert contact.status_code == 201
    assert refreshed(partner).search_text == "mekong friends anna berg"
    written = [
        client.post(
            "/api/partners/interactions/",
            {
                "partner": partner.pk,
                "organization": orgs.hanoi.pk,
                "occurred_on": day,
                "kind": "meeting",
            },
            content_type="application/json",
        ).json()
        for day in ("2023-05-01", "2024-07-09")
    ]
    assert refreshed(partner).last_contact_on == date(2024, 7, 9)
    deleted = client.delete(f"/api/partners/interactions/{written[1]['id']}/")
    assert deleted.status_code == 204
    assert refreshed(partner).last_contact_on == date(2023, 5, 1)
    client.delete(f"/api/partners/contacts/{contact.json()['id']}/")
    assert refreshed(partner).search_text == "mekong friends"


def test_the_import_keeps_the_partner_summary(orgs, users):
    partner = held("Mekong Friends", orgs.hanoi)
    contacts = Dataset(headers=["partner", "full_name"])
    contacts.append([partner.pk, "Mai Trần"])
    assert import_dataset(ContactResource, contacts, users.hanoi, dry_run=False)["errors"] == []
    interactions = Dataset(headers=["partner", "organization", "occurred_on", "kind"])
    interactions.append([partner.pk, orgs.hanoi.pk, "2025-02-03", "visit"])
    summary = import_dataset(InteractionResource, interactions, users.hanoi, dry_run=False)
    assert summary["errors"] == []
    partner = refreshed(partner)
    assert (partner.search_text, partner.last_contact_on) == (
        "mekong friends mai tran",
        date(2025, 2, 3),
    )


def test_a_contact_moved_to_another_partner_leaves_the_first_one_search_text(orgs, users):
    first, second = held("First Fund", orgs.hanoi), held("Second Fund", orgs.hanoi)
    contact = save_record(Contact(partner=first, full_name="Olga Petrova"), users.hanoi)
    assert refreshed(first).search_text == "first fund olga petrova"
    contact.partner = second
    save_record(contact, users.hanoi)
    assert refreshed(first).search_text == "first fund"
    assert refreshed(second).search_text == "second fund olga petrova"


def test_a_plain_save_of_a_contact_leaves_its_partner_alone(orgs):
    partner = held("Mekong Friends", orgs.hanoi)
    Contact.objects.create(partner=partner, full_name="Anna Berg")
    assert refreshed(partner).search_text == "mekong friends"


# --- the choice limit, declared once on the model -------------------------------------------------


@pytest.fixture
def theirs(orgs):
    """A partner Ha Noi may see (it is public) but not edit (Da Nang holds it)."""
    return held("Shared Heritage", orgs.danang, sensitivity=Sensitivity.PUBLIC)


def test_the_holder_form_offers_only_editable_partners(client, orgs, users, login, theirs):
    mine = held("Mine", orgs.hanoi)
    login(users.hanoi)
    form = client.get(reverse("partners:relationshipholder_add")).context["form"]
    assert list(form.fields["partner"].queryset) == [mine]


def test_the_api_refuses_a_holder_of_a_partner_one_may_not_edit(client, orgs, users, login, theirs):
    login(users.hanoi)
    response = client.post(
        "/api/partners/relationship-holders/",
        {"partner": theirs.pk, "organization": orgs.hanoi.pk, "role": "lead"},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert "partner" in response.json()
    assert list(theirs.holders.values_list("organization", flat=True)) == [orgs.danang.pk]


def test_the_import_refuses_a_holder_of_a_partner_one_may_not_edit(orgs, users, theirs):
    rows = Dataset(headers=["partner", "organization", "role"])
    rows.append([theirs.pk, orgs.hanoi.pk, "lead"])
    summary = import_dataset(RelationshipHolderResource, rows, users.hanoi, dry_run=False)
    assert len(summary["errors"]) == 1
    assert list(theirs.holders.values_list("organization", flat=True)) == [orgs.danang.pk]
