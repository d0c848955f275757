"""The daily sweep, for cron (or the task worker's `sweep_deadlines_task`): see README, "Background work"."""

import argparse
import datetime

from django.core.management.base import BaseCommand, CommandError

from followthrough.core.formatting import plural, weekday_date
from followthrough.notifications.presenters import SweepRunPresenter, send_words
from followthrough.notifications.services import outbox_send, sweep_run, sweep_today


def iso_date(value):
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        message = f"Enter the date as YYYY-MM-DD, for example 2021-05-26, not {value!r}"
        raise argparse.ArgumentTypeError(message) from None


class Command(BaseCommand):
    help = (
        "Run each sweeper in the SWEEPERS setting for a day (marking what is overdue and queuing reminders), then "
        "send the outbox. Safe to run more than once a day: nothing is changed or sent twice."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--on", type=iso_date, help="The day to sweep for, as YYYY-MM-DD. Today in London if not given."
        )
        parser.add_argument("--no-send", action="store_true", help="Queue emails but do not send them.")

    def handle(self, *args, on=None, no_send=False, **options):
        on = on or sweep_today()
        self.stdout.write(f"Sweeping for {weekday_date(on)}.")
        run = sweep_run(on=on)
        for line in SweepRunPresenter(run).lines():
            self.stdout.write(line)
        if no_send:
            self.stdout.write("Emails were queued but not sent, as asked (--no-send).")
        else:
            self.stdout.write(send_words(outbox_send()))
        if run.errors:
            raise CommandError(f"{plural(len(run.errors), 'sweeper')} failed: see above.")
