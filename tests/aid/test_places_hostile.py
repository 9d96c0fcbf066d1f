"""Locations no publisher should write, and some will: a file of 5 MB, a location with a
thousand narratives, points that are no points, codes of no vocabulary, garbage nested deep
inside a location. No 500, no hang: the import reads what it can and says, on one line per
place, what it did not place and why; or it refuses the file with a clear message."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation
from tests.aid.test_aid import rate

from amity.aid import iati
from amity.aid.models import Activity, UnplacedLocation

pytestmark = pytest.mark.django_db


def activity(identifier: str, locations: str) -> str:
    return f"""
 <iati-activity default-currency="USD">
  <iati-identifier>XI-IATI-HOSTILE-{identifier}</iati-identifier>
  <reporting-org ref="XI-IATI-HOSTILE" type="21">
   <narrative>Hostile Publisher</narrative></reporting-org>
  <title><narrative>Activity {identifier}</narrative></title>
  <description><narrative>Activity {identifier}</narrative></description>
  <participating-org role="1" ref="XI-IATI-HOSTILE" type="21">
   <narrative>Hostile Publisher</narrative></participating-org>
  <activity-status code="2"/>
  <activity-date type="2" iso-date="2018-01-01"/>
  <recipient-country code="VN" percentage="100"/>
  {locations}
  <transaction><transaction-type code="3"/><transaction-date iso-date="2018-02-01"/>
   <value value-date="2018-02-01">1000</value></transaction>
 </iati-activity>"""


def document(*activities: str) -> bytes:
    body = "".join(activities)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<iati-activities version="2.03" xmlns:x="urn:example:garbage">{body}\n</iati-activities>'
    ).encode()


@pytest.fixture
def importing(orgs, users):
    rate(orgs.central, "USD", date(2000, 1, 1), usd=Decimal(1), vnd=Decimal(25000))

    def run(content: bytes):
        with translation.override("en"):
            report = iati.import_activities(content, users.central)
            return report, {
                o.identifier[16:]: [p.describe() for p in o.places] for o in report.outcomes
            }

    return run


NAMED_VN = "<name><narrative>Vietnam</narrative></name>"


def point(text: str) -> str:
    return (
        '<location><point srsName="http://www.opengis.net/def/crs/EPSG/0/4326">'
        f"<pos>{text}</pos></point></location>"
    )


def test_points_that_are_no_points_are_reported(importing):
    report, described = importing(
        document(
            activity("NAN", point("nan nan")),
            activity("FAR", point("91 200")),
            activity("INF", point("inf -inf")),
            activity("WORDS", point("north of Hue")),
            activity("COMMA", point("21.0285,105.8542")),
            activity(
                "CENTROID", point("16.16667 107.83333").replace("<point", NAMED_VN + "<point")
            ),
        )
    )
    assert report.counts == {"created": 6, "updated": 0, "unchanged": 0, "refused": 0}
    assert described == {
        "NAN": ["nan nan: not placed (point outside every province)"],
        "FAR": ["91 200: not placed (point outside every province)"],
        "INF": ["inf -inf: not placed (point outside every province)"],
        "WORDS": ["north of Hue: not placed (point outside every province)"],
        "COMMA": ["21.0285 105.8542 → Ha Noi (before 1/7/2025) (by point)"],
        # The country's centroid is the country, not the province it falls in.
        "CENTROID": ["Vietnam: not placed (country level only)"],
    }
    assert UnplacedLocation.objects.count() == 5


def test_codes_of_no_vocabulary_are_reported(importing):
    report, described = importing(
        document(
            activity("AE", '<location><administrative vocabulary="A4" code="VN-ÆØ"/></location>'),
            activity(
                "LONG", f'<location><location-id vocabulary="G1" code="{"9" * 5000}"/></location>'
            ),
        )
    )
    assert report.counts["created"] == 2
    assert described["AE"] == ["VN-ÆØ: not placed (unknown code)"]
    assert described["LONG"] == [f"{'9' * 50}: not placed (unknown code)"]


def test_a_thousand_narratives_are_read_as_a_name_and_reported(importing):
    narratives = "".join(f"<narrative>Lang {n} Tuyen Quang</narrative>" for n in range(1000))
    report, described = importing(
        document(
            activity("MANY", f"<location><name>{narratives}</name></location>"),
            activity("ONE", "<location><name><narrative>Hà Giang</narrative></name></location>"),
        )
    )
    assert report.counts["created"] == 2
    (place,) = described["MANY"]
    assert place.endswith("→ Tuyen Quang (before 1/7/2025) (by name)")
    assert place.startswith("Lang 0 Tuyen Quang / Lang 1 Tuyen Quang / ")
    assert place.count(" / ") == 9  # the first ten narratives, not a thousand
    assert described["ONE"] == ["Hà Giang → Ha Giang (before 1/7/2025) (by name)"]


def test_garbage_nested_inside_a_location_of_another_namespace_is_left_aside(importing):
    deep = "<x:g>" * 200 + "Ha Noi" + "</x:g>" * 200
    location = f"<location><name><narrative>Thái Nguyên</narrative></name>{deep}</location>"
    report, described = importing(document(activity("DEEP", location)))
    assert report.counts["created"] == 1
    assert described["DEEP"] == ["Thái Nguyên → Thai Nguyen (before 1/7/2025) (by name)"]


def test_garbage_nested_beyond_what_xml_is_read_to_refuses_the_file_clearly(users):
    deep = "<x:g>" * 5000 + "</x:g>" * 5000
    content = document(activity("DEEPER", f"<location>{deep}</location>"))
    with translation.override("en"), pytest.raises(iati.IatiFileError) as refused:
        iati.import_activities(content, users.central)
    assert str(refused.value).startswith("The file is not well-formed XML: ")
    assert Activity.all_objects.count() == 0


def test_an_element_the_schema_does_not_know_refuses_the_file_clearly(users):
    content = document(activity("JUNK", "<location><junk><junk/></junk></location>"))
    with translation.override("en"), pytest.raises(iati.IatiFileError) as refused:
        iati.import_activities(content, users.central)
    assert str(refused.value).startswith("The file does not follow the IATI 2.03 schema: ")
    assert Activity.all_objects.count() == 0


def test_a_file_of_five_megabytes_is_imported_with_each_place_reported(importing, tmp_path, users):
    # One activity whose location's description is five megabytes of words, some of them
    # provinces' names: read as the first few hundred characters, placed or reported at once.
    words = ("Hue Hanoi Saigon Ca Mau " * 220_000)[: 5 * 1024 * 1024]
    location = f"<location><description><narrative>{words}</narrative></description></location>"
    content = document(activity("BIG", location))
    assert len(content) > 5 * 1024 * 1024
    report, described = importing(content)
    assert report.counts["created"] == 1
    (line,) = described["BIG"]
    assert line.endswith(": not placed (names several provinces: Hue, Ha Noi, Ho Chi Minh, Ca Mau)")
    # The command line says the same, one line a place.
    path = tmp_path / "big.xml"
    path.write_bytes(content)
    with translation.override("en"):
        call_command("import", "iati", str(path), "--user", users.central.username, "--dry-run")


def test_the_command_line_reports_each_place_and_refuses_a_broken_file(tmp_path, users, capsys):
    broken = tmp_path / "broken.xml"
    broken.write_bytes(b"<iati-activities version='2.03'><iati-activity>")
    with translation.override("en"), pytest.raises(CommandError) as refused:
        call_command("import", "iati", str(broken), "--user", users.central.username)
    assert "File refused: The file is not well-formed XML" in str(refused.value)
