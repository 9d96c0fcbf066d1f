"""Consultation reminders: e-mailed to the officers of the organizations that have not responded,
before the deadline and once after it, never twice a day; shown on their home page."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation

from amity.accounts.choices import Role
from amity.proposals import reminders, services
from amity.proposals.choices import ConsultationStatus
from amity.proposals.models import Consultation
from tests.conftest import make_user
from tests.proposals import builders

pytestmark = pytest.mark.django_db

DEADLINE = date(2024, 3, 20)


@pytest.fixture
def charter(orgs, users):
    """The Charter consultation, asked of Ha Noi and Da Nang, deadline 20 March 2024 with a
    reminder 5 days before; Ha Noi has two officers with an address, Da Nang one."""
    consultation = builders.consultation(
        orgs.central, opens_on=date(2024, 3, 1), deadline=DEADLINE, remind_days_before=5
    )
    consultation.organizations_asked.set([orgs.hanoi, orgs.danang])
    users.hanoi.email = "hanoi@example.org"
    users.hanoi.save()
    users.danang.email = "danang@example.org"
    users.danang.save()
    make_user("hanoi2", Role.UNIT_OFFICER, orgs.hanoi, email="hanoi2@example.org")
    # neither a viewer nor an officer without an address is written to
    users.hanoi_viewer.email = "leader@example.org"
    users.hanoi_viewer.save()
    return consultation


@pytest.fixture
def on_day(monkeypatch):
    def set_today(day):
        monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: day)

    return set_today


def run(*args) -> str:
    from io import StringIO

    out = StringIO()
    call_command("proposals_reminders", *args, stdout=out)
    return out.getvalue()


def test_no_reminder_before_the_reminder_window(charter, on_day):
    on_day(DEADLINE - timedelta(days=6))
    assert "Reminders sent: 0" in run()
    assert mail.outbox == []
    charter.refresh_from_db()
    assert charter.last_reminded_on is None


def test_before_the_deadline_each_late_organization_is_reminded_once_a_day(charter, orgs, on_day):
    builders.response(charter, orgs.danang)
    day = DEADLINE - timedelta(days=5)
    on_day(day)
    assert "Reminders sent: 1" in run("--base-url", "https://amity.example/")
    assert [message.to for message in mail.outbox] == [["hanoi2@example.org", "hanoi@example.org"]]
    message = mail.outbox[0]
    assert str(charter) in message.subject
    assert "20/03/2024" in message.subject
    assert f"https://amity.example{charter.get_absolute_url()}" in message.body
    charter.refresh_from_db()
    assert charter.last_reminded_on == day
    # the same day again: nothing more
    assert "Reminders sent: 0" in run()
    assert len(mail.outbox) == 1
    # the next day, and on the deadline itself, again
    on_day(day + timedelta(days=1))
    run()
    on_day(DEADLINE)
    run()
    assert len(mail.outbox) == 3


def test_after_the_deadline_one_notice_only(charter, orgs, on_day):
    on_day(DEADLINE)
    run()
    assert len(mail.outbox) == 2  # Ha Noi and Da Nang
    mail.outbox.clear()
    on_day(DEADLINE + timedelta(days=1))
    assert "Reminders sent: 2" in run()
    assert sorted(tuple(message.to) for message in mail.outbox) == [
        ("danang@example.org",),
        ("hanoi2@example.org", "hanoi@example.org"),
    ]
    # the e-mails go out in the federation's language
    assert all("đã đóng mà chưa có ý kiến" in message.subject for message in mail.outbox)
    danang = next(m for m in mail.outbox if m.to == ["danang@example.org"])
    with translation.override("vi"):  # the e-mails are written in the system's language
        assert f"mà chưa có ý kiến của {orgs.danang}" in danang.body
    on_day(DEADLINE + timedelta(days=2))
    assert "Reminders sent: 0" in run()
    assert len(mail.outbox) == 2


def test_no_notice_long_after_the_deadline_nor_for_a_closed_consultation(charter, orgs, on_day):
    on_day(DEADLINE + timedelta(days=reminders.AFTER_DEADLINE_DAYS + 1))
    run()
    on_day(DEADLINE - timedelta(days=1))
    Consultation.objects.filter(pk=charter.pk).update(status=ConsultationStatus.CLOSED)
    run()
    assert mail.outbox == []


def test_a_dry_run_sends_and_marks_nothing(charter, on_day):
    on_day(DEADLINE - timedelta(days=2))
    assert "Reminders to send: 2" in run("--dry-run")
    assert mail.outbox == []
    charter.refresh_from_db()
    assert charter.last_reminded_on is None


def test_remind_late_claims_the_day(charter, orgs):
    day = DEADLINE - timedelta(days=1)
    assert services.remind_late(charter, day) == [orgs.hanoi, orgs.danang]
    assert services.remind_late(charter, day) == []
    charter.refresh_from_db()
    assert charter.last_reminded_on == day
    assert reminders.claim(charter, day) is False
    assert reminders.claim(charter, day + timedelta(days=1)) is True


def test_the_home_page_shows_the_consultations_awaiting_the_users_opinion(
    client, login, orgs, users
):
    today = timezone.localdate()
    soon = builders.consultation(
        orgs.central, 1, opens_on=today - timedelta(days=3), deadline=today + timedelta(days=2)
    )
    soon.organizations_asked.set([orgs.hanoi, orgs.danang])
    answered = builders.consultation(
        orgs.central, 2, opens_on=today - timedelta(days=3), deadline=today + timedelta(days=2)
    )
    answered.organizations_asked.set([orgs.hanoi])
    builders.response(answered, orgs.hanoi)
    not_asked = builders.consultation(
        orgs.central, 3, opens_on=today - timedelta(days=3), deadline=today + timedelta(days=2)
    )
    not_asked.organizations_asked.set([orgs.danang])
    assert [due.consultation for due in reminders.awaiting_response(orgs.hanoi)] == [soon]
    login(users.hanoi)
    page = client.get("/").content.decode()
    assert "panel-proposals-consultations-awaiting" in page
    assert str(soon) in page
    assert str(answered) not in page and str(not_asked) not in page
    # a viewer is not asked to respond
    client.logout()
    login(users.hanoi_viewer)
    assert "panel-proposals-consultations-awaiting" not in client.get("/").content.decode()


def test_reporting_reminders_still_reach_the_officers_through_the_shared_helper(orgs, users):
    from amity.core.reminders import Reminder, officer_emails, send_reminders

    users.hanoi.email = "hanoi@example.org"
    users.hanoi.save()
    users.central.email = "central@example.org"
    users.central.save()
    assert officer_emails() == {orgs.hanoi.pk: ["hanoi@example.org"]}
    sent = send_reminders(
        [Reminder(orgs.hanoi.pk, "S", ["a", "b"]), Reminder(orgs.danang.pk, "T", ["c"])],
        officer_emails(),
    )
    assert [reminder.organization_id for reminder in sent] == [orgs.hanoi.pk]
    assert [(m.subject, m.body, m.to) for m in mail.outbox] == [
        ("S", "a\nb", ["hanoi@example.org"])
    ]
    assert reverse("proposals:consultation_list")
