"""The possible-duplicates page and the merge page, as a user meets them."""

from datetime import date

import pytest
from django.urls import reverse

from amity.partners.choices import Sensitivity
from amity.partners.models import Contact, Interaction, Partner, RelationshipHolder

pytestmark = pytest.mark.django_db


def held(name, holder, **extra):
    partner = Partner.objects.create(kind="ngo", name=name, **extra)
    RelationshipHolder.objects.create(partner=partner, organization=holder)
    return partner


def test_duplicates_page_lists_pairs_with_reasons(client, orgs, users, login, english):
    first = held("Mekong Friendship Foundation", orgs.hanoi, website="https://mff.example.org")
    second = held("Mekong Friendship Fundation", orgs.hanoi, website="https://www.mff.example.org")
    held("Alps Relief", orgs.hanoi)
    held("Mekong Secret Fund", orgs.danang, sensitivity=Sensitivity.RESTRICTED)
    login(users.hanoi)
    response = client.get(reverse("partners:duplicates"))
    rows = response.context["rows"]
    assert [{row["pair"].first.id, row["pair"].second.id} for row in rows] == [
        {first.pk, second.pk}
    ]
    assert rows[0]["mergeable"] is True
    reasons = [str(reason) for reason in rows[0]["pair"].reasons]
    assert "same website" in reasons


def test_merge_page_moves_everything_and_keeps_the_chosen_values(client, orgs, users, login):
    keep = held("Mekong Friendship Foundation", orgs.hanoi)
    drop = held("Mekong Friendship Fundation", orgs.hanoi, email="info@mff.example.org")
    Contact.objects.create(partner=drop, full_name="Anna Berg")
    Interaction.objects.create(
        partner=drop, organization=orgs.hanoi, kind="call", occurred_on=date(2025, 3, 3)
    )
    login(users.hanoi)
    url = reverse("partners:merge")
    page = client.get(url, {"keep": keep.pk, "drop": drop.pk})
    email_row = next(row for row in page.context["rows"] if row["name"] == "email")
    assert email_row["default"] == "drop"  # the kept partner has none
    response = client.post(url, {"keep": keep.pk, "drop": drop.pk, "field-email": "drop"})
    assert response.status_code == 302
    keep.refresh_from_db()
    assert keep.email == "info@mff.example.org"
    assert list(keep.contacts.values_list("full_name", flat=True)) == ["Anna Berg"]
    assert keep.interactions.count() == 1
    assert keep.last_contact_on == date(2025, 3, 3)
    assert not Partner.objects.filter(pk=drop.pk).exists()


def test_merge_out_of_scope_or_with_itself_is_refused(client, orgs, users, login):
    mine = held("Mine", orgs.hanoi)
    theirs = held("Theirs", orgs.danang, sensitivity=Sensitivity.RESTRICTED)
    shared = held("Shared", orgs.danang, sensitivity=Sensitivity.PUBLIC)
    login(users.hanoi)
    url = reverse("partners:merge")
    assert client.get(url, {"keep": mine.pk, "drop": theirs.pk}).status_code == 404
    assert client.post(url, {"keep": mine.pk, "drop": shared.pk}).status_code == 403
    same = client.post(url, {"keep": mine.pk, "drop": mine.pk})
    assert same.status_code == 200
    assert Partner.objects.count() == 3
    assert client.get(url, {"keep": "abc", "drop": "1"}).status_code == 404


def test_the_api_lists_duplicates_merges_and_suggests(client, orgs, users, login, english):
    keep = held("Mekong Friendship Foundation", orgs.hanoi, website="https://mff.example.org")
    drop = held("Mekong Friendship Fundation", orgs.hanoi, website="https://www.mff.example.org")
    login(users.hanoi)
    pairs = client.get("/api/partners/partners/duplicates/").json()
    assert [{pair["first"], pair["second"]} for pair in pairs] == [{keep.pk, drop.pk}]
    assert "same website" in pairs[0]["reasons"]
    url = f"/api/partners/partners/{keep.pk}/merge/"
    refused = client.post(url, {"drop": keep.pk}, content_type="application/json")
    assert refused.status_code == 400
    merged = client.post(
        url, {"drop": drop.pk, "choices": {"name": "keep"}}, content_type="application/json"
    )
    assert merged.status_code == 200
    assert merged.json()["name"] == "Mekong Friendship Foundation"
    assert not Partner.objects.filter(pk=drop.pk).exists()
    assert client.get("/api/partners/partners/suggestions/").status_code == 200
    other = client.get("/api/partners/partners/suggestions/", {"organization": orgs.danang.pk})
    assert other.status_code == 404


def test_the_api_merge_of_a_partner_out_of_scope_is_refused(client, orgs, users, login):
    mine = held("Mine", orgs.hanoi)
    theirs = held("Theirs", orgs.danang, sensitivity=Sensitivity.PUBLIC)
    login(users.hanoi)
    into_theirs = client.post(
        f"/api/partners/partners/{theirs.pk}/merge/",
        {"drop": mine.pk},
        content_type="application/json",
    )
    assert into_theirs.status_code == 403
    theirs_into_mine = client.post(
        f"/api/partners/partners/{mine.pk}/merge/",
        {"drop": theirs.pk},
        content_type="application/json",
    )
    assert theirs_into_mine.status_code == 400
    assert Partner.objects.count() == 2
