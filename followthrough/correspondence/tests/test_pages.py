"""Every page, walked as its users would: valid HTML, a title, unique ids, and what each page must say."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from followthrough.testing.pages import assert_good_page, error_summary_links, text_of

from .. import services
from ..models import Letter, ReplyRule, State
from .conftest import organisation

pytestmark = pytest.mark.django_db


def url(name, letter=None, **kwargs):
    if letter is not None:
        kwargs["letter_id"] = letter.pk
    return reverse(f"correspondence:{name}", kwargs=kwargs or None)


def letter_form_data(**changes):
    data = {
        "sent_on-day": "27",
        "sent_on-month": "10",
        "sent_on-year": "2021",
        "from_organisation": organisation("independent-anti-slavery-commissioner").pk,
        "from_office_holder": "Independent Anti-Slavery Commissioner",
        "also_from": [organisation("victims-commissioner").pk],
        "to_organisation": organisation("home-office").pk,
        "to_office_holder": "Minister for Safeguarding",
        "subject": "The hidden victims",
        "body": "Dear Minister,\n\nPlease reply to [[jo@example.org]].",
        "report": "",
        "reply_rule": "working-days",
        "reply_working_days": "20",
        "action": "save",
    }
    data.update(changes)
    return data


# Public pages --------------------------------------------------------------------------------------------------------


def test_a_published_letter_reads_like_a_letter(published_letter, hestia_report, recommendation, second_caseworker):
    letter = services.letter_record(
        recorded_by=second_caseworker,
        sent_on=datetime.date(2021, 10, 28),
        from_organisation=organisation("independent-anti-slavery-commissioner"),
        from_office_holder="Dame Sara Thornton, Independent Anti-Slavery Commissioner",
        also_from=[organisation("victims-commissioner")],
        to_organisation=organisation("home-office"),
        to_office_holder="Rachel Maclean MP, Minister for Safeguarding",
        subject="Recommendation 1",
        body="Dear Minister,\n\nWrite to [[jo@example.org]].",
        report=hestia_report,
        recommendations=[recommendation(hestia_report, 1), recommendation(hestia_report, 6)],
        reply_rule=ReplyRule.WORKING_DAYS,
        reply_days=20,
    )
    services.letter_clear(letter=letter, cleared_by=published_letter.recorded_by, publish_now=True)
    document = assert_good_page(Client().get(url("detail", letter)))
    text = text_of(document)
    for words in [
        "Dame Sara Thornton, Independent Anti-Slavery Commissioner",
        "Independent Anti-Slavery Commissioner and Victims' Commissioner for England and Wales",
        "Rachel Maclean MP, Minister for Safeguarding",
        "28 October 2021",
        "Within 20 working days of the letter: by 25 November 2021",
        "20 working days beginning with Friday 29 October 2021",
        "Write to [redacted].",
        "1 passage of personal data has been redacted.",
        "No reply has been published.",
        "Published",
    ]:
        assert words in text, words
    assert "jo@example.org" not in document_html(Client().get(url("detail", letter)))
    hrefs = {a.get("href") for a in document.iter("a")}
    assert "/reports/the-hidden-victims/recommendations/1/" in hrefs
    assert "/reports/the-hidden-victims/recommendations/6/" in hrefs
    assert "/reports/the-hidden-victims/" in hrefs
    assert "/organisations/home-office/" in hrefs


def document_html(response):
    return response.content.decode()


def test_replies_are_threaded_below_and_the_letter_answered_is_shown_above(published_letter, record_letter, caseworker):
    reply = record_letter(
        recorded_by=caseworker,
        sent_on=datetime.date(2021, 12, 9),
        from_organisation=organisation("home-office"),
        from_office_holder="Minister for Safeguarding",
        to_organisation=organisation("independent-anti-slavery-commissioner"),
        to_office_holder="Independent Anti-Slavery Commissioner",
        subject="Re: The hidden victims",
        body="Thank you for your letter.",
        in_reply_to=published_letter,
    )
    draft_reply = record_letter(
        sent_on=datetime.date(2021, 12, 10), subject="A draft reply", in_reply_to=published_letter
    )
    services.letter_clear(letter=reply, cleared_by=published_letter.cleared_by, publish_now=True)

    text = text_of(assert_good_page(Client().get(url("detail", published_letter))))
    assert "Letter of 9 December 2021 from Home Office" in text
    assert draft_reply.subject not in text

    document = assert_good_page(Client().get(url("detail", reply)))
    notice = document.find(".//*[@id='in-reply-to']")
    assert "In reply to the letter of 27 October 2021" in " ".join("".join(notice.itertext()).split())
    assert url("detail", published_letter) in {a.get("href") for a in notice.iter("a")}


def test_the_public_register_lists_newest_first_and_filters_by_report(
    published_letter, record_letter, hestia_report, second_caseworker, caseworker
):
    about_report = record_letter(sent_on=datetime.date(2021, 11, 1), subject="About the report", report=hestia_report)
    services.letter_clear(letter=about_report, cleared_by=second_caseworker, publish_now=True)
    withheld = record_letter(sent_on=datetime.date(2021, 11, 2), subject="Withheld one", report=hestia_report)
    services.letter_withhold(letter=withheld, withheld_by=second_caseworker, reason="It names a victim.")
    record_letter(subject="A draft nobody may see", report=hestia_report)

    document = assert_good_page(Client().get(url("list")))
    headings = ["".join(h.itertext()).strip() for h in document.find(".//*[@id='letters']").iter("h2")]
    assert headings == ["Withheld one", "About the report", "The hidden victims: Recommendation 1"]
    assert "Withheld: It names a victim." in text_of(document)
    assert "A draft nobody may see" not in text_of(document)

    document = assert_good_page(Client().get(url("list") + "?report=the-hidden-victims"))
    headings = ["".join(h.itertext()).strip() for h in document.find(".//*[@id='letters']").iter("h2")]
    assert headings == ["Withheld one", "About the report"]
    assert "Showing letters about The hidden victims" in text_of(document)
    options = [o.get("value") for o in document.iter("option")]
    assert options == ["", "the-hidden-victims"]


def test_a_report_filter_no_slug_could_have_shows_every_letter(published_letter):
    for report in ("a%00b", "no such report"):
        text = text_of(assert_good_page(Client().get(f"{url('list')}?report={report}")))
        assert published_letter.subject in text


def test_an_empty_register_says_so():
    assert "No letters have been published yet." in text_of(assert_good_page(Client().get(url("list"))))


def test_a_withheld_letter_shows_its_reason_and_no_text(published_letter, second_caseworker):
    services.letter_withhold(letter=published_letter, withheld_by=second_caseworker, reason="It names a victim.")
    response = Client().get(url("detail", published_letter))
    text = text_of(assert_good_page(response))
    assert "Withheld: It names a victim." in text
    assert "The text of this letter is not published." in text
    assert "We write about Recommendation 1" not in text


# Casework pages ------------------------------------------------------------------------------------------------------


def test_the_casework_register_marks_overdue_replies_in_words(signed_in_client, caseworker, record_letter):
    record_letter(subject="Waiting too long", reply_rule=ReplyRule.WORKING_DAYS, reply_days=20)
    record_letter(subject="No date asked")
    document = assert_good_page(signed_in_client(caseworker).get(url("casework-list")))
    text = text_of(document)
    assert "1 letter is waiting for a reply that is overdue." in text
    assert "Reply overdue by" in text and "it was due by 24 November 2021" in text
    assert "No reply date set" in text
    assert "Draft" in text


def test_a_caseworker_adds_a_letter_and_sees_the_redacted_preview(signed_in_client, caseworker):
    client = signed_in_client(caseworker)
    assert_good_page(client.get(url("casework-add")))
    response = client.post(url("casework-add"), letter_form_data())
    letter = Letter.casework.get(subject="The hidden victims")
    assert response.status_code == 302 and response["Location"] == url("casework-detail", letter)
    assert letter.reply_deadline.due == datetime.date(2021, 11, 24)
    assert list(letter.also_from.values_list("code", flat=True)) == ["victims-commissioner"]

    document = assert_good_page(client.get(url("casework-detail", letter)))
    text = text_of(document)
    assert "Letter recorded as a draft" in text
    assert "Please reply to [[jo@example.org]]." in text  # the original, for casework
    preview = " ".join(document.find(".//*[@id='public-text-preview']").itertext())
    assert "Please reply to [redacted]." in preview
    assert "You recorded or changed this letter, so someone else must clear it" in text
    assert url("casework-clear", letter) not in {a.get("href") for a in document.iter("a")}


def test_bad_input_shows_the_error_summary_and_keeps_what_was_typed(signed_in_client, caseworker):
    client = signed_in_client(caseworker)
    data = letter_form_data(
        **{
            "sent_on-day": "31",
            "sent_on-month": "2",
            "subject": "",
            "body": "Call [[01234 567890.",
            "reply_working_days": "",
        }
    )
    document = assert_good_page(client.post(url("casework-add"), data))
    assert error_summary_links(document) == [
        ("The date of the letter must be a real date", "#sent_on-day"),
        ("Enter the subject of the letter", "#id_subject"),
        ("A passage marked for redaction has no ]] at its end. Put ]] after the words to redact", "#id_body"),
        ("Enter how many working days the recipient has to reply", "#id_reply_working_days"),
    ]
    assert document.find(".//title").text.startswith("Error: ")
    assert document.find(".//textarea[@name='body']").text.strip() == "Call [[01234 567890."
    assert document.find(".//input[@name='sent_on-day']").get("value") == "31"
    assert document.find(".//input[@name='from_office_holder']").get("value") == "Independent Anti-Slavery Commissioner"
    assert Letter.casework.count() == 0


def test_an_oversized_number_for_a_joint_sender_is_refused_with_a_message_and_saves_nothing(
    signed_in_client, caseworker
):
    client = signed_in_client(caseworker)
    data = letter_form_data(also_from=["999999999999999999999999"])
    document = assert_good_page(client.post(url("casework-add"), data))
    assert error_summary_links(document) == [("Select organisations from the list", "#also_from")]
    assert document.find(".//input[@name='subject']").get("value") == "The hidden victims"
    assert document.find(".//input[@name='sent_on-day']").get("value") == "27"
    assert Letter.casework.count() == 0


def test_choosing_a_report_shows_its_recommendations_without_saving(signed_in_client, caseworker, hestia_report):
    client = signed_in_client(caseworker)
    data = letter_form_data(report=hestia_report.pk, action="show-recommendations", subject="")
    document = assert_good_page(client.post(url("casework-add"), data))
    assert Letter.casework.count() == 0
    assert error_summary_links(document) == []
    labels = [" ".join("".join(label.itertext()).split()) for label in document.iter("label")]
    assert any(label.startswith("Recommendation 1: The words of recommendation 1.") for label in labels)
    assert document.find(".//input[@name='sent_on-day']").get("value") == "27"

    rec = hestia_report.recommendations.get(number=6)
    client.post(url("casework-add"), letter_form_data(report=hestia_report.pk, recommendations=[rec.pk]))
    letter = Letter.casework.get()
    assert list(letter.recommendations.all()) == [rec]


def test_a_caseworker_records_a_reply_from_the_recipient(signed_in_client, caseworker, record_letter):
    letter = record_letter(reply_rule=ReplyRule.WORKING_DAYS, reply_days=20)
    client = signed_in_client(caseworker)
    document = assert_good_page(client.get(url("casework-reply", letter)))
    assert document.find(".//select[@name='from_organisation']/option[@selected]").text == "Home Office"
    data = letter_form_data(
        **{
            "sent_on-day": "9",
            "sent_on-month": "12",
            "from_organisation": organisation("home-office").pk,
            "also_from": [],
            "to_organisation": organisation("independent-anti-slavery-commissioner").pk,
            "reply_rule": "none",
            "subject": "Reply",
        }
    )
    response = client.post(url("casework-reply", letter), data)
    reply = Letter.casework.get(subject="Reply")
    assert response["Location"] == url("casework-detail", reply)
    assert reply.in_reply_to == letter
    text = text_of(assert_good_page(client.get(url("casework-detail", letter))))
    assert "Replied on 9 December 2021" in text


def test_a_caseworker_changes_a_draft(signed_in_client, caseworker, record_letter):
    letter = record_letter()
    client = signed_in_client(caseworker)
    document = assert_good_page(client.get(url("casework-edit", letter)))
    assert document.find(".//input[@name='subject']").get("value") == letter.subject
    response = client.post(url("casework-edit", letter), letter_form_data(subject="A better subject"))
    assert response["Location"] == url("casework-detail", letter)
    letter.refresh_from_db()
    assert letter.subject == "A better subject"
    assert "Draft changed" in text_of(assert_good_page(client.get(url("casework-detail", letter))))


def test_a_second_caseworker_clears_and_publishes_from_the_preview(signed_in_client, second_caseworker, record_letter):
    letter = record_letter()
    client = signed_in_client(second_caseworker)
    document = assert_good_page(client.get(url("casework-clear", letter)))
    text = text_of(document)
    assert "1 passage will be replaced with [redacted]:" in text
    assert "jo.bloggs@example.org" in "".join(document.find(".//*[@id='passages']").itertext())
    assert "Contact [redacted]." in "".join(document.find(".//*[@id='public-text-preview']").itertext())

    response = client.post(url("casework-clear", letter), {"decision": "publish"})
    assert response["Location"] == url("casework-detail", letter)
    letter.refresh_from_db()
    assert letter.state == State.PUBLISHED and letter.public_body.endswith("Contact [redacted].")
    text = text_of(assert_good_page(client.get(url("casework-detail", letter))))
    assert "Letter cleared and published" in text
    assert "Cleared for publication" in text and "by Sam Second" in text


def test_clearing_to_publish_later_then_publishing(signed_in_client, second_caseworker, caseworker, record_letter):
    letter = record_letter()
    signed_in_client(second_caseworker).post(url("casework-clear", letter), {"decision": "clear"})
    letter.refresh_from_db()
    assert letter.state == State.CLEARED
    assert_good_page(Client().get(url("detail", letter)), status=404)
    client = signed_in_client(caseworker)  # the author may publish what someone else cleared
    assert_good_page(client.get(url("casework-publish", letter)))
    client.post(url("casework-publish", letter))
    letter.refresh_from_db()
    assert letter.state == State.PUBLISHED


def test_withholding_without_a_reason_shows_the_error_summary(signed_in_client, second_caseworker, record_letter):
    letter = record_letter()
    client = signed_in_client(second_caseworker)
    document = assert_good_page(client.post(url("casework-clear", letter), {"decision": "withhold", "reason": " "}))
    assert error_summary_links(document) == [("Enter why the letter is being withheld", "#id_reason")]
    document = assert_good_page(client.post(url("casework-clear", letter), {}))
    assert error_summary_links(document) == [("Select whether to publish the letter or withhold it", "#decision")]
    client.post(url("casework-clear", letter), {"decision": "withhold", "reason": "It names a victim."})
    letter.refresh_from_db()
    assert letter.state == State.WITHHELD and letter.withheld_reason == "It names a victim."


def test_a_published_letter_can_be_taken_down_with_a_reason(signed_in_client, caseworker, published_letter):
    client = signed_in_client(caseworker)
    document = assert_good_page(client.get(url("casework-withhold", published_letter)))
    assert document.find(".//h1").text == "Take the letter down"
    document = assert_good_page(client.post(url("casework-withhold", published_letter), {"reason": ""}))
    assert error_summary_links(document) == [("Enter why the letter is being withheld", "#id_reason")]
    client.post(url("casework-withhold", published_letter), {"reason": "Personal data was missed."})
    published_letter.refresh_from_db()
    assert published_letter.state == State.WITHHELD
