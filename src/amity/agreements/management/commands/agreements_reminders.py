"""`amity agreements_reminders`: run daily. It first renews (automatic renewal) or expires the
running agreements whose expiry has passed — so "expired" follows the date even for agreements
nobody saves — then e-mails the officers of each party of ours the agreements expiring in 90, 30
or 7 days and the reviews due in 7 days or today, through Django's e-mail backend."""

from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone, translation

from amity.agreements import services
from amity.core.locks import add_once_argument, once_a_day
from amity.core.reminders import Reminder, officer_emails, send_reminders


class Command(BaseCommand):
    help = "Renew or expire agreements by their dates, and remind their parties of what is due."

    def add_arguments(self, parser):
        add_once_argument(parser)
        parser.add_argument(
            "--dry-run", action="store_true", help="Print, change and send nothing."
        )
        parser.add_argument("--today", help="Run as on this day (YYYY-MM-DD).")

    @once_a_day("agreements_reminders")
    def handle(self, *args, dry_run=False, today=None, **options):
        day = self._day(today)
        if not dry_run:
            renewed, expired = services.follow_the_dates(day)
            self.stdout.write(f"Renewed: {renewed}; expired: {expired}")
        due = services.due_on(day)
        if not due:
            self.stdout.write("Nothing is due.")
            return
        reminders = self._reminders(due)
        recipients = officer_emails(reminder.organization_id for reminder in reminders)
        sent = send_reminders(reminders, recipients, dry_run=dry_run)
        self.stdout.write(f"Reminders {'to send' if dry_run else 'sent'}: {len(sent)}")

    @staticmethod
    def _day(text) -> date:
        if not text:
            return timezone.localdate()
        try:
            return date.fromisoformat(text)
        except ValueError as error:
            raise CommandError(f"--today: not a date (YYYY-MM-DD): {text!r}") from error

    @staticmethod
    def _reminders(due) -> list[Reminder]:
        """One reminder per organization of ours, every line of its agreements, in Vietnamese
        (the language of the system)."""
        parties = services.parties_of({item.agreement for item in due})
        lines: dict[int, list[str]] = {}
        with translation.override("vi"):
            for item in due:
                for organization_id in sorted(parties[item.agreement.pk]):
                    lines.setdefault(organization_id, []).append(f"- {item.line}")
            subject = "Amity: thỏa thuận sắp hết hạn hoặc đến kỳ đánh giá"
        return [Reminder(org, f"{subject} ({len(rows)})", rows) for org, rows in lines.items()]
