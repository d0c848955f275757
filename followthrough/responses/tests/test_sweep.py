import datetime

import pytest
from django.core import mail
from django.test import override_settings

from followthrough.notifications.models import Email
from followthrough.notifications.services import outbox_send
from followthrough.reports.models import Obligation
from followthrough.responses import services, sweep
from followthrough.responses.models import Acceptance, Event, OverdueRecord, ProgressReturn
from followthrough.testing.clock import server_date

from .conftest import every_point_answered

pytestmark = pytest.mark.django_db

RESPONSE_DUE = datetime.date(2021, 7, 20)  # 56 days beginning with 26 May 2021
FIRST_RETURN_DUE = datetime.date(2021, 11, 26)


def _state():
    return (
        sorted(OverdueRecord.objects.values_list("obligation_id", "what", "due_on")),
        sorted(ProgressReturn.casework.values_list("obligation_id", "number", "no_update_recorded_on")),
        Event.objects.count(),
        sorted(Email.objects.values_list("key", flat=True)),
    )


def test_running_the_sweep_twice_in_a_day_changes_nothing_and_sends_each_reminder_once(hestia_like, editor, approver):
    on = RESPONSE_DUE + datetime.timedelta(days=1)
    first = sweep.run(on=on)
    outbox_send()
    after_first, sent_after_first = _state(), len(mail.outbox)
    second = sweep.run(on=on)
    outbox_send()

    assert _state() == after_first
    assert len(mail.outbox) == sent_after_first
    assert second == dict.fromkeys(first, 0)
    # Warwickshire owes responses on Recommendations 2 and 4: one email each, to each of its editor and approver.
    assert first["reminders_queued"] == 4
    for person in (editor, approver):
        subjects = sorted(m.subject for m in mail.outbox if m.to == [person.email])
        assert subjects == [
            "Overdue: response on Recommendation 2 of The hidden victims",
            "Overdue: response on Recommendation 4 of The hidden victims",
        ]


def test_the_sweep_marks_responses_overdue_the_day_after_they_were_due(hestia_like):
    sweep.run(on=RESPONSE_DUE)
    assert not OverdueRecord.objects.filter(what=OverdueRecord.What.RESPONSE).exists()
    sweep.run(on=RESPONSE_DUE + datetime.timedelta(days=1))
    expected = Obligation.casework.filter(response_deadline__isnull=False).count()
    assert expected > 80
    assert OverdueRecord.objects.filter(what=OverdueRecord.What.RESPONSE, due_on=RESPONSE_DUE).count() == expected


def test_a_published_response_is_not_overdue(obligation, editor, approver):
    version = services.response_start(obligation=obligation(2), started_by=editor)
    services.response_save(
        version=version,
        saved_by=editor,
        acceptance=Acceptance.ACCEPTED,
        done="Training given.",
        point_answers=every_point_answered(version),
    )
    services.response_submit(version=version, submitted_by=editor)
    services.response_approve(version=version, approved_by=approver)
    with server_date(datetime.date(2021, 7, 1)):
        services.response_publish(version=version, published_by=approver)
    sweep.run(on=RESPONSE_DUE + datetime.timedelta(days=1))
    assert not OverdueRecord.objects.filter(obligation=obligation(2), what=OverdueRecord.What.RESPONSE).exists()
    assert OverdueRecord.objects.filter(obligation=obligation(4), what=OverdueRecord.What.RESPONSE).exists()


def test_a_return_due_with_nothing_published_is_recorded_as_no_update_received(obligation):
    sweep.run(on=FIRST_RETURN_DUE)
    first = ProgressReturn.casework.get(obligation=obligation(2), number=1)
    assert first.due_on == FIRST_RETURN_DUE and first.no_update_recorded_on is None
    sweep.run(on=FIRST_RETURN_DUE + datetime.timedelta(days=1))
    first.refresh_from_db()
    assert first.no_update_recorded_on == FIRST_RETURN_DUE + datetime.timedelta(days=1)
    assert Event.objects.filter(
        obligation=obligation(2), title="No update received for progress return 1", is_public=True
    ).exists()


def test_reminders_go_only_to_editors_and_approvers_of_the_organisation_that_owes(hestia_like, editor, other_editor):
    sweep.run(on=RESPONSE_DUE - datetime.timedelta(days=3))
    recipients = set(Email.objects.values_list("to", flat=True))
    assert editor.email in recipients and other_editor.email in recipients
    west_mercia = Email.objects.filter(to=other_editor.email)
    assert all("West Mercia Police" in email.body for email in west_mercia)
    assert not Email.objects.filter(to=editor.email, body__contains="West Mercia Police").exists()


@override_settings(REMINDER_OVERDUE_CATCH_UP_DAYS=7)
def test_things_that_went_overdue_long_ago_are_marked_but_not_emailed(hestia_like, editor):
    counts = sweep.run(on=RESPONSE_DUE + datetime.timedelta(days=30))
    assert counts["marked_overdue"] > 0
    assert not Email.objects.filter(subject__startswith="Overdue: response").exists()


def test_the_daily_command_runs_this_sweep_as_registered_in_the_settings(hestia_like, editor):
    import io

    from django.conf import settings as django_settings
    from django.core.management import call_command

    from followthrough.notifications.models import SweepRun
    from followthrough.settings import base

    assert "followthrough.responses.sweep.run" in base.SWEEPERS
    with override_settings(SWEEPERS=base.SWEEPERS):
        assert django_settings.SWEEPERS == base.SWEEPERS
        call_command("sweep_deadlines", "--on", "2021-07-21", stdout=io.StringIO())
    run = SweepRun.objects.get()
    assert run.counts["followthrough.responses.sweep.run"]["marked_overdue"] > 80
    assert len([m for m in mail.outbox if m.to == [editor.email]]) == 2


def test_a_recommendation_with_its_own_date_is_reminded_until_it_is_claimed_done(obligation):
    from followthrough.organisations.models import Organisation, Role
    from followthrough.testing.factories import member

    npcc_editor = member(Role.EDITOR, Organisation.objects.get(code="npcc"))
    due = obligation(6, "npcc").recommendation_deadline.due
    assert due == FIRST_RETURN_DUE  # "within six months of the date of publication"
    sweep.run(on=due - datetime.timedelta(days=7))
    sweep.run(on=due + datetime.timedelta(days=1))
    subjects = sorted(Email.objects.filter(to=npcc_editor.email).values_list("subject", flat=True))
    assert "Due 26 November 2021: implementation on Recommendation 6 of The hidden victims" in subjects
    assert "Overdue: implementation on Recommendation 6 of The hidden victims" in subjects
    assert OverdueRecord.objects.filter(obligation=obligation(6, "npcc"), what="recommendation").exists()
