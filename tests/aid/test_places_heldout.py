"""Issue 17 checked on a file its resolver was not written against: `heldout-publishers.xml`,
82 activities of 34 donors written as other publishers write (names in both languages and many
spellings, districts and communes before them, points on the coast and the islands, GeoNames,
GADM and ISO 3166-2 codes, regions, a point in Laos, an empty location), with the province each
location is in written beside it (`heldout-publishers.expected.json`) from a knowledge of the
provinces, not from the resolver. Every location must be in that province or reported with
its reason, and the statistics must count the file's totals, computed here from the file
itself, in both views. The file is imported once for the module (a dry run, then for real)."""

import json
from collections import defaultdict
from datetime import date
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.db import transaction
from django.utils import translation
from lxml import etree
from tests.aid.test_aid import rate
from tests.conftest import make_org, make_user

from amity.accounts.choices import Role
from amity.aid import iati
from amity.aid.models import Activity, UnplacedLocation
from amity.aid.statistics import Selection, by_province, headline
from amity.geo.models import Province
from amity.organizations.choices import OrganizationKind

pytestmark = pytest.mark.django_db

DATA = Path(__file__).parent / "data"
CONTENT = (DATA / "heldout-publishers.xml").read_bytes()
EXPECTED = json.loads((DATA / "heldout-publishers.expected.json").read_text())["activities"]
PROVINCES = {
    (row["code"], row["is_current"]): row
    for row in json.loads(
        (Path(iati.__file__).parents[1] / "geo" / "data" / "provinces.json").read_text()
    )
}
#: USD per unit of each currency the file uses, from 2000 on
RATES = {
    "USD": Decimal("1"),
    "EUR": Decimal("1.1"),
    "GBP": Decimal("1.25"),
    "NZD": Decimal("0.6"),
    "SGD": Decimal("0.75"),
    "JPY": Decimal("0.007"),
    "CAD": Decimal("0.75"),
    "AUD": Decimal("0.65"),
}
MERGER_DAY = date(2025, 7, 1)
#: the one activity the file gives no start (only an actual end): the model wants one
NO_START = "DE-VR-VR5566-FHG-2014-HG"
#: an activity with no location at all is reported as its country or region
NO_LOCATION = {"unplaced": "country"}
#: the expected file's words for why a place cannot be placed, as the import's reasons
REASONS = {"empty": "no_location"}
CENT = Decimal("0.01")


@pytest.fixture(scope="module")
def heldout(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        central = make_org("Liên hiệp", OrganizationKind.CENTRAL_UNION)
        department = make_org("Ban Tổ chức", OrganizationKind.STANDING_UNIT, central)
        user = make_user("heldout", Role.CENTRAL_OFFICER, department)
        for currency, usd in RATES.items():
            rate(central, currency, date(2000, 1, 1), usd=usd, vnd=Decimal(25000))
        with translation.override("en"):
            dry = iati.import_activities(CONTENT, user, dry_run=True)
            after_dry_run = (Activity.all_objects.count(), UnplacedLocation.all_objects.count())
            real = iati.import_activities(CONTENT, user)
        yield SimpleNamespace(dry=dry, real=real, after_dry_run=after_dry_run, user=user)
        transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


# --- the file, read here without the importer -----------------------------------------------------


def file_activities() -> list[dict]:
    """Each activity of the file: identifier, donor, dates, counted transactions in USD."""
    root = etree.fromstring(CONTENT)
    activities = []
    for element in root.iter("iati-activity"):
        dates = {
            d.get("type"): date.fromisoformat(d.get("iso-date"))
            for d in element.iter("activity-date")
        }
        currency = element.get("default-currency")
        flows = []
        for item in element.iter("transaction"):
            kind = item.find("transaction-type").get("code")
            if kind in ("2", "3", "4"):
                day = date.fromisoformat(item.find("transaction-date").get("iso-date"))
                usd = Decimal(item.findtext("value")) * RATES[currency]
                flows.append(("committed" if kind == "2" else "disbursed", day, usd))
        start = min((dates[t] for t in ("1", "2") if t in dates), default=None)
        end = dates.get("4") or dates.get("3")
        activities.append(
            {
                "id": element.findtext("iati-identifier"),
                "donor": element.find("reporting-org").get("ref"),
                "start": start,
                "spans": start is not None and start < MERGER_DAY and end >= MERGER_DAY,
                "flows": flows,
            }
        )
    return activities


def equal_shares(count: int) -> list[Decimal]:
    """100 split equally to the cent, the last taking what rounding leaves."""
    share = (Decimal(100) / count).quantize(CENT)
    return [share] * (count - 1) + [Decimal(100) - share * (count - 1)]


def province_shares(identifier: str) -> list[tuple[tuple[str, bool], Decimal]]:
    """The expected provinces of an activity's placed locations, each once, in equal shares."""
    keys = []
    for want in EXPECTED[identifier]:
        if "province" in want:
            key = (want["province"], want["as"] == "current")
            if key not in keys:
                keys.append(key)
    return list(zip(keys, equal_shares(len(keys)), strict=True)) if keys else []


def successor(key: tuple[str, bool]) -> tuple[str, bool]:
    code, current = key
    return key if current else (PROVINCES[key]["successor_code"], True)


def expected_figures(as_recorded: bool) -> dict:
    """Province (code, is current) → [activities, donors, committed, disbursed] of the file,
    "as they were" (a former province holds what was done before the merger; the province
    it became what was done after, of the activities that went on after it) or in "today's 34"."""
    figures = defaultdict(lambda: [set(), set(), Decimal(0), Decimal(0)])
    for activity in file_activities():
        if activity["id"] == NO_START:
            continue  # refused
        for key, percentage in province_shares(activity["id"]):
            keys = {key if as_recorded else successor(key)}
            if as_recorded and activity["spans"] and not key[1]:
                keys.add(successor(key))
            for each in keys:
                figures[each][0].add(activity["id"])
                figures[each][1].add(activity["donor"])
            for kind, day, usd in activity["flows"]:
                where = key if as_recorded else successor(key)
                if as_recorded and activity["spans"] and day >= MERGER_DAY:
                    where = successor(key)
                figures[where][2 if kind == "committed" else 3] += usd * percentage / 100
    return {
        key: (len(ids), len(donors), committed.quantize(CENT), disbursed.quantize(CENT))
        for key, (ids, donors, committed, disbursed) in figures.items()
    }


# --- the import ----------------------------------------------------------------------------------


def test_the_file_is_as_described():
    activities = file_activities()
    assert len(activities) == 82
    assert len({a["donor"] for a in activities}) == 34
    assert sum(len(places) for places in EXPECTED.values()) == 128
    assert sorted(EXPECTED) == sorted(a["id"] for a in activities)


def test_the_dry_run_writes_nothing_and_reports_what_the_import_does(heldout):
    dry, real = heldout.dry, heldout.real
    assert heldout.after_dry_run == (0, 0)
    assert dry.counts == real.counts == {"created": 81, "updated": 0, "unchanged": 0, "refused": 1}
    assert [[p.describe() for p in o.places] for o in dry.outcomes] == [
        [p.describe() for p in o.places] for o in real.outcomes
    ]


def test_every_location_is_in_its_province_or_reported_with_its_reason(heldout):
    report = heldout.real
    assert len(report.outcomes) == len(EXPECTED)
    for outcome in report.outcomes:
        wanted = [
            {"unplaced": REASONS.get(want["unplaced"], want["unplaced"])}
            if "unplaced" in want
            else want
            for want in EXPECTED[outcome.identifier] or [NO_LOCATION]
        ]
        got = [
            {"province": p.province.code, "as": "current" if p.province.is_current else "former"}
            if p.placed
            else {"unplaced": str(p.reason)}
            for p in outcome.places
        ]
        assert got == wanted, (outcome.identifier, [p.describe() for p in outcome.places])
    placed = sum("province" in want for places in EXPECTED.values() for want in places)
    unplaced = sum(len(places) for places in EXPECTED.values()) - placed
    unplaced += sum(not places for places in EXPECTED.values())
    assert report.places == {"name": 79, "point": 22, "code": 14, "chosen": 0, "unplaced": 15}
    assert (placed, unplaced) == (115, 15)


def test_each_way_of_naming_a_place_is_described_as_resolved(heldout):
    described = {o.identifier: [p.describe() for p in o.places] for o in heldout.real.outcomes}
    assert described["AU-ABN-51123456789-CCA-2021-CD"] == [
        "8.6829 106.608 → Ba Ria - Vung Tau (before 1/7/2025) (by point)"
    ]
    assert described["GB-COH-09876543-TEP-2013-TN"] == [
        "Dai Tu district → Thai Nguyen (before 1/7/2025) (by code)"
    ]
    assert described["US-EIN-943216789-MBF-2024-PY"] == [
        "Tuy Hoa → Dak Lak (by point)",
        "Gia Lai → Gia Lai (by name)",
    ]
    assert described["NO-BRC-987654321-NVH-2013-QB"] == [
        "Quang Ninh District, Quang Binh Province → Quang Binh (before 1/7/2025) (by name)"
    ]
    assert described["BE-BCE_KBO-0412398765-BVB-2017-BG"][-1] == (
        "21.0285 105.8542 → Ha Noi (before 1/7/2025) (by point)"  # written "long lat"
    )
    assert described["GB-CHC-1098123-DNU-2020-03"] == [
        "(a location with nothing): not placed (no location given)",
        "Long An → Long An (before 1/7/2025) (by name)",
    ]
    assert described["XI-IATI-ALA0001-ALA-VN-2018"] == ["798: not placed (country level only)"]
    assert described["AU-ABN-98765432109-OIH-2021-LS"] == [
        "Vientiane: not placed (point outside every province)"
    ]


def test_the_activity_without_a_start_is_refused_with_its_reason(heldout):
    outcome = next(o for o in heldout.real.outcomes if o.identifier == NO_START)
    assert (outcome.status, outcome.reasons) == ("refused", ["Give a planned or an actual start."])
    assert [p.describe() for p in outcome.places] == [
        "Meo Vac, Ha Giang → Ha Giang (before 1/7/2025) (by name)"
    ]
    assert not Activity.all_objects.filter(iati_identifier=NO_START).exists()


def test_every_place_not_placed_is_on_the_list_to_work_through(heldout):
    rows = UnplacedLocation.objects.all()
    wanted = {
        (o.identifier, p.key)
        for o in heldout.real.outcomes
        if o.status == "created"
        for p in o.unplaced
    }
    assert {(r.activity.iati_identifier, r.place_key) for r in rows} == wanted
    assert len(wanted) == 15
    assert all(r.province_id is None for r in rows)


def test_imported_again_nothing_changes(heldout):
    with transaction.atomic():
        again = iati.import_activities(CONTENT, heldout.user)
        assert again.counts == {"created": 0, "updated": 0, "unchanged": 81, "refused": 1}
        assert UnplacedLocation.objects.count() == 15
        transaction.set_rollback(True)


# --- the statistics ------------------------------------------------------------------------------


def statistics_figures(lineage: str) -> dict:
    rows = by_province(Selection(Activity.objects.all(), lineage=lineage))
    provinces = Province.objects.in_bulk([row["key"] for row in rows if row["key"]])
    return {
        (provinces[row["key"]].code, provinces[row["key"]].is_current): (
            row["activities"],
            row["ngos"],
            row["committed_usd"],
            row["disbursed_usd"],
        )
        for row in rows
        if row["key"]
    }


@pytest.mark.parametrize("lineage", ["as_recorded", "current"])
def test_the_statistics_count_the_files_totals_by_province(heldout, lineage):
    expected = expected_figures(as_recorded=lineage == "as_recorded")
    assert statistics_figures(lineage) == expected
    # And one province at a time, as the statistics page chooses one.
    for (code, current), (activities, ngos, committed, disbursed) in expected.items():
        province = Province.objects.get(code=code, is_current=current)
        figures = headline(
            None, selection=Selection(Activity.objects.all(), province=province, lineage=lineage)
        )
        assert (
            figures["activities"],
            figures["ngos"],
            figures["committed_usd"],
            figures["disbursed_usd"],
        ) == (activities, ngos, committed, disbursed), (code, current)


def test_the_national_totals_count_every_imported_activity(heldout):
    imported = [a for a in file_activities() if a["id"] != NO_START]
    committed = sum(usd for a in imported for kind, _day, usd in a["flows"] if kind == "committed")
    disbursed = sum(usd for a in imported for kind, _day, usd in a["flows"] if kind == "disbursed")
    for lineage in ("as_recorded", "current"):
        figures = headline(None, selection=Selection(Activity.objects.all(), lineage=lineage))
        assert (figures["activities"], figures["ngos"]) == (81, 34)
        assert (figures["committed_usd"], figures["disbursed_usd"]) == (
            committed.quantize(CENT),
            disbursed.quantize(CENT),
        )
