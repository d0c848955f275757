"""Send the outbox now, for cron between daily sweeps: see README, "Background work"."""

from django.core.management.base import BaseCommand

from followthrough.notifications.presenters import send_words
from followthrough.notifications.services import outbox_send


class Command(BaseCommand):
    help = "Send what is waiting in the outbox, and try again what failed before. Safe to run as often as you like."

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, help="Send at most this many.")

    def handle(self, *args, limit=None, **options):
        self.stdout.write(send_words(outbox_send(limit=limit)))
