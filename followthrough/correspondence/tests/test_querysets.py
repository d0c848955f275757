"""The reads other apps use: letters about a report or a recommendation, what each user may see, overdue replies."""

import datetime

import pytest

from followthrough.organisations.models import Role
from followthrough.testing.factories import member

from .. import services
from ..models import Letter, ReplyRule
from .conftest import organisation

pytestmark = pytest.mark.django_db


def test_public_letters_for_a_report_include_those_about_its_recommendations(
    record_letter, hestia_report, recommendation, second_caseworker
):
    about_report = record_letter(subject="About the report", report=hestia_report)
    about_r6 = record_letter(
        subject="About Recommendation 6", report=hestia_report, recommendations=[recommendation(hestia_report, 6)]
    )
    draft = record_letter(subject="A draft", report=hestia_report, recommendations=[recommendation(hestia_report, 6)])
    record_letter(subject="About nothing")
    for letter in (about_report, about_r6):
        services.letter_clear(letter=letter, cleared_by=second_caseworker, publish_now=True)

    assert set(Letter.public.for_report(hestia_report)) == {about_report, about_r6}
    assert list(Letter.public.for_recommendation(recommendation(hestia_report, 6))) == [about_r6]
    assert list(Letter.public.for_recommendation(recommendation(hestia_report, 1))) == []
    assert draft in Letter.casework.for_report(hestia_report)


def test_the_public_manager_reads_published_and_withheld_letters_only(record_letter, second_caseworker):
    published = services.letter_clear(letter=record_letter(), cleared_by=second_caseworker, publish_now=True)
    withheld = services.letter_withhold(letter=record_letter(), withheld_by=second_caseworker, reason="A victim.")
    cleared = services.letter_clear(letter=record_letter(), cleared_by=second_caseworker)
    record_letter()
    assert set(Letter.public.all()) == {published, withheld}
    assert list(Letter.public.published()) == [published]
    assert cleared not in Letter.public.all()


def test_what_each_user_sees_in_the_register(record_letter, caseworker):
    own = record_letter()
    other = record_letter(from_organisation=organisation("home-office"))
    approver = member(Role.APPROVER, organisation("independent-anti-slavery-commissioner"))
    hestia_user = member(Role.DESIGNATED_BODY_USER, organisation("hestia"))
    assert set(Letter.casework.visible_to(caseworker)) == {own, other}
    assert list(Letter.casework.visible_to(approver)) == [own]
    assert list(Letter.casework.visible_to(hestia_user)) == []


def test_overdue_replies_are_those_past_their_date_with_no_reply(record_letter):
    overdue = record_letter(reply_rule=ReplyRule.FIXED_DATE, reply_by=datetime.date(2021, 11, 1))
    record_letter(reply_rule=ReplyRule.FIXED_DATE, reply_by=datetime.date(2021, 12, 31))
    answered = record_letter(reply_rule=ReplyRule.FIXED_DATE, reply_by=datetime.date(2021, 11, 1))
    record_letter(sent_on=datetime.date(2021, 11, 5), in_reply_to=answered)
    assert list(Letter.casework.reply_overdue(on=datetime.date(2021, 11, 2))) == [overdue]
    assert list(Letter.casework.reply_overdue(on=datetime.date(2021, 11, 1))) == []
