"""Each figure of the year in one picture equals what the records hold, for the network and for
one Union beside its cluster's average, with the change from the year before, in a fixed number
of queries."""

from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from amity.overview import figures
from tests.overview import builders as b

pytestmark = pytest.mark.django_db


def by_key(result):
    return {figure.key: figure for figure in result.figures}


def values(result):
    return {key: (f.current, f.previous) for key, f in by_key(result).items()}


NETWORK_2025 = {
    "partners_active": (4, 2),
    "partners_new": (2, 1),
    "ngos_active": (3, 2),
    "aid_committed": (Decimal("1300.00"), Decimal("500.00")),
    "aid_disbursed": (Decimal("650.00"), Decimal("100.00")),
    "aid_activities": (2, 1),
    "reports": (Decimal("33.3"), None),  # 2 sent of 6 due: 2 periods × 3 Unions
    "events": (3, 1),
    "conferences": (2, 0),
    "delegations_received": (1, 1),
    "delegations_sent": (0, 0),
    "proposals": (3, 1),
    "proposals_on_time": (Decimal("50.0"), Decimal("100.0")),
    "courses": (1, 0),
    "trained": (2, 0),
    "awards": (0, 0),
}


def test_the_centre_sees_the_network_figures_of_the_year_and_the_year_before(
    orgs, users, year_records
):
    result = figures.overview(users.central, None, 2025)
    assert values(result) == NETWORK_2025
    shown = by_key(result)
    assert (shown["aid_disbursed"].change, shown["aid_disbursed"].direction) == (
        Decimal("550.0"),
        "up",
    )
    # a rate moves by points: 100 % on time in 2024, 50 % in 2025
    assert (shown["proposals_on_time"].change, shown["proposals_on_time"].direction) == (
        Decimal("-50.0"),
        "down",
    )
    assert shown["reports"].change is None  # nothing was due in 2024
    assert all(figure.average is None for figure in result.figures)


def test_the_network_tables_hold_the_regions_provinces_and_events(orgs, users, year_records):
    with translation.override("en"):
        result = figures.overview(users.central, None, 2025)
    # region, active 2025, active 2024, new 2025, new 2024: the most active first
    assert result.table("partners").rows == [
        ["Europe", 2, 0, 2, 0],
        ["Americas", 1, 1, 0, 0],
        ["Asia", 1, 1, 0, 1],
    ]
    provinces = {row[0]: row[2:] for row in result.table("provinces").rows}
    assert provinces == {"01": [1000.0, 400.0], "48": [300.0, 250.0]}
    assert result.table("events").rows == [
        ["Conferences", 2, 0],
        ["Delegations received", 1, 1],
        ["Delegations sent", 0, 0],
        ["Other events", 0, 0],
    ]


def test_a_union_sees_its_own_figures_beside_its_clusters_average(orgs, users, year_records):
    result = figures.overview(users.hanoi, orgs.hanoi, 2025)
    assert values(result) == {
        "partners_active": (2, 2),
        "partners_new": (0, 1),
        "ngos_active": (2, 2),
        "aid_committed": (Decimal("1000.00"), Decimal("500.00")),
        "aid_disbursed": (Decimal("400.00"), Decimal("100.00")),
        "aid_activities": (1, 1),
        "reports": (Decimal("100.0"), None),
        "events": (2, 0),
        "conferences": (1, 0),
        "delegations_received": (1, 0),
        "delegations_sent": (0, 0),
        "proposals": (2, 0),
        "proposals_on_time": (Decimal("50.0"), None),
        "courses": (0, 0),
        "trained": (1, 0),
        "awards": (0, 0),
    }
    assert result.cluster == year_records.cluster
    assert result.cluster_size == 3
    averages = {key: f.average for key, f in by_key(result).items()}
    # the three members' records, divided by three; rates pooled over the cluster
    assert averages["events"] == Decimal("1.0")  # Ha Noi 2, Da Nang 1, Hai Phong 0
    assert averages["aid_disbursed"] == Decimal("216.7")  # 650 / 3
    assert averages["partners_active"] == Decimal("1.0")  # 2 + 1 + 0
    assert averages["reports"] == Decimal("33.3")  # pooled: 2 sent of the 6 due
    assert averages["proposals_on_time"] == Decimal("50.0")


def test_a_cluster_too_small_shows_no_average(orgs, users, year_records):
    year_records.cluster.members.remove(year_records.haiphong)
    result = figures.overview(users.hanoi, orgs.hanoi, 2025)
    assert result.cluster_size == 2
    assert all(figure.average is None for figure in result.figures)


def test_the_figures_are_read_in_a_fixed_number_of_queries(orgs, users, year_records):
    def counted(user, organization):
        with CaptureQueriesContext(connection) as queries:
            figures.overview(user, organization, 2025)
        return len(queries)

    before = (counted(users.central, None), counted(users.hanoi, orgs.hanoi))
    for index in range(12):
        partner = b.partner(f"NGO {index}", "GB", since=date(2025, 1, 2), holder=orgs.hanoi)
        made = b.activity(orgs.hanoi, f"GB-{index}-X", partner, date(2025, 1, 1))
        b.flow(made, "3", date(2025, 5, 1), "10")
        b.event(orgs.hanoi, "incoming_delegation", date(2025, 3, index + 1))
        b.proposal(orgs, orgs.hanoi, date(2025, 4, index + 1))
    after = (counted(users.central, None), counted(users.hanoi, orgs.hanoi))
    assert after == before
