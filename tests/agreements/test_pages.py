"""The agreements' own pages: the list's filters, the agreement page, the board and its
workbook, the tabs on a partner's and an organization's page, the home page's panel, the import
by names and the drafted letter."""

import io
from datetime import timedelta

import openpyxl
import pytest

from amity.agreements.drafts import draft
from amity.agreements.models import Agreement
from amity.core.models import Job
from amity.documents.drafting import Draft
from amity.partners.models import Interaction
from tests.agreements import builders as build
from tests.generic import csv_upload

pytestmark = pytest.mark.django_db
TODAY = build.TODAY


@pytest.fixture
def network(orgs):
    """Agreements of Ha Noi and Da Nang at each distance from their expiry."""
    from amity.geo.models import Country

    laos = Country.objects.get(code="LA")
    fund = build.partner(orgs.hanoi, 1, name="Quỹ Hữu nghị Lào", country=laos)
    return {
        "soon": build.in_force(orgs.hanoi, 1, ends_on=TODAY + timedelta(days=20), kind="mou"),
        "later": build.in_force(orgs.hanoi, 2, ends_on=TODAY + timedelta(days=80)),
        "far": build.in_force(orgs.hanoi, 3, ends_on=TODAY + timedelta(days=400)),
        "talks": build.agreement(orgs.hanoi, 4, ends_on=TODAY + timedelta(days=10)),
        "theirs": build.in_force(orgs.danang, 5, ends_on=TODAY + timedelta(days=15)),
        "fund": fund,
    }


def listed(response) -> list[int]:
    return [row.record.pk for row in response.context["table"].rows]


def test_the_board_lists_the_running_agreements_expiring_within_90_days(
    client, users, login, network, django_assert_max_num_queries
):
    login(users.hanoi)
    with django_assert_max_num_queries(12):
        response = client.get("/agreements/expiring/")
    assert response.status_code == 200
    assert listed(response) == [network["soon"].pk, network["later"].pk]
    response = client.get("/agreements/expiring/", {"days": 30, "kind": "mou"})
    assert listed(response) == [network["soon"].pk]
    response = client.get("/agreements/expiring/", {"days": "many"})
    assert response.status_code == 400


def test_the_centre_sees_the_whole_network_on_the_board(client, users, login, network, orgs):
    login(users.central)
    response = client.get("/agreements/expiring/")
    assert listed(response) == [network["theirs"].pk, network["soon"].pk, network["later"].pk]
    response = client.get("/agreements/expiring/", {"party": orgs.danang.pk})
    assert listed(response) == [network["theirs"].pk]


def test_the_board_exports_its_rows_to_excel(client, users, login, network):
    login(users.hanoi)
    response = client.get("/agreements/expiring/", {"export": "xlsx"})
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response))).active
    ids = [int(row[0]) for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert ids == [network["soon"].pk, network["later"].pk]


def test_the_list_filters(client, users, login, network, orgs):
    soon, far = network["soon"], network["far"]
    soon.partners.add(network["fund"])
    far.other_organizations.add(orgs.hanoi_member, orgs.hanoi)  # never listed twice
    login(users.hanoi)

    def ids(**query):
        response = client.get("/agreements/agreements/", query)
        assert response.status_code == 200
        return sorted(listed(response))

    assert ids(partner=network["fund"].pk) == [soon.pk]
    assert ids(country=network["fund"].country_id) == [soon.pk]
    assert ids(party=orgs.hanoi_member.pk) == [far.pk]
    assert ids(expiring_within=30) == [soon.pk]
    assert ids(status="negotiating") == [network["talks"].pk]
    assert ids(signed_year=soon.signed_on.year) == sorted([soon.pk, network["later"].pk, far.pk])
    assert len(ids(party=orgs.hanoi.pk)) == 4


def test_the_agreement_page_shows_what_was_done_under_it_within_scope(
    client, users, login, network, orgs, django_assert_max_num_queries
):
    agreement = network["soon"]
    fund = network["fund"]
    ours = Interaction.objects.create(
        partner=fund, organization=orgs.hanoi, occurred_on=TODAY, kind="meeting"
    )
    theirs = Interaction.objects.create(
        partner=fund, organization=orgs.danang, occurred_on=TODAY, kind="letter"
    )
    agreement.interactions.add(ours, theirs)
    build.commitment(agreement, orgs.hanoi, 1, status="planned", due_on=TODAY - timedelta(days=1))
    login(users.hanoi)
    with django_assert_max_num_queries(30):
        response = client.get(agreement.get_absolute_url())
    assert [row.record for row in response.context["done_under"]] == [ours]
    assert [c.is_overdue for c in response.context["commitments"]] == [True]
    assert len(response.context["files"]) == 1
    assert b"overdue" in response.content


def test_the_partner_and_organization_pages_list_their_agreements(
    client, users, login, network, orgs
):
    network["soon"].partners.add(network["fund"])
    network["theirs"].partners.add(network["fund"])
    login(users.hanoi)
    response = client.get(f"{network['fund'].get_absolute_url()}?tab=agreements")
    assert response.status_code == 200
    assert [a.pk for a in response.context["agreements"]] == [network["soon"].pk]
    response = client.get(f"{orgs.hanoi.get_absolute_url()}?tab=agreements")
    assert {a.pk for a in response.context["agreements"]} == {
        network[key].pk for key in ("soon", "later", "far", "talks")
    }


def test_the_home_page_panel(client, users, login, network):
    network["far"].reviews.create(due_on=TODAY + timedelta(days=3))
    login(users.hanoi)
    response = client.get("/")
    shown = {item.panel.key: item.data for item in response.context["panels"]}
    panel = shown["agreements.expiring"]
    assert panel["count"] == 2
    assert [a.pk for a in panel["rows"]] == [network["soon"].pk, network["later"].pk]
    assert [r.agreement_id for r in panel["reviews"]] == [network["far"].pk]


def test_the_import_reads_partners_and_organizations_by_name(client, users, login, orgs):
    fund = build.partner(orgs.hanoi, 7, name="Quỹ Hữu nghị Á Châu")
    login(users.hanoi)
    row = {
        "id": "",
        "kind": "mou",
        "title_vi": "Biên bản ghi nhớ nhập từ tệp",
        "organization": "lien hiep cac to chuc huu nghi thanh pho ha noi",
        "partners": "quy huu nghi a chau",
        "status": "negotiating",
        "renewal": "none",
    }
    response = client.post("/agreements/agreements/import/", {"file": csv_upload([row])})
    job = response.context["job"]
    assert job.status == Job.Status.CHECKED, job.summary
    client.post("/agreements/agreements/import/", {"confirm": job.pk})
    agreement = Agreement.objects.get(title_vi="Biên bản ghi nhớ nhập từ tệp")
    assert agreement.organization == orgs.hanoi
    assert list(agreement.partners.all()) == [fund]


def test_an_import_naming_an_unknown_partner_is_refused_whole(client, users, login, orgs):
    login(users.hanoi)
    good = {
        "id": "",
        "kind": "mou",
        "title_vi": "Dòng tốt",
        "organization": orgs.hanoi.name,
        "partners": "",
        "status": "negotiating",
        "renewal": "none",
    }
    bad = {**good, "title_vi": "Dòng sai", "partners": "Quỹ không tồn tại"}
    response = client.post("/agreements/agreements/import/", {"file": csv_upload([good, bad])})
    job = response.context["job"]
    assert job.status == Job.Status.INVALID
    text = str(job.summary)
    assert "No partner named “Quỹ không tồn tại”." in text
    assert Agreement.all_objects.count() == 0


def test_the_draft_is_an_official_letter_proposing_renewal(orgs, network):
    agreement = network["soon"]
    agreement.partners.add(network["fund"])
    build.commitment(agreement, orgs.hanoi, 1, status="done", done_on=TODAY)
    build.commitment(agreement, orgs.hanoi, 2, status="planned")
    letter = draft(agreement)
    assert isinstance(letter, Draft)
    assert (letter.kind, letter.issuer) == ("official_letter", orgs.hanoi)
    assert letter.subject == f"Re: proposal to renew the agreement “{agreement}”"
    assert letter.paragraphs[1] == "Of its 2 commitments, 1 have been carried out."
    assert f"{agreement.ends_on:%d/%m/%Y}" in letter.paragraphs[2]
    assert letter.recipients == ["Quỹ Hữu nghị Lào", "Archives"]
    assert letter.fields["ends_on"] == agreement.ends_on


def test_the_draft_of_an_agreement_without_end_proposes_a_review(orgs):
    from django.utils import translation

    agreement = build.agreement(orgs.hanoi, ends_on=None)
    with translation.override("vi"):
        letter = draft(agreement)
    assert letter.subject == f"V/v đánh giá việc thực hiện thỏa thuận “{agreement}”"
    assert letter.paragraphs[0].endswith("(chưa ký).")
