"""The awards' rules, workflow, decisions, honours, Word documents and pages: each refusal with
its message and nothing written."""

import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from amity.emulation import award_services as services
from amity.emulation import models
from amity.emulation.models.awards import ProposalState, honours_of
from amity.organizations.models import Person
from amity.partners.choices import PartnerKind
from amity.partners.models import Contact, Partner, RelationshipHolder
from tests.emulation import awards_builders as build

pytestmark = pytest.mark.django_db


def fresh(record):
    return type(record).all_objects.get(pk=record.pk)


def foreign_friend(holder, name="John Smith"):
    partner = Partner.objects.create(kind=PartnerKind.NGO, name=f"Friends of {name}")
    RelationshipHolder.objects.create(partner=partner, organization=holder)
    return Contact.objects.create(partner=partner, full_name=name)


def council(orgs, users, year=build.YEAR):
    """The centre's council: the admin chairs, the central officer sits on it."""
    return [
        models.CouncilMember.objects.get_or_create(
            organization=orgs.central, year=year, user=user, defaults={"role": role}
        )[0]
        for user, role in ((users.admin, "chair"), (users.central, "member"))
    ]


def submitted(orgs, users, **kwargs):
    proposal = build.proposal(orgs, orgs.hanoi, **kwargs)
    build.document(proposal)
    return services.submit(proposal, by=users.hanoi)


def reviewed(orgs, users, **kwargs):
    council(orgs, users)
    proposal = submitted(orgs, users, **kwargs)
    services.cast_vote(proposal, "for", by=users.admin)
    return services.review(proposal, note="Nhất trí", by=users.central)


def decision(orgs, number="1/QĐ", form=None):
    return models.AwardDecision.objects.create(
        organization=orgs.central,
        award_form=form or build.award_form(orgs),
        number=number,
        decided_on="2026-05-01",
        signer_name="Phan Anh Sơn",
        signer_position="Chủ tịch",
    )


# --- the dossier ---------------------------------------------------------------------------------


def test_submitting_without_the_required_documents_is_refused(orgs, users):
    build.award_form(orgs).__class__.objects.filter(code="BK-LH").update(
        required_documents="submission,achievements"
    )
    proposal = build.proposal(orgs, orgs.hanoi)
    build.document(proposal, "submission")
    with pytest.raises(ValidationError) as refusal:
        services.submit(proposal, by=users.hanoi)
    assert refusal.value.messages == [
        "The dossier lacks required documents: Report of achievements."
    ]
    stored = fresh(proposal)
    assert (stored.state, stored.submitted_by, stored.version) == ("draft", None, 1)


def test_a_complete_dossier_is_submitted_by_its_proposer(orgs, users):
    proposal = submitted(orgs, users)
    assert proposal.state == ProposalState.SUBMITTED
    assert proposal.submitted_by == users.hanoi
    assert fresh(proposal).history.latest().history_user == users.hanoi


def test_a_submitted_dossier_cannot_be_edited_nor_its_documents_changed(client, orgs, users, login):
    proposal = submitted(orgs, users)
    document = proposal.documents.get()
    login(users.hanoi)
    url = reverse("emulation:awardproposal_edit", args=[proposal.pk])
    assert client.post(url, {"achievements": "x", "version": proposal.version}).status_code == 403
    assert (
        client.post(reverse("emulation:awarddocument_delete", args=[document.pk])).status_code
        == 403
    )
    with pytest.raises(ValidationError):
        services.add_document(proposal, build.pdf_upload(), "other", by=users.hanoi)
    assert proposal.documents.count() == 1
    assert fresh(proposal).achievements == "Hoàn thành xuất sắc nhiệm vụ"


def test_a_file_of_the_wrong_kind_is_refused(orgs, users):
    from django.core.files.uploadedfile import SimpleUploadedFile

    proposal = build.proposal(orgs, orgs.hanoi)
    fake = SimpleUploadedFile("to-trinh.pdf", b"MZ not a pdf at all")
    with pytest.raises(ValidationError) as refusal:
        services.add_document(proposal, fake, "submission", by=users.hanoi)
    assert refusal.value.message_dict["file"] == [
        "“to-trinh.pdf” is not the kind of file its name says."
    ]
    script = SimpleUploadedFile("virus.exe", b"MZ")
    with pytest.raises(ValidationError):
        services.add_document(proposal, script, "submission", by=users.hanoi)
    assert models.AwardDocument.all_objects.count() == 0


# --- the nominee ---------------------------------------------------------------------------------


def test_exactly_one_nominee(orgs):
    form = build.award_form(orgs)
    none = models.AwardProposal(
        organization=orgs.hanoi, award_form=form, year=2026, achievements="x"
    )
    two = models.AwardProposal(
        organization=orgs.hanoi,
        award_form=form,
        year=2026,
        achievements="x",
        nominee_organization=orgs.hanoi,
        nominee_person=Person.objects.create(full_name="Nguyễn Văn A", organization=orgs.hanoi),
    )
    for proposal in (none, two):
        with pytest.raises(ValidationError) as refusal:
            proposal.full_clean()
        assert refusal.value.messages == [
            "Name exactly one nominee: an organization, a person, a foreign friend or a foreign "
            "organization."
        ]


@pytest.mark.parametrize("kind", ["organization", "person", "contact", "partner"])
def test_a_nominee_outside_the_proposers_scope_is_refused(orgs, kind):
    nominee = {
        "organization": lambda: {"nominee_organization": orgs.danang},
        "person": lambda: {
            "nominee_person": Person.objects.create(full_name="Trần B", organization=orgs.danang)
        },
        "contact": lambda: {"nominee_contact": foreign_friend(orgs.danang)},
        "partner": lambda: {"nominee_partner": foreign_friend(orgs.danang).partner},
    }[kind]()
    proposal = models.AwardProposal(
        organization=orgs.hanoi,
        award_form=build.award_form(orgs),
        year=2026,
        achievements="x",
        **nominee,
    )
    with pytest.raises(ValidationError) as refusal:
        proposal.full_clean()
    ((field, messages),) = refusal.value.message_dict.items()
    assert field == f"nominee_{kind}"
    assert messages[0].endswith("is outside what Ha Noi Union may propose.")


def test_the_centre_may_nominate_a_foreign_friend_held_anywhere(orgs):
    proposal = models.AwardProposal(
        organization=orgs.central,
        award_form=build.award_form(orgs),
        year=2026,
        achievements="x",
        nominee_contact=foreign_friend(orgs.danang),
    )
    proposal.full_clean()


def test_the_form_refuses_a_nominee_of_another_branch_and_writes_nothing(
    client, orgs, users, login
):
    login(users.hanoi)
    response = client.post(
        reverse("emulation:awardproposal_add"),
        {
            "organization": orgs.hanoi.pk,
            "award_form": build.award_form(orgs).pk,
            "year": 2026,
            "nominee_organization": orgs.danang.pk,
            "achievements": "x",
        },
    )
    assert response.status_code == 200
    assert models.AwardProposal.all_objects.count() == 0


def test_an_award_form_given_only_to_collectives_refuses_a_person(orgs):
    form = build.award_form(orgs, code="CTD", nominee_kinds="collective")
    proposal = models.AwardProposal(
        organization=orgs.hanoi,
        award_form=form,
        year=2026,
        achievements="x",
        nominee_person=Person.objects.create(full_name="Lê C", organization=orgs.hanoi),
    )
    with pytest.raises(ValidationError) as refusal:
        proposal.full_clean()
    assert refusal.value.message_dict == {
        "nominee_person": ["Certificate of merit of VUFO is not given to this kind of nominee."]
    }


def test_an_award_form_proposed_only_by_the_centre_refuses_a_union(orgs):
    form = build.award_form(orgs, code="CTD-CP", proposer_kinds="central_union")
    proposal = models.AwardProposal(
        organization=orgs.hanoi,
        award_form=form,
        year=2026,
        achievements="x",
        nominee_organization=orgs.hanoi,
    )
    with pytest.raises(ValidationError) as refusal:
        proposal.full_clean()
    assert list(refusal.value.message_dict) == ["organization"]


def test_an_award_form_with_unknown_codes_is_refused(orgs):
    form = models.AwardForm(
        organization=orgs.central,
        code="X",
        name_vi="X",
        level="union",
        nominee_kinds="alien",
        required_documents="passport",
    )
    with pytest.raises(ValidationError) as refusal:
        form.full_clean()
    assert sorted(refusal.value.message_dict) == ["nominee_kinds", "required_documents"]
    assert refusal.value.message_dict["nominee_kinds"][0].startswith("Unknown codes: alien.")


# --- the council and the workflow ----------------------------------------------------------------


def test_a_vote_by_someone_not_on_the_council_is_refused(orgs, users):
    council(orgs, users)
    proposal = submitted(orgs, users)
    for outsider in (users.hanoi, users.danang, users.viewer):
        with pytest.raises(ValidationError) as refusal:
            services.cast_vote(proposal, "for", by=outsider)
        assert refusal.value.messages == [
            "You are not on the emulation council for 2026: you may not vote."
        ]
    assert models.AwardVote.all_objects.count() == 0


def test_a_seat_of_another_year_does_not_vote(orgs, users):
    build.seat(orgs.central, users.admin, year=2025)
    proposal = submitted(orgs, users)
    with pytest.raises(ValidationError):
        services.cast_vote(proposal, "for", by=users.admin)
    assert models.AwardVote.all_objects.count() == 0


def test_a_vote_recorded_for_a_member_of_another_council_is_refused(orgs, users):
    proposal = submitted(orgs, users)
    danang_seat = build.seat(orgs.danang, users.danang)
    vote = models.AwardVote(proposal=proposal, member=danang_seat, choice="for")
    with pytest.raises(ValidationError) as refusal:
        vote.full_clean()
    assert refusal.value.messages == [
        "Only a member of the council that reviews this proposal may vote on it."
    ]


def test_a_member_changes_their_vote_rather_than_voting_twice(orgs, users):
    council(orgs, users)
    proposal = submitted(orgs, users)
    services.cast_vote(proposal, "against", by=users.admin)
    services.cast_vote(proposal, "for", note="Sau khi bổ sung", by=users.admin)
    assert list(proposal.votes.values_list("choice", "note")) == [("for", "Sau khi bổ sung")]
    assert services.tally(proposal) == {"for": 1, "against": 0, "abstain": 0}


def test_the_same_user_may_not_take_two_consecutive_steps(orgs, users):
    council(orgs, users)
    proposal = build.proposal(orgs, orgs.hanoi)
    build.document(proposal)
    services.submit(proposal, by=users.central)  # the centre may edit the Union's dossier
    services.cast_vote(proposal, "for", by=users.admin)
    with pytest.raises(ValidationError) as refusal:
        services.review(proposal, by=users.central)
    assert refusal.value.messages == [
        "You took the previous step of this proposal: another person must review it."
    ]
    assert fresh(proposal).state == ProposalState.SUBMITTED
    services.review(proposal, by=users.admin)
    record = decision(orgs)
    with pytest.raises(ValidationError):
        services.decide(record, [proposal], by=users.admin)
    with pytest.raises(ValidationError):
        services.refuse(proposal, "Không đủ tiêu chuẩn", by=users.admin)
    stored = fresh(proposal)
    assert (stored.state, stored.decision_id) == (ProposalState.REVIEWED, None)
    services.decide(record, [proposal], by=users.central)
    stored = fresh(proposal)
    assert (stored.state, stored.decision_id, stored.decided_by) == (
        ProposalState.DECIDED,
        record.pk,
        users.central,
    )


def test_review_needs_votes_and_a_majority_for(orgs, users):
    council(orgs, users)
    proposal = submitted(orgs, users)
    with pytest.raises(ValidationError) as refusal:
        services.review(proposal, by=users.central)
    assert refusal.value.messages == ["No council member has voted on this proposal yet."]
    services.cast_vote(proposal, "for", by=users.admin)
    services.cast_vote(proposal, "against", by=users.central)
    with pytest.raises(ValidationError) as refusal:
        services.review(proposal, by=users.admin)
    assert refusal.value.messages == [
        "The council did not vote for this proposal: refuse it with a reason."
    ]
    assert fresh(proposal).state == ProposalState.SUBMITTED


def test_only_the_centre_reviews_and_a_unit_may_not(orgs, users):
    proposal = submitted(orgs, users)
    with pytest.raises(PermissionDenied):
        services.review(proposal, by=users.danang)
    with pytest.raises(PermissionDenied):
        services.refuse(proposal, "x", by=users.hanoi)


def test_refusal_needs_a_reason_and_keeps_it(orgs, users):
    proposal = submitted(orgs, users)
    with pytest.raises(ValidationError):
        services.refuse(proposal, "  ", by=users.central)
    services.refuse(proposal, "Thành tích chưa đủ", by=users.central)
    stored = fresh(proposal)
    assert (stored.state, stored.refusal_reason) == (ProposalState.REFUSED, "Thành tích chưa đủ")
    with pytest.raises(ValidationError):
        services.refuse(stored, "again", by=users.admin)


def test_a_decision_takes_only_reviewed_proposals_of_its_form_all_or_none(orgs, users):
    good = reviewed(orgs, users)
    draft = build.proposal(orgs, orgs.hanoi, nominee_organization=orgs.hanoi_member)
    record = decision(orgs)
    with pytest.raises(ValidationError):
        services.decide(record, [good, draft], by=users.admin)
    assert fresh(good).state == ProposalState.REVIEWED
    assert record.recipients.count() == 0
    other = decision(orgs, "2/QĐ", form=build.award_form(orgs, code="KNC"))
    with pytest.raises(ValidationError):
        services.decide(other, [good], by=users.admin)
    services.decide(record, [good], by=users.admin)
    assert list(record.recipients.all()) == [good]


# --- the interval --------------------------------------------------------------------------------


def test_the_same_award_to_the_same_nominee_inside_the_interval_is_refused(orgs, users):
    council(orgs, users, 2025)
    first = reviewed(orgs, users, year=2025)
    services.decide(decision(orgs), [first], by=users.admin)
    again = build.proposal(orgs, orgs.hanoi, year=2026)
    build.document(again)
    with pytest.raises(ValidationError) as refusal:
        services.submit(again, by=users.hanoi)
    assert refusal.value.messages == [
        "Ha Noi Union received Certificate of merit of VUFO in 2025: the regulation allows it "
        "again only after 2 years."
    ]
    assert fresh(again).state == ProposalState.DRAFT
    later = build.proposal(orgs, orgs.hanoi, year=2027)
    build.document(later)
    assert services.submit(later, by=users.hanoi).state == ProposalState.SUBMITTED


def test_two_proposals_of_one_nominee_in_one_decision_are_refused(orgs, users):
    council(orgs, users)
    council(orgs, users, 2027)
    first = reviewed(orgs, users)
    second = build.proposal(orgs, orgs.hanoi, year=2027)
    build.document(second)
    services.submit(second, by=users.hanoi)
    services.cast_vote(second, "for", by=users.admin)
    services.review(second, by=users.central)
    with pytest.raises(ValidationError):
        services.decide(decision(orgs), [first, second], by=users.admin)
    assert models.AwardProposal.objects.filter(state=ProposalState.DECIDED).count() == 0


def test_a_revoked_award_does_not_count_for_the_interval(orgs, users):
    council(orgs, users, 2025)
    first = reviewed(orgs, users, year=2025)
    record = decision(orgs)
    services.decide(record, [first], by=users.admin)
    services.revoke(record, "Quyết định ban hành sai đối tượng", by=users.central)
    again = build.proposal(orgs, orgs.hanoi, year=2026)
    build.document(again)
    assert services.submit(again, by=users.hanoi).state == ProposalState.SUBMITTED


# --- decisions: never undone, revoked with a reason ----------------------------------------------


def test_a_decision_with_recipients_cannot_be_changed_or_deleted(client, orgs, users, login):
    proposal = reviewed(orgs, users)
    record = decision(orgs)
    services.decide(record, [proposal], by=users.admin)
    before = fresh(record).version
    login(users.central)
    edit = reverse("emulation:awarddecision_edit", args=[record.pk])
    assert client.post(edit, {"number": "9/QĐ", "version": before}).status_code == 403
    assert (
        client.post(reverse("emulation:awarddecision_delete", args=[record.pk])).status_code == 403
    )
    api = f"/api/emulation/award-decisions/{record.pk}/"
    assert client.delete(api).status_code == 403
    patch = client.patch(
        api, {"number": "9/QĐ", "version": before}, content_type="application/json"
    )
    assert patch.status_code == 403
    stored = fresh(record)
    assert (stored.number, stored.deleted_at, stored.version) == ("1/QĐ", None, before)


def test_revoking_needs_a_reason_keeps_history_and_leaves_the_register(orgs, users):
    proposal = reviewed(orgs, users)
    record = decision(orgs)
    services.decide(record, [proposal], by=users.admin)
    assert list(honours_of(orgs.hanoi)) == [fresh(proposal)]
    with pytest.raises(ValidationError):
        services.revoke(record, "", by=users.central)
    with pytest.raises(PermissionDenied):
        services.revoke(record, "Sai", by=users.hanoi)
    services.revoke(record, "Sai đối tượng", by=users.central)
    stored = fresh(record)
    assert stored.revocation_reason == "Sai đối tượng"
    assert stored.revoked_by == users.central
    assert stored.history.latest().history_user == users.central
    assert stored.history.count() == 2
    assert list(honours_of(orgs.hanoi)) == []
    assert fresh(proposal).decision_id == record.pk  # the recipient stays on the decision
    with pytest.raises(ValidationError):
        services.revoke(record, "again", by=users.admin)


# --- honours, Word documents, pages and the API --------------------------------------------------


def test_a_foreign_friends_honours(client, orgs, users, login):
    council(orgs, users)
    friend = foreign_friend(orgs.central, "Mohamed Fouad")
    insignia = build.award_form(orgs, code="KNC", nominee_kinds="foreign_person")
    proposal = models.AwardProposal.objects.create(
        organization=orgs.central,
        award_form=insignia,
        year=2026,
        achievements="Hữu nghị",
        nominee_contact=friend,
    )
    build.document(proposal)
    services.submit(proposal, by=users.central)
    services.cast_vote(proposal, "for", by=users.admin)
    services.review(proposal, by=users.admin)
    record = decision(orgs, form=insignia)
    services.decide(record, [proposal], by=users.central)
    login(users.central)
    page = client.get(reverse("emulation:honours", args=["contact", friend.pk]))
    assert page.status_code == 200
    assert [honour.pk for honour in page.context["honours"]] == [proposal.pk]
    assert "1/QĐ" in page.content.decode()
    partner_page = client.get(reverse("emulation:honours", args=["partner", friend.partner_id]))
    assert list(partner_page.context["honours"]) == []  # the person was honoured, not the NGO
    assert client.get(reverse("emulation:honours", args=["planet", 1])).status_code == 404
    login(users.danang)
    hidden = client.get(reverse("emulation:honours", args=["organization", orgs.hanoi.pk]))
    assert hidden.status_code == 404


def test_the_decision_and_the_certificate_as_word(client, orgs, users, login):
    from docx import Document

    proposal = reviewed(orgs, users)
    record = decision(orgs)
    login(users.hanoi)
    assert (
        client.get(reverse("emulation:awardproposal_certificate", args=[proposal.pk])).status_code
        == 404
    )
    services.decide(record, [proposal], by=users.admin)
    response = client.get(reverse("emulation:awarddecision_docx", args=[record.pk]))
    assert response.status_code == 200
    text = "\n".join(p.text for p in Document(io.BytesIO(response.content)).paragraphs)
    assert "1. Ha Noi Union" in text
    assert "No. 1/QĐ, dated 01/05/2026" in text
    certificate = client.get(reverse("emulation:awardproposal_certificate", args=[proposal.pk]))
    assert certificate.status_code == 200
    lines = [p.text for p in Document(io.BytesIO(certificate.content)).paragraphs]
    assert "CERTIFICATE OF MERIT OF VUFO" in lines
    assert "Ha Noi Union" in lines
    login(users.danang)
    assert client.get(reverse("emulation:awarddecision_docx", args=[record.pk])).status_code == 404


def test_the_board_counts_by_state_and_survives_bad_years(
    client, orgs, users, login, django_assert_max_num_queries
):
    reviewed(orgs, users)
    build.proposal(orgs, orgs.hanoi, nominee_organization=orgs.hanoi_member)
    build.proposal(orgs, orgs.danang)
    login(users.hanoi)
    url = reverse("emulation:awardproposal_board")
    page = client.get(url, {"year": "2026"})
    counts = {column["state"]: column["count"] for column in page.context["columns"]}
    assert counts == {"draft": 1, "submitted": 0, "reviewed": 1, "decided": 0, "refused": 0}
    for year in ("", "abc", "-1", "99999999999999999999", "٢٠٢٦", "1900"):
        assert client.get(url, {"year": year}).status_code == 200
    for index in range(10):
        build.proposal(
            orgs,
            orgs.hanoi,
            year=2026,
            nominee_organization=orgs.hanoi_member,
            form=build.award_form(orgs, code=f"F{index}"),
        )
    with django_assert_max_num_queries(12):
        assert client.get(url, {"year": "2026"}).status_code == 200


def test_the_workflow_through_the_pages(client, orgs, users, login):
    council(orgs, users)
    proposal = build.proposal(orgs, orgs.hanoi)
    login(users.hanoi)
    submit = reverse("emulation:awardproposal_submit", args=[proposal.pk])
    response = client.post(submit, follow=True)
    assert (
        "The dossier lacks required documents: Letter of submission." in response.content.decode()
    )
    upload = reverse("emulation:awardproposal_document", args=[proposal.pk])
    client.post(upload, {"kind": "submission", "upload": build.pdf_upload()})
    client.post(submit)
    assert fresh(proposal).state == ProposalState.SUBMITTED
    vote = reverse("emulation:awardproposal_vote", args=[proposal.pk])
    refused = client.post(vote, {"choice": "for"}, follow=True)
    assert "You are not on the emulation council for 2026" in refused.content.decode()
    login(users.admin)
    client.post(vote, {"choice": "for", "note": "Đồng ý"})
    client.post(reverse("emulation:awardproposal_review", args=[proposal.pk]), {"note": "Đạt"})
    assert fresh(proposal).state == ProposalState.REVIEWED
    record = decision(orgs)
    login(users.central)
    page = client.get(record.get_absolute_url())
    assert page.status_code == 200
    client.post(
        reverse("emulation:awarddecision_decide", args=[record.pk]), {"proposals": [proposal.pk]}
    )
    assert fresh(proposal).state == ProposalState.DECIDED
    client.post(reverse("emulation:awarddecision_revoke", args=[record.pk]), {"reason": ""})
    assert fresh(record).revoked_at is None
    client.post(reverse("emulation:awarddecision_revoke", args=[record.pk]), {"reason": "Sai"})
    assert fresh(record).revocation_reason == "Sai"
    detail = client.get(proposal.get_absolute_url())
    assert detail.status_code == 200


def test_the_steps_in_the_api(client, orgs, users, login):
    council(orgs, users)
    proposal = build.proposal(orgs, orgs.hanoi)
    base = f"/api/emulation/award-proposals/{proposal.pk}"
    login(users.hanoi)
    missing = client.post(f"{base}/submit/")
    assert missing.status_code == 400
    assert missing.json() == {
        "detail": ["The dossier lacks required documents: Letter of submission."]
    }
    build.document(proposal)
    assert client.post(f"{base}/submit/").json()["state"] == "submitted"
    not_member = client.post(f"{base}/vote/", {"choice": "for"}, content_type="application/json")
    assert not_member.status_code == 400
    assert client.post(f"{base}/review/").status_code == 403
    login(users.danang)
    assert client.post(f"{base}/submit/").status_code == 404
    assert client.post("/api/emulation/award-proposals/abc/submit/").status_code == 404
    login(users.admin)
    voted = client.post(f"{base}/vote/", {"choice": "for"}, content_type="application/json")
    assert voted.status_code == 200
    assert (
        client.post(f"{base}/review/", {}, content_type="application/json").json()["state"]
        == "reviewed"
    )
    record = decision(orgs)
    login(users.central)
    decided = client.post(
        f"/api/emulation/award-decisions/{record.pk}/decide/",
        {"proposals": [proposal.pk]},
        content_type="application/json",
    )
    assert decided.status_code == 200, decided.content
    assert fresh(proposal).state == ProposalState.DECIDED
    revoke = f"/api/emulation/award-decisions/{record.pk}/revoke/"
    assert client.post(revoke, {}, content_type="application/json").status_code == 400
    assert (
        client.post(revoke, {"reason": "Sai"}, content_type="application/json").json()[
            "revocation_reason"
        ]
        == "Sai"
    )


def test_the_api_refuses_a_nominee_of_another_branch_and_writes_nothing(client, orgs, users, login):
    login(users.hanoi)
    body = {
        "organization": orgs.hanoi.pk,
        "award_form": build.award_form(orgs).pk,
        "year": 2026,
        "nominee_person": Person.objects.create(full_name="Trần B", organization=orgs.danang).pk,
        "achievements": "x",
    }
    response = client.post("/api/emulation/award-proposals/", body, content_type="application/json")
    assert response.status_code == 400
    assert "nominee_person" in response.json()
    both = {**body, "nominee_person": None, "nominee_organization": orgs.hanoi.pk}
    both["nominee_partner"] = foreign_friend(orgs.hanoi).partner_id
    twice = client.post("/api/emulation/award-proposals/", both, content_type="application/json")
    assert twice.status_code == 400
    assert models.AwardProposal.all_objects.count() == 0
