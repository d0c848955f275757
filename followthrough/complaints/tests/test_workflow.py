import datetime

import pytest
from django.core.exceptions import ValidationError

from followthrough.core.history import AppendOnlyError
from followthrough.core.models import AuditEntry
from followthrough.organisations.models import Role
from followthrough.testing.clock import server_date
from followthrough.testing.factories import member

from .. import services
from ..models import ComplaintEvent, State, SuperComplaint
from .helpers import ACKNOWLEDGED, complaint_in, decide, organisation

ACTIONS = ["submit", "acknowledge", "decide", "investigation", "progress-report", "report-published", "withdraw"]
ROLES = ["own-body", "other-body", "caseworker", "force-editor"]

# Written out by hand (not read from TRANSITIONS) so that a change to the workflow has to change this table too.
ALLOWED = {
    ("draft", "submit", "own-body"): "submitted",
    ("submitted", "acknowledge", "caseworker"): "acknowledged",
    ("acknowledged", "decide", "caseworker"): "eligible",
    ("eligible", "investigation", "caseworker"): "eligible",
    ("eligible", "progress-report", "caseworker"): "eligible",
    ("eligible", "report-published", "caseworker"): "report-published",
    ("submitted", "withdraw", "own-body"): "withdrawn",
    ("acknowledged", "withdraw", "own-body"): "withdrawn",
    ("eligible", "withdraw", "own-body"): "withdrawn",
}


def actor_for(role):
    if role == "own-body":
        return member(Role.DESIGNATED_BODY_USER, organisation("hestia"))
    if role == "other-body":
        return member(Role.DESIGNATED_BODY_USER, organisation("liberty"))
    if role == "caseworker":
        return member(Role.CASEWORKER, organisation("hmicfrs"))
    return member(Role.EDITOR, organisation("warwickshire-police"))


def take(action, complaint, actor):
    if action == "submit":
        with server_date(datetime.date(2019, 5, 31)):
            return services.complaint_submit(complaint=complaint, submitted_by=actor)
    if action == "acknowledge":
        with server_date(ACKNOWLEDGED):
            return services.complaint_acknowledge(complaint=complaint, acknowledged_by=actor)
    if action == "decide":
        return decide(complaint, actor)
    if action == "investigation":
        with server_date(datetime.date(2019, 10, 1)):
            return services.complaint_record_investigation(
                complaint=complaint,
                recorded_by=actor,
                lead_bodies=[organisation("hmicfrs")],
                planned_activities="Fieldwork in six forces",
            )
    if action == "progress-report":
        with server_date(datetime.date(2019, 12, 2)):
            return services.complaint_record_progress_report(
                complaint=complaint, sent_by=actor, summary="Fieldwork has started"
            )
    if action == "report-published":
        with server_date(datetime.date(2021, 5, 26)):
            return services.complaint_record_report_published(
                complaint=complaint, report="The hidden victims", published_by=actor
            )
    return services.complaint_withdraw(complaint=complaint, withdrawn_by=actor, reason="We no longer need it")


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("state", [s.value for s in State])
def test_each_action_is_allowed_only_in_its_states_and_only_for_its_role(state, action, role):
    complaint = complaint_in(state, organisation("hestia"))
    actor = actor_for(role)
    events_before = ComplaintEvent.objects.filter(complaint=complaint).count()
    version_before = complaint.version
    expected = ALLOWED.get((state, action, role))
    if expected:
        result = take(action, complaint, actor)
        assert result.state == expected
        assert result.version == version_before + 1
        assert ComplaintEvent.objects.filter(complaint=complaint).count() == events_before + 1
        assert ComplaintEvent.objects.filter(complaint=complaint).first().actor == actor
    else:
        with pytest.raises(services.IllegalTransition) as refused:
            take(action, complaint, actor)
        assert refused.value.message.startswith(("You cannot", "Only"))
        unchanged = SuperComplaint.internal.get(pk=complaint.pk)
        assert (unchanged.state, unchanged.version) == (state, version_before)
        assert ComplaintEvent.objects.filter(complaint=complaint).count() == events_before


@pytest.mark.django_db
def test_refusal_says_in_plain_english_why_the_action_is_not_possible():
    complaint = complaint_in("acknowledged", organisation("hestia"))
    with pytest.raises(services.IllegalTransition) as refused:
        services.complaint_acknowledge(complaint=complaint, acknowledged_by=None)
    assert refused.value.message == (
        f"You cannot acknowledge {complaint.reference} because it is waiting for the eligibility decision"
    )


@pytest.mark.django_db
def test_wrong_role_is_told_who_can_take_the_action(hestia_user):
    complaint = complaint_in("submitted", organisation("hestia"))
    with pytest.raises(services.IllegalTransition) as refused:
        services.complaint_acknowledge(complaint=complaint, acknowledged_by=hestia_user)
    assert refused.value.message == "Only inspectorate caseworkers can acknowledge a super-complaint"


@pytest.mark.django_db
def test_every_transition_writes_an_audit_entry_with_the_change(caseworker):
    complaint = complaint_in("submitted", organisation("hestia"))
    services.complaint_acknowledge(complaint=complaint, acknowledged_by=caseworker)
    entry = AuditEntry.objects.for_object(complaint).first()
    assert entry.actor == caseworker
    assert ("state", "submitted", "acknowledged") in entry.changes
    assert entry.reason.startswith("Acknowledged")


@pytest.mark.django_db
def test_eligibility_decision_needs_all_three_authorities_to_agree(caseworker):
    complaint = complaint_in("acknowledged", organisation("hestia"))
    with pytest.raises(ValidationError) as invalid:
        decide(complaint, caseworker, agreed_by_iopc=False)
    assert "agreed_by" in invalid.value.message_dict
    assert SuperComplaint.internal.get(pk=complaint.pk).state == State.ACKNOWLEDGED


@pytest.mark.django_db
def test_a_decision_dated_before_the_complaint_was_received_is_refused(caseworker):
    complaint = complaint_in("acknowledged", organisation("hestia"))
    with pytest.raises(ValidationError) as invalid:
        decide(complaint, caseworker, on=datetime.date(2019, 5, 1))
    assert invalid.value.message_dict["on"] == [
        "The date of the decision must be the same as or after the date received (31 May 2019)"
    ]


@pytest.mark.django_db
def test_a_stale_expected_version_changes_nothing(caseworker):
    complaint = complaint_in("submitted", organisation("hestia"))
    with pytest.raises(services.ConcurrentChange) as stale:
        services.complaint_acknowledge(
            complaint=complaint, acknowledged_by=caseworker, expected_version=complaint.version - 1
        )
    assert stale.value.version == complaint.version
    assert SuperComplaint.internal.get(pk=complaint.pk).state == State.SUBMITTED


@pytest.mark.django_db
def test_submission_gives_references_in_sequence_within_the_year_of_receipt():
    hestia = organisation("hestia")
    first = complaint_in("submitted", hestia, title="First")
    second = complaint_in("submitted", hestia, title="Second")
    with server_date(datetime.date(2020, 1, 2)):
        later = services.complaint_submit(complaint=complaint_in("draft", hestia, title="Later"), submitted_by=None)
    assert (first.reference, second.reference, later.reference) == ("SC-2019-0001", "SC-2019-0002", "SC-2020-0001")


@pytest.mark.django_db
def test_timeline_events_cannot_be_changed_or_deleted():
    complaint = complaint_in("submitted", organisation("hestia"))
    event = complaint.events.get()
    event.title = "Something else"
    with pytest.raises(AppendOnlyError):
        event.save()
    with pytest.raises(AppendOnlyError):
        event.delete()
    with pytest.raises(AppendOnlyError):
        ComplaintEvent.objects.filter(pk=event.pk).update(title="Something else")


@pytest.mark.django_db
def test_the_database_refuses_to_change_a_timeline_event_even_bypassing_the_model():
    from django.db import DatabaseError, connection, transaction

    complaint = complaint_in("submitted", organisation("hestia"))
    event = complaint.events.get()
    table = ComplaintEvent._meta.db_table
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"UPDATE {table} SET title = %s WHERE id = %s", ["Changed", event.pk])  # noqa: S608
    assert ComplaintEvent.objects.get(pk=event.pk).title == "Super-complaint received"


@pytest.mark.django_db
def test_investigation_records_its_lead_bodies_and_planned_activities(caseworker):
    complaint = complaint_in("eligible", organisation("hestia"))
    result = services.complaint_record_investigation(
        complaint=complaint,
        recorded_by=caseworker,
        lead_bodies=[organisation("hmicfrs"), organisation("college-of-policing")],
        planned_activities="Fieldwork in six forces",
    )
    assert set(result.investigation_leads.values_list("code", flat=True)) == {"hmicfrs", "college-of-policing"}
    assert result.events.first().note.startswith("Led by HMICFRS and the College of Policing.")


@pytest.mark.django_db
def test_withdrawal_needs_a_reason(hestia_user):
    complaint = complaint_in("submitted", organisation("hestia"))
    with pytest.raises(ValidationError) as invalid:
        services.complaint_withdraw(complaint=complaint, withdrawn_by=hestia_user, reason="  ")
    assert invalid.value.message_dict == {"reason": ["Enter why you are withdrawing the super-complaint"]}
