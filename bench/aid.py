"""Benchmarks of the aid statistics (issue: "Foreign non-governmental aid", Speed).

Target at 5,000 activities and 50,000 transactions (scale 1) on the 2-core machine: the statistics
page answers within 200 ms at the 95th percentile, and within 1.5 times hand-written SQL that
computes the same figures (totals, and by province, sector group, world region, donor and year).

The data set is synthetic and deterministic (fixed seed), written with bulk inserts; the page is
measured through the Django test client as a central officer, the SQL through a raw cursor, both
for the same randomly chosen periods; a quarter of them again with the provinces as they were
before 2025. The page's number of queries is reported too (it does not grow with the data).
"""

import random
from datetime import date, timedelta
from decimal import Decimal

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from bench.harness import Figure, latencies, percentile, settle_database, summary, timed

SEED = 20261124
CURRENCIES = ["USD"] * 5 + ["EUR"] * 3 + ["JPY", "KRW", "VND"]
SECTORS = [
    "12220",
    "12240",
    "11220",
    "11120",
    "14030",
    "31120",
    "15150",
    "16010",
    "43040",
    "72010",
    "33110",
    "53030",
]
PAGE_TARGET_MS = 200
RATIO_TARGET = 1.5


def make_data(rng, activities: int, transactions: int):
    from amity.accounts.models import User
    from amity.aid.models import Activity, ActivityProvince, ActivitySector, Rate, Transaction
    from amity.aid.services import RateTable, keeper_chain
    from amity.geo.models import Country, Province
    from amity.organizations.models import Organization
    from amity.partners.models import Partner

    central = Organization.objects.create(name="Liên hiệp Trung ương", kind="central_union")
    unions = [
        Organization.objects.create(
            name=f"Liên hiệp tỉnh {i}", kind="provincial_union", parent=central
        )
        for i in range(40)
    ]
    officer = User.objects.create(
        username="bench-aid-central", role="central_officer", organization=central
    )
    countries = list(
        Country.objects.filter(
            code__in=["US", "FR", "JP", "KR", "DE", "AU", "GB", "ZA", "CA", "SE"]
        )
    )
    donors = Partner.objects.bulk_create(
        [
            Partner(kind="ngo", name=f"Bench NGO {i}", country=rng.choice(countries))
            for i in range(max(10, activities // 12))
        ]
    )
    provinces = list(Province.objects.all())
    rates, day = [], date(2010, 1, 1)
    while day < date(2026, 1, 1):
        rates += [
            Rate(organization=central, currency="USD", date=day, vnd_per_unit=Decimal(23000)),
            Rate(organization=central, currency="EUR", date=day, usd_per_unit=Decimal("1.1")),
            Rate(organization=central, currency="JPY", date=day, usd_per_unit=Decimal("0.008")),
            Rate(organization=central, currency="KRW", date=day, vnd_per_unit=Decimal("18.5")),
        ]
        day += timedelta(days=91)
    Rate.objects.bulk_create(rates)
    table = RateTable(Rate.objects.all())
    made = Activity.objects.bulk_create(
        [
            Activity(
                iati_identifier=f"XM-BENCH-{i}",
                reporting_org_ref="XM-BENCH",
                reporting_org=rng.choice(donors),
                title_vi=f"Hoạt động {i}",
                organization=rng.choice(unions),
                status=rng.choice("1223446"),
                planned_start=date(2013, 1, 1) + timedelta(days=rng.randint(0, 4700)),
            )
            for i in range(activities)
        ],
        batch_size=2000,
    )
    for item in made:
        item.planned_end = item.planned_start + timedelta(days=rng.randint(200, 1800))
    Activity.objects.bulk_update(made, ["planned_end"], batch_size=2000)
    shares_p, shares_s = [], []
    for item in made:
        places = rng.sample(provinces, rng.choice([1, 1, 1, 2]))
        for place, share in zip(places, [100] if len(places) == 1 else [60, 40], strict=True):
            shares_p.append(ActivityProvince(activity=item, province=place, percentage=share))
        codes = rng.sample(SECTORS, rng.choice([1, 1, 2]))
        for code, share in zip(codes, [100] if len(codes) == 1 else [70, 30], strict=True):
            shares_s.append(ActivitySector(activity=item, sector=code, percentage=share))
    ActivityProvince.objects.bulk_create(shares_p, batch_size=5000)
    ActivitySector.objects.bulk_create(shares_s, batch_size=5000)
    chains = {union.pk: keeper_chain(union) for union in unions}
    rows = []
    for _ in range(transactions):
        item = rng.choice(made)
        kind = rng.choice(["2", "3", "3", "4", "1"])
        day = item.planned_start + timedelta(days=rng.randint(0, 900))
        currency = rng.choice(CURRENCIES)
        value = Decimal(rng.randint(1_000, 500_000))
        usd, vnd = table.convert(value, currency, day, chains[item.organization_id])
        rows.append(
            Transaction(
                activity=item,
                transaction_type=kind,
                date=day,
                value=value,
                currency=currency,
                value_date=day,
                value_usd=usd,
                value_vnd=vnd,
            )
        )
        if len(rows) == 10_000:
            Transaction.objects.bulk_create(rows)
            rows = []
    Transaction.objects.bulk_create(rows)
    return officer


# --- the same figures, by hand ------------------------------------------------------------------


def _year(column: str) -> str:
    if connection.vendor == "postgresql":
        return f"EXTRACT(YEAR FROM {column})"
    return f"strftime('%%Y', {column})"


ACTIVE = """
SELECT a.id, a.reporting_org_id FROM aid_activity a
WHERE a.deleted_at IS NULL AND a.status <> '5'
  AND (COALESCE(a.actual_start, a.planned_start) IS NULL
       OR COALESCE(a.actual_start, a.planned_start) <= %(end)s)
  AND (COALESCE(a.actual_end, a.planned_end) IS NULL
       OR COALESCE(a.actual_end, a.planned_end) >= %(start)s)
"""
SUMS = """
  SUM(CASE WHEN t.transaction_type = '2' THEN CAST(t.value_usd AS DOUBLE PRECISION) * {w} END),
  SUM(CASE WHEN t.transaction_type IN ('3', '4')
      THEN CAST(t.value_usd AS DOUBLE PRECISION) * {w} END),
  SUM(CASE WHEN t.transaction_type = '2' THEN CAST(t.value_vnd AS DOUBLE PRECISION) * {w} END),
  SUM(CASE WHEN t.transaction_type IN ('3', '4')
      THEN CAST(t.value_vnd AS DOUBLE PRECISION) * {w} END)
"""
FLOWS = f"""
FROM aid_transaction t JOIN ({ACTIVE}) act ON act.id = t.activity_id
{{join}}
WHERE t.deleted_at IS NULL AND t.transaction_type IN ('2', '3', '4')
  AND t.date >= %(start)s AND t.date <= %(end)s
"""


def hand_written(start: date, end: date) -> dict:
    """Every figure of the statistics page for a period, in plain SQL."""
    params = {"start": start, "end": end}
    province_join = (
        "LEFT JOIN aid_activityprovince ap ON ap.activity_id = t.activity_id "
        "AND ap.deleted_at IS NULL LEFT JOIN geo_province gp ON gp.id = ap.province_id"
    )
    sector_join = (
        "LEFT JOIN aid_activitysector s ON s.activity_id = t.activity_id AND s.deleted_at IS NULL"
    )
    share = "COALESCE(CAST({} AS DOUBLE PRECISION), 100) / 100.0"
    group = (
        "CASE WHEN s.sector LIKE '331%%' THEN '331' WHEN s.sector LIKE '332%%' THEN '332' "
        "WHEN s.sector LIKE '530%%' THEN '' WHEN s.sector LIKE '920%%' THEN '' "
        "WHEN s.sector LIKE '998%%' THEN '998' ELSE SUBSTR(s.sector, 1, 2) || '0' END"
    )
    statements = {
        "totals": f"SELECT {SUMS.format(w='1.0')} {FLOWS.format(join='')}",
        "counts": f"SELECT COUNT(*), COUNT(DISTINCT reporting_org_id) FROM ({ACTIVE}) act",
        "unconverted": "SELECT COUNT(*) "
        + FLOWS.format(join="")
        + " AND (t.value_usd IS NULL OR t.value_vnd IS NULL)",
        "province": f"SELECT COALESCE(gp.successor_id, gp.id), "
        f"{SUMS.format(w=share.format('ap.percentage'))} {FLOWS.format(join=province_join)} "
        "GROUP BY COALESCE(gp.successor_id, gp.id)",
        "province counts": "SELECT COALESCE(gp.successor_id, gp.id), COUNT(DISTINCT act.id), "
        f"COUNT(DISTINCT act.reporting_org_id) FROM ({ACTIVE}) act JOIN aid_activityprovince ap "
        "ON ap.activity_id = act.id AND ap.deleted_at IS NULL JOIN geo_province gp "
        "ON gp.id = ap.province_id GROUP BY COALESCE(gp.successor_id, gp.id)",
        "sector": f"SELECT {group}, {SUMS.format(w=share.format('s.percentage'))} "
        f"{FLOWS.format(join=sector_join)} GROUP BY {group}",
        "sector counts": f"SELECT {group}, COUNT(DISTINCT act.id), "
        f"COUNT(DISTINCT act.reporting_org_id) FROM ({ACTIVE}) act JOIN aid_activitysector s "
        f"ON s.activity_id = act.id AND s.deleted_at IS NULL GROUP BY {group}",
        "region": f"SELECT c.region, {SUMS.format(w='1.0')} "
        + FLOWS.format(
            join="JOIN partners_partner p ON p.id = act.reporting_org_id "
            "LEFT JOIN geo_country c ON c.id = p.country_id"
        )
        + " GROUP BY c.region",
        "region counts": "SELECT c.region, COUNT(*), COUNT(DISTINCT act.reporting_org_id) "
        f"FROM ({ACTIVE}) act JOIN partners_partner p ON p.id = act.reporting_org_id "
        "LEFT JOIN geo_country c ON c.id = p.country_id GROUP BY c.region",
        "donor": f"SELECT act.reporting_org_id, {SUMS.format(w='1.0')} {FLOWS.format(join='')} "
        "GROUP BY act.reporting_org_id",
        "donor counts": "SELECT reporting_org_id, COUNT(*) FROM (" + ACTIVE + ") act "
        "GROUP BY reporting_org_id",
        "year": f"SELECT {_year('t.date')}, {SUMS.format(w='1.0')} {FLOWS.format(join='')} "
        f"GROUP BY {_year('t.date')}",
    }
    results = {}
    with connection.cursor() as cursor:
        for name, sql in statements.items():
            cursor.execute(sql, params)
            results[name] = cursor.fetchall()
    return results


def _ok(response):
    assert response.status_code == 200, response.status_code
    return response


def measure_statistics(rng, officer, requests):
    client = Client()
    client.force_login(officer)
    periods = []
    for _ in range(requests):
        first = rng.randint(2013, 2024)
        periods.append((first, rng.randint(first, 2025)))
    client.get("/aid/statistics/")  # warm the caches once
    hand_written(date(2013, 1, 1), date(2025, 12, 31))
    page = latencies(
        lambda period: _ok(
            client.get("/aid/statistics/", {"year_from": period[0], "year_until": period[1]})
        ),
        periods,
    )
    sql = latencies(
        lambda period: hand_written(date(period[0], 1, 1), date(period[1], 12, 31)), periods
    )
    ratios = [p / s for p, s in zip(page, sql, strict=True) if s]
    were = latencies(
        lambda period: _ok(
            client.get(
                "/aid/statistics/",
                {"year_from": period[0], "year_until": period[1], "lineage": "as_recorded"},
            )
        ),
        periods[: max(1, len(periods) // 4)],
    )
    with CaptureQueriesContext(connection) as context:
        _ok(client.get("/aid/statistics/", {"year_from": 2015, "year_until": 2020}))
    return [
        Figure("statistics page queries", len(context.captured_queries), ""),
        *summary("statistics page", page, PAGE_TARGET_MS),
        *summary("statistics page, provinces as they were", were, PAGE_TARGET_MS),
        *summary("hand-written SQL, same figures", sql, None),
        Figure("page / SQL (median of ratios)", percentile(ratios, 0.5), "×", RATIO_TARGET),
        Figure(
            "page p95 / SQL p95", percentile(page, 0.95) / percentile(sql, 0.95), "×", RATIO_TARGET
        ),
    ]


def check_same_totals(officer) -> None:
    """The page's totals and the hand-written ones agree (to the cent)."""
    from amity.aid.models import Activity
    from amity.aid.statistics import headline

    start, end = date(2015, 1, 1), date(2020, 12, 31)
    page = headline(Activity.objects.visible_to(officer), start, end)
    sql = hand_written(start, end)
    names = ("committed_usd", "disbursed_usd", "committed_vnd", "disbursed_vnd")
    for name, value in zip(names, sql["totals"][0], strict=True):
        assert abs(float(page[name]) - (value or 0)) <= 0.011, (name, value, page[name])
    assert list(sql["counts"][0]) == [page["activities"], page["ngos"]]


def generate(scale: float = 1.0) -> tuple[dict, list[Figure]]:
    """The aid data set at `scale`: what `measure` needs, and the time it took to build."""
    rng = random.Random(SEED)
    activities = max(20, int(5_000 * scale))
    transactions = max(200, int(50_000 * scale))
    seconds, officer = timed(make_data, rng, activities, transactions)
    state = {
        "rng": rng,
        "officer": officer,
        "parameters": {"activities": activities, "transactions": transactions, "scale": scale},
    }
    return state, [
        Figure(f"generate {activities:,} activities, {transactions:,} transactions", seconds, "s")
    ]


def measure(state: dict, requests: int = 200) -> list[Figure]:
    state["parameters"]["requests"] = requests
    check_same_totals(state["officer"])
    return measure_statistics(state["rng"], state["officer"], requests)


def run(scale: float = 1.0, requests: int = 200) -> tuple[list[Figure], dict]:
    state, figures = generate(scale)
    settle_database()
    figures += measure(state, requests)
    return figures, state["parameters"]
