"""The outbox page: administrators only, every email's status in words, and the last daily sweeps."""

import datetime

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from followthrough.notifications import services
from followthrough.notifications.models import Email, SweepRun
from followthrough.organisations.models import Role
from followthrough.testing.factories import member
from followthrough.testing.pages import assert_good_page, text_of

pytestmark = pytest.mark.django_db

URL = "/outbox"


def test_anonymous_people_are_sent_to_sign_in():
    response = Client().get(URL)
    assert response.status_code == 302
    assert response.url.startswith("/sign-in?next=/outbox")


@pytest.mark.parametrize("role", [Role.CASEWORKER, Role.EDITOR, Role.APPROVER, Role.ANALYST])
def test_people_who_are_not_administrators_may_not_see_the_outbox(role, signed_in_client):
    response = signed_in_client(member(role)).get(URL)
    assert_good_page(response, status=403)


def test_an_empty_outbox_says_so(administrator, signed_in_client):
    text = text_of(assert_good_page(signed_in_client(administrator).get(URL)))
    assert "No emails have been queued yet." in text
    assert "The daily sweep has not run yet." in text


def test_a_superuser_may_see_the_outbox(signed_in_client):
    superuser = member(Role.EDITOR, is_superuser=True)
    assert_good_page(signed_in_client(superuser).get(URL))


def test_the_outbox_shows_each_emails_status_in_words(administrator, signed_in_client, queue, settings):
    settings.OUTBOX_MAX_ATTEMPTS = 2
    queue("sent", to="sent@example.gov.uk", subject="Already sent")
    services.outbox_send()
    queue("waiting", to="waiting@example.gov.uk", subject="Still waiting")
    retry = queue("retry", to="retry@example.gov.uk", subject="Will be tried again")
    Email.objects.filter(pk=retry.pk).update(
        status=Email.Status.FAILED, attempts=1, last_error="ConnectionRefusedError: Connection refused"
    )
    given_up = queue("given-up", to="given-up@example.gov.uk", subject="Given up")
    Email.objects.filter(pk=given_up.pk).update(status=Email.Status.FAILED, attempts=2, last_error="Bad address.")

    document = assert_good_page(signed_in_client(administrator).get(URL))
    rows = {
        row.find("td[2]").text: [" ".join("".join(cell.itertext()).split()) for cell in row.findall("td")]
        for row in document.find(".//table").iter("tr")
        if row.find("td") is not None
    }
    assert rows["sent@example.gov.uk"][3] == "Sent"
    assert rows["sent@example.gov.uk"][4].startswith("Sent ")
    assert rows["sent@example.gov.uk"][4].endswith("through the email server.")
    assert rows["waiting@example.gov.uk"][3:] == ["Waiting to send", "Not sent yet."]
    assert rows["retry@example.gov.uk"][3:] == [
        "Not sent yet",
        "1 attempt so far. Last error: ConnectionRefusedError: Connection refused. It will be tried again.",
    ]
    assert rows["given-up@example.gov.uk"][3:] == [
        "Not sent",
        "2 attempts so far. Last error: Bad address. No more attempts will be made (the limit is 2).",
    ]
    assert "1 email waiting to send, 1 to try again, 1 given up, 1 sent." in text_of(document)
    assert len(mail.outbox) == 1


def test_the_outbox_shows_the_last_sweeps_and_what_each_sweeper_did(administrator, signed_in_client):
    now = timezone.now()
    SweepRun.objects.create(
        on=datetime.date(2021, 7, 21),
        started_at=now,
        finished_at=now,
        sweepers=["followthrough.responses.sweep.run", "followthrough.correspondence.sweep.run"],
        counts={"followthrough.responses.sweep.run": {"reminders_queued": 2, "marked_overdue": 3}},
        errors={"followthrough.correspondence.sweep.run": "Could not be found: No module named 'sweep'"},
    )
    SweepRun.objects.create(on=datetime.date(2021, 7, 20), started_at=now - datetime.timedelta(days=1))
    document = assert_good_page(signed_in_client(administrator).get(URL))
    runs = document.findall(".//table")[-1]
    cells = [[" ".join("".join(c.itertext()).split()) for c in row.findall("td")] for row in runs.iter("tr")][1:]
    assert cells[0][0] == "21 July 2021"
    assert cells[0][3] == "Finished with problems"
    assert [li.text for li in runs.find(".//ul").iter("li")] == [
        "followthrough.responses.sweep.run: marked overdue: 3, reminders queued: 2.",
        "followthrough.correspondence.sweep.run: failed. Could not be found: No module named 'sweep'",
    ]
    assert cells[1][:4] == ["20 July 2021", cells[1][1], "Not finished", "Not finished"]
