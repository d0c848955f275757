"""Notices each step of sign-off owes: the right people get one, once, and nobody else does."""

import pytest

from followthrough.notifications.models import Email
from followthrough.organisations.models import Organisation, Role
from followthrough.responses import services
from followthrough.responses.models import Acceptance, Implementation
from followthrough.responses.notices import sign_off_notify
from followthrough.testing.factories import member

from .conftest import every_point_answered
from .test_public_pages import progress_return

pytestmark = pytest.mark.django_db


def inbox(user):
    return list(Email.objects.filter(to=user.email).order_by("pk"))


@pytest.fixture
def second_approver(warwickshire):
    return member(Role.APPROVER, warwickshire, full_name="Second Approver")


@pytest.fixture
def elsewhere_approver():
    return member(Role.APPROVER, Organisation.objects.get(code="west-mercia-police"), full_name="West Mercia Approver")


@pytest.fixture
def draft(obligation, editor):
    version = services.response_start(obligation=obligation(2), started_by=editor)
    services.response_save(
        version=version,
        saved_by=editor,
        acceptance=Acceptance.ACCEPTED,
        done="Training is available to all officers.",
        point_answers=every_point_answered(version),
    )
    return version


def test_sending_for_sign_off_tells_the_approvers_and_nobody_else(
    draft, editor, approver, second_approver, elsewhere_approver
):
    Email.objects.all().delete()
    services.response_submit(version=draft, submitted_by=editor)
    for person in (approver, second_approver):
        [email] = inbox(person)
        assert email.subject == "Approve Warwickshire Police's response to Recommendation 2 of The hidden victims"
        assert f"/your-obligations/{draft.obligation.pk}/response/approve" in email.body
        assert "Eden Editor sent" in email.body
    assert inbox(editor) == [] and inbox(elsewhere_approver) == []


def test_the_same_step_notified_again_queues_nothing_new(draft, editor, approver):
    services.response_submit(version=draft, submitted_by=editor)
    draft.refresh_from_db()
    before = Email.objects.count()
    assert sign_off_notify(record=draft, name="submit", actor=None) == 0
    assert Email.objects.count() == before


def test_sending_back_tells_who_wrote_it_with_the_reason_and_sending_again_notifies_again(draft, editor, approver):
    services.response_submit(version=draft, submitted_by=editor)
    services.response_send_back(version=draft, sent_back_by=approver, note="Say when the training started.")
    [sent_back] = [e for e in inbox(editor) if e.subject.startswith("Sent back")]
    assert "What needs to change:\nSay when the training started." in sent_back.body
    assert [e.subject for e in inbox(approver)] == [
        "Approve Warwickshire Police's response to Recommendation 2 of The hidden victims"
    ]
    services.response_submit(version=draft, submitted_by=editor)
    assert len(inbox(approver)) == 2


def test_publishing_tells_who_wrote_it_with_the_public_page(draft, editor, approver):
    services.response_submit(version=draft, submitted_by=editor)
    services.response_approve(version=draft, approved_by=approver)
    services.response_publish(version=draft, published_by=approver)
    [published] = [e for e in inbox(editor) if e.subject.startswith("Published")]
    assert published.subject == "Published: Warwickshire Police's response to Recommendation 2 of The hidden victims"
    assert "/reports/" in published.body and "/responses/warwickshire-police/" in published.body
    assert not [e for e in inbox(approver) if e.subject.startswith("Published")]


def test_a_progress_return_sent_for_sign_off_names_its_number(obligation, editor, approver):
    record = progress_return(obligation(2))
    services.return_save(progress_return=record, saved_by=editor, status=Implementation.IN_PROGRESS, narrative="Going.")
    services.return_submit(progress_return=record, submitted_by=editor)
    [email] = inbox(approver)
    assert email.subject == (
        "Approve Warwickshire Police's progress return 1 on Recommendation 2 of The hidden victims"
    )
    assert f"/your-obligations/{record.obligation.pk}/returns/1/approve" in email.body
