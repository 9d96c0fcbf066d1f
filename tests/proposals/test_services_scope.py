"""The scopes that moved from the views and the dashboard into `proposals.services`: each is a
branch of the user's organization (`branch_of`), never another branch's records; and the
departments' choice limit, declared once on the model, as the form, API and import read it."""

import pytest
from django.urls import reverse

from amity.organizations.choices import OrganizationKind
from amity.proposals import forms, services
from amity.proposals.imports import ProposalResource
from tests.conftest import make_org
from tests.proposals import builders

pytestmark = pytest.mark.django_db


@pytest.fixture
def hanoi_department(orgs):
    """A department inside Ha Noi's branch (besides the central one, outside it)."""
    return make_org("Ban Đối ngoại Hà Nội", OrganizationKind.STANDING_UNIT, orgs.hanoi)


def test_a_unit_officer_may_respond_for_the_organizations_asked_in_its_branch_only(orgs, users):
    consultation = builders.consultation(orgs.central)
    consultation.organizations_asked.set([orgs.danang, orgs.hanoi_member, orgs.hanoi, orgs.central])
    assert services.respondents(users.hanoi, consultation) == [orgs.hanoi, orgs.hanoi_member]
    assert services.respondents(users.danang, consultation) == [orgs.danang]
    assert services.respondents(users.hanoi_viewer, consultation) == []
    builders.response(consultation, orgs.hanoi)
    assert services.respondents(users.hanoi, consultation) == [orgs.hanoi_member]


def test_without_a_list_asked_the_officer_responds_for_its_own_organization(orgs, users):
    consultation = builders.consultation(orgs.central)
    assert services.respondents(users.hanoi, consultation) == [orgs.hanoi]
    builders.response(consultation, orgs.hanoi)
    assert services.respondents(users.hanoi, consultation) == []


def test_the_respondent_chosen_must_be_a_candidate_else_home_or_the_first(orgs):
    candidates = [orgs.hanoi, orgs.hanoi_member]
    chosen = forms.RespondentForm(
        {"organization": str(orgs.hanoi_member.pk)}, candidates=candidates
    )
    assert chosen.chosen(home=orgs.hanoi) == orgs.hanoi_member
    elsewhere = forms.RespondentForm({"organization": str(orgs.danang.pk)}, candidates=candidates)
    assert elsewhere.chosen(home=orgs.hanoi_member) == orgs.hanoi_member
    assert forms.RespondentForm({}, candidates=candidates).chosen(home=orgs.danang) == orgs.hanoi
    assert forms.RespondentForm({}, candidates=[]).chosen(home=orgs.hanoi) is None


def test_a_unit_officer_answers_for_the_departments_of_its_branch_only(
    orgs, users, hanoi_department
):
    assert services.answering_departments(users.hanoi) == {hanoi_department.pk}
    assert services.answering_departments(users.danang) == set()
    assert services.answering_departments(users.hanoi_viewer) == set()
    assert services.answering_departments(users.central) == {orgs.department.pk}


def test_proposals_awaiting_an_answer_are_those_of_the_branchs_departments(
    orgs, users, hanoi_department
):
    ours = builders.proposal(orgs, orgs.danang, 1, addressed_to=hanoi_department)
    handled = builders.proposal(
        orgs, orgs.danang, 2, addressed_to=orgs.department, responsible_department=hanoi_department
    )
    builders.proposal(orgs, orgs.hanoi, 3, addressed_to=orgs.department)
    assert set(services.awaiting_answer_from(users.hanoi)) == {ours, handled}
    assert list(services.awaiting_answer_from(users.danang)) == []


def test_our_proposals_are_those_raised_in_the_branch(orgs, users):
    member = builders.proposal(orgs, orgs.hanoi_member, 1)
    own = builders.proposal(orgs, orgs.hanoi, 2)
    builders.proposal(orgs, orgs.danang, 3)
    assert set(services.raised_in_branch(users.hanoi)) == {member, own}
    assert [p.organization for p in services.raised_in_branch(users.danang)] == [orgs.danang]


def test_the_departments_offered_are_the_fields_limit_on_every_write_path(
    client, orgs, users, login, hanoi_department
):
    """Ha Noi sees neither the central department nor Da Nang; it may address the department
    (any unit of a Standing Agency) and not Da Nang, in the form, the import and the API."""
    departments = {orgs.department, hanoi_department}
    form = forms.ProposalForm(user=users.hanoi)
    assert set(form.fields["addressed_to"].queryset) == departments
    assert "responsible_department" not in form.fields  # the centre names it (issue 16)
    # the proposal is raised by an organization of Ha Noi's branch: its department too
    assert set(form.fields["organization"].queryset) == {
        orgs.hanoi,
        orgs.hanoi_member,
        hanoi_department,
    }
    resource = ProposalResource(user=users.hanoi)
    widget = resource.fields["addressed_to"].widget
    assert set(widget.get_queryset(None, {})) == departments
    login(users.hanoi)
    body = {
        "organization": orgs.hanoi.pk,
        "raised_on": "2024-04-19",
        "source": "letter",
        "topic": builders.models.Topic.objects.get(code="charter").pk,
        "title": "Kiến nghị",
        "text": "Nội dung.",
        "addressed_to": orgs.danang.pk,
    }
    url = reverse("api:proposal-list")
    refused = client.post(url, body, content_type="application/json")
    assert refused.status_code == 400 and "addressed_to" in refused.json()
    assert not builders.models.Proposal.objects.exists()
    body["addressed_to"] = orgs.department.pk
    created = client.post(url, body, content_type="application/json")
    assert created.status_code == 201
    assert builders.models.Proposal.objects.get().addressed_to == orgs.department


def test_the_synthesis_downloads_as_an_attachment_named_after_the_consultation(
    client, orgs, users, login
):
    consultation = builders.consultation(orgs.central, title_en="Charter draft")
    login(users.central)
    response = client.get(reverse("proposals:consultation_synthesis_xlsx", args=[consultation.pk]))
    assert response["Content-Disposition"] == 'attachment; filename="charter-draft-synthesis.xlsx"'
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )


def test_a_proposal_reached_through_any_of_its_three_owners_is_seen_once(
    orgs, users, hanoi_department
):
    """Raised in the branch, addressed to it, or given to one of its departments: each is seen,
    once, and nothing of another branch; on SQLite through one union of the three columns'
    index searches (an OR of the three scanned every proposal)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from amity.proposals.models import Proposal

    raised = builders.proposal(orgs, orgs.hanoi_member, 1)
    addressed = builders.proposal(orgs, orgs.danang, 2, addressed_to=hanoi_department)
    given = builders.proposal(orgs, orgs.danang, 3, responsible_department=hanoi_department)
    both = builders.proposal(orgs, orgs.hanoi, 4, addressed_to=hanoi_department)
    builders.proposal(orgs, orgs.danang, 5)  # another branch's, to the centre
    with CaptureQueriesContext(connection) as context:
        seen = list(Proposal.objects.visible_to(users.hanoi).values_list("pk", flat=True))
    assert sorted(seen) == sorted([raised.pk, addressed.pk, given.pk, both.pk])
    assert Proposal.objects.visible_to(users.hanoi).count() == 4
    (query,) = [entry["sql"] for entry in context.captured_queries]
    assert (" UNION " in query) == (connection.vendor == "sqlite")
