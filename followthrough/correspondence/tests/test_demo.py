import datetime
import io

import pytest

from followthrough.accounts import demo as accounts_demo
from followthrough.core.models import AuditEntry
from followthrough.reports import demo as reports_demo

from .. import demo
from ..models import Letter, State

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded():
    accounts_demo.load(io.StringIO())
    reports_demo.load(io.StringIO())
    out = io.StringIO()
    demo.load(out)
    return out.getvalue()


def letters():
    return list(Letter.casework.order_by("sent_on"))


def test_the_demo_loads_the_two_letters_with_their_real_dates_senders_and_recipients(loaded):
    letter, reply = letters()
    assert letter.sent_on == datetime.date(2021, 10, 27)
    assert reply.sent_on == datetime.date(2021, 12, 9)
    assert letter.from_organisation.code == "independent-anti-slavery-commissioner"
    assert [o.code for o in letter.also_from.all()] == ["victims-commissioner"]
    assert letter.to_organisation.code == "home-office"
    assert "Minister for Safeguarding" in letter.to_office_holder
    assert reply.from_organisation.code == "home-office"
    assert reply.to_organisation.code == "independent-anti-slavery-commissioner"
    assert [o.code for o in reply.also_to.all()] == ["victims-commissioner"]
    assert "/correspondence/" in loaded


def test_the_reply_is_threaded_to_the_letter_it_answers(loaded):
    letter, reply = letters()
    assert reply.in_reply_to == letter
    assert list(letter.replies.all()) == [reply]
    assert letter.in_reply_to is None


def test_the_demo_letters_are_linked_to_the_hidden_victims_and_the_recommendations_they_discuss(loaded):
    for item in letters():
        assert item.report.slug == reports_demo.HESTIA_SLUG
        assert sorted(r.number for r in item.recommendations.all()) == [1, 6]


def test_the_demo_letters_are_recorded_by_one_caseworker_and_cleared_by_the_other_with_officials_emails_redacted(
    loaded,
):
    letter, reply = letters()
    for item in (letter, reply):
        assert item.state == State.PUBLISHED
        assert item.recorded_by.email == "caseworker@example.gov.uk"
        assert item.cleared_by.email == "second.caseworker@example.gov.uk"
        assert item.published_by.email == "second.caseworker@example.gov.uk"
        assert item.is_author(item.recorded_by) and not item.is_author(item.cleared_by)
        assert "victims.commissioner@victimscommissioner.org.uk" in item.public_body
    assert letter.public_body.startswith("Dame Sara Thornton DBE QPM")
    assert "We look forward to receiving your response." in letter.public_body
    assert letter.redaction_count == 2 and "shelley.perera" not in letter.public_body
    assert "[[shelley.perera@iasc.independent.gov.uk]]" in letter.body
    assert reply.redaction_count == 1 and "Sara.Thornton@" not in reply.public_body
    assert "I welcome your offer of support to progress work on Recommendation One" in reply.public_body
    assert "handwritten signature" not in reply.body


def test_loading_the_demo_twice_changes_nothing(loaded):
    before = [(item.pk, item.state, item.public_body) for item in letters()]
    audit_entries = AuditEntry.objects.count()
    demo.load(io.StringIO())
    assert [(item.pk, item.state, item.public_body) for item in letters()] == before
    assert AuditEntry.objects.count() == audit_entries
