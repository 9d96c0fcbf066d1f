"""The daily jobs `amity schedule` runs: each app's (`App.daily` in its `registry.py`: names of
management commands), then the inbox's own, the digest last so that it carries what the day's
jobs announced. Each job runs once a day: its `core.ScheduledRun` is claimed before it runs
(`core.locks`), so that the scheduler may run on every application server."""

from collections.abc import Callable
from datetime import date
from io import StringIO

from django.core.management import call_command

from amity.core.locks import already_run, claim, finish
from amity.core.registry import registry

#: the inbox's own jobs, after every app's
OWN_JOBS = ("inbox_due_soon", "inbox_digest")


def job_names() -> list[str]:
    names = [name for app in registry.apps() for name in app.daily]
    return [*dict.fromkeys([*names, *OWN_JOBS])]


def run_all(day: date, write: Callable[[str], None], *, dry_run: bool = False) -> dict[str, str]:
    """Run every job not yet run on `day`; what became of each ("ran", "skipped", "failed")."""
    outcome = {}
    for job in job_names():
        if dry_run:
            outcome[job] = "skipped" if already_run(job, day) else "to run"
            continue
        run = claim(job, day)
        if run is None:
            outcome[job] = "skipped"
            continue
        output = StringIO()
        try:
            call_command(job, stdout=output, stderr=output)
            outcome[job] = "ran"
        except Exception as error:  # one job's failure must not stop the others
            output.write(f"{type(error).__name__}: {error}\n")
            outcome[job] = "failed"
        finish(run, succeeded=outcome[job] == "ran", output=output.getvalue())
        write(f"{job}: {outcome[job]}\n{run.output}")
    return outcome
