"""Each submission once (ADR 0014): a letter or a reply sent twice is recorded once."""

import pytest

from followthrough.testing.once import assert_sent_twice_creates_once, routes_created_once

from ..models import Letter
from .conftest import organisation
from .test_pages import letter_form_data, url

pytestmark = pytest.mark.django_db


def _add(record_letter):
    return url("casework-add"), letter_form_data, Letter.casework.count


def _reply(record_letter):
    letter = record_letter()
    reply = {
        "from_organisation": organisation("home-office").pk,
        "also_from": [],
        "to_organisation": organisation("independent-anti-slavery-commissioner").pk,
        "reply_rule": "none",
        "subject": "Reply",
    }
    return (
        url("casework-reply", letter),
        lambda: letter_form_data(**reply),
        Letter.casework.filter(in_reply_to=letter).count,
    )


CASES = {"casework-add": _add, "casework-reply": _reply}


def test_every_form_here_that_creates_a_record_is_sent_twice_below():
    assert sorted(CASES) == routes_created_once("correspondence")


@pytest.mark.parametrize("route", sorted(CASES))
def test_a_form_sent_twice_makes_one_record(route, signed_in_client, caseworker, record_letter):
    address, form, count = CASES[route](record_letter)
    assert_sent_twice_creates_once(signed_in_client(caseworker), address, form, count)
