"""`amity inbox_digest`: e-mail each user who chose the daily digest their unread notifications
not e-mailed yet (`amity schedule` runs it once a day)."""

from django.core.management.base import BaseCommand

from amity.inbox.emails import send_digest


class Command(BaseCommand):
    help = "E-mail the daily digest of the notifications."

    def handle(self, *args, **options):
        self.stdout.write(f"Digests sent: {send_digest()}")
