"""`amity schedule`: run every app's daily jobs (the reminders of agreements, proposals and
reporting, the inbox's due-soon notices and digest) once a day. Run it from cron as often as
you like: a job already run today is skipped, so nothing is sent twice."""

from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from amity.inbox.jobs import run_all


class Command(BaseCommand):
    help = "Run each app's daily jobs, each once a day."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="List the jobs, run none.")
        parser.add_argument("--day", help="Record the runs on this day (YYYY-MM-DD).")

    def handle(self, *args, dry_run=False, day=None, **options):
        try:
            on = date.fromisoformat(day) if day else timezone.localdate()
        except ValueError as error:
            raise CommandError(f"--day: not a date (YYYY-MM-DD): {day!r}") from error
        outcome = run_all(on, self.stdout.write, dry_run=dry_run)
        for job, what in outcome.items():
            self.stdout.write(f"{job}: {what}")
        if "failed" in outcome.values():
            raise CommandError("Some jobs failed: they run again at the next `amity schedule`.")
