"""Benchmarks of the reporting domain (issue: "The unified reporting form", Speed).

Targets with 200 organizations, 40 periods and 80 indicators (640,000 values, scale 1) on the
2-core machine: the completeness board of a period answers within 150 ms at the 95th
percentile; a consolidated pivot of every indicator for a period within 200 ms and within 1.5
times a hand-written SQL query computing the same figures (to current boundaries, ten Unions
having merged into others).

The data set is synthetic and deterministic (fixed seed), written with bulk inserts; the pages
are measured through the Django test client as a central officer, the SQL through a cursor.
"""

import random
from datetime import date
from decimal import Decimal

from django.db import connection
from django.test import Client

from bench.harness import Figure, latencies, percentile, settle_database, summary, timed

SEED = 20261125
BOARD_TARGET_MS = 150
PIVOT_TARGET_MS = 200
RATIO_TARGET = 1.5
MERGED = 10


def make_data(rng, organizations: int, periods: int, indicators: int):
    from amity.accounts.models import User
    from amity.organizations.models import LineageEvent, Organization
    from amity.reporting import models

    central = Organization.objects.create(name="Liên hiệp Trung ương", kind="central_union")
    unions = [
        Organization.objects.create(
            name=f"Liên hiệp tỉnh {i:03}", kind="provincial_union", parent=central
        )
        for i in range(organizations)
    ]
    for source in unions[:MERGED]:
        LineageEvent.objects.create(
            organization=source,
            kind="merged",
            occurred_on=date(2025, 7, 1),
            successor=unions[-1 - unions.index(source)],
        )
    officer = User.objects.create(
        username="bench-reporting", role="central_officer", organization=central
    )
    form = models.Form.objects.create(
        organization=central, code="BENCH", name="Báo cáo", assigned_kinds="provincial_union"
    )
    version = models.FormVersion.objects.create(form=form, number=1)
    sections = [
        models.Section.objects.create(form_version=version, order=n + 1, title=f"Phần {n}")
        for n in range(8)
    ]
    items = models.Indicator.objects.bulk_create(
        models.Indicator(
            organization=central,
            code=f"I{n:03}",
            name=f"Chỉ tiêu {n}",
            type="integer",
            aggregation="average" if n % 10 == 9 else "sum",
        )
        for n in range(indicators)
    )
    models.SectionItem.objects.bulk_create(
        models.SectionItem(section=sections[n % 8], indicator=item, order=n)
        for n, item in enumerate(items)
    )
    models.FormVersion.objects.filter(pk=version.pk).update(status="published")
    made_periods = []
    for n in range(periods):
        year, quarter = 2017 + n // 4, n % 4 + 1
        period = models.Period(
            form=form,
            kind="quarter",
            year=year,
            number=quarter,
            opens_on=date(year, 1, 1),
            deadline=date(year, 12, 31),
        )
        period.derive_fields()
        made_periods.append(period)
    models.Period.objects.bulk_create(made_periods)
    states = ["approved"] * 6 + ["submitted"] * 2 + ["draft", "returned"]
    submissions = models.Submission.objects.bulk_create(
        (
            models.Submission(
                organization=union, form_version=version, period=period, state=rng.choice(states)
            )
            for period in made_periods
            for union in unions
        ),
        batch_size=2000,
    )
    batch = []
    for submission in submissions:
        for item in items:
            if rng.random() < 0.97:
                batch.append(
                    models.Value(
                        submission=submission, indicator=item, number=Decimal(rng.randint(0, 500))
                    )
                )
        if len(batch) > 20000:
            models.Value.objects.bulk_create(batch, batch_size=5000)
            batch = []
    models.Value.objects.bulk_create(batch, batch_size=5000)
    return officer, form, made_periods


HAND_WRITTEN = """
    SELECT COALESCE(e.successor_id, s.organization_id) AS row_key, v.indicator_id,
           SUM(v.number), COUNT(v.number)
    FROM reporting_value v
    JOIN reporting_submission s ON s.id = v.submission_id
    LEFT JOIN organizations_lineageevent e
           ON e.organization_id = s.organization_id AND e.kind = 'merged'
          AND e.deleted_at IS NULL
    WHERE s.period_id = %s AND s.state IN ('submitted', 'approved') AND s.deleted_at IS NULL
      AND v.number IS NOT NULL AND v.deleted_at IS NULL
    GROUP BY 1, 2
"""


def hand_written(period_id):
    with connection.cursor() as cursor:
        cursor.execute(HAND_WRITTEN, [period_id])
        return cursor.fetchall()


def check_same_totals(officer, form, period) -> None:
    from amity.reporting.consolidation import consolidate
    from amity.reporting.services import version_indicators

    indicators = [i for i in version_indicators(form.versions.get()) if i.aggregation == "sum"]
    pivot = consolidate(officer, indicators, [period])
    sums: dict[int, Decimal] = {}
    for _row, indicator_id, total, _n in hand_written(period.pk):
        sums[indicator_id] = sums.get(indicator_id, Decimal(0)) + Decimal(total)
    for indicator, total in zip(indicators, pivot.totals, strict=True):
        assert Decimal(total or 0) == sums.get(indicator.pk, Decimal(0)), indicator.code


def _ok(response):
    assert response.status_code == 200, response.status_code
    return response


def measure_pages(rng, officer, form, periods, requests):
    """The board, then the pivot: page, calculation and hand-written SQL measured one after
    another for each request (interleaved, so that the load of a shared machine falls on all
    three alike), and compared request by request (median of the ratios)."""
    from amity.reporting.consolidation import consolidate
    from amity.reporting.services import version_indicators

    client = Client()
    client.force_login(officer)
    chosen = [rng.choice(periods) for _ in range(requests)]
    _ok(client.get(f"/reporting/report-periods/{periods[0].pk}/board/"))  # warm up once
    board = latencies(lambda p: _ok(client.get(f"/reporting/report-periods/{p.pk}/board/")), chosen)
    indicators = list(version_indicators(form.versions.get()))
    steps = {
        "page": lambda p: _ok(
            client.get("/reporting/consolidation/", {"form": form.pk, "period": p.pk})
        ),
        "computed": lambda p: consolidate(officer, indicators, [p]),
        "sql": lambda p: hand_written(p.pk),
    }
    for step in steps.values():  # warm up once
        step(periods[0])
    samples: dict[str, list[float]] = {name: [] for name in steps}
    for period in chosen:
        for name, step in steps.items():
            samples[name] += latencies(step, [period])
    pivot, computed, sql = samples["page"], samples["computed"], samples["sql"]

    def ratio(numerators, denominators):
        return percentile([n / d for n, d in zip(numerators, denominators, strict=True) if d], 0.5)

    # "pivot / SQL" is the "within 1.5 times": the pivot computed (the same figures, its
    # rows named and ordered, with the totals) against the SQL. The page adds the request, the
    # session, the menus and the HTML of every cell, which the SQL does not: its ratio is
    # reported too, with what the page costs beyond the calculation.
    return [
        *summary("completeness board", board, BOARD_TARGET_MS),
        *summary("pivot page, all indicators, one period", pivot, PIVOT_TARGET_MS),
        *summary("pivot computed (consolidate), one period", computed, None),
        *summary("hand-written SQL, same figures", sql, None),
        Figure("pivot / SQL (median of ratios)", ratio(computed, sql), "×", RATIO_TARGET),
        Figure("pivot page / SQL (median of ratios)", ratio(pivot, sql), "×", None),
        Figure(
            "pivot page − computed (request, menus, HTML) median",
            percentile([p - c for p, c in zip(pivot, computed, strict=True)], 0.5),
            "ms",
        ),
    ]


def generate(scale: float = 1.0) -> tuple[dict, list[Figure]]:
    """The reporting data set at `scale`: what `measure` needs, and the time it took to build."""
    rng = random.Random(SEED)
    organizations = max(12, int(200 * scale))
    periods = max(2, int(40 * min(1.0, scale * 10)))
    indicators = 80
    seconds, (officer, form, made) = timed(make_data, rng, organizations, periods, indicators)
    values = organizations * periods * indicators
    state = {
        "rng": rng,
        "officer": officer,
        "form": form,
        "periods": made,
        "parameters": {
            "organizations": organizations,
            "periods": periods,
            "indicators": indicators,
            "scale": scale,
        },
    }
    return state, [Figure(f"generate ~{values:,} values", seconds, "s")]


def measure(state: dict, requests: int = 200) -> list[Figure]:
    state["parameters"]["requests"] = requests
    officer, form, made = state["officer"], state["form"], state["periods"]
    check_same_totals(officer, form, made[-1])
    return measure_pages(state["rng"], officer, form, made, requests)


def run(scale: float = 1.0, requests: int = 200) -> tuple[list[Figure], dict]:
    state, figures = generate(scale)
    settle_database()
    figures += measure(state, requests)
    return figures, state["parameters"]
