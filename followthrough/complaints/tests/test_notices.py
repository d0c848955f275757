"""Notices a super-complaint's steps owe its complainants: one each, to every joint complainant, to nobody else."""

import pytest

from followthrough.core.provenance import Source
from followthrough.notifications.models import Email
from followthrough.testing.clock import server_date

from .. import services
from ..models import Action, State
from ..notices import complaint_notify
from .helpers import ACKNOWLEDGED, RECEIVED, complaint_in, decide, draft

pytestmark = pytest.mark.django_db


def subjects(user):
    return [email.subject for email in Email.objects.filter(to=user.email).order_by("pk")]


def test_each_step_the_inspectorate_owes_is_told_once_to_every_complainant_and_nobody_else(
    hestia, liberty, hestia_user, liberty_user, caseworker, second_caseworker
):
    complaint = draft(hestia)
    services.complaint_update_draft(complaint=complaint, updated_by=None, joint_complainants=[liberty])
    with server_date(RECEIVED):
        complaint = services.complaint_submit(complaint=complaint, submitted_by=None)
    with server_date(ACKNOWLEDGED):
        complaint = services.complaint_acknowledge(complaint=complaint, acknowledged_by=caseworker)
    complaint = decide(complaint, caseworker)
    complaint = services.complaint_record_progress_report(
        complaint=complaint, sent_by=second_caseworker, summary="Fieldwork has started in six forces."
    )
    reference = complaint.reference
    expected = [
        f"Received: super-complaint {reference}",
        f"Acknowledged: super-complaint {reference}",
        f"Eligibility decided: super-complaint {reference}",
        f"Progress report: super-complaint {reference}",
    ]
    assert subjects(hestia_user) == expected
    assert subjects(liberty_user) == expected
    assert subjects(caseworker) == [] and subjects(second_caseworker) == []


def test_the_receipt_gives_the_reference_and_when_the_acknowledgement_is_due(hestia, hestia_user):
    complaint = complaint_in(State.SUBMITTED, hestia)
    [email] = Email.objects.filter(to=hestia_user.email)
    assert f"Reference {complaint.reference}. The inspectorate must acknowledge it by 6 June 2019." in email.body
    assert f"/your-super-complaints/{complaint.pk}/" in email.body


def test_the_decision_says_which_way_it_went(hestia, hestia_user):
    complaint_in(State.NOT_ELIGIBLE, hestia)
    [decided] = [e for e in Email.objects.filter(to=hestia_user.email) if e.subject.startswith("Eligibility")]
    assert "is not eligible." in decided.body


def test_telling_a_step_again_queues_nothing_new(hestia, hestia_user):
    complaint = complaint_in(State.SUBMITTED, hestia)
    before = Email.objects.count()
    assert complaint_notify(record=complaint, name=Action.SUBMIT, actor=None) == 0
    assert Email.objects.count() == before == 1


def test_a_step_recorded_from_its_source_happened_long_ago_and_is_not_told(hestia, hestia_user):
    complaint = draft(hestia)
    services.complaint_submit(
        complaint=complaint, submitted_by=None, source=Source("Hestia's letter of 31 May 2019", on=RECEIVED)
    )
    assert subjects(hestia_user) == []
