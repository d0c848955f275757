"""When reminders are owed: a pure rule sweepers share, so every reminder in the service keeps the same timing."""

import datetime

from django.conf import settings

DUE_SOON = "due-soon"
OVERDUE = "overdue"


def reminder_stage(*, due_on, on, days_before=None):
    """Which reminder is owed on the day `on` for something due by the end of `due_on`, if any.

    DUE_SOON from REMINDER_DAYS_BEFORE days before the due date up to the due date itself; OVERDUE from the day after.
    It is a window, not a single day, so a sweep that did not run on the day still reminds on its next run. Name the
    stage in the `email_queue` or `reminders_queue` key and each reminder goes once.
    """
    days_before = settings.REMINDER_DAYS_BEFORE if days_before is None else days_before
    if on > due_on:
        return OVERDUE
    if on >= due_on - datetime.timedelta(days=days_before):
        return DUE_SOON
    return None
