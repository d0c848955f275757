"""Background tasks, run by the task worker (`make worker`), or at once where TASKS says so, as in tests (ADR 0010).

django-tasks is the backport of Django 6's `django.tasks`: on Django 6 the import below becomes `django.tasks`.
"""

import datetime

from django_tasks import task

from . import services


class SweepFailed(Exception):
    pass


@task()
def send_outbox(limit=None):
    """Send what is waiting in the outbox; return how many were sent and how many failed."""
    return services.outbox_send(limit=limit)


@task()
def sweep_deadlines_task(on=None):
    """Run the daily sweep for `on` (an ISO date, today in London if not given), then send the outbox.

    Fails, after sending, if any sweeper failed, so the worker records the task as failed.
    """
    day = datetime.date.fromisoformat(on) if on else services.sweep_today()
    run = services.sweep_run(on=day)
    sent = services.outbox_send()
    if run.errors:
        raise SweepFailed(f"The sweep for {day.isoformat()} had problems: {run.errors}")
    return {"on": day.isoformat(), "sweep_run": run.pk, "counts": run.counts, **sent}
