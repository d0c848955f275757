"""The daily sweep: each registered sweeper runs in order, in its own transaction, and running twice changes nothing.

The sweepers below stand in for the apps' own (responses, correspondence): they are found by their dotted paths,
exactly as settings.SWEEPERS names real ones.
"""

import datetime
from io import StringIO
from unittest import mock

import pytest
from django.core import mail
from django.core.management import CommandError, call_command

from followthrough.notifications.models import Email, SweepRun
from followthrough.notifications.reminders import reminder_stage
from followthrough.notifications.services import email_queue, reminders_queue, sweep_run
from followthrough.organisations.models import Organisation, Role
from followthrough.testing.factories import OrganisationFactory, member

pytestmark = pytest.mark.django_db

HERE = __name__
DUE = datetime.date(2021, 7, 20)
FORCE = "sweep-test-force"
sweeper_calls = []


def reminding_sweeper(*, on):
    """Reminds the force's editors and approvers that something is due by 20 July 2021, and once it is overdue."""
    sweeper_calls.append(("reminding", on))
    stage = reminder_stage(due_on=DUE, on=on, days_before=14)
    if stage is None:
        return {"reminders_queued": 0}
    queued = reminders_queue(
        organisation=Organisation.objects.get(code=FORCE),
        roles=[Role.EDITOR, Role.APPROVER],
        key=f"test-response:1:{stage}",
        subject="Your response is overdue" if stage == "overdue" else "Your response is due soon",
        body="Your response to recommendation 2 was due by 20 July 2021.",
    )
    return {"reminders_queued": queued}


def overdue_sweeper(*, on):
    """Marks the response overdue once, by telling the inspectorate (the real one writes a status row too)."""
    sweeper_calls.append(("overdue", on))
    key = "test-response:1:marked-overdue"
    if on <= DUE or Email.objects.filter(key=key).exists():
        return {"marked_overdue": 0}
    email_queue(key=key, to="casework@example.gov.uk", subject="A response is overdue", body="No update received.")
    return {"marked_overdue": 1}


def failing_sweeper(*, on):
    sweeper_calls.append(("failing", on))
    email_queue(key="half-done", to="casework@example.gov.uk", subject="Half done", body="Never sent.")
    raise RuntimeError("The responses table is missing")


def miscounting_sweeper(*, on):
    sweeper_calls.append(("miscounting", on))
    return "done"


GOOD = [f"{HERE}.overdue_sweeper", f"{HERE}.reminding_sweeper"]


@pytest.fixture(autouse=True)
def sweepers(settings):
    sweeper_calls.clear()
    settings.SWEEPERS = GOOD
    return settings


@pytest.fixture
def editor():
    return member(Role.EDITOR, OrganisationFactory(code=FORCE, name="Sweep test police"))


def sweep(*args):
    out = StringIO()
    call_command("sweep_deadlines", *args, stdout=out)
    return out.getvalue()


def outbox_state():
    return sorted(Email.objects.values_list("key", "status", "attempts"))


def test_the_command_runs_each_registered_sweeper_in_order_for_the_day(editor):
    output = sweep("--on", "2021-07-06")
    assert sweeper_calls == [("overdue", datetime.date(2021, 7, 6)), ("reminding", datetime.date(2021, 7, 6))]
    run = SweepRun.objects.get()
    assert run.on == datetime.date(2021, 7, 6)
    assert run.sweepers == GOOD
    assert run.counts == {GOOD[0]: {"marked_overdue": 0}, GOOD[1]: {"reminders_queued": 1}}
    assert run.errors == {}
    assert run.finished_at >= run.started_at
    assert output.splitlines() == [
        "Sweeping for Tuesday 6 July 2021.",
        f"{GOOD[0]}: nothing changed.",
        f"{GOOD[1]}: reminders queued: 1.",
        "Sent 1 email.",
    ]
    assert [m.to for m in mail.outbox] == [[editor.email]]
    assert mail.outbox[0].subject == "Your response is due soon"


def test_sweeping_twice_on_the_same_day_changes_nothing_and_sends_nothing_twice(editor):
    sweep("--on", "2021-07-21")
    state = outbox_state()
    output = sweep("--on", "2021-07-21")
    assert outbox_state() == state
    assert len(state) == 2
    assert len(mail.outbox) == 2
    first, second = SweepRun.objects.order_by("started_at", "pk")
    assert first.counts == {GOOD[0]: {"marked_overdue": 1}, GOOD[1]: {"reminders_queued": 1}}
    assert second.counts == {GOOD[0]: {"marked_overdue": 0}, GOOD[1]: {"reminders_queued": 0}}
    assert "No emails were waiting to be sent." in output


def test_each_reminder_goes_once_across_the_days_that_follow(editor):
    for day in ["2021-07-05", "2021-07-06", "2021-07-07", "2021-07-20", "2021-07-21", "2021-07-22"]:
        sweep("--on", day)
    assert sorted(m.subject for m in mail.outbox) == [
        "A response is overdue",
        "Your response is due soon",
        "Your response is overdue",
    ]


def test_without_a_date_it_sweeps_for_today_in_london(editor):
    late_on_20_july_in_utc = datetime.datetime(2021, 7, 20, 23, 30, tzinfo=datetime.UTC)
    with mock.patch("django.utils.timezone.now", return_value=late_on_20_july_in_utc):
        output = sweep()
    assert SweepRun.objects.get().on == datetime.date(2021, 7, 21)
    assert output.startswith("Sweeping for Wednesday 21 July 2021.")


def test_no_send_queues_the_emails_and_leaves_them_waiting(editor):
    output = sweep("--on", "2021-07-06", "--no-send")
    assert mail.outbox == []
    assert Email.objects.get().status == Email.Status.QUEUED
    assert "Emails were queued but not sent, as asked (--no-send)." in output


def test_a_failing_sweeper_is_undone_reported_and_the_others_still_run_and_send(editor, sweepers):
    sweepers.SWEEPERS = [f"{HERE}.failing_sweeper", *GOOD]
    out = StringIO()
    with pytest.raises(CommandError, match="1 sweeper failed"):
        call_command("sweep_deadlines", "--on", "2021-07-06", stdout=out)
    assert [name for name, _ in sweeper_calls] == ["failing", "overdue", "reminding"]
    assert not Email.objects.filter(key="half-done").exists()
    assert len(mail.outbox) == 1
    run = SweepRun.objects.get()
    error = "Stopped with RuntimeError: The responses table is missing (nothing it changed was kept)"
    assert run.errors == {f"{HERE}.failing_sweeper": error}
    assert run.finished_at is not None
    assert f"{HERE}.failing_sweeper: failed. {error}" in out.getvalue().splitlines()


def test_a_sweeper_whose_module_does_not_exist_yet_is_reported_not_fatal(editor, sweepers):
    sweepers.SWEEPERS = ["followthrough.notifications.tests.no_such_module.run", *GOOD]
    out = StringIO()
    with pytest.raises(CommandError):
        call_command("sweep_deadlines", "--on", "2021-07-06", stdout=out)
    assert [name for name, _ in sweeper_calls] == ["overdue", "reminding"]
    error = SweepRun.objects.get().errors["followthrough.notifications.tests.no_such_module.run"]
    assert error.startswith("Could not be found:")
    assert "followthrough.notifications.tests.no_such_module.run: failed. Could not be found:" in out.getvalue()


def test_a_sweeper_that_does_not_return_counts_is_an_error(sweepers):
    sweepers.SWEEPERS = [f"{HERE}.miscounting_sweeper"]
    run = sweep_run(on=DUE)
    assert sweeper_calls == [("miscounting", DUE)]
    assert run.counts == {}
    assert "a sweeper returns counts" in run.errors[f"{HERE}.miscounting_sweeper"]


def test_with_no_sweepers_set_up_the_command_says_so_and_still_sends(sweepers, queue):
    sweepers.SWEEPERS = []
    queue("waiting")
    output = sweep("--on", "2021-07-06")
    assert "No sweepers are set up: add their dotted paths to the SWEEPERS setting." in output
    assert "Sent 1 email." in output
    assert SweepRun.objects.get().sweepers == []


def test_a_date_that_is_not_yyyy_mm_dd_is_refused_with_how_to_fix_it():
    with pytest.raises(CommandError, match="Enter the date as YYYY-MM-DD, for example 2021-05-26"):
        sweep("--on", "20/07/2021")
    assert not SweepRun.objects.exists()


def test_the_send_outbox_command_sends_what_is_waiting(queue):
    queue("waiting")
    out = StringIO()
    call_command("send_outbox", stdout=out)
    assert out.getvalue().strip() == "Sent 1 email."
    assert len(mail.outbox) == 1
