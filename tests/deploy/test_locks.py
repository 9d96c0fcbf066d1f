"""Scheduled work claimed once per job and day (core/locks.py): the one caller that inserts the
day's row runs the job, every other skips it; a failed run is marked so and retried."""

from datetime import date

import pytest
from django.core.management import call_command

from amity.core.locks import already_run, run_once
from amity.core.models import ScheduledRun

pytestmark = pytest.mark.django_db
DAY = date(2026, 12, 7)


def test_only_the_first_caller_of_a_day_runs_the_job():
    with run_once("reporting_reminders", DAY) as first:
        pass
    with run_once("reporting_reminders", DAY) as second:
        pass
    with run_once("reporting_reminders", date(2026, 12, 8)) as next_day:
        pass
    with run_once("proposals_reminders", DAY) as other_job:
        pass
    assert (first, second, next_day, other_job) == (True, False, True, True)
    assert ScheduledRun.objects.filter(name="reporting_reminders").count() == 2


def test_a_failed_run_gives_the_day_back_to_the_next_caller():
    with pytest.raises(RuntimeError), run_once("agreements_reminders", DAY) as mine:
        assert mine
        raise RuntimeError("the mail server did not answer")
    assert not already_run("agreements_reminders", DAY)
    failed = ScheduledRun.objects.get(name="agreements_reminders", day=DAY)
    assert failed.succeeded is False and failed.finished_at is not None
    assert "RuntimeError: the mail server did not answer" in failed.output
    with run_once("agreements_reminders", DAY) as retry:
        assert retry
    assert already_run("agreements_reminders", DAY)


def test_the_reminder_commands_run_once_a_day_with_once(capsys):
    call_command("reporting_reminders", once=True)
    call_command("reporting_reminders", once=True)
    call_command("agreements_reminders", once=True)
    call_command("agreements_reminders", once=True)
    output = capsys.readouterr().out.splitlines()
    assert output == [
        "No report is due.",
        "reporting_reminders: already run today.",
        "Renewed: 0; expired: 0",
        "Nothing is due.",
        "agreements_reminders: already run today.",
    ]


def test_without_once_or_on_a_dry_run_nothing_is_claimed(capsys):
    call_command("reporting_reminders")
    call_command("proposals_reminders", once=True, dry_run=True)
    assert ScheduledRun.objects.count() == 0
    assert "already run" not in capsys.readouterr().out
