"""The statistics page today's way and as they were: tables, map, workbook; exact split sums."""

import io
import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook
from tests.aid.test_aid import activity, flow, ngo, province, rate

from amity.aid import services
from amity.aid.models import Activity, Rate, Transaction
from amity.aid.statistics import Selection, by_province, by_sector, by_year, headline
from amity.geo.models import Province

pytestmark = pytest.mark.django_db

URL = "aid:statistics"


def figures(selection):
    totals = headline(None, selection=selection)
    return (totals["activities"], totals["ngos"], totals["committed_usd"], totals["disbursed_usd"])


def test_the_map_follows_the_choice_of_boundaries(merged, users, client, login, english):
    login(users.central)
    today = client.get(reverse(URL), {"year_from": 2013})
    assert today.context["chart"]["map"] == [
        {"code": "31", "value": 120000.0, "label": "Hai Phong"}
    ]
    assert (today.context["map_file"], today.context["undrawn"]) == (
        "amity/maps/vn-provinces.json",
        [],
    )
    html = today.content.decode()
    assert 'data-map="/static/amity/maps/vn-provinces.json" data-map-name="current"' in html
    assert "Disbursed by province (USD)" in html
    were = client.get(reverse(URL), {"year_from": 2013, "lineage": "as_recorded"})
    assert were.context["chart"]["map"] == [
        {"code": "31", "value": 85000.0, "label": "Hai Phong (before 1/7/2025)"},
        {"code": "30", "value": 35000.0, "label": "Hai Duong (before 1/7/2025)"},
    ]
    assert were.context["map_file"] == "geo/vn-provinces-before-2025.json"
    html = were.content.decode()
    assert (
        'data-map="/static/geo/vn-provinces-before-2025.json" data-map-name="as_recorded"'
    ) in html
    assert "Disbursed by province as they were before 1/7/2025 (USD)" in html
    assert "the 63 provinces before 1 July 2025" in html
    assert 'id="map-undrawn"' not in html
    # The toggle keeps the other choices and changes only the boundaries.
    assert [(link["value"], link["query"]) for link in were.context["lineage_links"]] == [
        ("current", "year_from=2013&lineage=current"),
        ("as_recorded", "year_from=2013&lineage=as_recorded"),
    ]
    assert 'href="?year_from=2013&amp;lineage=current"' in html


def test_the_shipped_maps_have_one_shape_per_province_of_their_period():
    for name, provinces in (
        ("amity/maps/vn-provinces.json", Province.objects.current()),
        ("geo/vn-provinces-before-2025.json", Province.objects.former()),
    ):
        document = json.loads(Path(finders.find(name)).read_text(encoding="utf-8"))
        shapes = {
            feature["properties"]["code"]: feature["properties"]["name_vi"]
            for feature in document["features"]
        }
        assert shapes == dict(provinces.values_list("code", "name")), name
        assert len(document["features"]) == provinces.count()
        assert "Natural Earth" in document["attribution"]
    former = json.loads(Path(finders.find("geo/vn-provinces-before-2025.json")).read_text())
    kinds = {
        feature["properties"]["code"]: feature["geometry"]["type"] for feature in former["features"]
    }
    # Hoàng Sa with Đà Nẵng, Trường Sa with Khánh Hòa: islands beside the mainland.
    assert (kinds["48"], kinds["56"]) == ("MultiPolygon", "MultiPolygon")


def test_figures_recorded_with_todays_boundaries_are_in_the_table_not_on_the_old_map(
    merged, users, client, login, english
):
    recent = activity(
        merged["hp"],
        "D-1",
        ngo("New Donor", "DE"),
        date(2025, 8, 1),
        provinces=[(province("01"), 100)],
    )
    flow(recent, "3", date(2025, 9, 1), "5000")
    login(users.central)
    page = client.get(reverse(URL), {"lineage": "as_recorded"})
    assert [row["key"] for row in page.context["undrawn"]] == [province("01").pk]
    assert [row["code"] for row in page.context["chart"]["map"]] == ["31", "30"]
    provinces = {row["label"]: row["disbursed_usd"] for row in page.context["figures"]["provinces"]}
    assert provinces == {
        "Hai Phong (before 1/7/2025)": Decimal("85000.00"),
        "Hai Duong (before 1/7/2025)": Decimal("35000.00"),
        "Ha Noi": Decimal("5000.00"),
    }
    html = " ".join(page.content.decode().split())
    assert (
        "One province was recorded with today's boundaries: its figures are in the table, "
        "not on this map."
    ) in html
    today = client.get(reverse(URL))
    assert today.context["undrawn"] == []
    assert sorted(row["code"] for row in today.context["chart"]["map"]) == ["01", "31"]


def test_the_workbook_has_the_provinces_of_the_chosen_boundaries(
    merged, users, client, login, english
):
    login(users.central)

    def sheets(**query):
        response = client.get(
            reverse(URL), {"year_from": 2013, "year_until": 2018, "export": "xlsx", **query}
        )
        assert response["Content-Type"].startswith("application/vnd.openxmlformats")
        book = load_workbook(io.BytesIO(response.content))
        return {
            sheet.title: [_trimmed(row) for row in sheet.iter_rows(values_only=True)]
            for sheet in book.worksheets
        }

    headers = [
        "NGOs",
        "Activities",
        "Committed (USD)",
        "Disbursed (USD)",
        "Committed (VND)",
        "Disbursed (VND)",
        "Disbursement rate (%)",
    ]
    were = sheets(lineage="as_recorded")
    assert were["Provinces"] == [
        ["Code", "Provinces", *headers],
        ["31", "Hai Phong (before 1/7/2025)", 2, 2, 150000, 85000, 3600000000, 2040000000, 56.7],
        ["30", "Hai Duong (before 1/7/2025)", 1, 1, 50000, 25000, 1200000000, 600000000, 50],
    ]
    assert were["Totals"][-2:] == [
        ["Period", "2013–2018"],
        ["Provinces", "As they were when recorded"],
    ]
    today = sheets()
    assert today["Provinces"] == [
        ["Code", "Provinces", *headers],
        ["31", "Hai Phong", 2, 2, 200000, 110000, 4800000000, 2640000000, 55],
    ]
    assert today["Totals"][:2] == [headers, [2, 2, 200000, 110000, 4800000000, 2640000000, 55]]
    assert today["Totals"][-1] == ["Provinces", "Rolled up into today's 34 provinces"]


def _trimmed(row) -> list:
    cells = list(row)
    while cells and cells[-1] is None:
        cells.pop()
    return cells


def test_values_split_by_province_and_sector_group_are_exact(merged, users):
    activities = Activity.objects.visible_to(users.central)
    # Today's Hải Phòng (both old provinces) and education (11220): half of B, all of C.
    chosen = Selection(activities, province=merged["new"], sector_group="110")
    assert figures(chosen) == (2, 2, Decimal("80000.00"), Decimal("35000.00"))
    assert [
        (row["key"], row["committed_usd"], row["disbursed_usd"]) for row in by_province(chosen)
    ] == [(merged["new"].pk, Decimal("80000.00"), Decimal("35000.00"))]
    # Old Hải Dương as it was: half of B's half, and all of C.
    chosen = Selection(
        activities, province=merged["old_hd"], lineage="as_recorded", sector_group="110"
    )
    assert figures(chosen) == (2, 2, Decimal("55000.00"), Decimal("22500.00"))
    assert [
        (row["key"], row["activities"], row["committed_usd"], row["disbursed_usd"])
        for row in by_sector(chosen)
    ] == [("110", 2, Decimal("55000.00"), Decimal("22500.00"))]
    assert [
        (row["key"], row["committed_usd"], row["disbursed_usd"]) for row in by_year(chosen)
    ] == [
        (2016, Decimal("25000.00"), Decimal("0.00")),
        (2017, Decimal("0.00"), Decimal("12500.00")),
        (2019, Decimal("30000.00"), Decimal("10000.00")),
    ]


def test_deleted_transactions_and_unconverted_ones_are_counted_once(merged, users, orgs):
    activities = Activity.objects.visible_to(users.central)
    Transaction.objects.get(activity=merged["a"], date=date(2018, 6, 1)).soft_delete()
    assert figures(Selection(activities)) == (3, 3, Decimal("230000.00"), Decimal("100000.00"))
    # B lies in two provinces: its unconverted transaction is still one problem, not two.
    flow(merged["b"], "3", date(2017, 5, 1), "1000000", "KRW")
    for chosen in (Selection(activities), Selection(activities, province=merged["new"])):
        totals = headline(None, selection=chosen)
        assert (totals["unconverted"], [p["count"] for p in totals["problems"]]) == (1, [1])
        assert totals["disbursed_usd"] == Decimal("100000.00")


def test_values_follow_the_rates_of_the_activitys_keeper(orgs):
    """Stored values in USD and VND never go stale: a change of keeper or a removed rate
    converts the activity's transactions again."""
    rate(orgs.central, "EUR", date(2010, 1, 1), usd=Decimal("1.25"))
    hanoi_rate = rate(orgs.hanoi, "EUR", date(2010, 1, 1), usd=Decimal("2"))
    theirs = activity(orgs.danang, "K-1", ngo("Keeper Test", "FR"))
    made = flow(theirs, "3", date(2020, 1, 1), "100", "EUR")
    assert made.value_usd == Decimal("125.00")
    theirs.organization = orgs.hanoi
    services.write(theirs, None)
    made.refresh_from_db()
    assert made.value_usd == Decimal("200.00")
    services.delete_rate(hanoi_rate, None, for_good=True)  # gone for good, not to the trash
    made.refresh_from_db()
    assert made.value_usd == Decimal("125.00")
    assert not Rate.all_objects.filter(organization=orgs.hanoi).exists()


def test_a_rate_in_the_trash_converts_nothing_until_restored(orgs):
    rate(orgs.central, "EUR", date(2010, 1, 1), usd=Decimal("1.25"))
    hanoi_rate = rate(orgs.hanoi, "EUR", date(2010, 1, 1), usd=Decimal("2"))
    made = flow(
        activity(orgs.hanoi, "K-2", ngo("Trash Test", "FR")), "3", date(2020, 1, 1), "100", "EUR"
    )
    assert made.value_usd == Decimal("200.00")
    services.delete_rate(hanoi_rate, None)
    made.refresh_from_db()
    assert (made.value_usd, Rate.all_objects.get(pk=hanoi_rate.pk).is_deleted) == (
        Decimal("125.00"),
        True,
    )
    services.restore_rate(hanoi_rate, None)
    made.refresh_from_db()
    assert made.value_usd == Decimal("200.00")


def test_the_api_gives_the_provinces_as_they_were(merged, users, client, login):
    login(users.central)
    rows = client.get("/api/aid/activities/statistics/", {"lineage": "as_recorded"}).json()[
        "provinces"
    ]
    assert [(row["code"], row["is_current"], row["disbursed_usd"]) for row in rows] == [
        ("31", False, 85000.0),
        ("30", False, 35000.0),
    ]


def test_the_donor_filter_offers_only_donors(merged, users, client, login, english):
    ngo("Never Gave Anything", "US")  # a partner, not a donor of any activity
    login(users.central)
    field = client.get(reverse(URL)).context["filter"].form.fields["reporting_org"]
    assert sorted(str(partner) for partner in field.queryset) == [
        "French Schools",
        "Japan Care",
        "US Health",
    ]


def test_the_donor_filter_offers_donors_as_one_types(merged, users, client, login, english):
    """The page holds only the chosen donor; the others come from the filter's own endpoint,
    which offers what the filter accepts and finds them without marks or case."""
    ngo("Never Gave Anything", "US")
    login(users.central)
    chosen = merged["a"].reporting_org
    page = client.get(reverse(URL), {"reporting_org": chosen.pk}).content.decode()
    assert f'data-options-url="{reverse("aid:donor_options")}"' in page
    assert f'<option value="{chosen.pk}" selected>' in page
    others = [name for name in ("French Schools", "Japan Care", "US Health") if name != str(chosen)]
    assert all(f">{name}</option>" not in page for name in others)
    url = reverse("aid:donor_options")
    every = client.get(url).json()["results"]
    assert [row["label"] for row in every] == ["French Schools", "Japan Care", "US Health"]
    found = client.get(url, {"q": "japan"}).json()["results"]
    assert found == [{"id": merged["c"].reporting_org_id, "label": "Japan Care"}]
    assert client.get(url, {"q": "never gave"}).json()["results"] == []
    assert client.get(url, {"q": "x" * 5000}).status_code == 200
    client.logout()
    assert client.get(url).status_code == 302


def test_an_empty_selection_has_zero_figures_not_an_error(merged, users, client, login):
    # A sector group with no sector selects no activity: the figures of nothing.
    activities = Activity.objects.visible_to(users.central)
    for nothing in (Selection(activities, sector_group="zz"), Selection(activities.none())):
        totals = headline(None, selection=nothing)
        assert (totals["activities"], totals["committed_usd"]) == (0, Decimal("0.00"))
        assert (by_province(nothing), by_sector(nothing), by_year(nothing)) == ([], [], [])
    login(users.central)
    response = client.get("/api/aid/activities/statistics/", {"sector_group": "zz"})
    assert (response.status_code, response.json()["totals"]["activities"]) == (200, 0)


def test_sums_in_cents_and_dong_are_exact_per_activity_and_year(orgs):
    """The unsplit sums are added up in whole cents and dong (on SQLite as integers): values
    whose float sums are not exact add up to the cent, by activity and by year alike."""
    rate(orgs.central, "USD", date(2010, 1, 1), vnd=Decimal("25000"))
    donor = ngo("Cents Test", "FR")
    first = activity(orgs.hanoi, "C-1", donor, start=date(2019, 1, 1))
    second = activity(orgs.hanoi, "C-2", donor, start=date(2019, 1, 1))
    for value in ("0.10", "0.20", "1234567.89"):
        flow(first, "2", date(2019, 3, 1), value)
        flow(second, "3", date(2020, 3, 1), value)
    chosen = Selection(Activity.objects.filter(organization=orgs.hanoi))
    totals = headline(None, selection=chosen)
    assert (totals["committed_usd"], totals["disbursed_usd"]) == (
        Decimal("1234568.19"),
        Decimal("1234568.19"),
    )
    assert (totals["committed_vnd"], totals["disbursed_vnd"]) == (
        Decimal("30864204750.00"),
        Decimal("30864204750.00"),
    )
    assert [
        (row["key"], row["committed_usd"], row["disbursed_usd"]) for row in by_year(chosen)
    ] == [
        (2019, Decimal("1234568.19"), Decimal("0.00")),
        (2020, Decimal("0.00"), Decimal("1234568.19")),
    ]


@pytest.mark.parametrize("lineage", ["current", "as_recorded"])
def test_the_page_reads_the_yearly_flows_once(merged, users, client, login, lineage):
    """Either way of counting, one pass over the yearly flows (by activity, year and side of
    the merger) for every table, none over the transactions. The period's conditions are
    written once, however many filters apply them."""
    login(users.central)
    with CaptureQueriesContext(connection) as queries:
        page = client.get(reverse(URL), {"year_from": 2014, "lineage": lineage})
    assert page.status_code == 200
    assert not [q["sql"] for q in queries if 'FROM "aid_transaction"' in q["sql"]]
    reads = [q["sql"] for q in queries if 'FROM "aid_yearflow"' in q["sql"]]
    assert len(reads) == 1
    assert all(sql.count("\"status\" = '5'") == 1 for sql in reads)
