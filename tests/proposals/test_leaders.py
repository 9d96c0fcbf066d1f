"""One person does not draft, approve and publish an official answer alone (issue 16, fault 4):
a leader of the centre (`may_approve_answers`) approves, never its own draft; a unit neither
sets nor changes what the centre decides (status, responsible department, due date)."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from amity.accounts.choices import Role
from amity.proposals import models, services
from amity.proposals.choices import AnswerState, ProposalStatus
from tests.conftest import make_user
from tests.proposals import builders

pytestmark = pytest.mark.django_db

OWN_DRAFT = "You drafted this answer: another leader must approve it."


def answer_of(proposal):
    fresh = models.Proposal.objects.get(pk=proposal.pk)
    return fresh.answer_state, fresh.answer_approved_by_id, fresh.version


@pytest.fixture
def own_draft(orgs, users):
    """An answer drafted by the central officer, who is also a leader."""
    proposal = builders.proposal(orgs, orgs.hanoi)
    return services.draft_answer(proposal, "Liên hiệp đồng ý.", by=users.central)


def test_a_leader_may_not_approve_its_own_draft(own_draft, users):
    before = answer_of(own_draft)
    with pytest.raises(PermissionDenied, match=OWN_DRAFT):
        services.approve_answer(own_draft, by=users.central)
    assert answer_of(own_draft) == before
    services.approve_answer(own_draft, by=users.admin)  # another leader
    assert answer_of(own_draft)[:2] == (AnswerState.APPROVED, users.admin.pk)


def test_the_page_and_the_api_refuse_the_drafters_approval(client, login, own_draft, users):
    before = answer_of(own_draft)
    login(users.central)
    detail = client.get(own_draft.get_absolute_url()).content.decode()
    approve = reverse("proposals:proposal_approve", args=[own_draft.pk])
    assert f'action="{approve}"' not in detail
    assert OWN_DRAFT in detail
    page = client.post(approve)
    assert page.status_code == 403
    assert OWN_DRAFT in page.content.decode()
    api = client.post(f"/api/proposals/proposals/{own_draft.pk}/approve/")
    assert api.status_code == 403
    assert api.json()["detail"] == OWN_DRAFT
    assert answer_of(own_draft) == before


def test_an_officer_of_the_centre_who_is_no_leader_may_not_approve(client, login, orgs, users):
    proposal = builders.proposal(orgs, orgs.hanoi)
    services.draft_answer(proposal, "Trả lời", by=users.central)
    officer = make_user("officer2", Role.CENTRAL_OFFICER, orgs.department)
    before = answer_of(proposal)
    assert not services.may_approve(officer)
    login(officer)
    response = client.post(f"/api/proposals/proposals/{proposal.pk}/approve/")
    assert response.status_code == 403
    assert response.json()["detail"] == "Only a leader may approve the answer."
    assert answer_of(proposal) == before


def proposal_data(orgs, **extra):
    return {
        "organization": orgs.hanoi.pk,
        "raised_on": "2024-04-19",
        "source": "letter",
        "topic": models.Topic.objects.get(code="name").pk,
        "title": "Đề nghị tập huấn",
        "text": "Mở lớp tập huấn đối ngoại nhân dân.",
        "addressed_to": orgs.department.pk,
        **extra,
    }


CENTRE = ("status", "responsible_department", "due_on")


def test_the_units_form_does_not_offer_what_the_centre_decides(client, login, orgs, users):
    login(users.hanoi)
    form = client.get(reverse("proposals:proposal_add")).context["form"]
    assert not set(CENTRE) & set(form.fields)
    centre_set = {"status": "answered", "responsible_department": orgs.department.pk}
    response = client.post(
        reverse("proposals:proposal_add"), proposal_data(orgs, due_on="01/01/2025", **centre_set)
    )
    assert response.status_code == 302
    made = models.Proposal.objects.get(title="Đề nghị tập huấn")
    assert (made.status, made.responsible_department, made.due_on) == (
        ProposalStatus.RECEIVED,
        None,
        None,
    )
    client.logout()
    login(users.central)
    form = client.get(reverse("proposals:proposal_add")).context["form"]
    assert set(CENTRE) <= set(form.fields)


def test_the_api_ignores_what_the_centre_decides_from_a_unit(client, login, orgs, users):
    login(users.hanoi)
    sent = proposal_data(
        orgs, status="answered", responsible_department=orgs.department.pk, due_on="2025-01-01"
    )
    created = client.post("/api/proposals/proposals/", sent, content_type="application/json")
    assert created.status_code == 201
    made = models.Proposal.objects.get(pk=created.json()["id"])
    assert (made.status, made.responsible_department, made.due_on) == (
        ProposalStatus.RECEIVED,
        None,
        None,
    )
    made.status, made.due_on = ProposalStatus.UNDER_REVIEW, date(2025, 3, 1)
    made.save()
    patched = client.patch(
        f"/api/proposals/proposals/{made.pk}/",
        {
            "status": "closed",
            "due_on": "2030-01-01",
            "title": "Đề nghị mới",
            "version": made.version,
        },
        content_type="application/json",
    )
    assert patched.status_code == 200
    made.refresh_from_db()
    assert (made.title, made.status, made.due_on) == (
        "Đề nghị mới",
        ProposalStatus.UNDER_REVIEW,
        date(2025, 3, 1),
    )
