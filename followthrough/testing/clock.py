"""The server's clock, set to another day for a test: publishing "on 1 July 2021" in a test means the server's clock
said 1 July 2021 when it happened. Services take the date of record from the clock (ADR 0016), so a test that needs
a past publication moves the clock, never passes a date."""

import datetime
from contextlib import contextmanager
from unittest import mock

from django.utils import timezone


@contextmanager
def server_date(day):
    """Run the block as if the server's clock said noon on `day` (a date), in the service's time zone."""
    moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))
    with mock.patch("django.utils.timezone.now", return_value=moment):
        yield moment
