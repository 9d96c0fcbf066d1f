"""Transactions imported from a spreadsheet, keyed by their activity's IATI identifier."""

import io
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import Workbook
from tests.generic import csv_upload, exported_rows

from amity.aid import services
from amity.aid.models import Activity, Rate, Transaction
from amity.core.models import Job
from amity.partners.models import Partner

pytestmark = pytest.mark.django_db

URL = "aid:transaction_import"


@pytest.fixture
def setting(orgs):
    """An activity of Ha Noi's and one of Da Nang's, both started in 2020, and the centre's rates
    for the euro and the dollar."""
    donor = Partner.objects.create(kind="ngo", name="Clean Water Fund")

    def make(owner, identifier):
        return Activity.objects.create(
            iati_identifier=identifier,
            reporting_org_ref="XM-CWF",
            reporting_org=donor,
            title_vi=identifier,
            organization=owner,
            planned_start=date(2020, 1, 1),
        )

    Rate.objects.create(
        organization=orgs.central,
        currency="EUR",
        date=date(2015, 1, 1),
        usd_per_unit=Decimal("1.10"),
    )
    Rate.objects.create(
        organization=orgs.central,
        currency="USD",
        date=date(2015, 1, 1),
        vnd_per_unit=Decimal("25000"),
    )
    return {"hanoi": make(orgs.hanoi, "XM-CWF-HN-1"), "danang": make(orgs.danang, "XM-CWF-DN-1")}


def row(identifier="XM-CWF-HN-1", **values):
    return {
        "iati-identifier": identifier,
        "ref": "",
        "transaction_type": "3",
        "date": "2021-03-01",
        "value": "1000",
        "currency": "USD",
        "value_date": "",
        **values,
    }


def check(client, rows, name="transactions.csv"):
    response = client.post(reverse(URL), {"file": csv_upload(rows, name)})
    assert response.status_code == 200
    return response.context["job"]


def run(client, rows):
    job = check(client, rows)
    assert job.status == Job.Status.CHECKED, job.summary["errors"]
    assert client.post(reverse(URL), {"confirm": job.pk}).status_code == 302
    job.refresh_from_db()
    assert job.status == Job.Status.DONE, job.summary
    return job.summary


def test_rows_are_added_to_the_named_activities_converted_and_in_history(
    client, orgs, users, login, english, setting
):
    login(users.hanoi)
    summary = run(
        client,
        [
            row(ref="TR-1", transaction_type="2", date="2020-01-15", value="50000", currency="EUR"),
            row(ref="TR-2", value="2500.50", value_date="2021-02-26"),
            row(transaction_type="4", date="2022-06-30", value="300"),
        ],
    )
    assert (summary["new"], summary["update"], summary["skip"], summary["errors"]) == (3, 0, 0, [])
    made = list(
        Transaction.objects.order_by("date").values_list(
            "activity__iati_identifier",
            "ref",
            "transaction_type",
            "date",
            "value",
            "currency",
            "value_date",
            "value_usd",
            "value_vnd",
        )
    )
    assert made == [
        (
            "XM-CWF-HN-1",
            "TR-1",
            "2",
            date(2020, 1, 15),
            Decimal("50000.00"),
            "EUR",
            date(2020, 1, 15),
            Decimal("55000.00"),
            Decimal("1375000000"),
        ),
        (
            "XM-CWF-HN-1",
            "TR-2",
            "3",
            date(2021, 3, 1),
            Decimal("2500.50"),
            "USD",
            date(2021, 2, 26),
            Decimal("2500.50"),
            Decimal("62512500"),
        ),
        (
            "XM-CWF-HN-1",
            "",
            "4",
            date(2022, 6, 30),
            Decimal("300.00"),
            "USD",
            date(2022, 6, 30),
            Decimal("300.00"),
            Decimal("7500000"),
        ),
    ]
    entries = Transaction.history.order_by("history_id")
    assert [(entry.history_type, entry.history_user) for entry in entries] == [
        ("+", users.hanoi),
        ("+", users.hanoi),
        ("+", users.hanoi),
    ]


def test_importing_again_with_references_changes_nothing_and_updates_what_changed(
    client, orgs, users, login, english, setting
):
    login(users.hanoi)
    rows = [row(ref="TR-1", value="1000"), row(ref="TR-2", value="2000", date="2021-04-01")]
    assert run(client, rows)["new"] == 2
    first = Transaction.objects.get(ref="TR-1")
    again = run(client, rows)
    assert (again["new"], again["update"], again["skip"]) == (0, 0, 2)
    assert Transaction.objects.count() == 2
    assert Transaction.history.count() == 2  # nothing written the second time
    rows[0]["value"] = "1500"
    changed = run(client, rows)
    assert (changed["new"], changed["update"], changed["skip"]) == (0, 1, 1)
    fresh = Transaction.objects.get(pk=first.pk)
    assert (fresh.value, fresh.value_usd, fresh.version) == (
        Decimal("1500.00"),
        Decimal("1500.00"),
        first.version + 1,
    )
    latest = fresh.history.latest()
    assert (latest.history_type, latest.history_user) == ("~", users.hanoi)
    # The same reference on another activity is another transaction.
    setting["danang"].organization = orgs.hanoi
    setting["danang"].save()
    other = run(client, [row("XM-CWF-DN-1", ref="TR-1", value="7")])
    assert (other["new"], other["update"]) == (1, 0)
    assert Transaction.objects.filter(ref="TR-1").count() == 2


def test_every_bad_row_is_named_with_its_line_and_nothing_is_written(
    client, orgs, users, login, english, setting
):
    Transaction.objects.create(
        activity=setting["hanoi"],
        ref="GONE",
        transaction_type="3",
        date=date(2021, 1, 1),
        value=1,
        currency="USD",
    ).soft_delete()
    setting["danang"].other_counterparts.add(orgs.hanoi_member)  # Ha Noi sees it, edits it not
    login(users.hanoi)
    tomorrow = (date.today() + timedelta(days=1)).isoformat()
    rows = [
        row(ref="OK-1"),  # line 2: good
        row("XM-NOWHERE-1"),  # 3
        row("XM-CWF-DN-1"),  # 4: Da Nang's activity
        row(transaction_type="99"),  # 5
        row(value="-10"),  # 6
        row(currency="ABC"),  # 7
        row(date=tomorrow),  # 8: a disbursement in the future
        row(date="2019-12-31"),  # 9: before the activity starts
        row(ref="OK-1"),  # 10: the reference of line 2 again
        row(""),  # 11
        row(ref="GONE"),  # 12: a deleted transaction's reference
        row(transaction_type="2", date="2019-12-31"),  # 13: a commitment may precede the start
    ]
    job = check(client, rows)
    assert job.status == Job.Status.INVALID
    assert job.summary["errors"] == [
        {
            "line": 3,
            "errors": [
                "iati-identifier: There is no activity with the IATI identifier XM-NOWHERE-1."
            ],
        },
        {
            "line": 4,
            "errors": [
                "iati-identifier: The activity XM-CWF-DN-1 is kept by an "
                "organization you may not edit."
            ],
        },
        {"line": 5, "errors": ["transaction_type: Value '99' is not a valid choice."]},
        {"line": 6, "errors": ["value: Ensure this value is greater than or equal to 0."]},
        {"line": 7, "errors": ["currency: Value 'ABC' is not a valid choice."]},
        {"line": 8, "errors": ["date: An actual date cannot be in the future."]},
        {
            "line": 9,
            "errors": [
                "date: A disbursement or expenditure cannot be dated before the "
                "activity starts (01/01/2020)."
            ],
        },
        {
            "line": 10,
            "errors": ["ref: This transaction reference is already on line 2 of the file."],
        },
        {"line": 11, "errors": ["iati-identifier: Give the activity's IATI identifier."]},
        {
            "line": 12,
            "errors": [
                "ref: The transaction with this reference was deleted; restore "
                "it from the trash first."
            ],
        },
    ]
    assert Transaction.all_objects.count() == 1  # the deleted one, and nothing else
    assert job.summary["new"] == 2  # the good rows were checked, not written


def test_an_officer_adds_only_to_activities_they_may_edit(
    client, orgs, users, login, english, setting
):
    login(users.danang)
    job = check(client, [row("XM-CWF-DN-1"), row("XM-CWF-HN-1")])
    assert job.summary["errors"] == [
        {
            "line": 3,
            "errors": [
                "iati-identifier: There is no activity with the IATI identifier XM-CWF-HN-1."
            ],
        },
    ]
    # (Da Nang may not even see Ha Noi's activity: it is not named as existing.)
    login(users.hanoi_viewer)
    assert client.get(reverse(URL)).status_code == 403
    assert client.post(reverse(URL), {"file": csv_upload([row()])}).status_code == 403
    login(users.central)  # the centre edits everything
    assert run(client, [row("XM-CWF-DN-1"), row("XM-CWF-HN-1")])["new"] == 2
    assert sorted(Transaction.objects.values_list("activity__iati_identifier", flat=True)) == [
        "XM-CWF-DN-1",
        "XM-CWF-HN-1",
    ]
    assert (
        Transaction.objects.filter(activity=setting["danang"]).get().history.get().history_user
        == users.central
    )


def test_a_workbook_imports_like_a_csv_and_a_missing_rate_is_a_warning(
    client, orgs, users, login, english, setting
):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(
        ["iati-identifier", "ref", "transaction_type", "date", "value", "currency", "value_date"]
    )
    sheet.append(["XM-CWF-HN-1", "K-1", "3", date(2021, 5, 1), 1_000_000, "KRW", None])
    buffer = io.BytesIO()
    workbook.save(buffer)
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("transactions.xlsx", buffer.getvalue())
    login(users.hanoi)
    job = client.post(reverse(URL), {"file": upload}).context["job"]
    assert job.status == Job.Status.CHECKED, job.summary
    assert job.summary["warnings"] == [
        {"line": 2, "message": "No exchange rate converts KRW on 01/05/2021 yet."}
    ]
    client.post(reverse(URL), {"confirm": job.pk})
    made = Transaction.objects.get()
    assert (made.ref, made.value, made.currency, made.value_usd, made.value_vnd) == (
        "K-1",
        Decimal("1000000.00"),
        "KRW",
        None,
        None,
    )


def test_the_export_has_the_import_columns_and_imports_back_unchanged(
    client, orgs, users, login, english, setting
):
    made = services.write(
        Transaction(
            activity=setting["hanoi"],
            ref="X-9",
            transaction_type="3",
            date=date(2021, 1, 1),
            value=10,
            currency="EUR",
        ),
        None,
    )
    login(users.hanoi)
    exported = exported_rows(client.get(reverse("aid:transaction_list"), {"export": "csv"}))
    assert list(exported[0]) == [
        "id",
        "iati-identifier",
        "activity_title",
        "ref",
        "transaction_type",
        "date",
        "value",
        "currency",
        "value_date",
        "value_usd",
        "value_vnd",
        "description",
        "provider_org",
        "receiver_name",
        "notes",
        "version",
    ]
    assert (exported[0]["iati-identifier"], exported[0]["value_usd"]) == ("XM-CWF-HN-1", "11.00")
    summary = run(client, exported)  # by id: an edit of each record, saved as an edit is
    assert (summary["new"], summary["update"], summary["skip"]) == (0, 1, 0)
    assert Transaction.objects.get().version == made.version + 1
    assert Transaction.objects.get().history.latest().history_user == users.hanoi
    # by reference: a donor's file again (no id, no version of ours), unchanged rows skipped
    exported[0]["id"] = exported[0]["version"] = ""
    summary = run(client, exported)
    assert (summary["new"], summary["update"], summary["skip"]) == (0, 0, 1)
    assert Transaction.objects.get().version == made.version + 1


def test_iati_carries_the_transaction_reference_and_drops_a_repeated_one(orgs, users, setting):
    from django.utils import translation
    from lxml import etree

    from amity.aid import iati

    mine = setting["hanoi"]
    for ref, day in (("TR-7", date(2021, 1, 1)), ("", date(2021, 2, 1))):
        Transaction.objects.create(
            activity=mine, ref=ref, transaction_type="3", date=day, value=100, currency="USD"
        )
    content = iati.export_activities(Activity.objects.filter(pk=mine.pk))
    document = etree.fromstring(content).getroottree()
    assert iati.schema_errors(document) == []
    assert [element.get("ref") for element in document.iter("transaction")] == [None, "TR-7"]
    with translation.override("en"):
        again = iati.import_activities(content, users.hanoi)
        assert [outcome.status for outcome in again.outcomes] == ["unchanged"]
        # A publisher that gives two transactions the same reference: it identifies neither.
        repeated = content.replace(b"<transaction>", b'<transaction ref="TR-7">')
        changed = iati.import_activities(repeated, users.hanoi)
    assert [outcome.status for outcome in changed.outcomes] == ["updated"]
    assert sorted(Transaction.objects.filter(activity=mine).values_list("ref", "date")) == [
        ("", date(2021, 1, 1)),
        ("", date(2021, 2, 1)),
    ]
