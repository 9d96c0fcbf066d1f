"""`amity reporting_reminders`: e-mail every organization's officers the reports it still owes
(before the deadline and after it), through Django's e-mail backend."""

from django.core.management.base import BaseCommand
from django.utils import translation

from amity.core.locks import add_once_argument, once_a_day
from amity.core.reminders import Reminder, officer_emails, send_reminders
from amity.organizations.models import Organization
from amity.reporting.reminders import due_for, periods_due


class Command(BaseCommand):
    help = "E-mail the officers of each organization the reports it has still to submit."

    def add_arguments(self, parser):
        add_once_argument(parser)
        parser.add_argument("--dry-run", action="store_true", help="Print, send nothing.")

    @once_a_day("reporting_reminders")
    def handle(self, *args, dry_run=False, **options):
        if not periods_due().exists():
            self.stdout.write("No report is due.")
            return
        recipients = officer_emails()
        reminders = []
        for organization in Organization.objects.filter(pk__in=list(recipients)):
            due = due_for(organization)
            if not due:
                continue
            with translation.override("vi"):
                lines = [
                    f"- {d.period.form} — {d.period.label}: hạn {d.period.deadline:%d/%m/%Y}"
                    + (" (quá hạn)" if d.overdue else "")
                    for d in due
                ]
                subject = f"Amity: {len(due)} báo cáo cần nộp"
            reminders.append(Reminder(organization.pk, subject, lines))
            self.stdout.write(f"{organization}: {len(due)}")
        sent = send_reminders(reminders, recipients, dry_run=dry_run)
        self.stdout.write(f"Reminders {'to send' if dry_run else 'sent'}: {len(sent)}")
