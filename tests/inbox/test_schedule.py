"""`amity schedule`: every app's daily jobs once a day, the digest last; and the due-soon
notices it sends."""

from datetime import date, timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from amity.core.models import ScheduledRun
from amity.inbox import jobs, services
from amity.inbox.models import Kind, Notification
from tests.proposals import builders as proposals

pytestmark = pytest.mark.django_db
DAY = date(2026, 12, 7)


def schedule(*args) -> str:
    out = StringIO()
    call_command("schedule", *args, stdout=out)
    return out.getvalue()


def test_the_jobs_are_each_apps_reminders_then_the_inbox_digest_last():
    assert jobs.job_names() == [
        "reporting_reminders",
        "proposals_reminders",
        "agreements_reminders",
        "inbox_due_soon",
        "inbox_digest",
    ]


def test_a_second_run_on_the_same_day_runs_nothing(users):
    users.hanoi.email = "hanoi@example.org"
    users.hanoi.save()
    services.notify([users.hanoi], Kind.ASSIGNED, "Hello")
    first = schedule("--day", DAY.isoformat())
    assert "inbox_digest: ran" in first and "reporting_reminders: ran" in first
    assert len(mail.outbox) == 1
    services.notify([users.hanoi], Kind.ASSIGNED, "Again")
    second = schedule("--day", DAY.isoformat())
    assert all(f"{job}: skipped" in second for job in jobs.job_names())
    assert len(mail.outbox) == 1
    assert ScheduledRun.objects.filter(day=DAY, succeeded=True).count() == 5
    schedule("--day", (DAY + timedelta(days=1)).isoformat())  # the next day: the new one
    assert len(mail.outbox) == 2


def test_a_failed_job_does_not_stop_the_others_and_runs_again(users, monkeypatch):
    calls = []

    def broken(*args, **kwargs):
        calls.append(args[0])
        if args[0] == "proposals_reminders" and calls.count("proposals_reminders") == 1:
            raise RuntimeError("SMTP down")

    monkeypatch.setattr(jobs, "call_command", broken)
    with pytest.raises(CommandError, match="Some jobs failed"):
        schedule("--day", DAY.isoformat())
    assert calls == jobs.job_names()
    run = ScheduledRun.objects.get(name="proposals_reminders", day=DAY)
    assert (run.succeeded, "SMTP down" in run.output) == (False, True)
    schedule("--day", DAY.isoformat())
    assert calls[len(jobs.job_names()) :] == ["proposals_reminders"]


def test_a_dry_run_runs_nothing():
    out = schedule("--dry-run", "--day", DAY.isoformat())
    assert "inbox_digest: to run" in out
    assert not ScheduledRun.objects.exists()


def test_a_day_that_is_no_date_is_refused():
    with pytest.raises(CommandError, match="not a date"):
        schedule("--day", "07/12/2026")


def test_due_soon_tells_a_week_before_and_on_the_day(orgs, users):
    today = timezone.localdate()
    week = proposals.consultation(orgs.central, index=1, deadline=today + timedelta(days=7))
    day = proposals.consultation(orgs.central, index=2, deadline=today)
    later = proposals.consultation(orgs.central, index=3, deadline=today + timedelta(days=3))
    for consultation in (week, day, later):
        consultation.organizations_asked.add(orgs.hanoi)
    assert services.notify_due_soon(today) == 2
    notes = Notification.objects.filter(recipient=users.hanoi, kind=Kind.DUE_SOON)
    assert sorted(note.params["what"] for note in notes) == sorted([str(week), str(day)])
    assert not Notification.objects.filter(recipient=users.danang).exists()
