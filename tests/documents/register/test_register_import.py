"""Importing the register: each row numbered or refused alone, nothing half-written."""

import pytest

from amity.core.models import Job
from amity.documents.models import RegisterEntry
from tests.documents.register import builders as build
from tests.generic import csv_upload

pytestmark = pytest.mark.django_db


def row(orgs, **values):
    data = {
        "id": "",
        "organization": orgs.hanoi.pk,
        "direction": "outgoing",
        "document_type": "report",
        "number": "",
        "issued_on": "12/03/2026",
        "sender_name": "",
        "subject": "Báo cáo công tác đối ngoại nhân dân quý I",
    }
    return {**data, **values}


def test_an_outgoing_number_that_exists_is_refused_for_that_row(client, orgs, users, login):
    build.entry(orgs.hanoi, 0)
    login(users.hanoi)
    rows = [row(orgs), row(orgs, number="1")]
    response = client.post("/documents/register/import/", {"file": csv_upload(rows)})
    job = response.context["job"]
    assert job.status == Job.Status.INVALID
    assert [problem["line"] for problem in job.summary["errors"]] == [3]
    assert RegisterEntry.objects.count() == 1


def test_rows_without_numbers_are_numbered_in_order(client, orgs, users, login):
    login(users.hanoi)
    rows = [row(orgs), row(orgs), row(orgs, direction="incoming", sender_name="Sứ quán Lào")]
    response = client.post("/documents/register/import/", {"file": csv_upload(rows)})
    job = response.context["job"]
    assert job.status == Job.Status.CHECKED, job.summary
    client.post("/documents/register/import/", {"confirm": job.pk})
    outgoing = RegisterEntry.objects.filter(direction="outgoing").order_by("number")
    assert [entry.number for entry in outgoing] == [1, 2]
    assert RegisterEntry.objects.get(direction="incoming").arrival_number == 1
