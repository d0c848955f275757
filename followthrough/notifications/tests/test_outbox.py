"""Queuing and sending: each message is queued once, sent once, and a failure is kept and tried again."""

import datetime
import json
from unittest import mock

import pytest
import requests
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils import timezone
from notifications_python_client.notifications import NotificationsAPIClient

from followthrough.notifications import services
from followthrough.notifications.models import Email
from followthrough.testing.factories import UserFactory

pytestmark = pytest.mark.django_db

SERVICE_ID = "11111111-2222-3333-4444-555555555555"
SECRET = "66666666-7777-8888-9999-000000000000"
NOTIFY_KEY = f"follow_through_test-{SERVICE_ID}-{SECRET}"
TEMPLATE_ID = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"
NOTIFICATION_ID = "740e5834-3a29-46b4-9a6f-16142fde533a"
TEAM_ONLY = "Can't send to this recipient using a team-only API key"


@pytest.fixture
def notify(settings):
    settings.NOTIFY_API_KEY = NOTIFY_KEY
    settings.NOTIFY_TEMPLATE_ID = TEMPLATE_ID


def notify_response(status, payload):
    response = requests.Response()
    response.status_code = status
    response._content = json.dumps(payload).encode()
    response.headers["Content-Type"] = "application/json"
    response.url = "https://api.notifications.service.gov.uk/v2/notifications/email"
    return response


# Queuing ------------------------------------------------------------------------------------------------------------


def test_queuing_the_same_key_twice_keeps_one_message_and_returns_it(queue):
    first = queue("reminder:1")
    second = queue("reminder:1", subject="Different words", to="someone.else@example.gov.uk")
    assert Email.objects.count() == 1
    assert second.pk == first.pk
    assert second.subject == "Your response is due in 14 days"
    assert second.status == Email.Status.QUEUED


def test_queuing_a_key_that_was_sent_long_ago_does_not_queue_it_again(queue):
    queue("reminder:1")
    services.outbox_send()
    again = queue("reminder:1")
    assert again.status == Email.Status.SENT
    assert services.outbox_send() == {"sent": 0, "failed": 0}
    assert len(mail.outbox) == 1


def test_a_race_lost_to_another_sweep_returns_the_winners_message(queue):
    winner = queue("reminder:1")
    # The loser looked before the winner committed, so saw nothing and tried to insert: the constraint refuses it.
    looks = [Email.objects.none(), Email.objects.filter(key="reminder:1")]
    with mock.patch.object(Email.objects, "filter", side_effect=looks):
        loser = queue("reminder:1")
    assert loser.pk == winner.pk
    assert Email.objects.count() == 1


def test_the_key_is_unique_in_the_database_itself(queue):
    queue("reminder:1")
    with pytest.raises(IntegrityError):
        Email.objects.create(key="reminder:1", to="a@example.gov.uk", subject="s", body="b")


def test_a_message_is_checked_before_it_is_queued(queue):
    with pytest.raises(ValidationError) as error:
        queue("reminder:1", to="not an address", subject="Two\nlines")
    assert set(error.value.message_dict) == {"to", "subject"}
    assert "Enter a subject on one line" in error.value.message_dict["subject"]
    assert not Email.objects.exists()


def test_a_queued_message_keeps_who_it_is_for():
    user = UserFactory()
    email = services.email_queue(key="k", to=user.email, subject="Hello", body="Words", user=user)
    assert email.user == user
    assert list(user.emails.all()) == [email]


# Sending through Django's email backend ---------------------------------------------------------------------------


def test_sending_twice_sends_each_message_once(queue, settings):
    settings.DEFAULT_FROM_EMAIL = "noreply@follow-through.service.gov.uk"
    email = queue("reminder:1")
    assert services.outbox_send() == {"sent": 1, "failed": 0}
    assert services.outbox_send() == {"sent": 0, "failed": 0}
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["editor@example.gov.uk"]
    assert message.subject == "Your response is due in 14 days"
    assert message.body == "Your response to recommendation 2 is due by 20 July 2021."
    assert message.from_email == "noreply@follow-through.service.gov.uk"
    email.refresh_from_db()
    assert email.status == Email.Status.SENT
    assert email.sent_via == Email.Route.EMAIL_BACKEND
    assert email.sent_at is not None
    assert email.attempts == 1


def test_messages_go_oldest_first_and_the_limit_holds_back_the_rest(queue):
    later = queue("later")
    earlier = queue("earlier")
    Email.objects.filter(pk=earlier.pk).update(queued_at=later.queued_at - datetime.timedelta(hours=1))
    assert services.outbox_send(limit=1) == {"sent": 1, "failed": 0}
    assert Email.objects.get(pk=earlier.pk).status == Email.Status.SENT
    assert Email.objects.get(pk=later.pk).status == Email.Status.QUEUED


def test_a_failure_is_recorded_and_the_message_is_tried_again(queue):
    email = queue("reminder:1")
    with mock.patch(
        "followthrough.notifications.services.send_mail", side_effect=ConnectionRefusedError("Connection refused")
    ):
        assert services.outbox_send() == {"sent": 0, "failed": 1}
    email.refresh_from_db()
    assert email.status == Email.Status.FAILED
    assert email.attempts == 1
    assert email.last_error == "ConnectionRefusedError: Connection refused"
    assert mail.outbox == []

    assert services.outbox_send() == {"sent": 1, "failed": 0}
    email.refresh_from_db()
    assert email.status == Email.Status.SENT
    assert email.attempts == 2
    assert email.last_error == ""
    assert len(mail.outbox) == 1


def test_after_the_last_allowed_attempt_a_message_is_left_alone(queue, settings):
    settings.OUTBOX_MAX_ATTEMPTS = 2
    email = queue("reminder:1")
    with mock.patch("followthrough.notifications.services.send_mail", side_effect=OSError("Network is unreachable")):
        assert services.outbox_send() == {"sent": 0, "failed": 1}
        assert services.outbox_send() == {"sent": 0, "failed": 1}
        assert services.outbox_send() == {"sent": 0, "failed": 0}
    email.refresh_from_db()
    assert email.attempts == 2
    assert not email.will_retry
    assert list(Email.objects.given_up()) == [email]
    assert services.outbox_send() == {"sent": 0, "failed": 0}
    assert mail.outbox == []


def test_a_message_another_sender_has_taken_is_not_sent_again(queue):
    email = queue("reminder:1")
    Email.objects.filter(pk=email.pk).update(status=Email.Status.SENDING, claimed_at=timezone.now(), attempts=1)
    assert services.outbox_send() == {"sent": 0, "failed": 0}
    assert mail.outbox == []


def test_a_claim_left_by_a_sender_that_stopped_lapses_and_the_message_is_tried_again(queue):
    email = queue("reminder:1")
    stopped_at = timezone.now() - services.CLAIM_TIMEOUT - datetime.timedelta(minutes=1)
    Email.objects.filter(pk=email.pk).update(status=Email.Status.SENDING, claimed_at=stopped_at, attempts=1)
    assert services.outbox_send() == {"sent": 1, "failed": 0}
    email.refresh_from_db()
    assert email.status == Email.Status.SENT
    assert email.attempts == 2


# Sending through GOV.UK Notify -------------------------------------------------------------------------------------


def test_with_a_notify_key_the_message_goes_to_notify_with_exactly_these_arguments(queue, notify):
    email = queue("reminder:1")
    with mock.patch.object(
        NotificationsAPIClient, "send_email_notification", autospec=True, return_value={"id": NOTIFICATION_ID}
    ) as send:
        assert services.outbox_send() == {"sent": 1, "failed": 0}
    send.assert_called_once_with(
        mock.ANY,
        email_address="editor@example.gov.uk",
        template_id=TEMPLATE_ID,
        personalisation={
            "subject": "Your response is due in 14 days",
            "body": "Your response to recommendation 2 is due by 20 July 2021.",
        },
        reference="reminder:1",
    )
    client = send.call_args.args[0]
    assert (client.service_id, client.api_key) == (SERVICE_ID, SECRET)
    email.refresh_from_db()
    assert (email.status, email.sent_via, email.provider_reference) == (
        Email.Status.SENT,
        Email.Route.NOTIFY,
        NOTIFICATION_ID,
    )
    assert mail.outbox == []


def test_the_notify_client_posts_the_message_to_notifys_email_endpoint(queue, notify):
    queue("reminder:1")
    with mock.patch.object(
        requests.Session, "request", autospec=True, return_value=notify_response(201, {"id": NOTIFICATION_ID})
    ) as request:
        assert services.outbox_send() == {"sent": 1, "failed": 0}
    _, method, url = request.call_args.args
    assert (method, url) == ("POST", "https://api.notifications.service.gov.uk/v2/notifications/email")
    assert json.loads(request.call_args.kwargs["data"]) == {
        "email_address": "editor@example.gov.uk",
        "template_id": TEMPLATE_ID,
        "personalisation": {
            "subject": "Your response is due in 14 days",
            "body": "Your response to recommendation 2 is due by 20 July 2021.",
        },
        "reference": "reminder:1",
    }
    assert request.call_args.kwargs["headers"]["Authorization"].startswith("Bearer ")
    assert Email.objects.get().provider_reference == NOTIFICATION_ID


def test_notifys_refusal_is_recorded_in_its_own_words_and_tried_again(queue, notify):
    email = queue("reminder:1")
    refusal = notify_response(
        400,
        {
            "status_code": 400,
            "errors": [{"error": "BadRequestError", "message": TEAM_ONLY}],
        },
    )
    with mock.patch.object(requests.Session, "request", autospec=True, return_value=refusal):
        assert services.outbox_send() == {"sent": 0, "failed": 1}
    email.refresh_from_db()
    assert email.status == Email.Status.FAILED
    assert email.last_error == f"GOV.UK Notify refused it (400): {TEAM_ONLY}"
    assert email.will_retry


def test_a_notify_key_without_a_template_fails_each_message_without_calling_notify(queue, notify, settings):
    settings.NOTIFY_TEMPLATE_ID = ""
    email = queue("reminder:1")
    with mock.patch.object(requests.Session, "request", autospec=True) as request:
        assert services.outbox_send() == {"sent": 0, "failed": 1}
    request.assert_not_called()
    email.refresh_from_db()
    assert "Set NOTIFY_TEMPLATE_ID" in email.last_error


def test_a_message_someone_is_waiting_for_is_sent_as_soon_as_it_is_queued(django_capture_on_commit_callbacks):
    user = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        email = services.email_send_soon(
            key="security-code:1:2026-12-02T10:00:00", to=user.email, subject="Your code", body="123456", user=user
        )
    email.refresh_from_db()
    assert email.status == Email.Status.SENT
    assert [message.to for message in mail.outbox] == [[user.email]]


def test_a_message_someone_is_waiting_for_is_not_sent_if_queuing_it_is_rolled_back(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.email_send_soon(key="security-code:2:x", to="a@example.gov.uk", subject="Your code", body="1")
    assert len(callbacks) == 1  # the send waits for the commit
    assert mail.outbox == []
