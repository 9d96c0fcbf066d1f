"""Other publishers' IATI files: every place resolved to a province as it was, or reported; the
statistics count each activity there in both views; the "not placed" list to work through."""

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from tests.aid.test_aid import rate

from amity.aid import iati
from amity.aid.models import Activity, UnplacedLocation
from amity.aid.statistics import Selection, by_province, by_year, headline
from amity.geo.models import Province

pytestmark = pytest.mark.django_db

FILE = Path(__file__).parent / "data" / "publishers-vn.xml"
CONTENT = FILE.read_bytes()


@pytest.fixture
def english_messages():
    with translation.override("en"):
        yield


@pytest.fixture
def imported(orgs, users, english_messages):
    rate(orgs.central, "USD", date(2000, 1, 1), usd=Decimal(1), vnd=Decimal(25000))
    return iati.import_activities(CONTENT, users.central)


def test_every_place_is_resolved_or_reported(imported, users):
    report, central = imported, users.central
    assert report.counts == {"created": 27, "updated": 0, "unchanged": 0, "refused": 0}
    assert report.places == {"name": 17, "point": 2, "code": 3, "chosen": 0, "unplaced": 6}
    described = {o.identifier: [p.describe() for p in o.places] for o in report.outcomes}
    assert described["GB-CHC-1098765-VN-001"] == [
        "Na Hang district, Tuyen Quang province / Huyện Na Hàng, tỉnh Tuyên Quang → "
        "Tuyen Quang (before 1/7/2025) (by name)"
    ]
    assert described["NL-KVK-12345678-VN-TQCITY"] == [
        "21.8237 105.214 → Tuyen Quang (before 1/7/2025) (by point)"
    ]
    assert described["CA-CRA_ACR-123456789-VN-G1-1"] == [
        "1559976 → Tuyen Quang (before 1/7/2025) (by code)"
    ]
    assert described["CH-FOA-1234-VN-GADM-1"] == ["VNM.26_1 → Ha Giang (before 1/7/2025) (by code)"]
    assert described["SE-ON-8020123456-VN-ISO-1"] == [
        "VN-07 → Tuyen Quang (before 1/7/2025) (by code)"
    ]
    # After the merger a shared name is today's province; Hà Giang only ever was the old one.
    assert described["NZ-CC-CC12345-VN-TQ-25"] == ["Tuyên Quang → Tuyen Quang (by name)"]
    assert described["NZ-CC-CC12345-VN-HG-25"] == [
        "Hà Giang → Ha Giang (before 1/7/2025) (by name)"
    ]
    assert described["NZ-CC-CC12345-VN-SPAN"] == [
        "Tuyen Quang → Tuyen Quang (before 1/7/2025) (by name)"
    ]
    assert described["KR-CRN-1018212345-2018-HCM"] == [
        "TP.HCM → Ho Chi Minh (before 1/7/2025) (by name)"
    ]
    assert described["DE-VR-4711-VN-HUE-2"] == [
        "Thua Thien Hue Province, central Vietnam → Hue (before 1/7/2025) (by name)"
    ]
    unplaced = {
        o.identifier: [p.describe() for p in o.places] for o in report.outcomes if o.unplaced
    }
    assert unplaced == {
        "BE-BCE_KBO-0412345678-VN-NAT": ["VN: not placed (country level only)"],
        "BE-BCE_KBO-0412345678-VN-NORTH": [
            "Northern Mountainous Region: not placed (names no province)"
        ],
        "US-EIN-521234567-VN-2PROV": [
            "Ha Giang and Lao Cai: not placed (names several provinces: Ha Giang, Lao Cai)"
        ],
        "NL-KVK-12345678-VN-BKK": ["13.7563 100.5018: not placed (point outside every province)"],
        "CA-CRA_ACR-123456789-VN-GAUL": ["3316: not placed (unknown code)"],
        "BE-BCE_KBO-0412345678-VN-COUNTRY": ["Viet Nam: not placed (country level only)"],
    }
    rows = UnplacedLocation.objects.all()
    assert sorted((r.place_text, r.reason, r.publisher_ref, r.province) for r in rows) == [
        ("13.7563 100.5018", "outside", "NL-KVK-12345678", None),
        ("3316", "unknown_code", "CA-CRA_ACR-123456789", None),
        ("Ha Giang and Lao Cai", "several", "US-EIN-521234567", None),
        ("Northern Mountainous Region", "unknown_name", "BE-BCE_KBO-0412345678", None),
        ("VN", "country", "BE-BCE_KBO-0412345678", None),
        ("Viet Nam", "country", "BE-BCE_KBO-0412345678", None),
    ]
    two = Activity.objects.get(iati_identifier="GB-CHC-1098765-VN-003")
    assert sorted(
        (s.province.code, s.province.is_current, s.percentage) for s in two.province_shares.all()
    ) == [("02", False, Decimal("50.00")), ("08", False, Decimal("50.00"))]
    # Imported again, nothing changes and nothing is reported twice.
    again = iati.import_activities(CONTENT, central)
    assert again.counts == {"created": 0, "updated": 0, "unchanged": 27, "refused": 0}
    assert UnplacedLocation.objects.count() == 6


def test_the_dry_run_reports_the_same_and_writes_nothing(orgs, users, english_messages):
    dry = iati.import_activities(CONTENT, users.central, dry_run=True)
    assert dry.dry_run is True
    assert dry.counts == {"created": 27, "updated": 0, "unchanged": 0, "refused": 0}
    assert dry.places == {"name": 17, "point": 2, "code": 3, "chosen": 0, "unplaced": 6}
    assert all(outcome.url == "" for outcome in dry.outcomes)
    assert (Activity.all_objects.count(), UnplacedLocation.all_objects.count()) == (0, 0)
    real = iati.import_activities(CONTENT, users.central)
    assert [[p.describe() for p in o.places] for o in real.outcomes] == [
        [p.describe() for p in o.places] for o in dry.outcomes
    ]


def totals(activities, lineage, province, start=None, end=None):
    figures = headline(
        None,
        selection=Selection(activities, start, end, province=province, lineage=lineage),
    )
    return (
        figures["activities"],
        figures["ngos"],
        figures["committed_usd"],
        figures["disbursed_usd"],
    )


def test_the_statistics_reproduce_the_files_figures_in_both_views(imported):
    activities = Activity.objects.all()
    old_tq = Province.objects.get(code="08", is_current=False)
    new_tq = Province.objects.get(code="08", is_current=True)
    period = (date(2013, 1, 1), date(2018, 12, 31))
    # 2013–2018, Tuyên Quang as it was: ten activities of seven donors, half of one of them.
    assert totals(activities, "as_recorded", old_tq, *period) == (
        10,
        7,
        Decimal("300000.00"),
        Decimal("950000.00"),
    )
    # Today's Tuyên Quang holds Hà Giang too: the other half, and Hà Giang's own activity.
    assert totals(activities, "current", new_tq, *period) == (
        11,
        8,
        Decimal("300000.00"),
        Decimal("1120000.00"),
    )
    # As they were, the activity that spans the merger counts in old Tuyên Quang for March 2025
    # and in today's for August 2025, in the totals, the years and the table alike.
    assert totals(activities, "as_recorded", old_tq) == (
        12,
        9,
        Decimal("300000.00"),
        Decimal("1090000.00"),
    )
    assert totals(activities, "as_recorded", new_tq) == (2, 1, Decimal("0.00"), Decimal("35000.00"))
    years = by_year(Selection(activities, province=old_tq, lineage="as_recorded"))
    assert sum(row["disbursed_usd"] for row in years) == Decimal("1090000.00")
    assert [row["disbursed_usd"] for row in years if row["key"] == 2025] == [Decimal("10000.00")]
    years = by_year(Selection(activities, province=new_tq, lineage="as_recorded"))
    assert [(row["key"], row["disbursed_usd"]) for row in years] == [(2025, Decimal("35000.00"))]
    assert totals(activities, "current", new_tq) == (
        16,
        11,
        Decimal("300000.00"),
        Decimal("1360000.00"),
    )
    as_recorded = {
        (row["code"], row["is_current"]): (row["activities"], row["disbursed_usd"])
        for row in by_province(Selection(activities, lineage="as_recorded"))
    }
    assert as_recorded == {
        # the spanning activity's transaction of March 2025 is counted here...
        ("08", False): (12, Decimal("1090000.00")),
        # ...and that of August 2025 in the province Tuyên Quang became
        ("08", True): (2, Decimal("35000.00")),
        ("02", False): (4, Decimal("235000.00")),
        ("79", False): (3, Decimal("60000.00")),
        ("46", False): (2, Decimal("10000.00")),
        ("", None): (6, Decimal("81000.00")),
    }
    today = {
        (row["code"], row["is_current"]): (row["activities"], row["disbursed_usd"])
        for row in by_province(Selection(activities, lineage="current"))
    }
    assert today == {
        ("08", True): (16, Decimal("1360000.00")),
        ("79", True): (3, Decimal("60000.00")),
        ("46", True): (2, Decimal("10000.00")),
        ("", None): (6, Decimal("81000.00")),
    }


def test_a_province_chosen_by_hand_places_the_activity_and_is_remembered(
    imported, users, client, login, english
):
    login(users.central)
    listed = client.get(reverse("aid:unplacedlocation_list"), {"placed": "false"})
    assert listed.status_code == 200
    assert "Northern Mountainous Region" in listed.content.decode()
    assert "Choose the province" in listed.content.decode()
    north = UnplacedLocation.objects.get(place_text="Northern Mountainous Region")
    lao_cai = Province.objects.get(code="10", is_current=False)
    edit = reverse("aid:unplacedlocation_edit", args=[north.pk])
    form = client.get(edit).context["form"]
    data = {name: form[name].value() or "" for name in form.fields}
    response = client.post(edit, {**data, "province": lao_cai.pk})
    assert response.status_code == 302
    north.refresh_from_db()
    assert north.province == lao_cai
    assert north.history.first().history_user == users.central
    shares = [(s.province, s.percentage) for s in north.activity.province_shares.all()]
    assert shares == [(lao_cai, Decimal("100.00"))]
    # The next import of that publisher places the same place there by itself.
    other = CONTENT.replace(b"VN-NORTH", b"VN-NORTH2")
    report = iati.import_activities(other, users.central)
    outcome = next(o for o in report.outcomes if o.identifier.endswith("VN-NORTH2"))
    assert [p.describe() for p in outcome.places] == [
        "Northern Mountainous Region → Lao Cai (before 1/7/2025) (chosen by hand earlier)"
    ]
    assert report.places["chosen"] == 1
    copy = Activity.objects.get(iati_identifier=outcome.identifier)
    assert [s.province for s in copy.province_shares.all()] == [lao_cai]
    assert not copy.unplaced_locations.exists()
    # Another publisher writing the same words is not placed by this choice.
    assert UnplacedLocation.objects.filter(province__isnull=True).count() == 5


def test_the_not_placed_list_in_both_languages_and_its_filters(imported, users, client, login):
    login(users.central)
    url = reverse("aid:unplacedlocation_list")
    english = client.get(url, {"lang": "en", "reason": "country"}).content.decode()
    assert "Places not placed" in english or "places not placed" in english
    assert english.count(">country level only</td>") == 2
    assert "Northern Mountainous Region" not in english
    vietnamese = client.get(url, {"lang": "vi"}).content.decode()
    assert "Chọn tỉnh, thành phố" in vietnamese
    assert "chỉ ở cấp quốc gia" in vietnamese
    api = client.get("/api/aid/unplaced-locations/", {"reason": "several"}).json()
    assert [row["place_text"] for row in api["results"]] == ["Ha Giang and Lao Cai"]
    # A unit officer sees none of the centre's.
    login(users.hanoi)
    assert client.get("/api/aid/unplaced-locations/").json()["count"] == 0


def test_the_import_page_and_the_command_name_each_place(
    orgs, users, client, login, english, tmp_path, capsys
):
    login(users.central)
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("publishers.xml", CONTENT, content_type="application/xml")
    page = client.post(reverse("aid:iati_import"), {"file": upload, "dry_run": "on"})
    html = " ".join(page.content.decode().split())
    report = html[html.find('id="iati-report"') :]
    assert "Dry run: nothing was written." in report, html[html.find("<main") :][:3000]
    assert (
        "Places: 17 by name, 2 by point, 3 by code, 0 chosen by hand earlier, 6 not placed." in html
    )
    assert "Ha Giang and Lao Cai: not placed (names several provinces: Ha Giang, Lao Cai)" in html
    assert Activity.objects.count() == 0
    path = tmp_path / "publishers.xml"
    path.write_bytes(CONTENT)
    with translation.override("en"):
        call_command("import", "iati", str(path), user="central", dry_run=True)
    out = capsys.readouterr().out
    assert "Places: 17 by name, 2 by point, 3 by code, 0 chosen earlier, 6 not placed." in out
    assert "Dry run: nothing was written." in out
    assert Activity.objects.count() == 0
