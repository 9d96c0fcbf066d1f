"""The partner database on the home page: follow-ups due, registrations expiring, dormant
partners and recent interactions, each scoped, the user's own partners first."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from amity.partners import services
from amity.partners.choices import FollowUpState, PartnerStatus, Sensitivity
from amity.partners.models import (
    FollowUp,
    Interaction,
    NgoRegistration,
    Partner,
    RelationshipHolder,
)

pytestmark = pytest.mark.django_db

TODAY = date.today()


def partner(name, holder=None, **extra):
    created = Partner.objects.create(kind="ngo", name=name, **extra)
    if holder is not None:
        RelationshipHolder.objects.create(partner=created, organization=holder)
    return created


def interaction(partner, organization, occurred_on, kind="meeting"):
    created = Interaction.objects.create(
        partner=partner, organization=organization, occurred_on=occurred_on, kind=kind
    )
    # the write path's step that keeps the partner's last contact (the panels read it)
    services.InteractionWriter().after_save(created, None, created=True)
    return created


def registration(partner, number, expires_on):
    return NgoRegistration.objects.create(
        partner=partner,
        registration_type="operation",
        number=number,
        issued_on=expires_on - timedelta(days=1500),
        expires_on=expires_on,
    )


def panel(client, key):
    """The data of the panel `key` on the home page, or None when it is hidden."""
    response = client.get(reverse("home"))
    assert response.status_code == 200
    shown = {item.panel.key: item.data for item in response.context["panels"]}
    return shown.get(f"partners.{key}")


def names(rows):
    return [str(row) for row in rows]


@pytest.fixture
def network(orgs, settings):
    """Partners of Ha Noi (and of its member association) and of Da Nang, around the cut-offs."""
    settings.PARTNER_DORMANT_MONTHS = 12
    settings.PARTNER_REGISTRATION_ALERT_DAYS = 60
    cutoff = services.dormant_cutoff()
    p = {
        "hanoi_quiet": partner("Hanoi Quiet", orgs.hanoi),
        # never contacted since a relationship that began before the cut-off
        "member_never": partner(
            "Member Never Contacted",
            orgs.hanoi_member,
            relationship_since=cutoff - timedelta(days=30),
        ),
        "hanoi_boundary": partner("Hanoi On The Cutoff", orgs.hanoi),
        "hanoi_lively": partner("Hanoi Lively", orgs.hanoi),
        "hanoi_ended": partner("Hanoi Ended", orgs.hanoi, status=PartnerStatus.ENDED),
        "danang_quiet": partner("Danang Quiet", orgs.danang),
        "danang_secret": partner(
            "Danang Secret",
            orgs.danang,
            sensitivity=Sensitivity.RESTRICTED,
            relationship_since=cutoff - timedelta(days=400),
        ),
        # entered today, never contacted: not dormant, nothing has been neglected yet
        "hanoi_new": partner("Hanoi Just Entered", orgs.hanoi),
        "hanoi_planned": partner("Hanoi Planned", orgs.hanoi),
        "danang_lively": partner("Danang Lively", orgs.danang),
    }
    p["interactions"] = {
        "quiet": interaction(p["hanoi_quiet"], orgs.hanoi, cutoff - timedelta(days=1)),
        "boundary": interaction(p["hanoi_boundary"], orgs.hanoi, cutoff),
        "danang_quiet": interaction(p["danang_quiet"], orgs.danang, cutoff - timedelta(days=100)),
        "lively": interaction(p["hanoi_lively"], orgs.hanoi_member, TODAY - timedelta(days=1)),
        "planned": interaction(p["hanoi_planned"], orgs.hanoi, TODAY + timedelta(days=10)),
        "danang_lively": interaction(p["danang_lively"], orgs.danang, TODAY - timedelta(days=40)),
    }
    return p


# --- dormant partners ---------------------------------------------------------------------------


def test_dormant_partners_for_a_unit_officer_their_own_first(client, users, login, network):
    login(users.hanoi)
    data = panel(client, "dormant")
    # Ha Noi's own (its member association's too), the latest to fall quiet first; then the
    # rest of what it may see. Not the partner contacted on the cut-off day, nor the ended one,
    # nor Da Nang's restricted partner.
    assert names(data["rows"]) == ["Hanoi Quiet", "Member Never Contacted", "Danang Quiet"]
    assert data["own_ids"] == {network["hanoi_quiet"].pk, network["member_never"].pk}
    # the badge counts what the panel lists; how many of them are Ha Noi's, beside it
    assert (data["count"], data["theirs"]) == (3, 2)
    assert data["months"] == 12
    assert data["see_all"] == "/partners/partners/?dormant=true"
    assert data["see_theirs"] == "/partners/partners/?dormant=true&held=true"


def test_the_unit_officers_own_dormant_partners_are_counted_up_to_the_cap(
    client, users, login, network, monkeypatch
):
    """Their own are counted from the holders of their branch (issue 21), and stop at the cap
    like every count of the home page."""
    from amity.core import dashboard

    login(users.hanoi)
    assert panel(client, "dormant")["theirs_label"] == "2"
    monkeypatch.setattr(dashboard, "COUNT_CAP", 1)
    data = panel(client, "dormant")
    assert (data["theirs"], data["theirs_label"]) == (2, "1+")
    page = client.get(reverse("home")).content.decode()
    assert "Đối tác của đơn vị: 1+" in page


def test_the_dormant_badge_says_how_many_the_panel_lists(client, users, login, network):
    """Issue 16 (home page): the badge said 1 above five rows, counting only the unit's own."""
    login(users.hanoi)
    page = client.get(reverse("home")).content.decode()
    section = page[page.index('id="panel-partners-dormant"') :]
    section = section[: section.index("</section>")]
    assert '<span class="badge rounded-pill text-bg-secondary fs-6 panel-count">3</span>' in section
    assert section.count('<li class="list-group-item') == 3
    assert section.count('<span class="badge text-bg-primary">') == 2
    assert (
        '<a class="text-nowrap" href="/partners/partners/?dormant=true&amp;held=true">'
        "Đối tác của đơn vị: 2</a>"
    ) in section
    listed = client.get(reverse("partners:partner_list"), {"dormant": "true"})
    assert len(listed.context["table"].rows) == 3  # "see all" lists the same partners


def test_dormant_partners_for_another_unit(client, users, login, network):
    login(users.danang)
    data = panel(client, "dormant")
    assert names(data["rows"]) == [
        "Danang Quiet",
        "Danang Secret",
        "Hanoi Quiet",
        "Member Never Contacted",
    ]
    assert (data["count"], data["theirs"]) == (4, 2)


def test_dormant_partners_for_the_centre_cover_the_whole_network(client, users, login, network):
    login(users.central)
    data = panel(client, "dormant")
    # those contacted long ago by their last contact, newest first; the never contacted after
    assert names(data["rows"]) == [
        "Hanoi Quiet",
        "Danang Quiet",
        "Danang Secret",
        "Member Never Contacted",
    ]
    assert data["own_ids"] == set()
    assert data["count"] == 4
    assert data["theirs"] is None
    assert data["see_all"] == "/partners/partners/?dormant=true"


def test_the_dormancy_cutoff_follows_the_setting(client, users, login, network, settings):
    # nothing here is that quiet except the partner never contacted since a relationship that
    # began 25 months ago (the member's began 13 months ago)
    settings.PARTNER_DORMANT_MONTHS = 24
    login(users.central)
    assert names(panel(client, "dormant")["rows"]) == ["Danang Secret"]


def test_see_all_lists_the_same_partners(client, users, login, network):
    login(users.hanoi)
    response = client.get(reverse("partners:partner_list"), {"dormant": "true", "held": "true"})
    assert [row.record.name for row in response.context["table"].rows] == [
        "Hanoi Quiet",
        "Member Never Contacted",
    ]
    held = client.get(reverse("partners:partner_list"), {"held": "true"})
    assert len(held.context["table"].rows) == 7  # every partner of Ha Noi's branch
    others = client.get(reverse("partners:partner_list"), {"held": "false"})
    assert [row.record.name for row in others.context["table"].rows] == [
        "Danang Lively",
        "Danang Quiet",
    ]


def test_dormant_panel_is_hidden_when_no_partner_is_quiet(client, orgs, users, login):
    lively = partner("Lively", orgs.hanoi)
    interaction(lively, orgs.hanoi, TODAY)
    login(users.hanoi)
    assert panel(client, "dormant") is None


# --- registrations expiring ---------------------------------------------------------------------


@pytest.fixture
def registrations(network):
    hanoi, danang = network["hanoi_quiet"], network["danang_quiet"]
    return {
        "soon": registration(hanoi, "HN-10", TODAY + timedelta(days=10)),
        "last_day": registration(network["member_never"], "HN-60", TODAY + timedelta(days=60)),
        "later": registration(hanoi, "HN-61", TODAY + timedelta(days=61)),
        "ended": registration(hanoi, "HN-ENDED", TODAY - timedelta(days=1)),
        "today": registration(danang, "DN-0", TODAY),
        "secret": registration(network["danang_secret"], "DN-SECRET", TODAY + timedelta(days=5)),
    }


def test_expiring_registrations_for_a_unit_officer(client, users, login, registrations):
    login(users.hanoi)
    data = panel(client, "expiring_registrations")
    assert [r.number for r in data["rows"]] == ["HN-10", "HN-60", "DN-0"]
    assert data["own_ids"] == {registrations["soon"].pk, registrations["last_day"].pk}
    assert (data["count"], data["theirs"], data["days"]) == (3, 2, 60)
    assert data["see_all"] == "/partners/ngo-registrations/?expiring=true"


def test_expiring_registrations_for_the_centre(client, users, login, registrations):
    login(users.central)
    data = panel(client, "expiring_registrations")
    assert [r.number for r in data["rows"]] == ["DN-0", "DN-SECRET", "HN-10", "HN-60"]
    assert (data["count"], data["theirs"]) == (4, None)


def test_expiring_registrations_hidden_when_none(client, users, login, network):
    login(users.hanoi)
    assert panel(client, "expiring_registrations") is None


# --- follow-up actions ----------------------------------------------------------------------


@pytest.fixture
def follow_ups(network):
    hanoi = network["interactions"]["quiet"]
    member = network["interactions"]["lively"]
    danang = network["interactions"]["danang_quiet"]

    def follow_up(action, on, days, state=FollowUpState.OPEN):
        due_on = None if days is None else TODAY + timedelta(days=days)
        return FollowUp.objects.create(interaction=on, action=action, due_on=due_on, state=state)

    return {
        "overdue": follow_up("Send the photos", hanoi, -3),
        "today": follow_up("Call back", member, 0),
        "last_day": follow_up("Draft the MoU", hanoi, 14),
        "later": follow_up("Plan next year", hanoi, 15),
        "done": follow_up("Thank-you letter", hanoi, -10, FollowUpState.DONE),
        "undated": follow_up("Someday", hanoi, None),
        "danang": follow_up("Visa letters", danang, -1),
    }


def test_follow_ups_due_for_a_unit_officer(client, users, login, follow_ups):
    login(users.hanoi)
    data = panel(client, "follow_ups")
    assert [f.action for f in data["rows"]] == ["Send the photos", "Call back", "Draft the MoU"]
    assert (data["count"], data["overdue"], data["tone"]) == (3, 1, "danger")
    assert data["see_all"] == "/partners/follow-ups/?due=true"
    assert data["see_overdue"] == "/partners/follow-ups/?overdue=true"
    # the rows carry what the panel shows, without a query per row
    with CaptureQueriesContext(connection) as queries:
        [(f.interaction.partner.name, f.owner) for f in data["rows"]]
    assert len(queries) == 0


def test_the_inbox_and_the_panel_read_the_follow_ups_once(users, follow_ups):
    """A unit officer's home lists the branch's follow-ups due in the inbox and in the panel:
    one read of the branch's interactions (the longest of the home as they grow) for both."""
    from django.test import RequestFactory
    from django.utils import timezone

    from amity.core.dashboard import shared_reads
    from amity.partners.dashboard import follow_ups_due
    from amity.partners.inbox import follow_ups as inbox_follow_ups

    request = RequestFactory().get("/")
    request.user = users.hanoi
    with shared_reads(), CaptureQueriesContext(connection) as queries:
        items = inbox_follow_ups(users.hanoi, timezone.localdate())
        data = follow_ups_due(request)
        [(row.interaction.partner.name, row.owner) for row in data["rows"]]
    assert len(queries) == 2  # the dates of the due, then the first of them with their records
    assert [item.title.split(" — ")[0] for item in items] == [
        "Send the photos",
        "Call back",
        "Draft the MoU",
    ]
    assert [row.action for row in data["rows"]] == ["Send the photos", "Call back", "Draft the MoU"]


def test_a_follow_up_of_a_deleted_interaction_is_nobodys_to_do(users, follow_ups):
    from django.utils import timezone

    from amity.partners.inbox import follow_ups as inbox_follow_ups

    overdue = follow_ups["overdue"]
    Interaction.objects.filter(pk=overdue.interaction_id).update(deleted_at=timezone.now())
    titles = [item.title for item in inbox_follow_ups(users.hanoi, timezone.localdate())]
    assert [title.split(" — ")[0] for title in titles] == ["Call back"]


def test_follow_ups_due_for_da_nang_and_the_centre(client, users, login, follow_ups):
    login(users.danang)
    data = panel(client, "follow_ups")
    assert [f.action for f in data["rows"]] == ["Visa letters"]
    assert (data["count"], data["overdue"]) == (1, 1)
    login(users.central)
    data = panel(client, "follow_ups")
    assert [f.action for f in data["rows"]] == [
        "Send the photos",
        "Visa letters",
        "Call back",
        "Draft the MoU",
    ]
    assert (data["count"], data["overdue"]) == (4, 2)


def test_follow_up_list_filters_due_and_overdue(client, users, login, follow_ups):
    login(users.hanoi)
    url = reverse("partners:followup_list")
    due = client.get(url, {"due": "true"}).context["table"].rows
    assert sorted(row.record.action for row in due) == [
        "Call back",
        "Draft the MoU",
        "Send the photos",
    ]
    overdue = client.get(url, {"overdue": "true"}).context["table"].rows
    assert [row.record.action for row in overdue] == ["Send the photos"]


def test_follow_ups_panel_is_warning_only_when_nothing_is_overdue(client, users, login, network):
    FollowUp.objects.create(
        interaction=network["interactions"]["quiet"], action="Soon", due_on=TODAY
    )
    login(users.hanoi)
    data = panel(client, "follow_ups")
    assert (data["count"], data["overdue"], data["tone"]) == (1, 0, "warning")


# --- recent interactions --------------------------------------------------------------------


def test_recent_interactions_of_a_unit_are_its_branch_own(client, users, login, network):
    made = network["interactions"]
    login(users.hanoi)
    data = panel(client, "recent_interactions")
    # those of the last 30 days: not the planned one, not the old ones, not Da Nang's
    assert [i.pk for i in data["rows"]] == [made["lively"].pk]
    assert data["count"] == 1
    since = (TODAY - timedelta(days=30)).isoformat()
    assert data["see_all"] == f"/partners/interactions/?occurred_after={since}"


def test_recent_interactions_for_the_centre(client, users, login, network):
    made = network["interactions"]
    login(users.central)
    data = panel(client, "recent_interactions")
    assert [i.pk for i in data["rows"]] == [made["lively"].pk]  # Da Nang's was 40 days ago
    assert data["count"] == 1


@pytest.mark.parametrize("username", ["hanoi", "central"])
def test_the_recent_count_is_of_the_interactions_listed(client, orgs, users, login, username):
    """Seven interactions with two partners in the last 30 days, two before: the badge says 7,
    the panel lists the latest five and says "5 of 7" beside its link to all of them."""
    friends = [partner("Friend A", orgs.hanoi), partner("Friend B", orgs.hanoi)]
    for day in range(7):
        interaction(friends[day % 2], orgs.hanoi, TODAY - timedelta(days=day * 4))
    for day in (31, 90):
        interaction(friends[0], orgs.hanoi, TODAY - timedelta(days=day))
    login(getattr(users, username))
    data = panel(client, "recent_interactions")
    assert data["count"] == 7
    assert [i.occurred_on for i in data["rows"]] == [
        TODAY - timedelta(days=days) for days in (0, 4, 8, 12, 16)
    ]
    page = client.get(reverse("home")).content.decode()
    section = page[page.index('id="panel-partners-recent-interactions"') :]
    section = section[: section.index("</section>")]
    assert '<span class="badge rounded-pill text-bg-secondary fs-6 panel-count">7</span>' in section
    assert '<span class="small text-muted panel-shown">5 trong số 7</span>' in section


# --- the page as a whole ------------------------------------------------------------------------


# the four panels for a unit officer: its own rows first, then the rest (the follow-ups due and
# overdue are counted in one query, issue 21; and read with their first rows in two, which the
# inbox shares: 11 -> 10)
PANEL_QUERIES_HANOI = 10
PANEL_QUERIES_CENTRAL = 10


def queries_of_home(client):
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/").status_code == 200
    return len(queries)


def more_of_everything(orgs, count):
    """`count` more dormant partners on both sides, each with a registration and a follow-up."""
    for number in range(count):
        for holder in (orgs.hanoi, orgs.danang):
            extra = partner(f"Extra {holder.pk}-{number}", holder)
            registration(extra, f"X{holder.pk}-{number}", TODAY + timedelta(days=number % 50))
            met = interaction(extra, holder, TODAY - timedelta(days=800 + number))
            FollowUp.objects.create(interaction=met, action=f"Act {number}", due_on=TODAY)


def queries_of_partner_panels(user):
    """The queries of this app's panels alone: other apps add panels of their own."""
    from django.test import RequestFactory

    from amity.core import dashboard

    request = RequestFactory().get("/")
    request.user = user
    with CaptureQueriesContext(connection) as queries:
        for panel in dashboard.panels():
            if panel.key.startswith("partners."):
                panel.context(request)
    return len(queries)


@pytest.mark.parametrize(
    ("username", "queries"), [("hanoi", PANEL_QUERIES_HANOI), ("central", PANEL_QUERIES_CENTRAL)]
)
def test_the_panels_issue_a_fixed_number_of_queries(
    client, orgs, users, login, follow_ups, registrations, username, queries
):
    user = getattr(users, username)
    login(user)
    more_of_everything(orgs, 6)
    page = queries_of_home(client)
    assert queries_of_partner_panels(user) == queries
    more_of_everything(orgs, 30)
    assert queries_of_partner_panels(user) == queries
    assert queries_of_home(client) == page  # nor does the whole page grow with the data


def test_the_page_in_english_and_in_vietnamese(client, users, login, follow_ups, registrations):
    login(users.hanoi)
    page = client.get("/", {"lang": "en"}).content.decode()
    for text in (
        "Follow-up actions due",
        "NGO registrations expiring",
        "Dormant partners",
        "Recent interactions",
        "Overdue: 1",
        "Hanoi Quiet",
        "never contacted",
        'href="/partners/partners/?dormant=true&amp;held=true"',
    ):
        assert text in page, text
    assert "Danang Secret" not in page
    assert "DN-SECRET" not in page
    page = client.get("/", {"lang": "vi"}).content.decode()
    assert '<html lang="vi">' in page
    assert "Trang chủ · Amity" in page
    assert (TODAY + timedelta(days=10)).strftime(
        "%d/%m/%Y"
    ) in page  # HN-10, the date as in Viet Nam
