"""The outside probe's questions to the awards and the yearly review, each as a regression test:
hostile input gets a clear 4xx (or the form again), never a 500, never a half-written record,
never another branch's data."""

import json

import pytest
from django.urls import reverse

from amity.emulation import award_services as services
from amity.emulation import models
from amity.emulation.models.awards import ProposalState
from tests.emulation import awards_builders as build
from tests.emulation.test_awards import council, decision, reviewed, submitted

pytestmark = pytest.mark.django_db

HUGE = str(10**30)


def test_a_document_gone_from_the_media_directory_is_a_404_not_a_500(orgs, users, login):
    proposal = build.proposal(orgs, orgs.hanoi)
    document = build.document(proposal)
    document.file.storage.delete(document.file.name)
    login(users.hanoi)
    response = login(users.hanoi).get(
        reverse("emulation:awarddocument_download", args=[document.pk])
    )
    assert response.status_code == 404


def test_a_document_is_served_as_the_type_recorded_at_upload(orgs, users, login):
    proposal = build.proposal(orgs, orgs.hanoi)
    document = build.document(proposal)
    response = login(users.hanoi).get(
        reverse("emulation:awarddocument_download", args=[document.pk])
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]


def test_another_branchs_document_is_not_found(orgs, users, login):
    proposal = build.proposal(orgs, orgs.hanoi)
    document = build.document(proposal)
    client = login(users.danang)
    assert (
        client.get(reverse("emulation:awarddocument_download", args=[document.pk])).status_code
        == 404
    )
    assert client.get(f"/api/emulation/award-documents/{document.pk}/").status_code == 404
    for name in ("submit", "vote", "review", "refuse", "document"):
        response = client.post(reverse(f"emulation:awardproposal_{name}", args=[proposal.pk]))
        assert response.status_code == 404, name
    for name in ("submit", "vote", "review", "refuse"):
        response = client.post(
            f"/api/emulation/award-proposals/{proposal.pk}/{name}/",
            {},
            content_type="application/json",
        )
        assert response.status_code == 404, name


@pytest.mark.parametrize("pk", [0, 2**63, 10**30])
def test_far_out_ids_are_not_found(orgs, users, login, pk):
    client = login(users.central)
    for name in (
        "awardproposal_submit",
        "awardproposal_vote",
        "awardproposal_certificate",
        "awarddecision_docx",
        "awarddocument_download",
        "review_profile",
    ):
        url = reverse(f"emulation:{name}", args=[pk])
        response = client.post(url) if name.endswith(("vote", "submit")) else client.get(url)
        assert response.status_code == 404, name
    for collection in ("award-proposals", "award-decisions", "reviews"):
        assert client.get(f"/api/emulation/{collection}/{pk}/").status_code == 404
    assert client.get(reverse("emulation:honours", args=["contact", pk])).status_code == 404


@pytest.mark.parametrize("year", ["0", "-1", "99999", HUGE, "٢٠٢٦", "2026\u200f", "😀", "2026\x00"])
def test_the_board_shows_this_year_for_any_odd_year(orgs, users, login, year):
    response = login(users.central).get(reverse("emulation:awardproposal_board"), {"year": year})
    assert response.status_code == 200


@pytest.mark.parametrize("year", ["0", "-1", "99999", HUGE, "😀", "2026\u200f"])
def test_the_review_year_refuses_an_odd_year_with_the_form(orgs, users, login, year):
    response = login(users.central).get(reverse("emulation:review_year"), {"year": year})
    assert response.status_code == 400
    assert response.context["form"].errors


@pytest.mark.parametrize(
    "query",
    [
        {"start": "0001-01-01"},
        {"start": "99999-01-01"},
        {"end": "2026-02-30"},
        {"start": "2026-01-01", "end": "2020-01-01"},
        {"start": "1900-01-01", "end": "2200-01-01"},
        {"start": "\u202e😀"},
    ],
)
def test_a_profile_refuses_an_odd_period_with_the_form(orgs, users, login, query):
    url = reverse("emulation:review_profile", args=[orgs.hanoi.pk])
    response = login(users.central).get(url, query)
    assert response.status_code == 400


@pytest.mark.parametrize("months", ["0", "-1", HUGE, "😀"])
def test_the_dormant_board_refuses_odd_months(orgs, users, login, months):
    response = login(users.central).get(reverse("emulation:review_dormant"), {"months": months})
    assert response.status_code == 400


def test_submitting_twice_is_refused_with_a_message(orgs, users, login):
    proposal = build.proposal(orgs, orgs.hanoi)
    build.document(proposal)
    client = login(users.hanoi)
    url = reverse("emulation:awardproposal_submit", args=[proposal.pk])
    response = client.post(url, follow=True)
    assert [str(m) for m in response.context["messages"]] == [
        "The proposal was submitted to the council."
    ]
    response = client.post(url, follow=True)
    assert [str(m) for m in response.context["messages"]] == ["Only a draft can be submitted."]
    response = client.post(
        f"/api/emulation/award-proposals/{proposal.pk}/submit/", content_type="application/json"
    )
    assert response.status_code == 400
    assert response.json() == {"detail": ["Only a draft can be submitted."]}


def test_voting_twice_keeps_one_vote(orgs, users, login):
    council(orgs, users)
    proposal = submitted(orgs, users)
    client = login(users.central)
    url = reverse("emulation:awardproposal_vote", args=[proposal.pk])
    client.post(url, {"choice": "for"})
    client.post(url, {"choice": "against", "note": "đổi ý"})
    assert models.AwardVote.objects.filter(proposal=proposal).count() == 1


@pytest.mark.parametrize(
    "body",
    [
        {"choice": "maybe"},
        {"choice": "for", "note": "x" * 501},
        {"choice": "for", "note": "\x00"},
        {},
    ],
)
def test_a_bad_vote_is_refused_and_writes_nothing(orgs, users, login, body):
    council(orgs, users)
    proposal = submitted(orgs, users)
    client = login(users.central)
    response = client.post(reverse("emulation:awardproposal_vote", args=[proposal.pk]), body)
    assert response.status_code == 302
    response = client.post(
        f"/api/emulation/award-proposals/{proposal.pk}/vote/",
        json.dumps(body),
        content_type="application/json",
    )
    assert response.status_code == 400
    assert not models.AwardVote.objects.exists()


@pytest.mark.parametrize(
    "body",
    [
        b'{"reason": "\\ud800"}',
        b'{"reason": ' + b"[" * 3000 + b"]" * 3000 + b"}",
        b'{"reason": "' + b"x" * 2001 + b'"}',
        b"[]",
        b"null",
        b"{bad",
    ],
)
def test_a_hostile_refusal_body_is_a_400(orgs, users, login, body):
    proposal = submitted(orgs, users)
    response = login(users.central).post(
        f"/api/emulation/award-proposals/{proposal.pk}/refuse/",
        body,
        content_type="application/json",
    )
    assert response.status_code == 400
    assert models.AwardProposal.objects.get(pk=proposal.pk).state == ProposalState.SUBMITTED


def test_a_vote_note_too_long_says_so_on_the_page(orgs, users, login):
    council(orgs, users)
    proposal = submitted(orgs, users)
    response = login(users.central).post(
        reverse("emulation:awardproposal_vote", args=[proposal.pk]),
        {"choice": "for", "note": "x" * 501},
        follow=True,
    )
    assert [str(m) for m in response.context["messages"]] == [
        "Ensure this value has at most 500 characters (it has 501)."
    ]
    assert not models.AwardVote.objects.exists()


def test_an_empty_refusal_asks_for_the_reason(orgs, users, login):
    proposal = submitted(orgs, users)
    response = login(users.central).post(
        reverse("emulation:awardproposal_refuse", args=[proposal.pk]), {"reason": " "}, follow=True
    )
    assert [str(m) for m in response.context["messages"]] == ["Give the reason for the refusal."]


def test_a_refusal_too_long_says_so_on_the_page(orgs, users, login):
    proposal = submitted(orgs, users)
    response = login(users.central).post(
        reverse("emulation:awardproposal_refuse", args=[proposal.pk]),
        {"reason": "x" * 2001},
        follow=True,
    )
    assert [str(m) for m in response.context["messages"]] == [
        "Ensure this value has at most 2000 characters (it has 2001)."
    ]
    assert models.AwardProposal.objects.get(pk=proposal.pk).state == ProposalState.SUBMITTED


def test_a_revocation_reason_with_a_nul_byte_says_so_and_revokes_nothing(orgs, users, login):
    record = decision(orgs)
    response = login(users.central).post(
        reverse("emulation:awarddecision_revoke", args=[record.pk]),
        {"reason": "Sai\x00sót"},
        follow=True,
    )
    assert [str(m) for m in response.context["messages"]] == ["Null characters are not allowed."]
    assert not models.AwardDecision.objects.get(pk=record.pk).is_revoked


def test_deciding_a_refused_proposal_and_revoking_twice_are_refused(orgs, users, login):
    proposal = reviewed(orgs, users)
    services.refuse(proposal, "Chưa đủ tiêu chuẩn", by=users.admin)
    record = decision(orgs)
    client = login(users.central)
    response = client.post(
        f"/api/emulation/award-decisions/{record.pk}/decide/",
        {"proposals": [proposal.pk]},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert not record.recipients.exists()
    url = f"/api/emulation/award-decisions/{record.pk}/revoke/"
    assert (
        client.post(url, {"reason": "Sai sót"}, content_type="application/json").status_code == 200
    )
    response = client.post(url, {"reason": "Lần nữa"}, content_type="application/json")
    assert response.status_code == 400
    assert response.json() == {"detail": ["This decision has been revoked already."]}
    assert models.AwardDecision.objects.get(pk=record.pk).revocation_reason == "Sai sót"


@pytest.mark.parametrize(
    "proposals",
    [[], "abc", [HUGE], [-1], [1.5], [[1]], list(range(1, 502)), None],
)
def test_a_hostile_decide_body_is_a_400(orgs, users, login, proposals):
    record = decision(orgs)
    response = login(users.central).post(
        f"/api/emulation/award-decisions/{record.pk}/decide/",
        json.dumps({"proposals": proposals}).replace(f'"{HUGE}"', HUGE),
        content_type="application/json",
    )
    assert response.status_code == 400


@pytest.mark.parametrize(
    ("name", "content", "size_ok"),
    [
        ("virus.exe", b"MZ\x90\x00" + b"\x00" * 100, True),
        ("fake.pdf", b"<html><script>alert(1)</script></html>", True),
        ("empty.pdf", b"", True),
        ("\u202egpj.exe", b"%PDF-1.4\n", True),
    ],
)
def test_an_upload_of_the_wrong_type_is_refused_and_writes_nothing(
    orgs, users, login, name, content, size_ok
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    proposal = build.proposal(orgs, orgs.hanoi)
    response = login(users.hanoi).post(
        reverse("emulation:awardproposal_document", args=[proposal.pk]),
        {"kind": "submission", "upload": SimpleUploadedFile(name, content)},
        follow=True,
    )
    assert response.status_code == 200
    assert [m.level_tag for m in response.context["messages"]] == ["error"]
    assert not models.AwardDocument.objects.exists()


def test_an_upload_of_an_unknown_kind_is_refused(orgs, users, login):
    from django.core.files.uploadedfile import SimpleUploadedFile

    proposal = build.proposal(orgs, orgs.hanoi)
    response = login(users.hanoi).post(
        reverse("emulation:awardproposal_document", args=[proposal.pk]),
        {"kind": "\x00", "upload": SimpleUploadedFile("a.pdf", build.PDF)},
    )
    assert response.status_code == 302
    assert not models.AwardDocument.objects.exists()


def test_a_viewer_takes_no_step(orgs, users, login):
    proposal = build.proposal(orgs, orgs.hanoi)
    build.document(proposal)
    client = login(users.viewer)
    response = client.post(reverse("emulation:awardproposal_submit", args=[proposal.pk]))
    assert response.status_code == 403
    response = client.post(
        f"/api/emulation/award-proposals/{proposal.pk}/submit/", content_type="application/json"
    )
    assert response.status_code == 403
    assert models.AwardProposal.objects.get(pk=proposal.pk).state == ProposalState.DRAFT


def test_a_stale_version_of_a_proposal_is_refused(orgs, users, login):
    proposal = build.proposal(orgs, orgs.hanoi)
    client = login(users.hanoi)
    url = f"/api/emulation/award-proposals/{proposal.pk}/"
    stale = client.get(url).json()["version"]
    models.AwardProposal.objects.filter(pk=proposal.pk).update(version=stale + 1)
    response = client.patch(
        url, {"achievements": "Sửa", "version": stale}, content_type="application/json"
    )
    assert response.status_code in (400, 409)
    assert models.AwardProposal.objects.get(pk=proposal.pk).achievements != "Sửa"


@pytest.mark.parametrize("upload", [None, ""])
def test_the_document_form_without_a_file_is_the_form_again(orgs, users, login, upload):
    proposal = build.proposal(orgs, orgs.hanoi)
    data = {"proposal": proposal.pk, "kind": "submission", "title": "Tờ trình"}
    if upload is not None:
        data["upload"] = upload
    response = login(users.hanoi).post(reverse("emulation:awarddocument_add"), data)
    assert response.status_code == 200
    assert response.context["form"].errors["upload"] == ["This field is required."]
    assert not models.AwardDocument.objects.exists()


def test_the_document_form_with_a_file_of_the_wrong_type_says_so_beside_the_field(
    orgs, users, login
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    proposal = build.proposal(orgs, orgs.hanoi)
    response = login(users.hanoi).post(
        reverse("emulation:awarddocument_add"),
        {
            "proposal": proposal.pk,
            "kind": "submission",
            "upload": SimpleUploadedFile("virus.exe", b"MZ\x90\x00" + b"\x00" * 64),
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["upload"]
    assert not models.AwardDocument.objects.exists()


@pytest.mark.parametrize(
    "upload",
    [None, ("virus.exe", b"MZ\x90\x00" + b"\x00" * 64), ("fake.pdf", b"<html></html>")],
)
def test_the_api_refuses_a_document_without_a_file_or_of_the_wrong_type(orgs, users, login, upload):
    from django.core.files.uploadedfile import SimpleUploadedFile

    proposal = build.proposal(orgs, orgs.hanoi)
    data = {"proposal": proposal.pk, "kind": "submission"}
    if upload is not None:
        data["file"] = SimpleUploadedFile(*upload)
    response = login(users.hanoi).post("/api/emulation/award-documents/", data)
    assert response.status_code == 400
    assert "file" in response.json()
    assert not models.AwardDocument.objects.exists()


def test_the_api_refuses_a_document_on_another_branchs_proposal(orgs, users, login):
    from django.core.files.uploadedfile import SimpleUploadedFile

    proposal = build.proposal(orgs, orgs.hanoi)
    response = login(users.danang).post(
        "/api/emulation/award-documents/",
        {
            "proposal": proposal.pk,
            "kind": "submission",
            "file": SimpleUploadedFile("a.pdf", build.PDF),
        },
    )
    assert response.status_code == 400
    assert not models.AwardDocument.objects.exists()


# --- the yearly review ----------------------------------------------------------------------------


def _review(orgs, organization, reviewer, **extra):
    return models.Review.objects.create(
        organization=organization,
        year=2025,
        reviewer=reviewer,
        assessment="well",
        proposal="keep",
        **extra,
    )


def test_deciding_a_review_twice_is_refused_with_a_message(orgs, users, login):
    review = _review(orgs, orgs.hanoi, orgs.central)
    client = login(users.central)
    url = reverse("emulation:review_decide", args=[review.pk])
    client.post(url, follow=True)
    response = client.post(url, follow=True)
    assert [str(m) for m in response.context["messages"]] == ["This review is decided already."]
    response = client.post(f"/api/emulation/reviews/{review.pk}/decide/")
    assert response.status_code == 400
    assert response.json() == ["This review is decided already."]


def test_a_unit_may_not_reopen_a_decided_review(orgs, users, login):
    review = _review(orgs, orgs.hanoi_member, orgs.hanoi)
    client = login(users.hanoi)
    client.post(reverse("emulation:review_decide", args=[review.pk]))
    assert models.Review.objects.get(pk=review.pk).is_decided
    assert client.post(reverse("emulation:review_reopen", args=[review.pk])).status_code == 403
    response = client.post(f"/api/emulation/reviews/{review.pk}/reopen/")
    assert response.status_code == 403
    assert models.Review.objects.get(pk=review.pk).is_decided


def test_another_branchs_review_is_not_found(orgs, users, login):
    review = _review(orgs, orgs.hanoi_member, orgs.hanoi)
    client = login(users.danang)
    for name in ("review_decide", "review_reopen"):
        assert client.post(reverse(f"emulation:{name}", args=[review.pk])).status_code == 404
    assert client.get(review.get_absolute_url()).status_code == 404
    assert client.get(f"/api/emulation/reviews/{review.pk}/").status_code == 404
    assert client.post(f"/api/emulation/reviews/{review.pk}/decide/").status_code == 404
    assert not models.Review.objects.get(pk=review.pk).is_decided


def test_a_profile_of_another_branchs_organization_is_not_found(orgs, users, login):
    url = reverse("emulation:review_profile", args=[orgs.hanoi_member.pk])
    assert login(users.danang).get(url).status_code == 404
