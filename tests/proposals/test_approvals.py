"""The leaders' approval of the answers: the page of drafted answers, approve or send back with a
reason, the steps kept in the history, and the proposer reading only an approved, published
answer (page, history, export, API)."""

import csv
import io
from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from amity.accounts.choices import Role
from amity.proposals import models, services
from amity.proposals.choices import AnswerState
from tests.conftest import make_user
from tests.proposals import builders

pytestmark = pytest.mark.django_db

DRAFT = "Ban Tổ chức đề xuất mở hai lớp tập huấn."


@pytest.fixture
def drafter(orgs):
    """An officer of the department: drafts the answers, is no leader."""
    return make_user("department", Role.UNIT_OFFICER, orgs.department)


@pytest.fixture
def drafted(orgs, drafter):
    proposal = builders.proposal(orgs, orgs.hanoi, 1, due_on=date.today() + timedelta(days=5))
    return services.draft_answer(proposal, DRAFT, by=drafter)


def state_of(proposal):
    fresh = models.Proposal.objects.get(pk=proposal.pk)
    return fresh.answer_state, fresh.answer_returned_reason, fresh.answer_approved_by


def test_the_page_lists_the_drafted_answers_to_a_leader_only(
    client, login, orgs, users, drafted, drafter
):
    late = builders.proposal(orgs, orgs.danang, 2, due_on=date.today() - timedelta(days=1))
    services.draft_answer(late, "Trả lời Đà Nẵng", by=drafter)
    approved = builders.proposal(orgs, orgs.hanoi, 3)
    services.draft_answer(approved, "Đã duyệt", by=drafter)
    services.approve_answer(approved, by=users.central)
    builders.proposal(orgs, orgs.hanoi, 4)  # no answer yet
    url = reverse("proposals:approvals")
    login(users.central)
    response = client.get(url)
    assert response.status_code == 200
    assert [p.pk for p in response.context["page"]] == [late.pk, drafted.pk]  # soonest due first
    page = response.content.decode()
    assert DRAFT in page and "Đã duyệt" not in page
    for user in (users.hanoi, users.danang, users.viewer, users.hanoi_viewer, drafter):
        client.logout()
        login(user)
        assert client.get(url).status_code == 403, user


def test_a_leader_approves_from_the_page_and_comes_back_to_it(client, login, users, drafted):
    login(users.central)
    url = reverse("proposals:approvals")
    response = client.post(
        reverse("proposals:proposal_approve", args=[drafted.pk]), {"next": f"{url}?page=1"}
    )
    assert response.status_code == 302
    assert response["Location"] == f"{url}?page=1"
    assert state_of(drafted) == (AnswerState.APPROVED, "", users.central)
    assert list(client.get(url).context["page"]) == []


def test_a_leader_sends_the_answer_back_with_a_reason_kept_in_the_history(
    client, login, users, drafted, drafter
):
    login(users.central)
    response = client.post(
        reverse("proposals:proposal_return", args=[drafted.pk]),
        {"reason": "  Nêu rõ thời gian mở lớp.  ", "next": reverse("proposals:approvals")},
    )
    assert response["Location"] == reverse("proposals:approvals")
    assert state_of(drafted) == (AnswerState.RETURNED, "Nêu rõ thời gian mở lớp.", None)
    latest = models.Proposal.objects.get(pk=drafted.pk).history.latest()
    assert (latest.history_user, latest.answer_state) == (users.central, AnswerState.RETURNED)
    # the department sees why, redrafts, the leader approves, the department publishes
    client.logout()
    login(drafter)
    page = client.get(drafted.get_absolute_url()).content.decode()
    assert "Nêu rõ thời gian mở lớp." in page
    services.draft_answer(drafted, "Mở lớp vào tháng 9.", by=drafter)
    assert state_of(drafted) == (AnswerState.DRAFT, "", None)
    services.approve_answer(drafted, by=users.admin)
    services.publish_answer(drafted, by=drafter)
    steps = services.answer_reviews(models.Proposal.objects.get(pk=drafted.pk))
    assert [(s["state"], s["user"], s["reason"]) for s in steps] == [
        (AnswerState.DRAFT, drafter, ""),
        (AnswerState.RETURNED, users.central, "Nêu rõ thời gian mở lớp."),
        (AnswerState.DRAFT, drafter, ""),
        (AnswerState.APPROVED, users.admin, ""),
        (AnswerState.PUBLISHED, drafter, ""),
    ]
    page = client.get(drafted.get_absolute_url()).content.decode()
    assert 'id="answer-reviews"' in page


def test_sending_back_without_a_reason_or_by_no_leader_changes_nothing(
    client, login, users, drafted, drafter
):
    url = reverse("proposals:proposal_return", args=[drafted.pk])
    login(users.central)
    response = client.post(url, {"reason": "   "}, follow=True)
    assert [str(m) for m in response.context["messages"]] == ["Say why the answer is sent back."]
    assert state_of(drafted) == (AnswerState.DRAFT, "", None)
    client.logout()
    login(drafter)
    assert client.post(url, {"reason": "Tự trả lại"}).status_code == 403
    assert client.post(reverse("proposals:proposal_approve", args=[drafted.pk])).status_code == 403
    assert state_of(drafted) == (AnswerState.DRAFT, "", None)
    # out of the proposer's scope: not even seen
    client.logout()
    login(users.danang)
    assert client.post(url, {"reason": "x"}).status_code == 404
    assert state_of(drafted) == (AnswerState.DRAFT, "", None)


def test_only_a_drafted_answer_is_sent_back(users, drafted):
    services.approve_answer(drafted, by=users.central)
    with pytest.raises(services.WorkflowRefused, match="no drafted answer"):
        services.return_answer(drafted, "Muộn", by=users.central)
    assert state_of(drafted) == (AnswerState.APPROVED, "", users.central)


def test_the_next_address_must_be_ours(client, login, users, drafted):
    login(users.central)
    response = client.post(
        reverse("proposals:proposal_approve", args=[drafted.pk]),
        {"next": "https://elsewhere.example/"},
    )
    assert response["Location"] == drafted.get_absolute_url()


def exported_answers(client) -> dict[str, str]:
    response = client.get(reverse("proposals:proposal_list"), {"export": "csv"})
    rows = csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")))
    return {row["title"]: row["answer_text"] for row in rows}


def test_the_proposer_reads_only_an_approved_published_answer(
    client, login, orgs, users, drafted, drafter
):
    services.return_answer(drafted, "Lý do nội bộ", by=users.central)
    services.draft_answer(drafted, DRAFT, by=drafter)
    api = reverse("api:proposal-detail", args=[drafted.pk])
    login(users.hanoi)

    def proposer_reads():
        page = client.get(drafted.get_absolute_url()).content.decode()
        history = client.get(reverse("proposals:proposal_history", args=[drafted.pk]))
        data = client.get(api).json()
        return {
            "page": DRAFT in page,
            "reason": "Lý do nội bộ" in page + history.content.decode(),
            "history": DRAFT in history.content.decode(),
            "export": exported_answers(client)[drafted.title] == DRAFT,
            "api": (data["answer_text"], data["answer_returned_reason"]) == (DRAFT, ""),
        }

    assert proposer_reads() == dict.fromkeys(("page", "reason", "history", "export", "api"), False)
    services.approve_answer(drafted, by=users.central)  # approved, not yet published
    assert proposer_reads()["page"] is False
    services.publish_answer(drafted, by=drafter)
    # the answer is read on the page; the history says when it was published, and keeps the
    # drafts' wordings (and why one was sent back) to the department and the leaders
    assert proposer_reads() == {
        "page": True,
        "reason": False,
        "history": False,
        "export": True,
        "api": True,
    }
    history = client.get(reverse("proposals:proposal_history", args=[drafted.pk]))
    assert '<span class="diff-new">Published</span>' in history.content.decode()
    # the department reads its draft everywhere
    other = builders.proposal(orgs, orgs.hanoi, 9)
    services.draft_answer(other, "Nháp khác", by=drafter)
    client.logout()
    login(drafter)
    assert exported_answers(client)[other.title] == "Nháp khác"
    assert client.get(reverse("api:proposal-detail", args=[other.pk])).json()["answer_text"] == (
        "Nháp khác"
    )


def test_the_api_sends_back_with_a_reason(client, login, users, drafted, drafter):
    url = reverse("api:proposal-send-back", args=[drafted.pk])
    login(drafter)
    assert client.post(url, {"reason": "x"}, content_type="application/json").status_code == 403
    client.logout()
    login(users.central)
    missing = client.post(url, {}, content_type="application/json")
    assert missing.status_code == 400
    assert state_of(drafted) == (AnswerState.DRAFT, "", None)
    response = client.post(url, {"reason": "Bổ sung số liệu"}, content_type="application/json")
    assert response.status_code == 200
    assert response.json()["answer_state"] == "returned"
    assert response.json()["answer_returned_reason"] == "Bổ sung số liệu"
    again = client.post(url, {"reason": "Lần hai"}, content_type="application/json")
    assert again.status_code == 400
    assert state_of(drafted) == (AnswerState.RETURNED, "Bổ sung số liệu", None)


def test_the_leaders_home_page_counts_the_answers_to_approve(client, login, users, drafted):
    login(users.central)
    panels = {p.panel.key: p.data for p in client.get("/").context["panels"]}
    assert panels["proposals.answers_to_approve"]["count"] == 1
    assert [p.pk for p in panels["proposals.answers_to_approve"]["rows"]] == [drafted.pk]
    client.logout()
    login(users.hanoi)
    panels = {p.panel.key for p in client.get("/").context["panels"]}
    assert "proposals.answers_to_approve" not in panels


def test_the_approvals_page_queries_do_not_grow_with_rows(
    settings, client, login, orgs, users, drafter
):
    login(users.central)

    def queries():
        with CaptureQueriesContext(connection) as context:
            assert client.get(reverse("proposals:approvals")).status_code == 200
        return len(context.captured_queries)

    services.draft_answer(builders.proposal(orgs, orgs.hanoi, 0), "Một", by=drafter)
    few = queries()
    for index in range(1, 15):
        owner = orgs.hanoi if index % 2 else orgs.danang
        services.draft_answer(builders.proposal(orgs, owner, index), f"Trả lời {index}", by=drafter)
    assert queries() == few
