"""Scheduled work that runs once across several application servers.

Every server may run the scheduler (a systemd timer or cron on each, `amity schedule`, or a
reminder command with `--once`): a job's run of a day is claimed by inserting its row
(`ScheduledRun`, unique per job and day). A second server's insert fails on the unique index: it
skips the run. A run that fails is marked so, with its error, and the next caller claims it
again, so that a failed run is done by the next one rather than lost; one that succeeded is
never run again that day. PostgreSQL's unique index does the locking; on SQLite the one write
lock does the same.
"""

import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from functools import wraps

from django.db import IntegrityError, transaction
from django.utils import timezone

from amity.core.models import ScheduledRun

#: what a run keeps of the job's output (its end: the error comes last)
OUTPUT_KEPT = 10_000


def claim(name: str, day: date) -> ScheduledRun | None:
    """The run of job `name` on `day`, claimed now by this caller; None when another caller
    holds it (running, or succeeded). A run that failed is claimed again: it is retried."""
    try:
        with transaction.atomic():
            return ScheduledRun.objects.create(name=name, day=day)
    except IntegrityError:
        failed = ScheduledRun.objects.filter(
            name=name, day=day, succeeded=False, finished_at__isnull=False
        )
        if failed.update(started_at=timezone.now(), finished_at=None, output="") == 1:
            return ScheduledRun.objects.get(name=name, day=day)
        return None


def finish(run: ScheduledRun, *, succeeded: bool, output: str = "") -> None:
    """Record how the claimed `run` ended, and what the job printed."""
    run.succeeded, run.finished_at = succeeded, timezone.now()
    run.output = output[-OUTPUT_KEPT:]
    run.save(update_fields=["succeeded", "finished_at", "output"])


@contextmanager
def run_once(name: str, day: date | None = None) -> Iterator[bool]:
    """`with run_once("reporting_reminders", today) as mine:` — `mine` is True for the one
    caller that is to do the job's run of `day` (today by default), False for every other. An
    exception in the block marks the run failed (the next caller retries it) and goes on."""
    run = claim(name, day or timezone.localdate())
    if run is None:
        yield False
        return
    try:
        yield True
    except BaseException:
        finish(run, succeeded=False, output=traceback.format_exc())
        raise
    finish(run, succeeded=True)


def already_run(name: str, day: date) -> bool:
    """Whether job `name` ran on `day` and succeeded."""
    return ScheduledRun.objects.filter(name=name, day=day, succeeded=True).exists()


def add_once_argument(parser) -> None:
    parser.add_argument(
        "--once",
        action="store_true",
        help="Run only if no other server has run this today (the scheduler on every server).",
    )


def once_a_day(name: str):
    """A management command's `handle` that, given `--once`, does the day's run only on the
    first server to claim it (see run_once); a dry run is never claimed."""

    def decorate(handle):
        @wraps(handle)
        def wrapper(command, *args, **options):
            if not options.get("once") or options.get("dry_run"):
                return handle(command, *args, **options)
            with run_once(name) as mine:
                if not mine:
                    command.stdout.write(f"{name}: already run today.")
                    return None
                return handle(command, *args, **options)

        return wrapper

    return decorate
