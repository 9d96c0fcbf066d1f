"""The domain steps of saving aid records run on every write path: the edit form, the API, the
import, the delete of a rate (web and API); and the donor's limit holds on each of them."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from tests.aid.test_aid import activity, flow, ngo, rate
from tests.generic import csv_upload

from amity.aid.models import Activity, Rate, Transaction
from amity.core.models import Job
from amity.partners.models import Partner

pytestmark = pytest.mark.django_db

API = "/api/aid"


@pytest.fixture
def kept(orgs):
    """A EUR disbursement of an activity kept by Đà Nẵng: 125 USD at the centre's rate, 200 at
    Hà Nội's own."""
    rate(orgs.central, "EUR", date(2010, 1, 1), usd=Decimal("1.25"))
    rate(orgs.hanoi, "EUR", date(2010, 1, 1), usd=Decimal("2"))
    moved = activity(orgs.danang, "XM-KEEP-1", ngo("Keeper Fund", "FR"))
    made = flow(moved, "3", date(2020, 1, 1), "100", "EUR")
    assert made.value_usd == Decimal("125.00")
    return moved, made


def usd(transaction_) -> Decimal | None:
    transaction_.refresh_from_db()
    return transaction_.value_usd


def activity_form_data(record: Activity, **changes) -> dict:
    return {
        "iati_identifier": record.iati_identifier,
        "reporting_org": record.reporting_org_id,
        "reporting_org_ref": record.reporting_org_ref,
        "title_vi": record.title_vi,
        "kind": record.kind,
        "status": record.status,
        "planned_start": "01/01/2014",
        "organization": record.organization_id,
        "default_currency": record.default_currency,
        "version": record.version,
        **changes,
    }


def test_a_change_of_keeper_on_the_form_converts_the_transactions_again(
    client, orgs, users, login, kept
):
    moved, made = kept
    login(users.central)
    url = reverse("aid:activity_edit", args=[moved.pk])
    response = client.post(url, activity_form_data(moved, organization=orgs.hanoi.pk))
    assert response.status_code == 302
    assert usd(made) == Decimal("200.00")


def test_a_change_of_keeper_through_the_api_converts_the_transactions_again(
    client, orgs, users, login, kept
):
    moved, made = kept
    login(users.central)
    response = client.patch(
        f"{API}/activities/{moved.pk}/",
        {"organization": orgs.hanoi.pk, "version": moved.version},
        content_type="application/json",
    )
    assert response.status_code == 200, response.json()
    assert usd(made) == Decimal("200.00")


def test_a_change_of_keeper_by_import_converts_the_transactions_again(
    client, orgs, users, login, kept
):
    moved, made = kept
    login(users.central)
    row = {
        "id": moved.pk,
        "version": moved.version,
        "iati_identifier": moved.iati_identifier,
        "reporting_org": moved.reporting_org_id,
        "reporting_org_ref": moved.reporting_org_ref,
        "title_vi": moved.title_vi,
        "kind": moved.kind,
        "status": moved.status,
        "planned_start": "2014-01-01",
        "organization": orgs.hanoi.pk,
        "default_currency": "USD",
    }
    url = reverse("aid:activity_import")
    job = client.post(url, {"file": csv_upload([row])}).context["job"]
    assert job.status == Job.Status.CHECKED, job.summary
    assert client.post(url, {"confirm": job.pk}).status_code == 302
    job.refresh_from_db()
    assert job.status == Job.Status.DONE, job.summary
    assert (Activity.objects.get(pk=moved.pk).organization, usd(made)) == (
        orgs.hanoi,
        Decimal("200.00"),
    )


def test_a_transaction_added_on_the_form_or_the_api_is_converted(client, orgs, users, login, kept):
    moved, _made = kept
    login(users.central)
    data = {
        "activity": moved.pk,
        "transaction_type": "3",
        "date": "01/02/2020",
        "value": "10",
        "currency": "EUR",
    }
    assert client.post(reverse("aid:transaction_add"), data).status_code == 302
    response = client.post(
        f"{API}/transactions/", {**data, "date": "2020-03-01"}, content_type="application/json"
    )
    assert response.status_code == 201, response.json()
    assert response.json()["value_usd"] == "12.50"
    added = Transaction.objects.filter(activity=moved, value=10).order_by("date")
    assert [item.value_usd for item in added] == [Decimal("12.50"), Decimal("12.50")]


def test_a_rate_changed_or_deleted_through_the_api_converts_again(client, orgs, users, login, kept):
    _moved, made = kept
    central = Rate.objects.get(organization=orgs.central, currency="EUR")
    login(users.central)
    response = client.patch(
        f"{API}/rates/{central.pk}/",
        {"usd_per_unit": "1.5", "version": central.version},
        content_type="application/json",
    )
    assert response.status_code == 200, response.json()
    assert usd(made) == Decimal("150.00")
    assert client.delete(f"{API}/rates/{central.pk}/").status_code == 204
    assert (usd(made), Rate.all_objects.get(pk=central.pk).is_deleted) == (None, True)


def test_a_rate_added_on_the_form_and_deleted_on_the_web_converts_again(
    client, orgs, users, login, kept
):
    _moved, made = kept
    login(users.central)
    data = {
        "organization": orgs.danang.pk,
        "currency": "EUR",
        "date": "01/06/2019",
        "usd_per_unit": "3",
    }
    assert client.post(reverse("aid:rate_add"), data).status_code == 302
    assert usd(made) == Decimal("300.00")
    own = Rate.objects.get(organization=orgs.danang)
    assert client.post(reverse("aid:rate_delete", args=[own.pk])).status_code == 302
    assert usd(made) == Decimal("125.00")


def new_activity_of(donor, orgs) -> dict:
    data = activity_form_data(
        Activity(
            iati_identifier="US-1-VN-1",
            reporting_org_ref="US-1",
            reporting_org=donor,
            title_vi="Nước sạch",
            organization=orgs.hanoi,
        ),
    )
    del data["version"]
    return data


def test_a_person_is_neither_offered_nor_accepted_as_a_donor_by_the_form_and_the_import(
    client, orgs, users, login, english
):
    person = Partner.objects.create(kind="individual", name="A Friend of Viet Nam")
    ngo_donor = ngo("Water for All")
    login(users.central)
    form = client.get(reverse("aid:activity_add")).context["form"]
    offered = set(form.fields["reporting_org"].queryset)
    assert (ngo_donor in offered, person in offered) == (True, False)
    data = new_activity_of(person, orgs)
    response = client.post(reverse("aid:activity_add"), data)
    assert (response.status_code, list(response.context["form"].errors)) == (200, ["reporting_org"])
    row = {**data, "planned_start": "2014-01-01"}
    job = client.post(reverse("aid:activity_import"), {"file": csv_upload([row])}).context["job"]
    assert job.status == Job.Status.INVALID
    assert [error["line"] for error in job.summary["errors"]] == [2]
    assert Activity.objects.count() == 0


def test_a_person_is_not_accepted_as_a_donor_by_the_api(client, orgs, users, login, english):
    person = Partner.objects.create(kind="individual", name="A Friend of Viet Nam")
    login(users.central)
    data = {**new_activity_of(person, orgs), "planned_start": "2014-01-01"}
    response = client.post(f"{API}/activities/", data, content_type="application/json")
    assert (response.status_code, list(response.json())) == (400, ["reporting_org"])
    assert Activity.objects.count() == 0
