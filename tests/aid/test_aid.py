"""The aid domain beyond CRUD: shares, transaction rules, rates, statistics, totals, scoping."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from amity.aid import services, statistics
from amity.aid.models import Activity, ActivityProvince, ActivitySector, Rate, Transaction
from amity.aid.statistics import Selection, by_province, by_region, headline
from amity.geo.models import Country, Province
from amity.organizations.choices import OrganizationKind
from amity.organizations.models import Organization
from amity.organizations.services import merge_organizations
from amity.partners.models import Partner

pytestmark = pytest.mark.django_db


def province(code, current=True):
    return Province.objects.get(code=code, is_current=current)


def ngo(name, country="US"):
    return Partner.objects.create(kind="ngo", name=name, country=Country.objects.get(code=country))


def activity(owner, identifier, donor, start=date(2014, 1, 1), provinces=(), sectors=(), **extra):
    created = Activity.objects.create(
        iati_identifier=identifier,
        reporting_org=donor,
        title_vi=identifier,
        organization=owner,
        planned_start=start,
        **{"reporting_org_ref": identifier.split("-")[0], **extra},
    )
    for place, percentage in provinces:
        ActivityProvince.objects.create(activity=created, province=place, percentage=percentage)
    for code, percentage in sectors:
        ActivitySector.objects.create(activity=created, sector=code, percentage=percentage)
    return created


def flow(of, kind, day, value, currency="USD"):
    """A transaction, written as every write path writes it: converted by its writer."""
    made = Transaction(
        activity=of, transaction_type=kind, date=day, value=Decimal(value), currency=currency
    )
    return services.write(made, None)


def rate(owner, currency, day, usd=None, vnd=None):
    """A rate, written with its writer: the transactions it touches are converted again."""
    made = Rate(organization=owner, currency=currency, date=day, usd_per_unit=usd, vnd_per_unit=vnd)
    return services.write(made, None)


# --- percentages ----------------------------------------------------------------------------


def test_the_activity_form_refuses_percentages_that_do_not_sum_to_100(
    client, orgs, users, login, english
):
    donor = ngo("Water for All")
    login(users.hanoi)
    data = {
        "iati_identifier": "US-EIN-1-VN-1",
        "reporting_org_ref": "US-EIN-1",
        "reporting_org": donor.pk,
        "title_vi": "Nước sạch",
        "kind": "project",
        "status": "2",
        "planned_start": "2022-01-01",
        "organization": orgs.hanoi.pk,
        "default_currency": "USD",
        "provinces_key": ["01", "48"],
        "provinces_percentage": ["60", "30"],
        "sectors": "14030:100",
    }
    response = client.post(reverse("aid:activity_add"), data)
    assert response.status_code == 200
    assert response.context["form"].errors["provinces"] == ["The percentages sum to 90, not 100."]
    assert Activity.objects.count() == 0
    data["provinces_percentage"] = ["60", "40"]
    response = client.post(reverse("aid:activity_add"), data)
    assert response.status_code == 302
    created = Activity.objects.get()
    assert sorted((s.province.code, s.percentage) for s in created.province_shares.all()) == [
        ("01", Decimal("60.00")),
        ("48", Decimal("40.00")),
    ]
    # Changed together on the form: one share goes, another moves, history of each.
    data["provinces_key"] = ["01"]
    data["provinces_percentage"] = ["100"]
    response = client.post(
        reverse("aid:activity_edit", args=[created.pk]), {**data, "version": created.version}
    )
    assert response.status_code == 302
    assert [(s.province.code, s.percentage) for s in created.province_shares.all()] == [
        ("01", Decimal("100.00"))
    ]
    assert ActivityProvince.history.filter(history_type="-").get().history_user == users.hanoi


def test_a_single_share_keeps_the_total_at_100_and_the_api_checks_the_whole(
    client, orgs, users, login, english
):
    donor = ngo("Health Partners")
    mine = activity(orgs.hanoi, "X-1", donor, sectors=[("12220", 60), ("12240", 40)])
    login(users.hanoi)
    response = client.post(
        reverse("aid:activitysector_add"),
        {"activity": mine.pk, "sector": "12250", "percentage": "10"},
    )
    assert response.status_code == 200
    assert "sum to 110" in str(response.context["form"].errors["percentage"])
    first_share = mine.sector_shares.first()
    blocked = client.post(reverse("aid:activitysector_delete", args=[first_share.pk]))
    assert blocked.status_code == 302
    assert mine.sector_shares.count() == 2
    api = client.patch(
        f"/api/aid/activities/{mine.pk}/",
        {
            "sectors": [
                {"sector": "12220", "percentage": "50"},
                {"sector": "99999", "percentage": "50"},
            ],
            "version": mine.version,
        },
        content_type="application/json",
    )
    assert api.status_code == 400
    assert api.json()["sectors"] == ["Unknown DAC sector code: 99999"]
    api = client.patch(
        f"/api/aid/activities/{mine.pk}/",
        {
            "sectors": [
                {"sector": "12220", "percentage": "70"},
                {"sector": "12240", "percentage": "30"},
            ],
            "version": mine.version,
        },
        content_type="application/json",
    )
    assert api.status_code == 200
    assert api.json()["sectors"] == [
        {"sector": "12220", "percentage": "70.00"},
        {"sector": "12240", "percentage": "30.00"},
    ]


def test_an_import_row_with_percentages_not_summing_to_100_is_named(
    client, orgs, users, login, english
):
    from tests.generic import csv_upload

    donor = ngo("Rural Roads")
    login(users.hanoi)
    rows = [
        {
            "iati_identifier": "US-1-A",
            "reporting_org_ref": "US-1",
            "reporting_org": donor.pk,
            "title_vi": "A",
            "status": "2",
            "kind": "project",
            "planned_start": "2020-01-01",
            "organization": orgs.hanoi.pk,
            "default_currency": "USD",
            "provinces": "01:50; old-30:50",
            "sectors": "21020:100",
        },
        {
            "iati_identifier": "US-1-B",
            "reporting_org_ref": "US-1",
            "reporting_org": donor.pk,
            "title_vi": "B",
            "status": "2",
            "kind": "project",
            "planned_start": "2020-01-01",
            "organization": orgs.hanoi.pk,
            "default_currency": "USD",
            "provinces": "01:50; 48:30",
            "sectors": "21020:100",
        },
    ]
    response = client.post(reverse("aid:activity_import"), {"file": csv_upload(rows)})
    job = response.context["job"]
    assert job.summary["errors"] == [
        {"line": 3, "errors": ["provinces: The percentages sum to 80, not 100."]}
    ]
    assert Activity.objects.count() == 0
    rows[1]["provinces"] = "48"
    response = client.post(reverse("aid:activity_import"), {"file": csv_upload(rows)})
    job = response.context["job"]
    assert job.summary["errors"] == []
    client.post(reverse("aid:activity_import"), {"confirm": job.pk})
    first = Activity.objects.get(iati_identifier="US-1-A")
    assert sorted((str(s.province), s.percentage) for s in first.province_shares.all()) == [
        ("Ha Noi", Decimal("50.00")),
        ("Hai Duong (before 1/7/2025)", Decimal("50.00")),
    ]
    export = client.get(reverse("aid:activity_list"), {"export": "csv"})
    assert "01:50; old-30:50" in export.content.decode("utf-8-sig")


# --- transactions ---------------------------------------------------------------------------


def test_transaction_rules(client, orgs, users, login, english):
    donor = ngo("Children First")
    mine = activity(orgs.hanoi, "X-2", donor, start=date(2020, 6, 1))
    login(users.hanoi)
    url = reverse("aid:transaction_add")
    base = {"activity": mine.pk, "value": "1000", "currency": "USD"}

    def refused(**data):
        response = client.post(url, {**base, **data})
        assert response.status_code == 200, data
        return response.context["form"].errors

    assert refused(transaction_type="3", date="2020-05-31")["date"] == [
        "A disbursement or expenditure cannot be dated before the activity starts (01/06/2020)."
    ]
    assert "date" in refused(transaction_type="4", date="2019-01-01")
    assert refused(transaction_type="3", date="2021-01-01", value="-5")["value"]
    tomorrow = (date.today() + timedelta(days=1)).isoformat()
    assert refused(transaction_type="3", date=tomorrow)["date"] == [
        "An actual date cannot be in the future."
    ]
    assert "transaction_type" in refused(transaction_type="99", date="2021-01-01")
    assert "currency" in refused(transaction_type="3", date="2021-01-01", currency="ABC")
    assert Transaction.objects.count() == 0
    # A commitment may precede the start (IATI).
    response = client.post(url, {**base, "transaction_type": "2", "date": "2020-01-15"})
    assert response.status_code == 302
    assert Transaction.objects.get().value_usd == Decimal("1000.00")


# --- rates ----------------------------------------------------------------------------------


def test_conversion_takes_the_latest_rate_on_or_before_the_value_date(orgs):
    donor = ngo("Euro Friends", "FR")
    mine = activity(orgs.hanoi, "X-3", donor)
    rate(orgs.central, "EUR", date(2020, 1, 1), usd=Decimal("1.10"), vnd=Decimal("26000"))
    rate(orgs.central, "EUR", date(2021, 1, 1), usd=Decimal("1.20"), vnd=Decimal("28000"))
    before = flow(mine, "3", date(2020, 12, 31), "100", "EUR")
    on = flow(mine, "3", date(2021, 1, 1), "100", "EUR")
    early = flow(mine, "3", date(2019, 12, 31), "100", "EUR")
    assert (before.value_usd, before.value_vnd) == (Decimal("110.00"), Decimal("2600000"))
    assert (on.value_usd, on.value_vnd) == (Decimal("120.00"), Decimal("2800000"))
    assert (early.value_usd, early.value_vnd) == (None, None)  # no rate yet: not a zero
    # A rate of the province's own table wins over the centre's of the same day …
    rate(orgs.hanoi, "EUR", date(2021, 1, 1), usd=Decimal("1.25"))
    on.refresh_from_db()
    assert on.value_usd == Decimal("125.00")
    # … and the VND value is then read across the USD rate, when there is none in VND.
    assert on.value_vnd is None
    rate(orgs.central, "USD", date(2020, 1, 1), vnd=Decimal("23000"))
    on.refresh_from_db()
    assert on.value_vnd == Decimal("2875000")
    # An earlier rate entered later converts the transactions it now covers.
    rate(orgs.central, "EUR", date(2019, 1, 1), usd=Decimal("1.00"))
    early.refresh_from_db()
    assert early.value_usd == Decimal("100.00")
    # A Union's rates do not touch another Union's activities.
    theirs = activity(orgs.danang, "X-4", donor)
    assert flow(theirs, "3", date(2021, 6, 1), "100", "EUR").value_usd == Decimal("120.00")


def test_missing_rates_are_listed_on_the_page_and_in_the_api(client, orgs, users, login, english):
    donor = ngo("Korea Friends", "KR")
    rate(orgs.central, "USD", date(2010, 1, 1), vnd=Decimal("24000"))
    mine = activity(orgs.hanoi, "X-5", donor, provinces=[(province("01"), 100)])
    flow(mine, "2", date(2014, 3, 1), "1000", "USD")
    flow(mine, "3", date(2014, 5, 1), "5000000", "KRW")
    flow(mine, "3", date(2015, 7, 1), "1000000", "KRW")
    login(users.hanoi)
    page = client.get(reverse("aid:statistics"))
    totals = page.context["figures"]["totals"]
    assert totals["disbursed_usd"] == Decimal("0.00")
    assert totals["unconverted"] == 2
    assert [(p["currency"], p["count"], p["first"], p["last"]) for p in totals["problems"]] == [
        ("KRW", 2, date(2014, 5, 1), date(2015, 7, 1))
    ]
    assert "2 transaction(s) in KRW from 01/05/2014 to 01/07/2015 have no exchange rate" in (
        page.content.decode()
    )
    api = client.get("/api/aid/activities/statistics/")
    assert api.json()["totals"]["unconverted"] == 2
    assert api.json()["totals"]["problems"][0]["currency"] == "KRW"
    listed = client.get("/api/aid/transactions/", {"unconverted": "true"}).json()["results"]
    assert [item["problem"] for item in listed] == [
        "No exchange rate converts KRW on 01/07/2015.",
        "No exchange rate converts KRW on 01/05/2014.",
    ]


# --- statistics -----------------------------------------------------------------------------


@pytest.fixture
def merged(orgs, users):
    """Two Unions of old provinces (Hải Dương, Hải Phòng) merged on 1/7/2025 into the Hải Phòng
    Union, whose province is the new Hải Phòng; each had aid before the merger."""
    old_haiphong, old_haiduong = province("31", False), province("30", False)
    new_haiphong = province("31")
    hp = Organization.objects.create(
        name="LHHN Hải Phòng",
        kind=OrganizationKind.PROVINCIAL_UNION,
        parent=orgs.central,
        province=old_haiphong,
    )
    hd = Organization.objects.create(
        name="LHHN Hải Dương",
        kind=OrganizationKind.PROVINCIAL_UNION,
        parent=orgs.central,
        province=old_haiduong,
    )
    rate(orgs.central, "EUR", date(2010, 1, 1), usd=Decimal("1.25"), vnd=Decimal("30000"))
    rate(orgs.central, "USD", date(2010, 1, 1), vnd=Decimal("24000"))
    us, fr, jp = ngo("US Health", "US"), ngo("French Schools", "FR"), ngo("Japan Care", "JP")
    a = activity(
        hp, "A", us, date(2014, 1, 1), provinces=[(old_haiphong, 100)], sectors=[("12220", 100)]
    )
    b = activity(
        hd,
        "B",
        fr,
        date(2016, 1, 1),
        provinces=[(old_haiduong, 50), (old_haiphong, 50)],
        sectors=[("11220", 50), ("12220", 50)],
    )
    c = activity(
        hd, "C", jp, date(2019, 1, 1), provinces=[(old_haiduong, 100)], sectors=[("11220", 100)]
    )
    flow(a, "2", date(2014, 1, 1), "100000")
    flow(a, "3", date(2015, 6, 1), "40000")
    flow(a, "3", date(2018, 6, 1), "20000")
    flow(b, "2", date(2016, 1, 1), "80000", "EUR")  # 100,000 USD
    flow(b, "4", date(2017, 3, 1), "40000", "EUR")  # 50,000 USD
    flow(c, "2", date(2019, 1, 1), "30000")
    flow(c, "3", date(2019, 5, 1), "10000")
    flow(c, "1", date(2019, 5, 1), "999999")  # incoming funds: not counted
    merge_organizations(
        [hd], successor=hp, occurred_on=date(2025, 7, 1), decision="QĐ 1/2025", by=users.admin
    )
    return {
        "hp": hp,
        "hd": hd,
        "new": new_haiphong,
        "old_hp": old_haiphong,
        "old_hd": old_haiduong,
        "a": a,
        "b": b,
        "c": c,
    }


def test_headline_figures_are_exact(merged, users):
    figures = headline(
        Activity.objects.visible_to(users.central), date(2013, 1, 1), date(2018, 12, 31)
    )
    assert {
        key: figures[key]
        for key in (
            "ngos",
            "activities",
            "committed_usd",
            "disbursed_usd",
            "committed_vnd",
            "disbursed_vnd",
            "rate",
            "unconverted",
        )
    } == {
        "ngos": 2,
        "activities": 2,
        "committed_usd": Decimal("200000.00"),
        "disbursed_usd": Decimal("110000.00"),
        "committed_vnd": Decimal("4800000000.00"),
        "disbursed_vnd": Decimal("2640000000.00"),
        "rate": Decimal("55.0"),
        "unconverted": 0,
    }


def test_provinces_roll_up_through_lineage_or_show_as_they_were(merged, users, client, login):
    activities = Activity.objects.visible_to(users.central)
    rolled = {
        row["key"]: (row["activities"], row["ngos"], row["committed_usd"], row["disbursed_usd"])
        for row in by_province(Selection(activities))
    }
    assert rolled == {
        merged["new"].pk: (3, 3, Decimal("230000.00"), Decimal("120000.00")),
    }
    as_they_were = {
        row["key"]: (row["activities"], row["committed_usd"], row["disbursed_usd"])
        for row in by_province(Selection(activities, lineage="as_recorded"))
    }
    assert as_they_were == {
        merged["old_hp"].pk: (2, Decimal("150000.00"), Decimal("85000.00")),
        merged["old_hd"].pk: (2, Decimal("80000.00"), Decimal("35000.00")),
    }
    # The province filter follows the same rule: the new Hải Phòng includes old Hải Dương.
    login(users.central)
    page = client.get(reverse("aid:statistics"), {"province": merged["new"].pk})
    assert page.context["figures"]["totals"]["disbursed_usd"] == Decimal("120000.00")
    page = client.get(
        reverse("aid:statistics"), {"province": merged["old_hd"].pk, "lineage": "as_recorded"}
    )
    assert page.context["figures"]["totals"]["disbursed_usd"] == Decimal("35000.00")
    assert page.context["figures"]["totals"]["activities"] == 2


def test_a_provinces_statement_for_a_period_and_the_share_of_donors_by_region(
    merged, users, client, login, english
):
    """ "In 2013–2018 the province attracted N NGOs with M projects and a disbursement of …" """
    login(users.central)
    query = {"province": merged["new"].pk, "year_from": 2013, "year_until": 2018}
    page = client.get(reverse("aid:statistics"), query)
    totals = page.context["figures"]["totals"]
    assert (totals["ngos"], totals["activities"], totals["disbursed_usd"]) == (
        2,
        2,
        Decimal("110000.00"),
    )
    summary = " ".join(page.content.decode().split())
    assert (
        "NGOs and donors: 2, with 2 activities: 200,000 USD committed, 110,000 USD "
        "disbursed." in summary
    )
    regions = {
        row["key"]: (row["ngos"], row["share"])
        for row in by_region(Selection(Activity.objects.all()))
    }
    assert regions == {
        "americas": (1, Decimal("33.3")),
        "europe": (1, Decimal("33.3")),
        "asia": (1, Decimal("33.3")),
    }
    sectors = {row["key"]: row["disbursed_usd"] for row in page.context["figures"]["sectors"]}
    assert sectors == {"120": Decimal("85000.00"), "110": Decimal("25000.00")}
    workbook = client.get(reverse("aid:statistics"), {"export": "xlsx"})
    assert workbook.content[:2] == b"PK"


def test_aid_totals_for_reporting_follow_lineage(merged):
    totals = statistics.aid_totals(merged["hp"], date(2016, 1, 1), date(2019, 12, 31))
    assert (totals.committed_usd, totals.disbursed_usd, totals.activities, totals.ngos) == (
        Decimal("130000.00"),
        Decimal("80000.00"),
        3,
        3,
    )
    assert (totals.committed_vnd, totals.disbursed_vnd) == (
        Decimal("3120000000.00"),
        Decimal("1920000000.00"),
    )
    assert totals.complete
    alone = statistics.aid_totals(merged["hd"], date(2016, 1, 1), date(2019, 12, 31))
    assert (alone.disbursed_usd, alone.activities) == (Decimal("60000.00"), 2)


def test_scoping_through_counterparts(orgs, users, client, login):
    donor = ngo("Shared Donor")
    theirs = activity(orgs.danang, "X-6", donor)
    login(users.hanoi)
    assert client.get(reverse("aid:activity", args=[theirs.pk])).status_code == 404
    theirs.other_counterparts.add(orgs.hanoi_member)
    assert client.get(reverse("aid:activity", args=[theirs.pk])).status_code == 200
    assert client.post(reverse("aid:activity_edit", args=[theirs.pk])).status_code == 403
    ids = [
        item["id"] for item in client.get("/api/aid/activities/", {"q": "X-6"}).json()["results"]
    ]
    assert ids == [theirs.pk]


def test_the_statistics_page_issues_a_constant_number_of_queries(
    merged, users, client, login, settings
):
    settings.SESSION_REFRESH_SECONDS = 10**9  # no session write in the middle of the counts
    login(users.central)
    url = reverse("aid:statistics")

    def queries(**extra):
        with CaptureQueriesContext(connection) as context:
            assert client.get(url, {"year_from": 2013, **extra}).status_code == 200
        return [query["sql"] for query in context.captured_queries]

    queries()  # the first request after logging in refreshes the session
    few = queries()
    # Whole years are read from the yearly flows the database keeps, in one pass that every
    # table is folded from, whatever the number of activities, transactions, provinces and
    # sectors; the transactions themselves are not read.
    assert len([sql for sql in few if '"aid_yearflow"' in sql]) == 1
    assert len([sql for sql in few if '"aid_transaction"' in sql]) == 0
    donor = ngo("Many Projects", "DE")
    for index in range(30):
        giver = ngo(f"NGO {index}", "DE") if index % 2 else donor
        place = province(("01", "02", "04", "30", "31")[index % 5], False)
        made = activity(
            merged["hp"], f"M-{index}", giver, provinces=[(place, 100)], sectors=[("12220", 100)]
        )
        flow(made, "2", date(2015, 1, 1), "1000")
    assert len(queries()) == len(few)
    # The same for the provinces as they were, a province and a sector group chosen.
    split = {"lineage": "as_recorded", "province": merged["old_hd"].pk, "sector_group": "120"}
    chosen = queries(**split)
    assert len([sql for sql in chosen if '"aid_yearflow"' in sql]) == 1
    # the years of a chosen province and sector group: the transactions joined to the shares
    assert len([sql for sql in chosen if '"aid_transaction"' in sql]) == 1
