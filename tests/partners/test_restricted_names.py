"""A restricted partner's name reaches only those who may see the partner (issue 14, item 4).

Elsewhere, a record that names it (an activity, a participation, an event, an interaction, a
history) shows "a restricted partner", on every page, file and answer.
"""

import io
import zipfile
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from amity.aid.models import Activity, ParticipatingOrg, Transaction
from amity.events.models import Event
from amity.partners.models import Interaction, Partner, RelationshipHolder

pytestmark = pytest.mark.django_db

SECRET = "Quietwater Foundation"
LABEL_EN = "a restricted partner"


@pytest.fixture
def secret(orgs, users):
    partner = Partner.objects.create(
        kind="ngo", name=SECRET, acronym="QWF", sensitivity="restricted", external_ref="XM-QWF-1"
    )
    RelationshipHolder.objects.create(partner=partner, organization=orgs.danang)
    open_donor = Partner.objects.create(kind="ngo", name="Open Hands", sensitivity="public")
    # The centre made records of Ha Noi's that name the partner Ha Noi may not see.
    activity = Activity.objects.create(
        iati_identifier="XM-QWF-1-A1",
        reporting_org=partner,
        reporting_org_ref="XM-QWF-1",
        title_vi="Nước sạch",
        title_en="Clean water",
        organization=orgs.hanoi,
        planned_start=date(2020, 1, 1),
    )
    Transaction.objects.create(
        activity=activity,
        transaction_type="2",
        date=date(2021, 1, 1),
        value=Decimal("1000"),
        currency="USD",
    )
    ParticipatingOrg.objects.create(activity=activity, partner=partner, role="1")
    ParticipatingOrg.objects.create(activity=activity, partner=open_donor, role="2")
    participation = ParticipatingOrg.objects.get(partner=partner)
    participation.ref = "changed"
    participation.save()  # a history with the partner in it
    event = Event.objects.create(
        kind="reception", title_vi="Tiếp đoàn", start=date(2024, 4, 19), organization=orgs.hanoi
    )
    event.partners.add(partner, open_donor)
    interaction = Interaction.objects.create(
        partner=partner,
        organization=orgs.hanoi,
        occurred_on=date(2024, 5, 1),
        kind="meeting",
        summary="Gặp gỡ",
    )
    return {
        "partner": partner,
        "activity": activity,
        "participation": participation,
        "event": event,
        "interaction": interaction,
    }


def pages(secret):
    activity, participation = secret["activity"], secret["participation"]
    return [
        reverse("aid:participatingorg_list"),
        reverse("aid:participatingorg_list") + "?export=csv",
        reverse("aid:participatingorg_list") + "?export=xlsx",
        reverse("aid:participatingorg", args=[participation.pk]),
        reverse("aid:participatingorg_history", args=[participation.pk]),
        reverse("aid:participatingorg_edit", args=[participation.pk]),
        reverse("aid:activity", args=[activity.pk]),
        reverse("aid:activity_list"),
        reverse("aid:activity_list") + "?export=csv",
        reverse("aid:iati_export"),
        reverse("aid:statistics"),
        reverse("aid:statistics") + "?export=xlsx",
        reverse("events:event", args=[secret["event"].pk]),
        reverse("events:calendar_feed"),
        reverse("partners:interaction_list"),
        reverse("partners:interaction_list") + "?export=csv",
        reverse("partners:interaction", args=[secret["interaction"].pk]),
        "/api/aid/activities/statistics/",
    ]


def text_of(response) -> str:
    content = response.content
    if content[:2] == b"PK":
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            if "xl/workbook.xml" in archive.namelist():
                book = load_workbook(io.BytesIO(content))
                return " ".join(
                    str(cell.value)
                    for sheet in book.worksheets
                    for row in sheet.iter_rows()
                    for cell in row
                )
            return " ".join(
                archive.read(name).decode("utf-8", "replace") for name in archive.namelist()
            )
    return content.decode("utf-8-sig")


def test_a_unit_officer_never_reads_the_name_of_a_partner_it_may_not_see(
    client, login, english, users, secret
):
    login(users.hanoi)
    assert client.get(reverse("partners:partner", args=[secret["partner"].pk])).status_code == 404
    for url in pages(secret):
        response = client.get(url)
        assert response.status_code == 200, url
        text = text_of(response)
        assert SECRET not in text, url
        assert 'XM-QWF-1"' not in text or url.endswith("iati/"), url
    labelled = [
        reverse("aid:participatingorg_list"),
        reverse("aid:activity", args=[secret["activity"].pk]),
        reverse("events:event", args=[secret["event"].pk]),
        reverse("partners:interaction", args=[secret["interaction"].pk]),
    ]
    for url in labelled:
        assert LABEL_EN in client.get(url).content.decode(), url
    exported = client.get(reverse("aid:activity_list"), {"export": "csv"})
    exported = exported.content.decode("utf-8-sig")
    assert LABEL_EN in exported  # reporting_org_name
    iati = client.get(reverse("aid:iati_export")).content.decode()
    assert "Open Hands" in iati and SECRET not in iati and LABEL_EN not in iati
    history = client.get(
        reverse("aid:participatingorg_history", args=[secret["participation"].pk])
    ).content.decode()
    assert LABEL_EN in history


def test_the_label_is_translated(client, login, users, secret):
    login(users.hanoi)
    page = client.get(reverse("aid:activity", args=[secret["activity"].pk]), {"lang": "vi"})
    assert SECRET not in page.content.decode()
    assert "một đối tác hạn chế" in page.content.decode()


@pytest.mark.parametrize("who", ["danang", "central"])
def test_those_who_may_see_the_partner_read_its_name(client, login, english, users, secret, who):
    from amity.organizations.models import Organization

    if who == "danang":  # the holder sees its partner's records where it sees them
        Event.objects.filter(pk=secret["event"].pk).update(
            organization=Organization.objects.get(pk=users.danang.organization_id)
        )
    login(getattr(users, who))
    page = client.get(reverse("events:event", args=[secret["event"].pk])).content.decode()
    assert SECRET in page and LABEL_EN not in page
    if who == "central":
        for url in (
            reverse("aid:activity", args=[secret["activity"].pk]),
            reverse("aid:participatingorg_list") + "?export=csv",
            reverse("aid:iati_export"),
        ):
            assert SECRET in text_of(client.get(url)), url


def test_an_export_job_and_the_command_line_print_what_their_user_may_read(users, secret, tmp_path):
    from django.core.management import call_command

    target = tmp_path / "participants.csv"
    call_command(
        "export",
        "participating-organizations",
        str(target),
        "--user",
        "hanoi",
        stdout=io.StringIO(),
    )
    assert SECRET not in target.read_text("utf-8-sig")
    call_command(
        "export",
        "participating-organizations",
        str(target),
        "--user",
        "central",
        stdout=io.StringIO(),
    )
    assert SECRET in target.read_text("utf-8-sig")
    xml = tmp_path / "iati.xml"
    call_command("export", "iati", str(xml), "--user", "hanoi", stdout=io.StringIO())
    assert SECRET not in xml.read_text()


def every_list_address() -> list[str]:
    """Every list page with its CSV export, and every API collection: where any domain prints
    records that may name a partner."""
    from amity.core.views import ModelViews
    from tests.test_permission_matrix import api_list_routes

    addresses = []
    for views in ModelViews.registry().values():
        listed = reverse(views.url_name("list"))
        addresses += [listed, listed + "?export=csv"]
    return addresses + [reverse(name) for name, _view_set in api_list_routes()]


def test_no_list_export_or_api_collection_of_any_domain_names_it(
    client, login, english, users, secret
):
    """The sweep behind the pages above: a new list that prints a partner's name by hand is
    caught here."""
    login(users.hanoi)
    addresses = every_list_address()
    assert len(addresses) > 80
    for url in addresses:
        response = client.get(url)
        assert response.status_code == 200, url
        assert SECRET not in text_of(response), url
    record_pages = [
        reverse(
            f"{type(record)._meta.app_label}:{type(record)._meta.model_name}{suffix}",
            args=[record.pk],
        )
        for key, record in secret.items()
        if key != "partner"
        for suffix in ("", "_history")
    ]
    for url in record_pages:
        assert SECRET not in text_of(client.get(url)), url
