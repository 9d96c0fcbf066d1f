"""Scheduled work that runs once across several application servers.

Every server may run the scheduler (a systemd timer or cron on each, or `amity schedule`): a
job's run of a day is claimed by inserting its row (`ScheduledRun`, unique per job and day) in
the transaction that does the work. A second server's insert waits on the unique index until
the first commits, then fails: it skips the run. If the first fails, its transaction rolls the
row back and the other server's insert goes through, so a failed run is done by the next one
rather than lost. PostgreSQL does the locking; on SQLite the one write lock does the same.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from functools import wraps

from django.db import IntegrityError, transaction
from django.utils import timezone

from amity.core.models import ScheduledRun


@contextmanager
def run_once(name: str, day: date | None = None) -> Iterator[bool]:
    """`with run_once("reporting_reminders", today) as mine:` — `mine` is True for the one
    caller that is to do the job's run of `day` (today by default), False for every other.

    The block runs in a transaction holding the claim: what it writes is committed with it."""
    day = day or timezone.localdate()
    with transaction.atomic():
        try:
            with transaction.atomic():
                ScheduledRun.objects.create(name=name, day=day)
        except IntegrityError:
            claimed = False
        else:
            claimed = True
        yield claimed


def already_run(name: str, day: date) -> bool:
    return ScheduledRun.objects.filter(name=name, day=day).exists()


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
