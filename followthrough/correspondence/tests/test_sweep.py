"""The daily sweep reminds whoever a published letter is addressed to when its reply is nearly due, and once when it
is overdue, and says nothing on a second run or once a reply is recorded."""

import datetime

import pytest

from followthrough.correspondence import services, sweep
from followthrough.correspondence.models import ReplyRule
from followthrough.notifications.models import Email
from followthrough.organisations.models import Role
from followthrough.testing.factories import member

from .conftest import organisation

pytestmark = pytest.mark.django_db

REPLY_BY = datetime.date(2021, 11, 24)


@pytest.fixture
def minister_office():
    return member(Role.APPROVER, organisation("home-office"), full_name="Home Office Approver")


@pytest.fixture
def letter(record_letter, second_caseworker):
    draft = record_letter(reply_rule=ReplyRule.FIXED_DATE, reply_by=REPLY_BY)
    return services.letter_clear(letter=draft, cleared_by=second_caseworker, publish_now=True)


def inbox(user):
    return [email.subject for email in Email.objects.filter(to=user.email).order_by("pk")]


def test_the_addressee_is_reminded_before_the_reply_is_due_and_once_when_it_is_overdue(letter, minister_office):
    assert sweep.run(on=REPLY_BY - datetime.timedelta(days=30)) == {"letter_reminders_queued": 0}
    assert sweep.run(on=REPLY_BY - datetime.timedelta(days=7)) == {"letter_reminders_queued": 1}
    assert sweep.run(on=REPLY_BY - datetime.timedelta(days=6)) == {"letter_reminders_queued": 0}
    assert sweep.run(on=REPLY_BY + datetime.timedelta(days=1)) == {"letter_reminders_queued": 1}
    assert inbox(minister_office) == [
        "Reply due 24 November 2021: The hidden victims: Recommendation 1",
        "Reply overdue: The hidden victims: Recommendation 1",
    ]
    [email] = Email.objects.filter(to=minister_office.email, subject__startswith="Reply due")
    assert f"/correspondence/{letter.pk}/" in email.body


def test_a_letter_with_its_reply_recorded_is_not_reminded(letter, minister_office, caseworker):
    services.letter_record(
        recorded_by=caseworker,
        sent_on=datetime.date(2021, 11, 20),
        from_organisation=organisation("home-office"),
        from_office_holder="Minister for Safeguarding",
        to_organisation=organisation("independent-anti-slavery-commissioner"),
        to_office_holder="Independent Anti-Slavery Commissioner",
        subject="Reply: The hidden victims",
        body="Thank you for your letter.",
        in_reply_to=letter,
    )
    assert sweep.run(on=REPLY_BY - datetime.timedelta(days=7)) == {"letter_reminders_queued": 0}
    assert inbox(minister_office) == []


def test_an_unpublished_letter_is_not_reminded(record_letter, minister_office):
    record_letter(reply_rule=ReplyRule.FIXED_DATE, reply_by=REPLY_BY)
    assert sweep.run(on=REPLY_BY - datetime.timedelta(days=7)) == {"letter_reminders_queued": 0}
