"""The daily jobs `amity schedule` runs: each app's (`App.daily` in its `registry.py`: names of
management commands), then the inbox's own, the digest last so that it carries what the day's
jobs announced. Each job runs once a day: its `ScheduledRun` is claimed before it runs."""

from collections.abc import Callable
from datetime import date
from io import StringIO

from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.utils import timezone

from amity.core.registry import registry
from amity.inbox.models import ScheduledRun

#: the inbox's own jobs, after every app's
OWN_JOBS = ("inbox_due_soon", "inbox_digest")


def job_names() -> list[str]:
    names = [name for app in registry.apps() for name in app.daily]
    return [*dict.fromkeys([*names, *OWN_JOBS])]


def claim(job: str, day: date) -> ScheduledRun | None:
    """The run of `job` on `day`, created now; None when another run already claimed it (a
    failed run is claimed again: it is retried)."""
    try:
        with transaction.atomic():
            return ScheduledRun.objects.create(job=job, day=day)
    except IntegrityError:
        failed = ScheduledRun.objects.filter(
            job=job, day=day, succeeded=False, finished_at__isnull=False
        )
        if failed.update(started_at=timezone.now(), finished_at=None, output="") == 1:
            return ScheduledRun.objects.get(job=job, day=day)
        return None


def run_all(day: date, write: Callable[[str], None], *, dry_run: bool = False) -> dict[str, str]:
    """Run every job not yet run on `day`; what became of each ("ran", "skipped", "failed")."""
    outcome = {}
    for job in job_names():
        if dry_run:
            done = ScheduledRun.objects.filter(job=job, day=day, succeeded=True).exists()
            outcome[job] = "skipped" if done else "to run"
            continue
        run = claim(job, day)
        if run is None:
            outcome[job] = "skipped"
            continue
        output = StringIO()
        try:
            call_command(job, stdout=output, stderr=output)
            run.succeeded, outcome[job] = True, "ran"
        except Exception as error:  # one job's failure must not stop the others
            output.write(f"{type(error).__name__}: {error}\n")
            outcome[job] = "failed"
        run.finished_at, run.output = timezone.now(), output.getvalue()[-10000:]
        run.save(update_fields=["succeeded", "finished_at", "output"])
        write(f"{job}: {outcome[job]}\n{run.output}")
    return outcome
