"""The yearly flows the database keeps from the transactions, whatever writes them; the
statistics of whole years read from them the figures the transactions give."""

import random
from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from tests.aid.test_aid import activity, flow, ngo, province, rate

from amity.aid import services
from amity.aid.models import Activity, Transaction, YearFlow
from amity.aid.statistics import (
    Selection,
    by_province,
    by_region,
    by_sector,
    by_year,
    headline,
    statistics,
)

pytestmark = pytest.mark.django_db

COMMITTED, DISBURSED = ("2",), ("3", "4")


def expected_flows() -> dict:
    """(activity, year, after the merger) → the four sums and the unconverted count, added up
    in Python from the live counted transactions: what the triggers must have kept."""
    flows: dict = {}
    for item in Transaction.objects.filter(transaction_type__in=(*COMMITTED, *DISBURSED)):
        key = (item.activity_id, item.date.year, item.date >= date(2025, 7, 1))
        row = flows.setdefault(key, [Decimal(0)] * 4 + [0])
        usd = (item.value_usd or 0) * 100
        vnd = item.value_vnd or 0
        column = 0 if item.transaction_type in COMMITTED else 1
        row[column] += usd
        row[column + 2] += vnd
        row[4] += item.value_usd is None or item.value_vnd is None
    return {
        key: tuple(Decimal(value) for value in row[:4]) + (row[4],) for key, row in flows.items()
    }


def stored_flows() -> dict:
    return {
        (row.activity_id, row.year, row.after_merger): (
            Decimal(row.committed_usd_cents),
            Decimal(row.disbursed_usd_cents),
            Decimal(row.committed_vnd),
            Decimal(row.disbursed_vnd),
            row.unconverted,
        )
        for row in YearFlow.objects.all()
    }


def test_the_triggers_exist_after_every_migration():
    """A later migration that rebuilds the transactions' table on SQLite drops its triggers:
    this fails then, and the migration must create them again (`aid.flows`)."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' "
                "AND tbl_name = 'aid_transaction'"
            )
        else:
            cursor.execute(
                "SELECT tgname FROM pg_trigger WHERE tgrelid = 'aid_transaction'::regclass "
                "AND NOT tgisinternal"
            )
        names = sorted(name for (name,) in cursor.fetchall())
    assert names == [
        "aid_transaction_flows_delete",
        "aid_transaction_flows_insert",
        "aid_transaction_flows_update",
    ]


def test_every_way_of_writing_transactions_keeps_the_flows(orgs):
    rate(orgs.central, "USD", date(2010, 1, 1), vnd=Decimal("23000"))
    donor = ngo("Flows Test", "FR")
    first = activity(orgs.hanoi, "F-1", donor, start=date(2019, 1, 1))
    second = activity(orgs.hanoi, "F-2", donor, start=date(2019, 1, 1))
    # through the writer, on both sides of the merger and in a currency no rate converts
    june = flow(first, "2", date(2025, 6, 30), "1000.10")
    flow(first, "3", date(2025, 7, 1), "200.05")
    flow(first, "4", date(2019, 3, 1), "0.01")
    flow(first, "1", date(2019, 3, 1), "999")  # incoming funds: not counted
    flow(second, "3", date(2020, 5, 1), "500", "KRW")  # no rate: unconverted
    assert YearFlow.objects.filter(activity=first).count() == 3
    assert stored_flows() == expected_flows()
    # an edit that moves a transaction to another year, type and activity
    june.date, june.transaction_type, june.activity = date(2021, 1, 1), "3", second
    services.write(june, None)
    assert stored_flows() == expected_flows()
    # a bulk insert and a bulk update, as imports and conversions after a rate change do
    Transaction.objects.bulk_create(
        [
            Transaction(
                activity=second,
                transaction_type="2",
                date=date(2022, 1, day),
                value=Decimal("7.77"),
                currency="USD",
                value_usd=Decimal("7.77"),
                value_vnd=Decimal("178710"),
            )
            for day in range(1, 11)
        ]
    )
    assert stored_flows() == expected_flows()
    rate(orgs.central, "KRW", date(2010, 1, 1), usd=Decimal("0.00075"))  # converts the KRW one
    assert Transaction.objects.get(currency="KRW").value_usd == Decimal("0.38")
    assert stored_flows() == expected_flows()
    Transaction.objects.filter(activity=second, date__year=2022).update(value_usd=Decimal("1"))
    assert stored_flows() == expected_flows()
    # the trash, a restore, a deletion for good, and the activity itself deleted
    trashed = Transaction.objects.filter(activity=first).first()
    trashed.soft_delete()
    assert stored_flows() == expected_flows()
    trashed.restore()
    assert stored_flows() == expected_flows()
    Transaction.all_objects.filter(activity=first, transaction_type="4").delete()
    assert stored_flows() == expected_flows()
    Activity.all_objects.filter(pk=second.pk).delete()
    assert not YearFlow.objects.filter(activity_id=second.pk).exists()
    assert stored_flows() == expected_flows()


def test_whole_years_read_from_the_flows_the_figures_the_transactions_give(orgs):
    """Random activities, shares, transactions and periods: every table of the page, both ways
    of counting the merged provinces, read from the yearly flows and from the transactions."""
    rng = random.Random(7)
    rate(orgs.central, "USD", date(2010, 1, 1), vnd=Decimal("25000"))
    rate(orgs.central, "EUR", date(2010, 1, 1), usd=Decimal("1.1"))
    places = [province("31", current=False), province("30", current=False), province("01")]
    donors = [ngo(f"Donor {number}", rng.choice(["FR", "US", "JP"])) for number in range(4)]
    for number in range(12):
        shares = rng.choice([[(places[number % 3], 100)], [(places[0], 60), (places[2], 40)]])
        made = activity(
            rng.choice([orgs.hanoi, orgs.danang]),
            f"R-{number}",
            rng.choice(donors),
            start=date(rng.randint(2016, 2024), 1, 1),
            provinces=shares,
            sectors=rng.choice([[("12220", 100)], [("11110", 70), ("15110", 30)]]),
        )
        for _ in range(rng.randint(0, 6)):
            day = date(rng.randint(2016, 2026), rng.randint(1, 12), rng.randint(1, 28))
            day = min(day, date.today())
            value = f"{rng.randint(1, 10**7)}.{rng.randint(0, 99):02d}"
            flow(made, rng.choice("2334"), day, value, rng.choice(["USD", "EUR", "KRW"]))
    activities = Activity.objects.all()
    for start, end in [(None, None), (2016, 2026), (2019, 2025), (2025, 2025), (2026, 2026)]:
        for lineage in ("current", "as_recorded"):
            for chosen in ({}, {"province": places[2]}, {"sector_group": "120"}):
                period = {
                    "start": start and date(start, 1, 1),
                    "end": end and date(end, 12, 31),
                }
                from_flows = Selection(activities, lineage=lineage, **period, **chosen)
                assert from_flows.whole_years
                from_transactions = Selection(activities, lineage=lineage, **period, **chosen)
                from_transactions.__dict__["whole_years"] = False  # the other path, forced
                assert tables(from_flows) == tables(from_transactions), (start, lineage, chosen)


def tables(selection) -> tuple:
    return (
        headline(None, selection=selection),
        by_province(selection),
        by_sector(selection),
        by_region(selection),
        by_year(selection),
        statistics(selection)["donors"],
    )


def test_a_period_of_parts_of_years_reads_the_transactions(orgs):
    rate(orgs.central, "USD", date(2010, 1, 1), vnd=Decimal("25000"))
    made = activity(orgs.hanoi, "Q-1", ngo("Quarter Test"), start=date(2020, 1, 1))
    flow(made, "3", date(2020, 2, 1), "10")
    flow(made, "3", date(2020, 5, 1), "20")
    quarter = Selection(Activity.objects.all(), date(2020, 1, 1), date(2020, 3, 31))
    assert not quarter.whole_years
    assert headline(None, selection=quarter)["disbursed_usd"] == Decimal("10.00")
    year = Selection(Activity.objects.all(), date(2020, 1, 1), date(2020, 12, 31))
    assert headline(None, selection=year)["disbursed_usd"] == Decimal("30.00")
