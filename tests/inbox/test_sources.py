"""Each kind of inbox item appears for the user whose it is, not for another branch's, and
leaves once done (items are computed from the records' state)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from amity.core.inbox import inbox_of
from amity.documents import orientations_services
from amity.emulation.models.awards import ProposalState
from amity.partners.models import FollowUp, Interaction, Partner
from amity.proposals.choices import AnswerState
from amity.reporting import services as reporting
from amity.reporting.choices import SubmissionState
from tests.documents.orientations import builders as orientations
from tests.emulation import awards_builders as awards
from tests.proposals import builders as proposals
from tests.reporting.factories import submission
from tests.training import builders as training

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def kinds(user) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for item in inbox_of(user).items:
        found.setdefault(item.kind, []).append(item.title)
    return found


def submitted(report, organization, user):
    return submission(
        organization,
        report.version,
        report.h1,
        state=SubmissionState.SUBMITTED,
        submitted_by=user,
        submitted_at=timezone.now(),
    )


def test_a_report_sent_in_is_the_centres_to_review_and_leaves_once_approved(report, orgs, users):
    sub = submitted(report, orgs.hanoi, users.hanoi)
    assert kinds(users.central)["report_to_review"] == [str(report.h1)]
    for other in (users.danang, users.hanoi, users.viewer):
        assert "report_to_review" not in kinds(other)
    reporting.approve_submission(sub, by=users.central)
    assert "report_to_review" not in kinds(users.central)


def test_a_union_reviews_the_reports_of_its_members_only(report, orgs, users):
    submitted(report, orgs.hanoi_member, users.hanoi)
    assert len(kinds(users.hanoi)["report_to_review"]) == 1
    assert "report_to_review" not in kinds(users.danang)


def test_a_returned_report_is_its_organizations_to_correct(report, orgs, users):
    sub = submitted(report, orgs.hanoi, users.hanoi)
    reporting.return_submission(sub, by=users.central, comments=[(None, "Add the figures")])
    hanoi = inbox_of(users.hanoi).items
    returned = [item for item in hanoi if item.why == "Sent back for correction"]
    assert [(item.kind, item.url) for item in returned] == [
        ("report_to_fill", sub.get_absolute_url())
    ]
    danang = inbox_of(users.danang).items
    assert not [item for item in danang if item.why == "Sent back for correction"]


def test_a_report_due_within_a_week_is_to_fill_until_sent_in(report, orgs, users):
    report.h1.deadline = TODAY + timedelta(days=3)
    report.h1.save()
    due = str(report.h1)
    assert due in kinds(users.hanoi)["report_to_fill"]
    assert due in kinds(users.danang)["report_to_fill"]  # each Union owes its own
    submitted(report, orgs.hanoi, users.hanoi)
    assert due not in kinds(users.hanoi)["report_to_fill"]
    assert due in kinds(users.danang)["report_to_fill"]


def test_a_consultation_asks_its_organizations_until_they_respond(orgs, users):
    consultation = proposals.consultation(orgs.central)
    consultation.organizations_asked.add(orgs.hanoi)
    assert kinds(users.hanoi)["consultation"] == [str(consultation)]
    assert "consultation" not in kinds(users.danang)
    proposals.response(consultation, orgs.hanoi)
    assert "consultation" not in kinds(users.hanoi)


def test_a_proposal_is_its_departments_to_answer_and_a_draft_the_leaders(orgs, users):
    proposal = proposals.proposal(orgs, orgs.hanoi)
    assert kinds(users.central)["proposal_to_answer"] == [str(proposal)]
    assert "proposal_to_answer" not in kinds(users.danang)
    users.admin.may_approve_answers = True
    users.admin.save()
    proposal.answer_state = AnswerState.DRAFT
    proposal.answer_drafted_by = users.central
    proposal.save()
    assert kinds(users.admin)["answer_to_approve"] == [str(proposal)]
    assert "answer_to_approve" not in kinds(users.central)  # who drafted it does not approve


def test_an_orientation_sent_is_to_acknowledge_then_its_tasks_to_report(orgs, users):
    orientation = orientations.orientation(orgs.central, year=TODAY.year, issued_on=TODAY)
    task = orientations.task(orientation, due_on=TODAY + timedelta(days=10))
    recipient = orientations.recipient(orientation, orgs.hanoi)
    assert kinds(users.hanoi)["orientation_acknowledge"] == [str(orientation)]
    assert kinds(users.hanoi)["orientation_report"] == [f"{task.title} — {orientation}"]
    assert not {"orientation_acknowledge", "orientation_report"} & set(kinds(users.danang))
    orientations_services.acknowledge(orientation, orgs.hanoi, by=users.hanoi, name="Hà")
    orientations.report(recipient, task, progress="done")
    assert not {"orientation_acknowledge", "orientation_report"} & set(kinds(users.hanoi))


def test_an_award_proposal_submitted_is_the_centres_to_review(orgs, users):
    proposal = awards.proposal(orgs, orgs.hanoi, state=ProposalState.SUBMITTED)
    proposal.submitted_by = users.hanoi
    proposal.save()
    assert kinds(users.central)["award_proposal"] == [str(proposal)]
    assert "award_proposal" not in kinds(users.hanoi)
    proposal.state = ProposalState.REVIEWED
    proposal.save()
    assert "award_proposal" not in kinds(users.central)


def test_a_quota_asks_for_nominations_until_one_is_sent(orgs, users):
    course = training.course(orgs.central)
    training.quota(course, orgs.hanoi)
    assert kinds(users.hanoi)["nomination"] == [str(course)]
    assert "nomination" not in kinds(users.danang)
    training.nomination(orgs.hanoi, course_=course)
    assert "nomination" not in kinds(users.hanoi)


def test_a_follow_up_is_the_branch_of_its_interaction(orgs, users):
    partner = Partner.objects.create(kind="ngo", name="Oxfam")
    interaction = Interaction.objects.create(
        partner=partner, organization=orgs.hanoi_member, occurred_on=TODAY, kind="meeting"
    )
    action = FollowUp.objects.create(
        interaction=interaction, action="Send the photos", due_on=TODAY - timedelta(days=1)
    )
    hanoi = inbox_of(users.hanoi)
    assert [item.title for item in hanoi.items] == ["Send the photos — Oxfam"]
    assert hanoi.overdue == 1
    assert "follow_up" not in kinds(users.danang)
    action.state = "done"
    action.save()
    assert "follow_up" not in kinds(users.hanoi)


def test_a_registration_expiring_is_the_branch_that_holds_its_partner(orgs, users):
    from amity.partners.models import NgoRegistration, RelationshipHolder

    def registration(name, holder, number, sensitivity="public"):
        partner = Partner.objects.create(kind="ngo", name=name, sensitivity=sensitivity)
        RelationshipHolder.objects.create(partner=partner, organization=holder)
        return NgoRegistration.objects.create(
            partner=partner,
            registration_type="operation",
            number=number,
            issued_on=TODAY - timedelta(days=700),
            expires_on=TODAY + timedelta(days=10),
        )

    registration("Oxfam", orgs.hanoi_member, "HN-1")
    registration("Plan", orgs.danang, "DN-1")
    registration("Care", orgs.hanoi, "HN-2", sensitivity="restricted")
    assert kinds(users.hanoi)["ngo_registration"] == ["Care — HN-2", "Oxfam — HN-1"]
    assert kinds(users.danang)["ngo_registration"] == ["Plan — DN-1"]
    assert len(kinds(users.central)["ngo_registration"]) == 3


def test_items_come_due_first_the_undated_last(orgs, users):
    undated = orientations.orientation(orgs.central, year=TODAY.year, issued_on=TODAY)
    orientations.recipient(undated, orgs.hanoi)
    course = training.course(orgs.central)
    training.quota(course, orgs.hanoi)
    consultation = proposals.consultation(orgs.central, deadline=TODAY + timedelta(days=2))
    consultation.organizations_asked.add(orgs.hanoi)
    assert [item.kind for item in inbox_of(users.hanoi).items] == [
        "consultation",
        "nomination",
        "orientation_acknowledge",
    ]


def test_a_viewer_and_an_anonymous_user_have_nothing_to_do(orgs, users):
    from django.contrib.auth.models import AnonymousUser

    consultation = proposals.consultation(orgs.central)
    consultation.organizations_asked.add(orgs.hanoi)
    assert inbox_of(users.hanoi_viewer).items == []
    assert inbox_of(AnonymousUser()).items == []
