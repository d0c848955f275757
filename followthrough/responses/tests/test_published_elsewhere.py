"""The historical path through the pages: a caseworker enters a response or return published elsewhere first, with
its source, and the public pages say where it came from; a source with no date is "date not known", never late."""

import datetime

import pytest
from django.urls import reverse

from followthrough.responses import services
from followthrough.responses.models import Acceptance, Implementation, ProgressReturn, ResponseVersion, State
from followthrough.testing.clock import server_date
from followthrough.testing.pages import assert_good_page, error_summary_links, text_of

from .test_public_pages import FIRST_RETURN_DUE, progress_return, publish_response, response_page

pytestmark = pytest.mark.django_db

SOURCE = "Warwickshire PCC: response to The hidden victims"
TODAY = datetime.date(2022, 3, 1)


@pytest.fixture
def caseworker_client(signed_in_client, caseworker):
    return signed_in_client(caseworker)


def list_url(report, code="warwickshire-police"):
    return f"{reverse('responses:published-elsewhere')}?report={report.slug}&organisation={code}"


def response_url(obligation):
    return reverse("responses:response-from-source", kwargs={"obligation_id": obligation.pk})


def return_url(progress_return):
    return reverse("responses:return-from-source", kwargs={"return_id": progress_return.pk})


def response_form(obligation, **overrides):
    data = {
        "source_title": SOURCE,
        "source_url": "https://www.example.gov.uk/hidden-victims-response",
        "no_date": "on",
        "acceptance": Acceptance.ACCEPTED,
        "done": "Bitesize training on modern slavery is available to all officers.",
    }
    for point in obligation.recommendation.points.all():
        data[f"point_{point.position}"] = f"Our answer to point {point.position}."
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def test_the_list_shows_what_is_recorded_for_each_recommendation_with_a_link_to_enter_it(
    caseworker_client, hestia_like, obligation
):
    page = text_of(assert_good_page(caseworker_client.get(list_url(hestia_like))))
    assert "Warwickshire Police: The hidden victims" in page
    assert "None recorded" in page
    html = caseworker_client.get(list_url(hestia_like)).content.decode()
    assert response_url(obligation(2)) in html


def test_a_caseworker_enters_a_response_whose_source_gives_no_date_and_the_public_page_says_so(
    client, caseworker_client, hestia_like, obligation
):
    with server_date(TODAY):
        answer = caseworker_client.post(response_url(obligation(2)), response_form(obligation(2)))
    assert answer.status_code == 302 and answer.url == list_url(hestia_like)
    version = ResponseVersion.casework.get(response__obligation=obligation(2))
    assert version.state == State.PUBLISHED
    assert version.published_on is None
    assert version.source_title == SOURCE
    assert version.point_answers.get().answer == "Our answer to point 1."
    public = text_of(assert_good_page(response_page(client, hestia_like, "warwickshire-police")))
    assert f"date not known, according to {SOURCE}; recorded here on 1 March 2022" in public
    assert "late" not in public.lower().replace("latest", "")


def test_a_response_with_the_date_its_source_gives_counts_from_that_date(caseworker_client, hestia_like, obligation):
    with server_date(TODAY):
        caseworker_client.post(
            response_url(obligation(2)),
            response_form(
                obligation(2), no_date=None, **{"source_on-day": "1", "source_on-month": "7", "source_on-year": "2021"}
            ),
        )
    version = ResponseVersion.casework.get(response__obligation=obligation(2))
    assert version.published_on == datetime.date(2021, 7, 1)
    assert version.recorded_at.date() == TODAY


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"source_title": ""}, "source_title", "Enter the name of the document the response is recorded from"),
        ({"no_date": None}, "source_on", "Enter the date the document gives for publication, or select that it"),
        (
            {"no_date": None, "source_on-day": "1", "source_on-month": "1", "source_on-year": "2030"},
            "source_on",
            "must be today or in the past",
        ),
        ({"source_on-day": "1", "source_on-month": "7", "source_on-year": "2021"}, "source_on", "not both"),
        ({"point_1": ""}, "point_1", "Answer point 1, or say why it is not addressed"),
        ({"acceptance": Acceptance.NOT_ACCEPTED}, "not_accepted_reason", "Explain why"),
    ],
)
def test_a_response_without_its_source_or_an_answer_is_refused_and_what_was_typed_is_kept(
    caseworker_client, hestia_like, obligation, overrides, field, message
):
    data = response_form(obligation(2), **overrides)
    answer = caseworker_client.post(response_url(obligation(2)), data)
    links = error_summary_links(assert_good_page(answer))
    assert any(message in text and field in href for text, href in links), links
    assert "Bitesize training on modern slavery" in answer.content.decode()
    assert not ResponseVersion.casework.filter(response__obligation=obligation(2), state=State.PUBLISHED).exists()


def test_a_response_the_organisation_is_writing_is_left_to_them(caseworker_client, hestia_like, obligation, editor):
    draft = services.response_start(obligation=obligation(2), started_by=editor)
    services.response_save(version=draft, saved_by=editor, acceptance=Acceptance.ACCEPTED, done="Our own words.")
    page = text_of(assert_good_page(caseworker_client.get(list_url(hestia_like))))
    assert "Warwickshire Police is writing one here (draft)" in page
    answer = caseworker_client.post(response_url(obligation(2)), response_form(obligation(2)))
    assert "is already writing a response to this recommendation" in text_of(assert_good_page(answer))
    draft.refresh_from_db()
    assert (draft.state, draft.done) == (State.DRAFT, "Our own words.")
    assert ResponseVersion.casework.filter(response__obligation=obligation(2)).count() == 1


def test_a_published_response_can_be_corrected_from_a_later_source(
    caseworker_client, hestia_like, obligation, editor, approver
):
    publish_response(obligation(2), editor, approver)
    caseworker_client.post(response_url(obligation(2)), response_form(obligation(2), done="Updated training."))
    latest = ResponseVersion.casework.filter(response__obligation=obligation(2)).order_by("-number").first()
    assert (latest.number, latest.state, latest.done) == (2, State.PUBLISHED, "Updated training.")
    assert latest.change_note == f"Entered from {SOURCE}"


def test_a_return_entered_with_its_source_date_after_the_due_date_shows_as_late(
    client, caseworker_client, hestia_like, obligation
):
    record = progress_return(obligation(2))
    data = {
        "source_title": SOURCE,
        "source_on-day": "10",
        "source_on-month": "1",
        "source_on-year": "2022",
        "status": Implementation.IN_PROGRESS,
        "narrative": "Training is under way.",
    }
    with server_date(TODAY):
        answer = caseworker_client.post(return_url(record), data)
    assert answer.status_code == 302
    record.refresh_from_db()
    assert (record.state, record.published_on, record.is_late) == (State.PUBLISHED, datetime.date(2022, 1, 10), True)
    assert record.published_on > FIRST_RETURN_DUE


def test_a_return_whose_source_gives_no_date_is_neither_late_nor_on_time(caseworker_client, hestia_like, obligation):
    record = progress_return(obligation(2))
    data = {"source_title": SOURCE, "no_date": "on", "status": Implementation.IN_PROGRESS, "narrative": "Under way."}
    caseworker_client.post(return_url(record), data)
    record.refresh_from_db()
    assert (record.state, record.published_on, record.is_late) == (State.PUBLISHED, None, False)


def test_a_return_the_organisation_has_started_is_left_to_them(caseworker_client, hestia_like, obligation, editor):
    record = progress_return(obligation(2))
    services.return_save(progress_return=record, saved_by=editor, status="", narrative="Our draft.")
    data = {"source_title": SOURCE, "no_date": "on", "status": Implementation.IN_PROGRESS, "narrative": "Theirs."}
    answer = caseworker_client.post(return_url(record), data)
    assert "has already started this return in the service" in text_of(assert_good_page(answer))
    record.refresh_from_db()
    assert (record.state, record.narrative) == (State.DRAFT, "Our draft.")


def test_only_caseworkers_enter_records_from_a_source(signed_in_client, editor, hestia_like, obligation):
    editor_client = signed_in_client(editor)
    assert editor_client.get(list_url(hestia_like)).status_code == 403
    assert editor_client.post(response_url(obligation(2)), response_form(obligation(2))).status_code == 403
    assert not ResponseVersion.casework.exists()
    assert ProgressReturn.casework.filter(state=State.PUBLISHED).count() == 0


def test_the_report_casework_page_links_to_the_list_with_the_report_chosen(caseworker_client, hestia_like):
    page = caseworker_client.get(reverse("reports:casework-detail", kwargs={"slug": hestia_like.slug}))
    link = f"{reverse('responses:published-elsewhere')}?report={hestia_like.slug}"
    assert_good_page(page)
    assert link in page.content.decode()


def test_the_list_opened_with_only_a_report_shows_it_chosen_and_no_error(caseworker_client, hestia_like):
    page = caseworker_client.get(f"{reverse('responses:published-elsewhere')}?report={hestia_like.slug}")
    document = assert_good_page(page)
    assert error_summary_links(document) == []
    assert f'<option value="{hestia_like.slug}" selected>' in page.content.decode()


def test_the_list_without_an_organisation_chosen_says_what_to_choose(caseworker_client, hestia_like):
    page = caseworker_client.get(f"{reverse('responses:published-elsewhere')}?report={hestia_like.slug}&organisation=")
    assert [text for text, _ in error_summary_links(assert_good_page(page))] == ["Select the organisation"]
