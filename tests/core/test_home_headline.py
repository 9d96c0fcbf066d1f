"""The home page's headline (fault 8): a unit officer reads "Your report for the period … is due
on D" with a link to start the report or go on with the draft; the centre, a viewer, and an
officer whose report is in read none."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from amity.reporting.choices import SubmissionState
from tests.reporting.factories import form_with, period, submission

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture
def design(orgs):
    made = form_with(orgs.central, code="HALF")
    later = period(
        made.form, 2030, 2, opens_on=TODAY - timedelta(days=5), deadline=TODAY + timedelta(60)
    )
    sooner = period(
        made.form, 2030, 1, opens_on=TODAY - timedelta(days=90), deadline=TODAY + timedelta(20)
    )
    period(made.form, 2031, 1, opens_on=TODAY + timedelta(days=1), deadline=TODAY + timedelta(99))
    return made, sooner, later


def headlines(client, language="vi"):
    response = client.get(reverse("home"), {"lang": language})
    assert response.status_code == 200
    return response.context["headlines"], response.content.decode()


def test_a_unit_officer_is_told_which_report_is_due_and_when(client, users, login, design):
    made, sooner, _later = design
    login(users.hanoi)
    shown, page = headlines(client)
    deadline = sooner.deadline.strftime("%d/%m/%Y")
    assert [h["text"] for h in shown] == [
        f"Báo cáo kỳ “Sáu tháng đầu năm 2030” (Báo cáo HALF) của đơn vị phải nộp trước ngày "
        f"{deadline}."
    ]
    assert shown[0]["url"] == sooner.get_absolute_url()
    assert shown[0]["action"] == "Bắt đầu báo cáo"
    assert f'href="{sooner.get_absolute_url()}">Bắt đầu báo cáo' in page
    english, _page = headlines(client, "en")
    assert english[0]["text"] == (
        f"Your report for the period “First half of 2030” (Báo cáo HALF) is due on {deadline}."
    )


def test_a_draft_is_continued_and_a_report_sent_in_is_not_due(client, orgs, users, login, design):
    made, sooner, later = design
    draft = submission(orgs.hanoi, made.version, sooner, SubmissionState.DRAFT)
    login(users.hanoi)
    shown, _page = headlines(client)
    assert (shown[0]["url"], shown[0]["action"]) == (draft.get_absolute_url(), "Tiếp tục báo cáo")
    draft.state = SubmissionState.SUBMITTED
    draft.save()
    shown, _page = headlines(client)
    assert shown[0]["url"] == later.get_absolute_url()  # the next one
    submission(orgs.hanoi, made.version, later, SubmissionState.APPROVED)
    assert headlines(client)[0] == []


@pytest.mark.parametrize("who", ["central", "viewer", "hanoi_viewer"])
def test_whoever_writes_no_report_reads_no_headline(client, users, login, design, who):
    login(getattr(users, who))
    assert headlines(client)[0] == []


def test_another_unions_report_sent_in_does_not_hide_ones_draft(client, orgs, users, login, design):
    """Its draft for the period, Da Nang's approved report for the same period: Ha Noi's report
    is still due (one exclude() over both submissions took them for one, and the demo's Ha Noi
    read no headline)."""
    made, sooner, later = design
    draft = submission(orgs.hanoi, made.version, sooner, SubmissionState.DRAFT)
    submission(orgs.danang, made.version, sooner, SubmissionState.APPROVED)
    submission(orgs.danang, made.version, later, SubmissionState.SUBMITTED)
    login(users.hanoi)
    shown, _page = headlines(client)
    assert [(h["url"], h["action"]) for h in shown] == [
        (draft.get_absolute_url(), "Tiếp tục báo cáo")
    ]
    login(users.danang)  # Da Nang's own are in
    assert headlines(client)[0] == []


def test_the_reminders_see_the_same_reports_due(orgs, design):
    from amity.reporting.reminders import due_for

    made, sooner, later = design
    draft = submission(orgs.hanoi, made.version, sooner, SubmissionState.DRAFT)
    submission(orgs.danang, made.version, sooner, SubmissionState.APPROVED)
    on = later.deadline  # both deadlines within the reminders' window
    assert [(due.period, due.submission) for due in due_for(orgs.hanoi, on)] == [
        (sooner, draft),
        (later, None),
    ]
    assert [due.period for due in due_for(orgs.danang, on)] == [later]
    draft.state = SubmissionState.SUBMITTED
    draft.save()
    assert [due.period for due in due_for(orgs.hanoi, on)] == [later]
