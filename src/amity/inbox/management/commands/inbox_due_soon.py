"""`amity inbox_due_soon`: notify each officer of the items of their inbox due in a week or
today (`amity schedule` runs it once a day; run by hand twice, it tells twice)."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from amity.inbox.services import notify_due_soon


class Command(BaseCommand):
    help = "Notify each officer of the items of their inbox due in a week or today."

    def handle(self, *args, **options):
        self.stdout.write(f"Notified: {notify_due_soon(timezone.localdate())}")
