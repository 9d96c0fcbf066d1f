"""Each nominee's honours as a tab of its own page (organization, person, foreign
organization, foreign friend): every award received with its decision's number and date, the
revoked ones marked, in a constant number of queries."""

import re
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from amity.emulation import models
from amity.emulation.models.awards import ProposalState
from amity.organizations.models import Person
from tests.emulation import awards_builders as build
from tests.emulation.test_awards import foreign_friend

pytestmark = pytest.mark.django_db


def honour(orgs, nominee_field, nominee, *, number, on, code="BK-LH", revoked="", owner=None):
    """A decided proposal named in its own decision (the workflow is test_awards' concern)."""
    form = build.award_form(orgs, code=code, name_en=f"Award {code}")
    decision = models.AwardDecision.objects.create(
        organization=orgs.central,
        award_form=form,
        number=number,
        decided_on=on,
        signer_name="Phan Anh Sơn",
    )
    if revoked:
        decision.revoked_at = timezone.make_aware(timezone.datetime(on.year, 12, 1, 9))
        decision.revocation_reason = revoked
        decision.save()
    return models.AwardProposal.objects.create(
        organization=owner or orgs.central,
        award_form=form,
        year=on.year,
        achievements="Thành tích",
        state=ProposalState.DECIDED,
        decision=decision,
        **{nominee_field: nominee},
    )


def table_rows(html: str) -> list[str]:
    """The rows of the honours table as the reader sees them: text, spaces collapsed."""
    body = html.split('id="honours"', 1)[1].split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    rows = re.split(r"<tr[^>]*>", body)[1:]
    return [" ".join(re.sub(r"<[^>]+>", " ", row).split()) for row in rows]


def test_every_detail_page_has_the_honours_tab(client, orgs, users, login):
    person = Person.objects.create(organization=orgs.hanoi, full_name="Nguyễn Văn An")
    friend = foreign_friend(orgs.hanoi)
    login(users.hanoi)
    for url in (
        orgs.hanoi.get_absolute_url(),
        person.get_absolute_url(),
        friend.partner.get_absolute_url(),
        friend.get_absolute_url(),
    ):
        tabs = {key: (str(label), link) for key, label, link in client.get(url).context["tabs"]}
        assert tabs["honours"] == ("Honours", f"{url}?tab=honours")
        assert list(tabs)[-1] == "history"  # the history stays the last tab
    client.cookies["django_language"] = "vi"
    tabs = client.get(orgs.hanoi.get_absolute_url()).context["tabs"]
    labels = {key: str(label) for key, label, _url in tabs}
    assert (labels["honours"], labels["history"]) == ("Khen thưởng", "Lịch sử")


def test_an_organizations_honours_with_the_revoked_marked(client, orgs, users, login):
    kept = honour(orgs, "nominee_organization", orgs.hanoi, number="12/QĐ", on=date(2025, 3, 2))
    revoked = honour(
        orgs,
        "nominee_organization",
        orgs.hanoi,
        number="40/QĐ",
        on=date(2026, 5, 1),
        code="CTD",
        revoked="Hồ sơ không trung thực",
    )
    login(users.central)
    page = client.get(f"{orgs.hanoi.get_absolute_url()}?tab=honours")
    assert page.context["tab"] == "honours"
    assert [h.pk for h in page.context["honours"]] == [revoked.pk, kept.pk]
    html = page.content.decode()
    assert table_rows(html) == [
        "Award CTD Revoked 2026 40/QĐ 01/05/2026 Viet Nam Union of Friendship Organizations",
        "Revoked on 01/12/2026: Hồ sơ không trung thực",
        "Award BK-LH 2025 12/QĐ 02/03/2025 Viet Nam Union of Friendship Organizations",
    ]
    assert f'href="{kept.decision.get_absolute_url()}"' in html
    assert 'id="record-keeping"' not in html  # the tab, not the overview
    overview = client.get(orgs.hanoi.get_absolute_url()).content.decode()
    assert 'id="honours"' not in overview


def test_the_tab_answers_in_the_same_queries_for_one_honour_or_five(client, orgs, users, login):
    login(users.central)
    url = f"{orgs.hanoi.get_absolute_url()}?tab=honours"
    honour(orgs, "nominee_organization", orgs.hanoi, number="1/QĐ", on=date(2020, 1, 6))
    client.get(url)  # sessions, caches and the like settle first
    with CaptureQueriesContext(connection) as one:
        assert len(client.get(url).context["honours"]) == 1
    for index in range(2, 6):
        honour(
            orgs,
            "nominee_organization",
            orgs.hanoi,
            number=f"{index}/QĐ",
            on=date(2020 + index, 1, 6),
            code=f"K{index}",
            revoked="Sai" if index % 2 else "",
        )
    with CaptureQueriesContext(connection) as five:
        assert len(client.get(url).context["honours"]) == 5
    assert len(five) == len(one)


def test_a_foreign_friends_honours_on_the_partner_and_the_contact(client, orgs, users, login):
    """The insignia the centre conferred on a friend held by Ha Noi: Ha Noi's officer sees it
    on both pages; the decision, the centre's, is named but not a link for them."""
    friend = foreign_friend(orgs.hanoi, "Mohamed Fouad")
    insignia = honour(
        orgs, "nominee_contact", friend, number="7/QĐ-LHHN", on=date(2026, 9, 2), code="KNC"
    )
    organisation = honour(
        orgs, "nominee_partner", friend.partner, number="8/QĐ", on=date(2025, 9, 2)
    )
    login(users.hanoi)
    partner = client.get(f"{friend.partner.get_absolute_url()}?tab=honours")
    assert table_rows(partner.content.decode()) == [
        "Award KNC Mohamed Fouad 2026 7/QĐ-LHHN 02/09/2026 "
        "Viet Nam Union of Friendship Organizations",
        "Award BK-LH Friends of Mohamed Fouad 2025 8/QĐ 02/09/2025 "
        "Viet Nam Union of Friendship Organizations",
    ]
    assert partner.context["seen_decisions"] == set()
    assert f'href="{insignia.decision.get_absolute_url()}"' not in partner.content.decode()
    contact = client.get(f"{friend.get_absolute_url()}?tab=honours")
    assert [h.pk for h in contact.context["honours"]] == [insignia.pk]
    assert organisation.pk not in [h.pk for h in contact.context["honours"]]
    login(users.central)
    seen = client.get(f"{friend.get_absolute_url()}?tab=honours")
    assert seen.context["seen_decisions"] == {insignia.decision_id}


def test_a_person_with_no_honour_and_a_page_out_of_scope(client, orgs, users, login):
    person = Person.objects.create(organization=orgs.hanoi, full_name="Nguyễn Văn An")
    login(users.hanoi)
    page = client.get(f"{person.get_absolute_url()}?tab=honours")
    assert table_rows(page.content.decode()) == ["No honour recorded."]
    honour(orgs, "nominee_person", person, number="3/QĐ", on=date(2026, 1, 5), owner=orgs.hanoi)
    login(users.danang)
    assert client.get(f"{person.get_absolute_url()}?tab=honours").status_code == 404
    assert client.get(f"{orgs.hanoi.get_absolute_url()}?tab=honours").status_code == 404
