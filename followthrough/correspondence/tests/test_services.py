"""The register's rules, through its service functions: the workflow, two people to clear, redaction, reply dates."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import DatabaseError, IntegrityError, connection, transaction

from followthrough.core.models import AuditEntry
from followthrough.organisations.models import Role
from followthrough.testing.factories import member

from .. import services
from ..models import Letter, ReplyRule, State, StatusChange
from .conftest import organisation

pytestmark = pytest.mark.django_db


def audit_reasons(letter):
    return list(
        AuditEntry.objects.filter(object_id=str(letter.pk), content_type__model="letter")
        .order_by("pk")
        .values_list("action", "reason")
    )


# The workflow --------------------------------------------------------------------------------------------------------


def test_a_recorded_letter_is_a_draft_with_its_history_and_audit_entry(record_letter, caseworker):
    letter = record_letter()
    assert letter.state == State.DRAFT
    assert letter.recorded_by == caseworker
    assert [(c.from_state, c.to_state, c.title) for c in letter.history.all()] == [("", State.DRAFT, "Letter recorded")]
    assert audit_reasons(letter) == [(AuditEntry.Action.CREATED, "")]


def test_draft_to_cleared_to_published_writes_a_history_row_for_each_step(record_letter, second_caseworker):
    letter = record_letter()
    services.letter_clear(letter=letter, cleared_by=second_caseworker)
    assert letter.state == State.CLEARED and letter.cleared_by == second_caseworker
    services.letter_publish(letter=letter, published_by=second_caseworker)
    assert letter.state == State.PUBLISHED and letter.published_at is not None
    steps = [(c.from_state, c.to_state) for c in letter.history.order_by("pk")]
    assert steps == [("", "draft"), ("draft", "cleared"), ("cleared", "published")]
    assert [c.title for c in letter.history.order_by("pk")] == [
        "Letter recorded",
        "Cleared for publication",
        "Published",
    ]


def test_publishing_straight_from_clearance_records_both_steps(record_letter, second_caseworker):
    letter = services.letter_clear(letter=record_letter(), cleared_by=second_caseworker, publish_now=True)
    assert letter.state == State.PUBLISHED
    assert [c.to_state for c in letter.history.order_by("pk")] == ["draft", "cleared", "published"]


def test_a_draft_cannot_be_published_without_being_cleared(record_letter, second_caseworker):
    letter = record_letter()
    with pytest.raises(ValidationError, match="This letter is draft, so you cannot publish it"):
        services.letter_publish(letter=letter, published_by=second_caseworker)
    assert Letter.casework.get(pk=letter.pk).state == State.DRAFT


def test_a_published_letter_cannot_be_cleared_again_or_changed(published_letter, second_caseworker, caseworker):
    with pytest.raises(ValidationError, match="This letter is published, so you cannot clear it"):
        services.letter_clear(letter=published_letter, cleared_by=second_caseworker)
    with pytest.raises(services.IllegalTransition, match="Only a draft can be changed"):
        services.letter_update(letter=published_letter, updated_by=caseworker, subject="A new subject")


def test_withholding_is_final(published_letter, second_caseworker):
    services.letter_withhold(letter=published_letter, withheld_by=second_caseworker, reason="Names a victim.")
    with pytest.raises(ValidationError, match="This letter is withheld, so you cannot publish it"):
        services.letter_publish(letter=published_letter, published_by=second_caseworker)
    with pytest.raises(ValidationError, match="This letter is withheld, so you cannot withhold it"):
        services.letter_withhold(letter=published_letter, withheld_by=second_caseworker, reason="Again.")


# Two people ----------------------------------------------------------------------------------------------------------


def test_the_caseworker_who_recorded_a_letter_cannot_clear_it(record_letter, caseworker):
    letter = record_letter()
    with pytest.raises(ValidationError, match="someone else at His Majesty's Inspectorate .* must clear it"):
        services.letter_clear(letter=letter, cleared_by=caseworker, publish_now=True)
    assert Letter.casework.get(pk=letter.pk).state == State.DRAFT


def test_a_caseworker_who_changed_the_draft_cannot_clear_it(record_letter, second_caseworker):
    letter = record_letter()
    services.letter_update(letter=letter, updated_by=second_caseworker, subject="The hidden victims: a correction")
    with pytest.raises(ValidationError, match="someone else at His Majesty's Inspectorate .* must clear it"):
        services.letter_clear(letter=letter, cleared_by=second_caseworker)


def test_the_author_cannot_withhold_their_own_draft_either(record_letter, caseworker):
    letter = record_letter()
    with pytest.raises(ValidationError, match="someone else at His Majesty's Inspectorate .* must withhold it"):
        services.letter_withhold(letter=letter, withheld_by=caseworker, reason="Not needed.")


def test_an_approver_at_the_sending_organisation_can_clear_its_letter(record_letter, home_office_approver):
    letter = record_letter(
        from_organisation=organisation("home-office"), to_organisation=organisation("hmicfrs"), to_office_holder="HMCIC"
    )
    services.letter_clear(letter=letter, cleared_by=home_office_approver, publish_now=True)
    assert letter.state == State.PUBLISHED and letter.cleared_by == home_office_approver


@pytest.mark.parametrize(
    ("role", "code"),
    [
        (Role.APPROVER, "home-office"),  # an approver, but at the recipient, not the sender
        (Role.DESIGNATED_BODY_USER, "hestia"),
        (Role.EDITOR, "independent-anti-slavery-commissioner"),
    ],
)
def test_nobody_else_can_clear_a_letter(record_letter, role, code):
    letter = record_letter()
    with pytest.raises(ValidationError, match="Only an inspectorate caseworker at .* or an organisation approver at"):
        services.letter_clear(letter=letter, cleared_by=member(role, organisation(code)), publish_now=True)
    assert Letter.casework.get(pk=letter.pk).state == State.DRAFT


# Redaction -----------------------------------------------------------------------------------------------------------


def test_clearing_stores_the_public_text_and_keeps_the_original(record_letter, second_caseworker):
    letter = record_letter(body="Dear Minister,\n\nCall [[Jo on 01234 567890]] or write to [[jo@example.org]].")
    services.letter_clear(letter=letter, cleared_by=second_caseworker)
    stored = Letter.casework.get(pk=letter.pk)
    assert stored.public_body == "Dear Minister,\n\nCall [redacted] or write to [redacted]."
    assert stored.redaction_count == 2
    assert stored.body == "Dear Minister,\n\nCall [[Jo on 01234 567890]] or write to [[jo@example.org]]."
    assert "2 passages redacted." in stored.history.get(to_state=State.CLEARED).note


def test_a_draft_has_no_public_text_until_it_is_cleared(record_letter):
    assert record_letter().public_body == ""


def test_badly_marked_text_is_refused_when_recorded(record_letter):
    with pytest.raises(ValidationError) as error:
        record_letter(body="Call [[01234 567890.")
    assert "has no ]] at its end" in error.value.message_dict["body"][0]


def test_a_letter_with_no_text_and_no_file_cannot_be_cleared(record_letter, second_caseworker):
    letter = record_letter(body="")
    with pytest.raises(ValidationError, match="no text and no file"):
        services.letter_clear(letter=letter, cleared_by=second_caseworker)


# Withholding ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("reason", ["", "   "])
def test_withholding_needs_a_reason(record_letter, second_caseworker, reason):
    letter = record_letter()
    with pytest.raises(ValidationError) as error:
        services.letter_withhold(letter=letter, withheld_by=second_caseworker, reason=reason)
    assert error.value.message_dict["reason"] == ["Enter why the letter is being withheld"]
    assert Letter.casework.get(pk=letter.pk).state == State.DRAFT


def test_the_database_refuses_a_withheld_letter_without_a_reason(record_letter):
    letter = record_letter()
    with pytest.raises(IntegrityError), transaction.atomic():
        Letter.casework.filter(pk=letter.pk).update(state=State.WITHHELD, withheld_reason="")


def test_withholding_a_published_letter_removes_its_public_text_and_says_why(published_letter, caseworker):
    services.letter_withhold(letter=published_letter, withheld_by=caseworker, reason="It names a victim.")
    stored = Letter.casework.get(pk=published_letter.pk)
    assert stored.state == State.WITHHELD
    assert stored.withheld_reason == "It names a victim."
    assert stored.public_body == ""
    assert "[[jo.bloggs@example.org]]" in stored.body
    assert audit_reasons(stored)[-1] == (AuditEntry.Action.UPDATED, "It names a victim.")
    assert stored.history.get(to_state=State.WITHHELD).note == "It names a victim."


# Reply dates ---------------------------------------------------------------------------------------------------------


def test_a_reply_within_working_days_is_counted_from_the_day_after_the_letter(record_letter):
    letter = record_letter(reply_rule=ReplyRule.WORKING_DAYS, reply_days=20)
    deadline = letter.reply_deadline
    assert deadline.due == datetime.date(2021, 11, 24)
    assert deadline.start == datetime.date(2021, 10, 28)
    assert deadline.explanation.startswith("20 working days beginning with Thursday 28 October 2021")
    assert deadline.owner == letter


def test_working_days_skip_bank_holidays_and_say_so(record_letter):
    letter = record_letter(sent_on=datetime.date(2021, 12, 20), reply_rule=ReplyRule.WORKING_DAYS, reply_days=5)
    assert letter.reply_deadline.due == datetime.date(2021, 12, 29)
    explanation = letter.reply_deadline.explanation
    assert "Monday 27 December 2021 (bank holiday" in explanation
    assert "Tuesday 28 December 2021 (bank holiday" in explanation


def test_a_reply_within_calendar_days_ends_that_many_days_after_the_letter(record_letter):
    letter = record_letter(sent_on=datetime.date(2021, 3, 1), reply_rule=ReplyRule.CALENDAR_DAYS, reply_days=14)
    assert letter.reply_deadline.due == datetime.date(2021, 3, 15)
    assert "14 calendar days beginning with Tuesday 2 March 2021" in letter.reply_deadline.explanation


def test_a_fixed_reply_date_is_kept_with_its_explanation(record_letter):
    letter = record_letter(reply_rule=ReplyRule.FIXED_DATE, reply_by=datetime.date(2021, 11, 26))
    assert letter.reply_deadline.due == datetime.date(2021, 11, 26)
    assert letter.reply_deadline.explanation == "A fixed date: 26 November 2021."


def test_no_reply_rule_means_no_deadline(record_letter):
    assert record_letter().reply_deadline is None


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"reply_rule": ReplyRule.WORKING_DAYS}, "reply_days", "Enter how many days the recipient has to reply"),
        ({"reply_rule": ReplyRule.FIXED_DATE}, "reply_by", "Enter the date a reply is due"),
        (
            {"reply_rule": ReplyRule.FIXED_DATE, "reply_by": datetime.date(2021, 10, 1)},
            "reply_by",
            "The date a reply is due must be the same as or after the date of the letter",
        ),
    ],
)
def test_a_reply_rule_needs_its_number_or_date(record_letter, fields, field, message):
    with pytest.raises(ValidationError) as error:
        record_letter(**fields)
    assert error.value.message_dict[field] == [message]


def test_changing_the_date_moves_the_reply_date_and_keeps_the_old_one_closed(record_letter, second_caseworker):
    letter = record_letter(reply_rule=ReplyRule.CALENDAR_DAYS, reply_days=14)
    old = letter.reply_deadline
    services.letter_update(letter=letter, updated_by=second_caseworker, sent_on=datetime.date(2021, 11, 1))
    old.refresh_from_db()
    assert old.is_open is False and old.due == datetime.date(2021, 11, 10)
    assert letter.reply_deadline.due == datetime.date(2021, 11, 15)
    assert letter.history.order_by("pk").last().note == "Changed: date."


def test_recording_a_reply_threads_it_and_stops_the_reply_date(record_letter, caseworker):
    letter = record_letter(reply_rule=ReplyRule.WORKING_DAYS, reply_days=20)
    reply = record_letter(
        sent_on=datetime.date(2021, 12, 9),
        from_organisation=organisation("home-office"),
        to_organisation=organisation("independent-anti-slavery-commissioner"),
        in_reply_to=letter,
    )
    letter.reply_deadline.refresh_from_db()
    assert list(letter.replies.all()) == [reply]
    assert letter.reply_deadline.is_open is False
    assert list(Letter.casework.reply_overdue(on=datetime.date(2022, 1, 1))) == []


def test_a_reply_cannot_be_dated_before_the_letter_it_answers(record_letter):
    letter = record_letter()
    with pytest.raises(ValidationError) as error:
        record_letter(sent_on=datetime.date(2021, 10, 1), in_reply_to=letter)
    assert "after the date of the letter it answers" in error.value.message_dict["sent_on"][0]


def test_a_letter_cannot_be_dated_in_the_future(record_letter):
    with pytest.raises(ValidationError) as error:
        record_letter(sent_on=datetime.date.today() + datetime.timedelta(days=1))
    assert error.value.message_dict["sent_on"] == ["The date of the letter must be today or in the past"]


# Links and history ---------------------------------------------------------------------------------------------------


def test_recommendations_must_come_from_the_letters_report(record_letter, hestia_report, recommendation, caseworker):
    from followthrough.reports import services as report_services
    from followthrough.reports.models import Report

    other = report_services.report_create(
        created_by=caseworker, title="Another", source=Report.Source.INSPECTION, planned_on=datetime.date(2021, 1, 1)
    )
    with pytest.raises(ValidationError) as error:
        record_letter(report=other, recommendations=[recommendation(hestia_report, 1)])
    assert "recommendations" in error.value.message_dict


def test_the_history_cannot_be_changed_or_deleted(record_letter):
    change = record_letter().history.get()
    with pytest.raises(ValidationError):
        change.save()
    with pytest.raises(ValidationError):
        change.delete()
    with pytest.raises(ValidationError):
        StatusChange.objects.all().update(note="rewritten")
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE correspondence_statuschange SET note = 'rewritten' WHERE id = %s", [change.pk])


def test_every_change_is_audited(record_letter, second_caseworker):
    letter = record_letter()
    services.letter_update(letter=letter, updated_by=second_caseworker, subject="New subject")
    letter2 = record_letter()
    services.letter_clear(letter=letter2, cleared_by=second_caseworker, publish_now=True)
    assert [reason for _, reason in audit_reasons(letter)] == ["", "Draft changed: subject"]
    reasons = [reason for _, reason in audit_reasons(letter2)]
    assert reasons[1] == "1 passage redacted."
    assert reasons[2] == ""  # publishing needs no reason: the history row says it was published, by whom and when
    assert [c.title for c in letter2.history.order_by("pk")] == [
        "Letter recorded",
        "Cleared for publication",
        "Published",
    ]


# The one workflow (ADR 0018) -----------------------------------------------------------------------------------------


def test_a_letter_cleared_from_a_page_loaded_before_the_draft_changed_is_refused(record_letter, caseworker):
    letter = record_letter()
    shown = letter.version
    services.letter_update(letter=letter, updated_by=caseworker, subject="The hidden victims: a new subject")
    clearer = member(Role.CASEWORKER, organisation("hmicfrs"), full_name="Third Caseworker")
    with pytest.raises(ValidationError, match="Someone else changed this letter"):
        services.letter_clear(letter=letter, cleared_by=clearer, expected_version=shown)
    assert Letter.casework.get(pk=letter.pk).state == State.DRAFT
    services.letter_clear(letter=letter, cleared_by=clearer, expected_version=Letter.casework.get(pk=letter.pk).version)
    assert Letter.casework.get(pk=letter.pk).state == State.CLEARED


def test_each_step_names_who_took_it_and_the_organisation_they_acted_for(record_letter, home_office_approver):
    letter = record_letter(
        from_organisation=organisation("home-office"), to_organisation=organisation("hmicfrs"), to_office_holder="HMCIC"
    )
    services.letter_clear(letter=letter, cleared_by=home_office_approver, publish_now=True)
    published = letter.history.get(to_state=State.PUBLISHED)
    assert (published.actor, published.actor_organisation_label) == (home_office_approver, "Home Office")
    assert letter.published_by == home_office_approver and letter.version == 3
