"""The answer's workflow, consultations and their bad input, the diff, the synthesis and its
files, the board's queries and the dashboard panel."""

import io
from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from amity.proposals import models, services
from amity.proposals.choices import AnswerState, ConsultationStatus, Position, ProposalStatus
from tests.proposals import builders

pytestmark = pytest.mark.django_db


def snapshot(record):
    fresh = type(record).all_objects.get(pk=record.pk)
    return {f.attname: getattr(fresh, f.attname) for f in fresh._meta.concrete_fields}


# --- the official answer --------------------------------------------------------------------


def test_answer_is_drafted_approved_and_published_with_history(orgs, users):
    proposal = builders.proposal(orgs, orgs.hanoi)
    services.draft_answer(proposal, "Liên hiệp sẽ tổ chức hai lớp tập huấn.", by=users.central)
    services.approve_answer(proposal, by=users.admin)
    published = services.publish_answer(proposal, by=users.central)
    fresh = models.Proposal.objects.get(pk=proposal.pk)
    assert [p.pk for p in published] == [proposal.pk]
    assert fresh.answer_state == AnswerState.PUBLISHED
    assert fresh.answer_text == "Liên hiệp sẽ tổ chức hai lớp tập huấn."
    assert (fresh.answer_drafted_by, fresh.answer_approved_by) == (users.central, users.admin)
    assert fresh.status == ProposalStatus.ANSWERED
    states = [h.answer_state for h in fresh.history.order_by("history_date")]
    assert states == ["", "draft", "approved", "published"]
    statuses = [h.status for h in fresh.history.order_by("history_date")]
    assert statuses == ["received", "under_review", "under_review", "answered"]
    assert fresh.history.latest().history_user == users.central


def test_an_answer_published_without_approval_is_refused(orgs, users):
    proposal = builders.proposal(orgs, orgs.hanoi)
    services.draft_answer(proposal, "Bản nháp", by=users.central)
    before = snapshot(proposal)
    with pytest.raises(services.WorkflowRefused, match="approved"):
        services.publish_answer(proposal, by=users.central)
    assert snapshot(proposal) == before


def test_the_database_refuses_a_published_answer_without_approval(orgs):
    proposal = builders.proposal(orgs, orgs.hanoi)
    proposal.answer_state = AnswerState.PUBLISHED
    with pytest.raises(ValidationError) as error:
        proposal.full_clean()
    assert "answer_state" in error.value.message_dict


def test_redrafting_an_approved_answer_needs_a_new_approval(orgs, users):
    proposal = builders.proposal(orgs, orgs.hanoi)
    services.draft_answer(proposal, "Một", by=users.central)
    services.approve_answer(proposal, by=users.admin)
    services.draft_answer(proposal, "Hai", by=users.central)
    fresh = models.Proposal.objects.get(pk=proposal.pk)
    assert (fresh.answer_state, fresh.answer_approved_by) == (AnswerState.DRAFT, None)


def test_the_proposer_may_neither_draft_nor_approve(orgs, users):
    proposal = builders.proposal(orgs, orgs.hanoi)
    before = snapshot(proposal)
    with pytest.raises(PermissionDenied):
        services.draft_answer(proposal, "Tự trả lời", by=users.hanoi)
    with pytest.raises(PermissionDenied):
        services.approve_answer(proposal, by=users.hanoi)
    assert snapshot(proposal) == before


def test_a_group_is_answered_together(orgs, users):
    first = builders.proposal(orgs, orgs.hanoi, 1)
    second = builders.proposal(orgs, orgs.danang, 2)
    first.related.add(second)
    services.draft_answer(first, "Trả lời chung", by=users.central)
    services.approve_answer(first, by=users.admin)
    services.publish_answer(first, by=users.central, with_related=True)
    second.refresh_from_db()
    assert (second.answer_state, second.answer_text) == (AnswerState.PUBLISHED, "Trả lời chung")


def test_pages_of_the_workflow(client, orgs, users, login):
    proposal = builders.proposal(orgs, orgs.hanoi)
    login(users.central)
    url = reverse("proposals:proposal_answer", args=[proposal.pk])
    assert client.post(url, {"answer_text": "Đồng ý"}).status_code == 302
    publish = reverse("proposals:proposal_publish", args=[proposal.pk])
    response = client.post(f"{publish}?lang=en", follow=True)
    assert [str(m) for m in response.context["messages"]][-1] == (
        "An answer may be published only after a leader has approved it."
    )
    assert models.Proposal.objects.get(pk=proposal.pk).answer_state == AnswerState.DRAFT
    login(users.admin)  # another leader than the drafter approves
    client.post(reverse("proposals:proposal_approve", args=[proposal.pk]))
    login(users.central)
    client.post(publish)
    assert models.Proposal.objects.get(pk=proposal.pk).answer_state == AnswerState.PUBLISHED
    login(users.hanoi)
    page = client.get(reverse("proposals:mine"))
    assert "Đồng ý" in page.content.decode()
    assert client.post(url, {"answer_text": "x"}).status_code == 403
    login(users.danang)
    assert client.post(url, {"answer_text": "x"}).status_code == 404


def test_the_proposer_does_not_read_a_draft(client, orgs, users, login):
    proposal = builders.proposal(orgs, orgs.hanoi)
    services.draft_answer(proposal, "Bản nháp bí mật", by=users.central)
    login(users.hanoi)
    assert "Bản nháp bí mật" not in client.get(proposal.get_absolute_url()).content.decode()
    api = client.get(f"/api/proposals/proposals/{proposal.pk}/").json()
    assert api["answer_text"] == ""
    login(users.central)
    assert "Bản nháp bí mật" in client.get(proposal.get_absolute_url()).content.decode()


def test_api_publish_without_approval_is_400_and_changes_nothing(client, orgs, users, login):
    proposal = builders.proposal(orgs, orgs.hanoi)
    login(users.central)
    base = f"/api/proposals/proposals/{proposal.pk}"
    drafted = client.post(
        f"{base}/answer/", {"answer_text": "Trả lời"}, content_type="application/json"
    )
    assert drafted.status_code == 200
    before = snapshot(proposal)
    refused = client.post(f"{base}/publish/", {}, content_type="application/json")
    assert refused.status_code == 400
    assert "approved" in str(refused.json()["answer_state"])
    assert snapshot(proposal) == before
    patched = client.patch(
        f"{base}/",
        {"answer_state": "published", "version": before["version"]},
        content_type="application/json",
    )
    assert patched.status_code == 200
    assert models.Proposal.objects.get(pk=proposal.pk).answer_state == AnswerState.DRAFT


# --- proposals addressed outside the user's scope ------------------------------------------------


def test_a_proposal_raised_for_another_union_is_refused(client, orgs, users, login):
    login(users.hanoi)
    count = models.Proposal.all_objects.count()
    data = {
        "organization": orgs.danang.pk,
        "raised_on": "2024-04-19",
        "source": "letter",
        "topic": models.Topic.objects.get(code="name").pk,
        "title": "X",
        "text": "Y",
        "addressed_to": orgs.department.pk,
        "status": "received",
    }
    response = client.post(reverse("proposals:proposal_add"), data)
    assert response.status_code == 200
    assert "organization" in response.context["form"].errors
    api = client.post("/api/proposals/proposals/", data, content_type="application/json")
    assert api.status_code == 400
    assert "organization" in api.json()
    assert models.Proposal.all_objects.count() == count


def test_a_proposal_addressed_to_something_else_than_a_department_is_refused(
    client, orgs, users, login
):
    login(users.hanoi)
    count = models.Proposal.all_objects.count()
    data = {
        "organization": orgs.hanoi.pk,
        "raised_on": "2024-04-19",
        "source": "letter",
        "topic": models.Topic.objects.get(code="name").pk,
        "title": "X",
        "text": "Y",
        "addressed_to": orgs.danang.pk,
        "status": "received",
    }
    response = client.post(reverse("proposals:proposal_add"), data)
    assert response.status_code == 200
    assert "addressed_to" in response.context["form"].errors
    api = client.post("/api/proposals/proposals/", data, content_type="application/json")
    assert api.status_code == 400 and "addressed_to" in api.json()
    assert models.Proposal.all_objects.count() == count


def test_the_addressed_department_sees_and_the_other_union_does_not(orgs, users):
    proposal = builders.proposal(orgs, orgs.hanoi)
    department_officer = builders_user(orgs)
    assert models.Proposal.objects.visible_to(department_officer).filter(pk=proposal.pk).exists()
    assert not models.Proposal.objects.visible_to(users.danang).filter(pk=proposal.pk).exists()
    assert models.Proposal.objects.editable_by(department_officer).filter(pk=proposal.pk).exists()


def builders_user(orgs):
    from amity.accounts.choices import Role
    from tests.conftest import make_user

    return make_user("department", Role.UNIT_OFFICER, orgs.department)


# --- consultations ------------------------------------------------------------------------------


def charter(orgs, **extra):
    consultation = builders.consultation(orgs.central, **extra)
    consultation.organizations_asked.set([orgs.hanoi, orgs.danang])
    first = builders.article(consultation, 1, "Liên hiệp là tổ chức chính trị - xã hội.")
    second = builders.article(consultation, 2, "Trụ sở đặt tại Hà Nội.")
    return consultation, first, second


def answers(first, second):
    return [
        services.ArticleAnswer(
            first.pk,
            Position.AMEND,
            "Liên hiệp là tổ chức chính trị - xã hội nghề nghiệp.",
            "Rõ hơn",
        ),
        services.ArticleAnswer(second.pk, Position.AGREE),
    ]


def test_a_response_is_recorded_article_by_article(orgs, users):
    consultation, first, second = charter(orgs)
    response = services.submit_response(
        consultation, orgs.hanoi, answers(first, second), by=users.hanoi, signed_by="Chủ tịch"
    )
    positions = {p.article_id: p.position for p in response.positions.all()}
    assert positions == {first.pk: Position.AMEND, second.pk: Position.AGREE}
    assert response.history.get().history_user == users.hanoi


def test_a_second_response_from_one_organization_is_refused(orgs, users):
    consultation, first, second = charter(orgs)
    services.submit_response(consultation, orgs.hanoi, answers(first, second), by=users.hanoi)
    with pytest.raises(ValidationError, match="already sent"):
        services.submit_response(consultation, orgs.hanoi, answers(first, second), by=users.hanoi)
    assert models.ConsultationResponse.all_objects.count() == 1
    assert models.ArticlePosition.all_objects.count() == 2


def test_a_response_to_a_closed_consultation_is_refused(orgs, users):
    consultation, first, second = charter(orgs, status=ConsultationStatus.CLOSED)
    with pytest.raises(ValidationError, match="closed"):
        services.submit_response(consultation, orgs.hanoi, answers(first, second), by=users.hanoi)
    late, *_ = charter(
        orgs, deadline=date.today() - timedelta(days=1), opens_on=date.today() - timedelta(days=30)
    )
    with pytest.raises(ValidationError, match="closed"):
        services.submit_response(late, orgs.hanoi, [], by=users.hanoi)
    assert models.ConsultationResponse.all_objects.count() == 0


def test_a_bad_article_answer_writes_nothing(orgs, users):
    consultation, first, second = charter(orgs)
    bad = [services.ArticleAnswer(first.pk, Position.AMEND, ""), *answers(first, second)[1:]]
    with pytest.raises(ValidationError):
        services.submit_response(consultation, orgs.hanoi, bad, by=users.hanoi)
    assert models.ConsultationResponse.all_objects.count() == 0
    assert models.ArticlePosition.all_objects.count() == 0


def test_an_organization_not_asked_may_not_respond(orgs, users):
    consultation, first, second = charter(orgs)
    consultation.organizations_asked.set([orgs.danang])
    with pytest.raises(ValidationError, match="not asked"):
        services.submit_response(consultation, orgs.hanoi, answers(first, second), by=users.hanoi)
    with pytest.raises(PermissionDenied):
        services.submit_response(consultation, orgs.danang, [], by=users.hanoi)


def test_the_response_page_records_and_refuses_a_second_time(client, orgs, users, login):
    consultation, first, second = charter(orgs)
    login(users.hanoi)
    url = reverse("proposals:consultation_respond", args=[consultation.pk])
    assert client.get(url).status_code == 200
    data = {
        "organization": orgs.hanoi.pk,
        "signed_by": "Chủ tịch",
        f"position_{first.pk}": "disagree",
        f"proposed_{first.pk}": first.text,
        f"comment_{first.pk}": "Giữ nguyên",
        f"position_{second.pk}": "agree",
        f"proposed_{second.pk}": second.text,
        f"comment_{second.pk}": "",
    }
    assert client.post(url, data).status_code == 302
    again = client.post(url, data)
    assert again.status_code == 403 or again.context["organization"] is None
    assert models.ConsultationResponse.objects.filter(consultation=consultation).count() == 1


def test_the_response_page_of_a_closed_consultation_says_so(client, orgs, users, login):
    consultation, first, second = charter(orgs)
    login(users.hanoi)
    url = reverse("proposals:consultation_respond", args=[consultation.pk])
    page = client.get(url)
    models.Consultation.objects.filter(pk=consultation.pk).update(status="closed")
    data = {
        "organization": orgs.hanoi.pk,
        f"position_{first.pk}": "agree",
        f"position_{second.pk}": "agree",
    }
    response = client.post(url, data)
    assert page.status_code == 200
    assert "closed" in response.content.decode() or "đóng" in response.content.decode()
    assert models.ConsultationResponse.all_objects.count() == 0


def test_api_refuses_a_response_to_a_closed_consultation_and_a_second_one(
    client, orgs, users, login
):
    consultation, *_ = charter(orgs)
    login(users.hanoi)
    data = {"consultation": consultation.pk, "organization": orgs.hanoi.pk}
    url = "/api/proposals/consultation-responses/"
    assert client.post(url, data, content_type="application/json").status_code == 201
    twice = client.post(url, data, content_type="application/json")
    assert twice.status_code == 400
    assert "already sent" in str(twice.json())
    models.Consultation.objects.filter(pk=consultation.pk).update(status="closed")
    login(users.danang)
    closed = client.post(
        url, {**data, "organization": orgs.danang.pk}, content_type="application/json"
    )
    assert closed.status_code == 400
    assert "closed" in str(closed.json())
    assert models.ConsultationResponse.all_objects.count() == 1


# --- diff, tracker, synthesis and its files -----------------------------------------------------


def test_the_word_diff_marks_removed_and_added_words_and_escapes():
    html = services.word_diff("Liên hiệp là tổ chức", "Liên hiệp là <b>một</b> tổ chức")
    assert html == "Liên hiệp là <ins>&lt;b&gt;một&lt;/b&gt;</ins> tổ chức"
    changed = services.word_diff("Trụ sở tại Hà Nội.", "Trụ sở tại Thủ đô Hà Nội & TP.")
    assert changed == "Trụ sở tại <ins>Thủ đô</ins> Hà <del>Nội.</del><ins>Nội &amp; TP.</ins>"
    assert services.word_diff("a b c", "a c") == "a <del>b</del> c"


def test_tracker_and_synthesis_matrix(orgs, users):
    consultation, first, second = charter(orgs)
    services.submit_response(consultation, orgs.hanoi, answers(first, second), by=users.hanoi)
    rows = services.tracker(consultation)
    assert [(row["organization"], row["response"] is not None) for row in rows] == [
        (orgs.hanoi, True),
        (orgs.danang, False),
    ]
    result = services.synthesis(consultation, users.central)
    matrix = [
        (row["article"].number, [c.position if c else None for c in row["cells"]], row["counts"])
        for row in result.rows()
    ]
    assert result.organizations == [orgs.hanoi]
    assert matrix == [
        (1, ["amend"], {"agree": 0, "disagree": 0, "amend": 1}),
        (2, ["agree"], {"agree": 1, "disagree": 0, "amend": 0}),
    ]
    assert services.synthesis(consultation, users.danang).organizations == []


def test_the_synthesis_files_open_back(client, orgs, users, login):
    consultation, first, second = charter(orgs)
    services.submit_response(consultation, orgs.hanoi, answers(first, second), by=users.hanoi)
    login(users.central)
    url = reverse("proposals:consultation_synthesis_xlsx", args=[consultation.pk])
    xlsx = client.get(url, {"lang": "en"})
    workbook = load_workbook(io.BytesIO(xlsx.content))
    matrix = list(workbook.worksheets[0].iter_rows(values_only=True))
    assert matrix == [
        ("Article", "Ha Noi Union", "Agree", "Disagree", "Proposes a wording"),
        ("Article 1. Điều 1", "Proposes a wording", 0, 0, 1),
        ("Article 2. Điều 2", "Agree", 1, 0, 0),
    ]
    details = list(workbook.worksheets[1].iter_rows(values_only=True))
    assert details[1][4] == "Liên hiệp là tổ chức chính trị - xã hội nghề nghiệp."
    assert details[1][5] == "Rõ hơn"
    docx = client.get(reverse("proposals:consultation_synthesis_docx", args=[consultation.pk]))
    text = "\n".join(p.text for p in Document(io.BytesIO(docx.content)).paragraphs)
    assert "Trụ sở đặt tại Hà Nội." in text
    assert "Liên hiệp là tổ chức chính trị - xã hội nghề nghiệp." in text
    login(users.danang)
    page = client.get(consultation.get_absolute_url(), {"tab": "synthesis"})
    assert page.status_code == 200 and page.context["synthesis"].organizations == []


def test_consultation_tabs_answer(client, orgs, users, login):
    consultation, first, second = charter(orgs)
    services.submit_response(consultation, orgs.hanoi, answers(first, second), by=users.hanoi)
    login(users.central)
    for tab in ("overview", "tracker", "synthesis"):
        assert client.get(consultation.get_absolute_url(), {"tab": tab}).status_code == 200
    response = models.ConsultationResponse.objects.get()
    page = client.get(response.get_absolute_url()).content.decode()
    assert "xã <del>hội.</del><ins>hội nghề nghiệp.</ins>" in page


# --- the board ----------------------------------------------------------------------------------


def _queries(client, url):
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def test_the_board_groups_by_status_and_marks_the_overdue(client, orgs, users, login):
    late = builders.proposal(orgs, orgs.hanoi, 1, due_on=date.today() - timedelta(days=3))
    builders.proposal(
        orgs, orgs.hanoi, 2, status=ProposalStatus.DONE, due_on=date.today() - timedelta(days=3)
    )
    models.StatusLabel.objects.create(
        organization=orgs.central, status="received", label_vi="Mới nhận"
    )
    login(users.hanoi)
    response = client.get(reverse("proposals:board"))
    columns = {column["status"]: column for column in response.context["columns"]}
    assert columns["received"]["label"] == "Mới nhận"
    assert [card["id"] for card in columns["received"]["rows"]] == [late.pk]
    assert columns["done"]["count"] == 1
    assert response.content.decode().count("list-group-item-danger") == 1


def test_the_board_queries_do_not_grow_with_rows(settings, client, orgs, users, login):
    for index in range(3):
        builders.proposal(orgs, orgs.hanoi, index, due_on=date(2024, 6, 1))
    for role in (users.central, users.hanoi):
        login(role)
        few = _queries(client, reverse("proposals:board"))
        for index in range(3, 40):
            builders.proposal(
                orgs,
                orgs.hanoi,
                index,
                due_on=date(2024, 6, 1),
                status=ProposalStatus.ACCEPTED if index % 2 else "received",
            )
        assert _queries(client, reverse("proposals:board")) == few
        assert _queries(client, reverse("proposals:mine")) <= few + 2


# --- the dashboard ------------------------------------------------------------------------------


def test_the_dashboard_panel_lists_what_awaits_an_answer(client, orgs, users, login):
    late = builders.proposal(orgs, orgs.hanoi, 1, due_on=date.today() - timedelta(days=1))
    login(users.central)
    panels = {p.panel.key: p.data for p in client.get("/").context["panels"]}
    data = panels["proposals.awaiting_answer"]
    assert (data["count"], data["overdue"]) == (1, 1)
    assert [p.pk for p in data["rows"]] == [late.pk]
    login(users.hanoi)
    panels = {p.panel.key: p.data for p in client.get("/").context["panels"]}
    assert "proposals.awaiting_answer" not in panels
