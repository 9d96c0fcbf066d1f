"""The year's ranking page and API: the same number of queries however many clusters a unit may
see (no look-up per cluster), each cluster's rows in rank order, names in the page's language."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from amity.emulation import scoring_services as services
from amity.emulation.models import Score, ScoreSheet
from amity.organizations.choices import OrganizationKind
from tests.conftest import make_org
from tests.emulation import scoring_builders as build

pytestmark = pytest.mark.django_db


def scored_cluster(orgs, table, criterion, units, index, published=True):
    """A cluster of `units`, each with a sheet whose one criterion scores as given."""
    cluster = build.cluster(
        orgs.central, [u for u, _ in units], name=f"Cụm {index}", ranking_published=published
    )
    for unit, points in units:
        sheet = build.sheet(unit, table, of_cluster=cluster)
        Score.objects.create(sheet=sheet, criterion=criterion, self_points=Decimal(points))
    return cluster


@pytest.fixture
def table_and_criterion(orgs):
    table = build.table(orgs.central)
    section = build.section(orgs.central, of_table=table, number=1)
    return table, build.criterion(section, "1.1", "10")


def other_units(orgs, count, start):
    return [
        make_org(f"Liên hiệp tỉnh {start + i}", OrganizationKind.PROVINCIAL_UNION, orgs.central)
        for i in range(count)
    ]


def queries_of(client, url, params) -> tuple[int, object]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(captured), response


@pytest.mark.parametrize("url", ["/emulation/ranking/", "/api/emulation/ranking/"])
def test_a_units_ranking_costs_the_same_queries_for_two_or_eight_clusters(
    client, orgs, users, login, table_and_criterion, url
):
    table, criterion = table_and_criterion
    scored_cluster(orgs, table, criterion, [(orgs.hanoi, "7"), (orgs.danang, "9")], 0)
    extra = other_units(orgs, 12, 0)
    scored_cluster(orgs, table, criterion, [(extra[0], "5")], 1)  # not the unit's cluster
    login(users.hanoi)
    few, _ = queries_of(client, url, {"year": "2026"})
    for index in range(2, 8):  # more clusters; the unit is a member of half of them
        members = [(extra[index], "3")]
        if index % 2:
            members.append(
                (
                    make_org(f"Hội thành viên {index}", OrganizationKind.LOCAL_MEMBER, orgs.hanoi),
                    "4",
                )
            )
        scored_cluster(orgs, table, criterion, members, index)
    many, response = queries_of(client, url, {"year": "2026"})
    assert many == few
    if url.startswith("/api/"):
        assert len(response.json()) == 2 + 3 * 2  # its own cluster, and three with a member
    else:
        names = [group["cluster"].name for group in response.context["groups"]]
        assert names == ["Cụm 0", "Cụm 3", "Cụm 5", "Cụm 7"]
        first = response.context["groups"][0]
        assert [(r.organization, r.cluster_rank) for r in first["rows"]] == [
            ("Da Nang Union", 1),
            ("Ha Noi Union", 2),
        ]
        assert first["leader"].organization == "Da Nang Union"


def test_an_unpublished_ranking_is_the_centres_and_the_heads(orgs, users, table_and_criterion):
    table, criterion = table_and_criterion
    headed = scored_cluster(orgs, table, criterion, [(orgs.danang, "1")], 0, published=False)
    headed.head = orgs.hanoi
    headed.save()
    hidden = scored_cluster(orgs, table, criterion, [(orgs.hanoi, "2")], 1, published=False)
    clusters = [headed, hidden]
    assert services.clusters_with_ranking(users.hanoi, clusters) == [headed]
    assert services.clusters_with_ranking(users.central, clusters) == clusters
    assert services.clusters_with_ranking(users.danang, clusters) == []
    for cluster in clusters:  # the batched answer is the one-by-one rule's
        assert (cluster in services.clusters_with_ranking(users.hanoi, clusters)) is (
            services.may_see_ranking(users.hanoi, cluster)
        )


def test_the_ranking_reads_english_names_on_an_english_page(orgs, table_and_criterion):
    table, criterion = table_and_criterion
    orgs.hanoi.name_en = "Hanoi Union of Friendship Organizations"
    orgs.hanoi.save()
    scored_cluster(orgs, table, criterion, [(orgs.hanoi, "7"), (orgs.danang, "7.5")], 0)
    sheets = ScoreSheet.objects.filter(year=2026)
    with translation.override("en"):
        english = [(r.organization, r.total, r.rank) for r in services.ranking(sheets)]
    with translation.override("vi"):
        vietnamese = [r.organization for r in services.ranking(sheets)]
    assert english == [
        ("Da Nang Union", Decimal("7.50"), 1),
        ("Hanoi Union of Friendship Organizations", Decimal("7.00"), 2),
    ]
    assert vietnamese == [
        "Liên hiệp các tổ chức hữu nghị thành phố Đà Nẵng",
        "Liên hiệp các tổ chức hữu nghị thành phố Hà Nội",
    ]
