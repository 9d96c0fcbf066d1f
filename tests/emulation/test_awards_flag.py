"""The cluster's rank 1, proposed for the emulation flag (cờ thi đua), leads to an award
proposal: the cluster page links to the proposal form prefilled with the flag, the unit, the
year and the achievements, for the users who may propose it and no one else."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.utils import translation

from amity.emulation import award_services, models
from amity.emulation.models.awards import ProposalState
from tests.emulation import awards_builders as build
from tests.emulation.test_documents import ranked

pytestmark = pytest.mark.django_db


@pytest.fixture
def ranked_cluster(orgs):
    return ranked(orgs)


@pytest.fixture
def flag(orgs):
    return build.award_form(
        orgs,
        code="CTD-LH",
        name_vi="Cờ thi đua của Liên hiệp",
        name_en="Emulation flag of VUFO",
        nominee_kinds="collective",
        required_documents="submission,achievements",
        min_interval_years=1,
    )


def flag_link(client, cluster) -> dict[str, str] | None:
    """The query of the page's "Propose the emulation flag" link, or None when there is none."""
    page = client.get(cluster.get_absolute_url())
    assert page.status_code == 200
    html = page.content.decode()
    if 'id="propose-flag"' not in html:
        return None
    href = html.split('id="propose-flag" href="', 1)[1].split('"', 1)[0].replace("&amp;", "&")
    address = urlsplit(href)
    assert address.path == "/emulation/award-proposals/add/"
    return {name: values[0] for name, values in parse_qs(address.query).items()}


ACHIEVEMENTS = (
    "Ranked first of 2 units of Cụm các tỉnh, thành phố in the emulation of 2026, with "
    "1,080.00 points (score sheet: Draft)."
)


def test_the_centre_gets_the_prefilled_proposal(client, orgs, users, login, ranked_cluster, flag):
    login(users.central)
    query = flag_link(client, ranked_cluster)
    assert query == {
        "organization": str(orgs.central.pk),
        "award_form": str(flag.pk),
        "year": "2026",
        "nominee_organization": str(orgs.danang.pk),
        "achievements": ACHIEVEMENTS,
    }
    form = client.get("/emulation/award-proposals/add/", query).context["form"]
    assert {name: str(form[name].value()) for name in query} == query
    response = client.post("/emulation/award-proposals/add/", {**query, "version": ""})
    assert response.status_code == 302
    made = models.AwardProposal.objects.get()
    assert (made.organization, made.award_form, made.year, made.nominee_organization) == (
        orgs.central,
        flag,
        2026,
        orgs.danang,
    )
    assert (made.state, made.achievements) == (ProposalState.DRAFT, ACHIEVEMENTS)


def test_the_achievements_in_vietnamese(orgs, users, ranked_cluster, flag):
    result = award_services_result(ranked_cluster)
    with translation.override("vi"):
        initial = award_services.flag_proposal_initial(
            ranked_cluster, result.leader, len(result.rows), users.central
        )
    assert initial["achievements"] == (
        "Xếp thứ nhất trong 2 đơn vị của Cụm các tỉnh, thành phố trong phong trào thi đua năm "
        "2026, đạt 1.080,00 điểm (bảng điểm: Bản nháp)."
    )


def award_services_result(cluster):
    from amity.emulation import scoring_services

    return scoring_services.cluster_result(cluster)


def test_the_leaders_own_officer_proposes_from_its_union(
    client,
    orgs,
    users,
    login,
    ranked_cluster,
    flag,
):
    ranked_cluster.ranking_published = True
    ranked_cluster.save()
    login(users.danang)
    query = flag_link(client, ranked_cluster)
    assert query is not None
    assert (query["organization"], query["nominee_organization"]) == (
        str(orgs.danang.pk),
        str(orgs.danang.pk),
    )


def test_no_link_for_who_may_not_propose_it(client, orgs, users, login, ranked_cluster, flag):
    ranked_cluster.ranking_published = True
    ranked_cluster.save()
    login(users.hanoi)  # a member that does not hold the leader
    assert flag_link(client, ranked_cluster) is None
    login(users.viewer)  # sees everything, edits nothing
    assert flag_link(client, ranked_cluster) is None
    flag.proposer_kinds = "central_union"
    flag.save()
    login(users.danang)  # the flag is proposed by the centre only
    assert flag_link(client, ranked_cluster) is None
    assert models.AwardProposal.objects.count() == 0


def test_without_a_flag_award_form_the_rest_is_prefilled(
    client,
    orgs,
    users,
    login,
    ranked_cluster,
):
    build.award_form(orgs, code="BK-LH")  # a certificate of merit is no flag
    login(users.admin)
    query = flag_link(client, ranked_cluster)
    assert query is not None
    assert "award_form" not in query
    assert query["nominee_organization"] == str(orgs.danang.pk)
