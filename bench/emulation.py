"""Benchmarks of emulation scoring (issue 18, "Speed").

Targets for 200 organizations, 100 criteria and 5 years on the 2-core machine: a cluster board
and a unit's scoring sheet answer at the 95th percentile within 100 ms; computing every computed
criterion for every unit for a year takes under 5 s; the ranking is within 1.5 times a
hand-written SQL query for the same totals.

The data set is synthetic and deterministic (fixed seed), written with bulk inserts: per year,
clusters of 20 units, one sheet per unit with a row per criterion. The pages are measured through
the Django test client as a central officer, the computation through the service the sheet's
"compute" step calls, the ranking through `scoring_services.ranking` against a raw cursor.
"""

import random
from decimal import Decimal

from django.db import connection
from django.test import Client

from bench.harness import Figure, latencies, percentile, settle_database, summary, timed

SEED = 20261207
YEARS = 5
FIRST_YEAR = 2022
COMPUTED = [
    "reports_on_time",
    "events_organised",
    "conferences_joined",
    "partners_engaged",
    "aid_committed_usd",
    "aid_disbursed_usd",
    "proposals_raised",
    "proposals_answered",
]
PAGE_TARGET_MS = 100
COMPUTE_TARGET_S = 5
RATIO_TARGET = 1.5


def make_people(count: int):
    """The central Union, `count` provincial Unions, a central and a unit officer."""
    from amity.accounts.models import User
    from amity.organizations.models import Organization

    central = Organization.objects.create(
        name="Liên hiệp Trung ương (thi đua)", kind="central_union"
    )
    unions = [
        Organization.objects.create(
            name=f"Liên hiệp tỉnh {i:03d}", kind="provincial_union", parent=central
        )
        for i in range(count)
    ]
    officer = User.objects.create(
        username="bench-emulation-central", role="central_officer", organization=central
    )
    unit = User.objects.create(
        username="bench-emulation-unit", role="unit_officer", organization=unions[0]
    )
    return central, unions, officer, unit


def make_criteria(rng, central, count: int):
    from amity.emulation.models import CriteriaSection, CriteriaTable, Criterion, Regulation

    regulation = Regulation.objects.create(
        organization=central, code="QC-B", title_vi="Quy chế", effective_from="2020-01-01"
    )
    table = CriteriaTable.objects.create(
        organization=central, regulation=regulation, code="B", title_vi="Bảng tiêu chí"
    )
    sections = CriteriaSection.objects.bulk_create(
        [CriteriaSection(table=table, number=n, title_vi=f"Phần {n}") for n in range(1, 6)]
    )
    criteria = []
    for index in range(count):
        section = sections[index % len(sections)]
        computed = COMPUTED[index % len(COMPUTED)] if index % 10 == 0 else ""
        penalty = index % 25 == 24
        criteria.append(
            Criterion(
                section=section,
                code=f"{section.number}.{index}",
                order=index,
                text_vi=f"Tiêu chí {index}",
                max_points=Decimal(rng.choice([2, 3, 5, 10])),
                kind="penalty" if penalty else "normal",
                computed_from=computed,
                computed_target=Decimal(5) if computed else None,
            )
        )
    return table, Criterion.objects.bulk_create(criteria)


def make_years(rng, central, unions, table, criteria):
    from amity.emulation.models import Cluster, Score, ScoreSheet

    clusters_by_year = {}
    for year in range(FIRST_YEAR, FIRST_YEAR + YEARS):
        size = 20
        groups = [unions[i : i + size] for i in range(0, len(unions), size)]
        clusters = Cluster.objects.bulk_create(
            [
                Cluster(
                    organization=central,
                    year=year,
                    name=f"Cụm {n}",
                    criteria_table=table,
                    head=group[0],
                    deputy=group[1] if len(group) > 1 else None,
                    ranking_published=True,
                )
                for n, group in enumerate(groups)
            ]
        )
        through = Cluster.members.through
        through.objects.bulk_create(
            [
                through(cluster_id=cluster.pk, organization_id=org.pk)
                for cluster, group in zip(clusters, groups, strict=True)
                for org in group
            ]
        )
        last = year == FIRST_YEAR + YEARS - 1
        sheets = ScoreSheet.objects.bulk_create(
            [
                ScoreSheet(
                    organization=org,
                    year=year,
                    cluster=cluster,
                    criteria_table=table,
                    state="draft" if last else "confirmed",
                )
                for cluster, group in zip(clusters, groups, strict=True)
                for org in group
            ]
        )
        scores = []
        for sheet in sheets:
            for criterion in criteria:
                top = int(criterion.max_points)
                points = (
                    -rng.randint(0, top) if criterion.kind == "penalty" else rng.randint(0, top)
                )
                adjusted = not last and rng.random() < 0.1
                scores.append(
                    Score(
                        sheet=sheet,
                        criterion=criterion,
                        self_points=Decimal(points),
                        self_evidence="Báo cáo",
                        cluster_points=Decimal(max(points - 1, 0)) if adjusted else None,
                        cluster_reason="Thiếu minh chứng" if adjusted else "",
                    )
                )
        Score.objects.bulk_create(scores, batch_size=2000)
        clusters_by_year[year] = clusters
    return clusters_by_year


def generate(scale: float = 1.0) -> tuple[dict, list[Figure]]:
    rng = random.Random(SEED)
    organizations = max(4, round(200 * scale))
    criteria_count = max(5, round(100 * scale))
    seconds, (central, unions, officer, unit) = timed(make_people, organizations)
    built, (table, criteria) = timed(make_criteria, rng, central, criteria_count)
    seconds += built
    built, clusters = timed(make_years, rng, central, unions, table, criteria)
    seconds += built
    parameters = {
        "organizations": organizations,
        "criteria": criteria_count,
        "years": YEARS,
        "scores": organizations * criteria_count * YEARS,
    }
    state = {
        "parameters": parameters,
        "officer": officer,
        "unit": unit,
        "clusters": clusters,
        "year": FIRST_YEAR + YEARS - 1,
    }
    return state, [Figure("generate the data set", seconds, "s")]


def ranking_by_sql(year: int) -> list:
    from amity.emulation.scoring_services import ranking_sql

    sql, params = ranking_sql(year)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def ranking_by_orm(year: int) -> list:
    from amity.emulation.models import ScoreSheet
    from amity.emulation.scoring_services import ranking

    return ranking(ScoreSheet.objects.filter(year=year, campaign__isnull=True))


def measure(state: dict, requests: int = 200) -> list[Figure]:
    from amity.emulation.models import ScoreSheet
    from amity.emulation.scoring_services import compute_year

    rng = random.Random(SEED + 1)
    client = Client()
    client.force_login(state["officer"])
    year = state["year"]
    clusters = [c.pk for cs in state["clusters"].values() for c in cs]
    boards = [f"/emulation/clusters/{rng.choice(clusters)}/" for _ in range(requests)]
    sheet_ids = list(ScoreSheet.objects.values_list("pk", flat=True))
    sheets = [f"/emulation/score-sheets/{rng.choice(sheet_ids)}/" for _ in range(requests)]

    def get(url):
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)

    figures = []
    figures += summary("cluster board", latencies(get, boards), PAGE_TARGET_MS)
    figures += summary("scoring sheet", latencies(get, sheets), PAGE_TARGET_MS)
    seconds, rows = timed(compute_year, year)
    note = f"{rows} rows changed"
    figures.append(
        Figure(
            f"compute every computed criterion, {year}", seconds, "s", COMPUTE_TARGET_S, note=note
        )
    )
    rounds = max(5, min(requests, 50))
    years = [FIRST_YEAR + (i % YEARS) for i in range(rounds)]
    assert [r.sheet_id for r in ranking_by_orm(year)] == [row[0] for row in ranking_by_sql(year)]
    orm = latencies(ranking_by_orm, years)
    sql = latencies(ranking_by_sql, years)
    ratios = [o / s for o, s in zip(orm, sql, strict=True) if s]
    figures += summary("ranking of a year (ORM, ranks)", orm, None)
    figures += summary("hand-written SQL, same totals", sql, None)
    figures.append(
        Figure("ranking / SQL (median of ratios)", percentile(ratios, 0.5), "×", RATIO_TARGET)
    )
    figures.append(
        Figure(
            "ranking p95 / SQL p95",
            percentile(orm, 0.95) / percentile(sql, 0.95),
            "×",
            RATIO_TARGET,
        )
    )
    ranking_pages = [f"/emulation/ranking/?year={y}" for y in years]
    figures += summary("ranking page", latencies(get, ranking_pages), None)
    return figures


def run(scale: float = 1.0, requests: int = 200) -> tuple[list[Figure], dict]:
    state, figures = generate(scale)
    settle_database()
    figures += measure(state, requests)
    return figures, state["parameters"]
