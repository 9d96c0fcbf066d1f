"""Numbering per register and year, never reused; bad input refused with a clear message and
nothing written."""

from datetime import date

import pytest

from amity.core.writes import save_record
from amity.documents.models import RegisterCounter, RegisterEntry
from amity.documents.numbering import last_number, take_number
from tests.documents.register import builders as build

pytestmark = pytest.mark.django_db


def form(orgs, **values):
    data = {
        "organization": orgs.hanoi.pk,
        "direction": "outgoing",
        "document_type": "official_letter",
        "issued_on": "12/03/2026",
        "subject": "V/v phối hợp tổ chức Ngày hội hữu nghị",
    }
    return {**data, **values}


def test_numbers_run_per_organization_and_year(orgs):
    first, second = build.entry(orgs.hanoi, 0), build.entry(orgs.hanoi, 1)
    other = build.entry(orgs.danang, 2)
    next_year = build.entry(orgs.hanoi, 3, issued_on=date(2027, 1, 5))
    assert [first.number, second.number, other.number, next_year.number] == [1, 2, 1, 1]
    assert second.reference.startswith("2/CV-")
    assert last_number(orgs.hanoi, 2026, "outgoing") == 2


def test_incoming_documents_get_arrival_numbers_of_their_own(orgs):
    build.entry(orgs.hanoi, 0)
    incoming = build.entry(
        orgs.hanoi, 1, direction="incoming", number=45, symbol="UBND-VX", sender_name="UBND"
    )
    assert (incoming.number, incoming.arrival_number) == (45, 1)
    assert (
        RegisterCounter.objects.get(organization=orgs.hanoi, direction="incoming").last_number == 1
    )


def test_a_deleted_entrys_number_is_not_given_again(orgs, users):
    first = build.entry(orgs.hanoi, 0)
    save_record(first, users.hanoi)
    first.soft_delete()
    assert build.entry(orgs.hanoi, 1).number == 2


def test_the_counter_skips_a_number_typed_by_hand(orgs):
    build.entry(orgs.hanoi, 0, number=2)
    assert take_number(orgs.hanoi, 2026, "outgoing") == 1
    assert take_number(orgs.hanoi, 2026, "outgoing") == 3


def test_the_form_numbers_an_outgoing_document(client, orgs, users, login):
    login(users.hanoi)
    response = client.post("/documents/register/add/", form(orgs))
    assert response.status_code == 302
    entry = RegisterEntry.objects.get()
    assert (entry.number, entry.year, entry.history.get().history_user) == (1, 2026, users.hanoi)


def test_a_number_taken_is_refused_even_by_a_deleted_entry(client, orgs, users, login):
    taken = build.entry(orgs.hanoi, 0)
    taken.soft_delete()
    login(users.hanoi)
    response = client.post("/documents/register/add/", form(orgs, number=taken.number))
    assert response.status_code == 200
    assert response.context["form"].errors["number"] == [
        "Number 1 of 2026 is already taken in this register."
    ]
    assert RegisterEntry.all_objects.count() == 1


def test_an_incoming_entry_without_a_sender_is_refused(client, orgs, users, login):
    login(users.hanoi)
    response = client.post("/documents/register/add/", form(orgs, direction="incoming"))
    assert response.context["form"].errors["sender_name"] == [
        "An incoming document needs its sender."
    ]
    assert not RegisterEntry.all_objects.exists()
    assert not RegisterCounter.objects.exists()


@pytest.mark.parametrize("day", ["01/01/1066", "31/12/9999", "31/02/2026"])
def test_dates_far_out_are_refused(client, orgs, users, login, day):
    login(users.hanoi)
    response = client.post("/documents/register/add/", form(orgs, issued_on=day))
    assert response.status_code == 200
    assert "issued_on" in response.context["form"].errors
    assert not RegisterEntry.all_objects.exists()


def test_another_branchs_register_is_refused(client, orgs, users, login):
    login(users.hanoi)
    response = client.post("/documents/register/add/", form(orgs, organization=orgs.danang.pk))
    assert response.status_code == 200
    assert "organization" in response.context["form"].errors
    api = client.post(
        "/api/documents/register/",
        {**form(orgs, organization=orgs.danang.pk), "issued_on": "2026-03-12"},
        content_type="application/json",
    )
    assert api.status_code == 400
    assert "organization" in api.json()
    assert not RegisterEntry.all_objects.exists()


def test_the_api_refuses_a_number_taken(client, orgs, users, login):
    build.entry(orgs.hanoi, 0)
    login(users.hanoi)
    response = client.post(
        "/api/documents/register/",
        {**form(orgs, number=1), "issued_on": "2026-03-12"},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json()["number"] == ["Number 1 of 2026 is already taken in this register."]
    assert RegisterEntry.objects.count() == 1


def test_the_register_is_seen_above_not_beside(orgs, users):
    mine = build.entry(orgs.hanoi, 0)
    assert list(RegisterEntry.objects.visible_to(users.central)) == [mine]
    assert list(RegisterEntry.objects.visible_to(users.danang)) == []


def test_the_counter_row_is_locked_while_the_number_is_taken(orgs):
    """On PostgreSQL the counter is read FOR UPDATE: a second issue waits for the first's
    transaction (SQLite locks the whole database for a write transaction already)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        take_number(orgs.hanoi, 2026, "outgoing")
    reads = [query["sql"] for query in queries if "documents_registercounter" in query["sql"]]
    if connection.features.has_select_for_update:
        assert any("FOR UPDATE" in sql for sql in reads), reads
    else:
        assert connection.vendor == "sqlite"
