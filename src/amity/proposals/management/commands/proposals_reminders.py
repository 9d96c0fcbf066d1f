"""`amity proposals_reminders`: e-mail the officers of every organization asked for its opinion
and that has not responded, before the consultation's deadline and once after it, through
Django's e-mail backend. Run it daily: a consultation is reminded at most once a day."""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone, translation

from amity.core.locks import add_once_argument, once_a_day
from amity.core.reminders import officer_emails, send_reminders
from amity.proposals import reminders


class Command(BaseCommand):
    help = "E-mail the officers of each organization the consultations it has still to answer."

    def add_arguments(self, parser):
        add_once_argument(parser)
        parser.add_argument("--dry-run", action="store_true", help="Print, send nothing.")
        parser.add_argument(
            "--base-url", default="", help="The address of the application, for the links."
        )

    @once_a_day("proposals_reminders")
    def handle(self, *args, dry_run=False, base_url="", **options):
        today = timezone.localdate()
        base_url = base_url.rstrip("/")
        total = 0
        for consultation in reminders.consultations_to_remind(today).order_by("deadline", "id"):
            kind = reminders.reminder_kind(consultation, today)
            if not kind:
                continue
            with translation.override(settings.LANGUAGE_CODE):
                due = reminders.reminders_for(consultation, kind, base_url)
            if not due:
                continue
            # Claimed before sending: a second run the same day finds it reminded.
            if not dry_run and not reminders.claim(consultation, today):
                continue
            recipients = officer_emails({reminder.organization_id for reminder in due})
            sent = send_reminders(due, recipients, dry_run=dry_run)
            total += len(sent)
            self.stdout.write(f"{consultation} ({kind}): {len(sent)}")
        self.stdout.write(f"Reminders {'to send' if dry_run else 'sent'}: {total}")
