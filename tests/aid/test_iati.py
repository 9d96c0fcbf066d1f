"""IATI 2.03 XML: export valid against the official schema, import idempotent and careful."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.management import call_command, load_command_class
from django.core.management.base import CommandError
from django.urls import reverse
from lxml import etree
from tests.aid.test_aid import activity, flow, ngo, province

from amity.aid import iati
from amity.aid.models import Activity, ActivityDocument, Budget, ParticipatingOrg, Transaction
from amity.partners.models import Partner

pytestmark = pytest.mark.django_db


@pytest.fixture
def english_messages():
    from django.utils import translation

    with translation.override("en"):
        yield


@pytest.fixture
def recorded(orgs):
    donor = ngo("Medical Friends of Viet Nam", "GB")
    first = activity(
        orgs.hanoi,
        "GB-CHC-1234567-VN-001",
        donor,
        date(2020, 3, 1),
        provinces=[(province("01"), 60), (province("30", False), 40)],
        sectors=[("12220", 70), ("12240", 30)],
        reporting_org_ref="GB-CHC-1234567",
        title_en="Village health posts",
        description_vi="Xây trạm y tế",
        actual_start=date(2020, 4, 1),
    )
    ParticipatingOrg.objects.create(activity=first, partner=ngo("Local Builders", "VN"), role="4")
    Budget.objects.create(
        activity=first,
        period_start=date(2021, 1, 1),
        value=Decimal("50000"),
        period_end=date(2021, 12, 31),
        currency="GBP",
        value_date=date(2021, 1, 1),
    )
    ActivityDocument.objects.create(
        activity=first, title="Biên bản ghi nhớ", category="A09", url="https://example.org/mou.pdf"
    )
    flow(first, "2", date(2020, 1, 15), "120000", "GBP")
    flow(first, "3", date(2020, 6, 1), "40000.50", "GBP")
    second = activity(orgs.danang, "XM-DAC-41114-VN-2", ngo("Ocean Care", "AU"), date(2019, 1, 1))
    return first, second


def test_the_export_validates_against_the_official_schema(recorded, users):
    content = iati.export_activities(Activity.objects.visible_to(users.central))
    document = etree.fromstring(content).getroottree()
    assert iati.schema_errors(document) == []
    root = document.getroot()
    assert root.get("version") == "2.03"
    assert [e.text for e in root.iter("iati-identifier")] == [
        "GB-CHC-1234567-VN-001",
        "XM-DAC-41114-VN-2",
    ]
    first = root.find("iati-activity")
    assert first.find("reporting-org").get("ref") == "GB-CHC-1234567"
    assert [(s.get("code"), s.get("percentage")) for s in first.findall("sector")] == [
        ("12220", "70"),
        ("12240", "30"),
    ]
    provinces = first.findall(f"{{{iati.AMITY_NS}}}province")
    assert [(p.get("code"), p.get("period"), p.get("percentage")) for p in provinces] == [
        ("01", "current", "60"),
        ("30", "former", "40"),
    ]
    assert [t.findtext("value") for t in first.iter("transaction")] == ["40000.50", "120000.00"]


def test_export_of_the_filtered_list_and_of_the_scope(recorded, client, users, login):
    login(users.hanoi)
    response = client.get(reverse("aid:iati_export"), {"q": "GB-CHC"})
    root = etree.fromstring(response.content)
    assert [e.text for e in root.iter("iati-identifier")] == ["GB-CHC-1234567-VN-001"]
    assert client.get(reverse("aid:iati_export"), {"q": "XM-DAC"}).status_code == 200
    none = etree.fromstring(client.get(reverse("aid:iati_export"), {"q": "XM-DAC"}).content)
    assert list(none.iter("iati-activity")) == []


def test_import_is_idempotent_and_reports_each_activity(recorded, orgs, users, english_messages):
    content = iati.export_activities(Activity.objects.filter(pk=recorded[0].pk))
    Activity.objects.all().delete()
    Activity.all_objects.all().delete()
    report = iati.import_activities(content, users.hanoi)
    assert report.counts == {"created": 1, "updated": 0, "unchanged": 0, "refused": 0}
    created = Activity.objects.get()
    assert (created.iati_identifier, created.organization, created.reporting_org.name) == (
        "GB-CHC-1234567-VN-001",
        orgs.hanoi,
        "Medical Friends of Viet Nam",
    )
    assert sorted(
        (s.province.code, s.province.is_current, s.percentage)
        for s in created.province_shares.all()
    ) == [("01", True, Decimal("60.00")), ("30", False, Decimal("40.00"))]
    assert sorted(t.value for t in created.transactions.all()) == [
        Decimal("40000.50"),
        Decimal("120000.00"),
    ]
    assert created.budgets.count() == created.documents.count() == 1
    assert Partner.objects.filter(name="Medical Friends of Viet Nam").count() == 1
    # The same file again changes nothing: no new records, no new history.
    versions = (created.version, Transaction.history.count())
    again = iati.import_activities(content, users.hanoi)
    assert [(o.identifier, o.status) for o in again.outcomes] == [
        ("GB-CHC-1234567-VN-001", "unchanged")
    ]
    created.refresh_from_db()
    assert (created.version, Transaction.history.count()) == versions
    assert Activity.objects.count() == 1
    # A changed value updates the activity and says what changed.
    changed = content.replace(b"40000.50", b"45000.00").replace(
        b"Village health posts", b"Commune health posts"
    )
    update = iati.import_activities(changed, users.hanoi)
    assert update.outcomes[0].status == "updated"
    assert update.outcomes[0].reasons == ["title (English)"]
    assert sorted(t.value for t in created.transactions.all()) == [
        Decimal("45000.00"),
        Decimal("120000.00"),
    ]


OTHER_PUBLISHER = b"""<?xml version="1.0" encoding="UTF-8"?>
<iati-activities version="2.03" generated-datetime="2024-01-01T00:00:00">
 <iati-activity default-currency="EUR" xml:lang="en">
  <iati-identifier>DE-1-123-A</iati-identifier>
  <reporting-org ref="DE-1-123" type="21">
   <narrative>Hilfe fuer Vietnam e.V.</narrative></reporting-org>
  <title><narrative>School meals</narrative></title>
  <description><narrative>Meals in schools of Da Nang</narrative></description>
  <participating-org role="1" ref="DE-1-123" type="21">
   <narrative>Hilfe fuer Vietnam e.V.</narrative></participating-org>
  <activity-status code="2"/>
  <activity-date type="2" iso-date="2021-09-01"/>
  <recipient-country code="VN"/>
  <location><name><narrative>Da Nang</narrative></name></location>
  <location><name><narrative>Hue</narrative></name></location>
  <sector vocabulary="1" code="11220" percentage="60"/>
  <sector vocabulary="1" code="11240" percentage="40"/>
  <sector vocabulary="2" code="111"/>
  <transaction><transaction-type code="2"/><transaction-date iso-date="2021-08-01"/>
   <value value-date="2021-08-01">50000</value></transaction>
  <transaction><transaction-type code="3"/><transaction-date iso-date="2021-10-01"/>
   <value value-date="2021-10-01">20000</value></transaction>
 </iati-activity>
 <iati-activity default-currency="EUR">
  <iati-identifier>DE-1-123-B</iati-identifier>
  <reporting-org ref="DE-1-123" type="21">
   <narrative>Hilfe fuer Vietnam e.V.</narrative></reporting-org>
  <title><narrative xml:lang="en">Bad sectors</narrative></title>
  <description><narrative xml:lang="en">x</narrative></description>
  <participating-org role="1"><narrative>Hilfe fuer Vietnam e.V.</narrative></participating-org>
  <activity-status code="2"/>
  <activity-date type="2" iso-date="2021-09-01"/>
  <sector vocabulary="1" code="11220" percentage="60"/>
  <sector vocabulary="1" code="11240" percentage="30"/>
  <transaction><transaction-type code="3"/><transaction-date iso-date="2021-01-01"/>
   <value value-date="2021-01-01">-5</value></transaction>
 </iati-activity>
</iati-activities>"""


def test_another_publishers_file_with_one_bad_activity(orgs, users, english_messages):
    report = iati.import_activities(OTHER_PUBLISHER, users.danang)
    assert [(o.identifier, o.status) for o in report.outcomes] == [
        ("DE-1-123-A", "created"),
        ("DE-1-123-B", "refused"),
    ]
    assert report.outcomes[1].reasons == [
        "The percentages sum to 90, not 100.",
        "transaction: a value cannot be negative.",
    ]
    imported = Activity.objects.get()
    assert imported.organization == orgs.danang
    assert sorted((s.province.code, s.percentage) for s in imported.province_shares.all()) == [
        ("46", Decimal("50.00")),
        ("48", Decimal("50.00")),
    ]
    assert imported.reporting_org.external_ref == "DE-1-123"
    assert imported.reporting_org.country.code == "DE"
    assert imported.reporting_org.holders.get().organization == orgs.danang
    # The donor is recognised by its organization identifier the next time.
    again = iati.import_activities(
        OTHER_PUBLISHER.replace(b"DE-1-123-A", b"DE-1-123-C"), users.danang
    )
    assert again.outcomes[0].status == "created"
    assert Partner.objects.filter(name="Hilfe fuer Vietnam e.V.").count() == 1


@pytest.mark.parametrize("version", ["2.01", "2.02"])
def test_a_file_of_an_earlier_2_0x_version_is_read(orgs, users, english_messages, version):
    """Many donors still publish 2.01 or 2.02; those upgrades only added to the standard."""
    content = OTHER_PUBLISHER.replace(b'version="2.03"', f'version="{version}"'.encode())
    report = iati.import_activities(content, users.danang)
    assert [(o.identifier, o.status) for o in report.outcomes] == [
        ("DE-1-123-A", "created"),
        ("DE-1-123-B", "refused"),
    ]
    assert Activity.objects.get().iati_identifier == "DE-1-123-A"


def test_an_activity_of_another_union_is_refused_not_overwritten(recorded, users, english_messages):
    content = iati.export_activities(Activity.objects.filter(pk=recorded[1].pk))
    report = iati.import_activities(content.replace(b"Ocean", b"Sea"), users.hanoi)
    assert [(o.status, o.reasons) for o in report.outcomes] == [
        ("refused", ["This activity is kept by an organization you may not edit."])
    ]


def test_a_disbursement_before_the_start_refuses_the_activity(orgs, users, english_messages):
    early = (
        OTHER_PUBLISHER.split(b' <iati-activity default-currency="EUR">')[0].replace(
            b'iso-date="2021-10-01"', b'iso-date="2021-08-15"'
        )
        + b"</iati-activities>"
    )
    report = iati.import_activities(early, users.danang)
    assert report.outcomes[0].status == "refused"
    assert report.outcomes[0].reasons == [
        "transaction: A disbursement or expenditure cannot be dated before the activity starts "
        "(01/09/2021)."
    ]
    assert Activity.objects.count() == 0


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"not xml at all", "not well-formed XML"),
        (OTHER_PUBLISHER.replace(b'version="2.03"', b'version="1.05"'), "version 1.05"),
        (OTHER_PUBLISHER.replace(b'version="2.03" ', b""), "version ?"),
        (b'<iati-organisations version="2.03"/>', "not an IATI activities file"),
        (OTHER_PUBLISHER.replace(b'<activity-status code="2"/>', b"", 1), "schema"),
        (
            b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 '
            b'"&lol;&lol;&lol;&lol;">]><iati-activities version="2.03">&lol2;</iati-activities>',
            "DTD or entities",
        ),
        (
            b'<?xml version="1.0"?><!DOCTYPE x SYSTEM "http://example.org/x.dtd">'
            b'<iati-activities version="2.03"/>',
            "DTD or entities",
        ),
    ],
)
def test_refused_files(users, content, message, english_messages):
    with pytest.raises(iati.IatiFileError, match=message):
        iati.import_activities(content, users.hanoi)
    assert Activity.objects.count() == 0


def test_the_import_page(client, orgs, users, login, english):
    from django.core.files.uploadedfile import SimpleUploadedFile

    login(users.danang)
    page = client.post(
        reverse("aid:iati_import"), {"file": SimpleUploadedFile("a.xml", OTHER_PUBLISHER)}
    )
    assert page.status_code == 200
    assert page.context["report"].counts["created"] == 1
    assert "1 added, 0 updated, 0 unchanged, 1 refused." in page.content.decode()
    bad = client.post(reverse("aid:iati_import"), {"file": SimpleUploadedFile("a.xml", b"<x/>")})
    assert bad.status_code == 200
    assert bad.context["form"].errors["file"]
    login(users.hanoi_viewer)
    assert client.get(reverse("aid:iati_import")).status_code == 403


def test_the_command_line(recorded, users, tmp_path, capsys):
    path = tmp_path / "aid.xml"
    call_command("export", "iati", str(path))
    assert "2 activities written" in capsys.readouterr().out
    assert iati.schema_errors(etree.parse(str(path))) == []
    call_command("import", "iati", str(path), user="central")
    assert "0 created, 0 updated, 2 unchanged, 0 refused." in capsys.readouterr().out


def _exit_code(*argv) -> int:
    """What `amity import …` exits with, run as the command line runs it."""
    command = load_command_class("amity.core", argv[0])
    with pytest.raises(SystemExit) as exit_:
        command.run_from_argv(["amity", *argv])
    return exit_.value.code


@pytest.fixture
def kept_connections(monkeypatch):
    """The command line closes the database connections when it ends, which would end the
    test's own transaction on PostgreSQL."""
    monkeypatch.setattr("django.core.management.base.connections.close_all", lambda: None)


def test_the_command_line_exit_codes(
    orgs, users, tmp_path, capsys, kept_connections, english_messages
):
    good, partial, refused = (tmp_path / name for name in ("good.xml", "partial.xml", "bad.xml"))
    good.write_bytes(
        OTHER_PUBLISHER.split(b' <iati-activity default-currency="EUR">')[0] + b"</iati-activities>"
    )
    partial.write_bytes(OTHER_PUBLISHER.replace(b"DE-1-123-A", b"DE-1-123-Z"))
    refused.write_bytes(OTHER_PUBLISHER.replace(b'version="2.03"', b'version="1.05"'))
    call_command("import", "iati", str(good), user="danang")
    assert "created   DE-1-123-A" in capsys.readouterr().out
    assert _exit_code("import", "iati", str(partial), "--user", "danang") == 2
    assert "refused   DE-1-123-B" in capsys.readouterr().out
    assert _exit_code("import", "iati", str(refused)) == 1
    assert "only versions 2.01 to 2.03 are read" in capsys.readouterr().err
    assert _exit_code("import", "iati", str(tmp_path / "missing.xml")) == 1
    with pytest.raises(CommandError, match="refused"):
        call_command("import", "iati", str(partial), user="danang")
