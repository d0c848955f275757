"""Each submission once (ADR 0014): a bank holiday sent twice is added once; a form without a key is refused."""

import datetime

import pytest
from django.test import Client

from followthrough.calendar.models import Holiday
from followthrough.testing.once import assert_sent_twice_creates_once, routes_created_once
from followthrough.testing.pages import assert_good_page, error_summary_links, text_of

pytestmark = pytest.mark.django_db

ADD = "/calendar/bank-holidays/add"
SPECIAL = {"date-day": "8", "date-month": "6", "date-year": "2033", "name": "Special", "reason": "Proclamation"}


def _added():
    return Holiday.objects.filter(date=datetime.date(2033, 6, 8)).count()


CASES = {"holiday-add": (ADD, lambda: dict(SPECIAL), _added)}


def test_every_form_here_that_creates_a_record_is_sent_twice_below():
    assert sorted(CASES) == routes_created_once("calendar")


@pytest.mark.parametrize("route", sorted(CASES))
def test_a_form_sent_twice_makes_one_record(route, signed_in_client, administrator):
    assert_sent_twice_creates_once(signed_in_client(administrator), *CASES[route])


def test_a_form_sent_without_a_key_is_refused_with_an_error_summary_and_nothing_is_saved(
    signed_in_client, administrator
):
    client = signed_in_client(administrator)
    plain = Client()
    plain.cookies = client.cookies  # the same signed-in person, sending a form the service did not render

    document = assert_good_page(plain.post(ADD, SPECIAL), status=400)

    assert error_summary_links(document) == [("Go back to the form and send it again", ADD)]
    assert "Nothing has been saved" in text_of(document)
    assert document.find(".//title").text.startswith("Error: Sorry, your form could not be sent")
    assert _added() == 0
    assert plain.post(ADD, {**SPECIAL, "submission_key": "made-up"}).status_code == 400
    assert _added() == 0
