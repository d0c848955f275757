"""The background tasks: run at once by the test settings' immediate backend, and by the database worker elsewhere."""

import datetime
import signal
from unittest import mock

import pytest
from django.apps import apps
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from followthrough.notifications.models import Email, SweepRun
from followthrough.notifications.services import outbox_send_soon
from followthrough.notifications.tasks import send_outbox, sweep_deadlines_task
from followthrough.organisations.models import Role
from followthrough.settings import base
from followthrough.testing.factories import OrganisationFactory, member

pytestmark = pytest.mark.django_db

SWEEPS = "followthrough.notifications.tests.test_sweep"
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


def test_send_outbox_runs_through_the_immediate_backend(queue):
    queue("waiting")
    result = send_outbox.enqueue()
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert result.return_value == {"sent": 1, "failed": 0}
    assert len(mail.outbox) == 1


def test_the_sweep_task_sweeps_the_given_day_then_sends(settings):
    settings.SWEEPERS = [f"{SWEEPS}.reminding_sweeper"]
    editor = member(Role.EDITOR, OrganisationFactory(code="sweep-test-force"))
    result = sweep_deadlines_task.enqueue(on="2021-07-06")
    assert result.status == TaskResultStatus.SUCCESSFUL
    run = SweepRun.objects.get()
    assert result.return_value == {
        "on": "2021-07-06",
        "sweep_run": run.pk,
        "counts": {f"{SWEEPS}.reminding_sweeper": {"reminders_queued": 1}},
        "sent": 1,
        "failed": 0,
    }
    assert [m.to for m in mail.outbox] == [[editor.email]]
    assert sweep_deadlines_task.enqueue(on="2021-07-06").return_value["sent"] == 0
    assert len(mail.outbox) == 1


def test_the_sweep_task_fails_after_sending_when_a_sweeper_fails(settings):
    settings.SWEEPERS = [f"{SWEEPS}.failing_sweeper", f"{SWEEPS}.reminding_sweeper"]
    member(Role.EDITOR, OrganisationFactory(code="sweep-test-force"))
    result = sweep_deadlines_task.enqueue(on="2021-07-06")
    assert result.status == TaskResultStatus.FAILED
    assert result.errors[0].exception_class_path == "followthrough.notifications.tasks.SweepFailed"
    assert len(mail.outbox) == 1


def test_sending_soon_waits_for_the_transaction_to_commit(queue, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        queue("waiting")
        outbox_send_soon()
        assert mail.outbox == []
    assert len(callbacks) == 1
    assert len(mail.outbox) == 1


def test_everywhere_but_the_tests_tasks_go_to_the_database_and_its_tables_are_migrated():
    assert base.TASKS == DATABASE_TASKS
    assert apps.is_installed("django_tasks") and apps.is_installed("django_tasks_db")
    assert DBTaskResult.objects.count() == 0  # the table exists: `migrate` made it


@pytest.fixture
def keep_signal_handlers():
    """The worker installs its own handlers for stopping gracefully; put the test runner's back afterwards."""
    saved = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)}
    yield
    for number, handler in saved.items():
        signal.signal(number, handler)


def test_the_database_worker_runs_an_enqueued_task(queue, keep_signal_handlers):
    email = queue("waiting")
    with override_settings(TASKS=DATABASE_TASKS):
        result = send_outbox.enqueue()
        assert DBTaskResult.objects.get().status == TaskResultStatus.READY
        assert Email.objects.get(pk=email.pk).status == Email.Status.QUEUED
        # The worker closes stale connections between tasks; here that would close the test's own transaction.
        with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
            call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
        task = DBTaskResult.objects.get(pk=result.id)
    assert task.status == TaskResultStatus.SUCCESSFUL
    assert task.return_value == {"sent": 1, "failed": 0}
    assert Email.objects.get(pk=email.pk).status == Email.Status.SENT
    assert len(mail.outbox) == 1
    assert task.finished_at >= task.enqueued_at - datetime.timedelta(seconds=1)
