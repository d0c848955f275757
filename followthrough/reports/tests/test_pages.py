import datetime

import pytest
from django.test import Client
from django.utils import timezone

from followthrough.organisations.models import AddresseeGroup, Organisation
from followthrough.reports import services
from followthrough.reports.models import Obligation, Recommendation, Report, State
from followthrough.testing.pages import assert_good_page, error_summary_links, text_of

pytestmark = pytest.mark.django_db


def test_public_list_shows_published_reports_and_not_drafts(hestia_like, make_report):
    make_report(title="A draft nobody may see")
    document = assert_good_page(Client().get("/reports/"))
    text = text_of(document)
    assert "The hidden victims" in text
    assert "A draft nobody may see" not in text
    assert "4 recommendations and 1 action" in text


def test_a_draft_report_and_its_recommendations_are_not_found_by_the_public(make_report, add_recommendation):
    draft = make_report(title="Draft")
    add_recommendation(draft, 1, groups=["home-office"])
    assert_good_page(Client().get(f"/reports/{draft.slug}/"), status=404)
    assert_good_page(Client().get(f"/reports/{draft.slug}/recommendations/1/"), status=404)


def test_a_published_report_shows_its_sections_document_and_history(make_report, add_recommendation, publish):
    report = make_report(
        summary="What the report is about.",
        findings="- first finding\n- second finding",
        material_excluded="Names of victims, for their safety.",
        document_url="https://www.example.gov.uk/report.pdf",
        authors="HMICFRS, the College of Policing and the IOPC",
    )
    add_recommendation(report, 1, groups=["home-office"])
    publish(report)
    document = assert_good_page(Client().get(f"/reports/{report.slug}/"))
    text = text_of(document)
    for words in [
        "What the report is about.",
        "Material left out of the published report",
        "Published 26 May 2021",
        "HMICFRS, the College of Policing and the IOPC",
        "By 20 July 2021",
        "Report published",
    ]:
        assert words in text
    assert [li.text for li in document.find(".//ul[@class='govuk-list govuk-list--bullet']")] == [
        "first finding",
        "second finding",
    ]
    assert "https://www.example.gov.uk/report.pdf" in {a.get("href") for a in document.iter("a")}


def test_addressees_are_grouped_with_counts_and_each_organisation_links_to_its_page(hestia_like):
    document = assert_good_page(Client().get(f"/reports/{hestia_like.slug}/"))
    summaries = [" ".join("".join(s.itertext()).split()) for s in document.iter("summary")]
    assert "Chief constables of the territorial forces (43)" in summaries
    assert "Local policing bodies (43)" in summaries
    hrefs = {a.get("href") for a in document.iter("a")}
    assert "/organisations/warwickshire-police/" in hrefs
    assert "/organisations/home-office/" in hrefs
    assert "Addressed jointly" in text_of(document)


def test_the_report_page_marks_summaries_shows_points_and_due_dates(hestia_like):
    text = text_of(assert_good_page(Client().get(f"/reports/{hestia_like.slug}/")))
    assert "This is a summary of the action, not the report’s own words" in text
    assert "identify possible victims;" in text
    assert "Within 6 months of publication: by 26 November 2021" in text
    assert "43 responses due by 20 July 2021" in text


def test_a_corrected_recommendation_shows_when_and_why_with_the_earlier_wording(hestia_like, caseworker):
    rec = Recommendation.casework.get(report=hestia_like, number=2, kind="recommendation")
    services.recommendation_correct(
        recommendation=rec, corrected_by=caseworker, text="Corrected words.", reason="A word was missing"
    )
    document = assert_good_page(Client().get(f"/reports/{hestia_like.slug}/"))
    text = text_of(document)
    assert "Corrected words." in text
    assert f"Corrected on {timezone.localdate().day}" in text
    assert "A word was missing" in text
    assert "The words of recommendation 2." in text  # the earlier wording, inside the details


def test_a_recommendation_page_lists_each_addressee_with_its_due_dates(hestia_like):
    document = assert_good_page(Client().get(f"/reports/{hestia_like.slug}/recommendations/6/"))
    rows = [[" ".join("".join(td.itertext()).split()) for td in tr.findall("td")] for tr in document.iter("tr")]
    rows = [r for r in rows if r]
    assert [
        "Home Office",
        "No response period",
        "26 November 2021 Source: set by the report",
        "Read the response of Home Office",
    ] in rows
    assert len(rows) == 3


def test_a_recommendation_page_shows_closed_obligations_with_the_reason(hestia_like, caseworker):
    rec = Recommendation.casework.get(report=hestia_like, number=6, kind="recommendation")
    services.recommendation_correct(
        recommendation=rec,
        corrected_by=caseworker,
        groups=[AddresseeGroup.objects.get(code="home-office")],
        reason="Collation is reported separately",
    )
    text = text_of(assert_good_page(Client().get(f"/reports/{hestia_like.slug}/recommendations/6/")))
    assert "No longer addressed to" in text
    assert "Collation is reported separately" in text


def test_an_action_has_its_own_page(hestia_like):
    text = text_of(assert_good_page(Client().get(f"/reports/{hestia_like.slug}/actions/1/")))
    assert "Action 1" in text


CASEWORK_PAGES = [
    "/casework/reports",
    "/casework/reports/new",
    "/casework/reports/{draft}",
    "/casework/reports/{draft}/recommendations/new",
    "/casework/reports/{draft}/publish",
    "/casework/reports/{published}/recommendations/2/correct",
]


@pytest.fixture
def casework_paths(hestia_like, make_report, add_recommendation):
    draft = make_report(title="A draft report")
    add_recommendation(draft, 2, groups=["territorial-chief-constables"])
    return [p.format(draft=draft.slug, published=hestia_like.slug) for p in CASEWORK_PAGES]


def test_casework_pages_are_good_pages_for_a_caseworker(casework_paths, signed_in_client, caseworker):
    client = signed_in_client(caseworker)
    for path in casework_paths:
        assert_good_page(client.get(path))


def test_casework_pages_refuse_an_organisation_editor(casework_paths, signed_in_client, editor):
    client = signed_in_client(editor)
    for path in casework_paths:
        assert_good_page(client.get(path), status=403)
        assert client.post(path).status_code == 403


def test_casework_pages_send_anonymous_visitors_to_sign_in(casework_paths):
    for path in casework_paths:
        response = Client().get(path)
        assert response.status_code == 302
        assert response["Location"].startswith(f"/sign-in?next={path}")


def test_an_empty_report_form_shows_an_error_summary_and_keeps_what_was_typed(signed_in_client, caseworker):
    response = signed_in_client(caseworker).post(
        "/casework/reports/new",
        {"summary": "Typed summary", "planned_on-day": "26", "planned_on-month": "5", "response_count": "56"},
    )
    document = assert_good_page(response)
    links = error_summary_links(document)
    assert ("Enter the title of the report", "#id_title") in links
    assert ("Select whether the report is on a super-complaint or an inspection", "#source") in links
    assert ("The planned publication date must include a year", "#planned_on-day") in links
    assert document.find(".//textarea[@name='summary']").text.strip() == "Typed summary"
    assert document.find(".//input[@name='planned_on-day']").get("value") == "26"
    assert document.find(".//title").text.startswith("Error:")
    assert not Report.casework.exists()


def test_a_caseworker_creates_a_draft_report(signed_in_client, caseworker):
    response = signed_in_client(caseworker).post(
        "/casework/reports/new",
        {
            "title": "Stolen freedom",
            "source": "inspection",
            "planned_on-day": "24",
            "planned_on-month": "10",
            "planned_on-year": "2017",
            "response_count": "56",
            "response_unit": "calendar-days",
            "response_applies_to": "chief-officers-and-local-policing-bodies",
            "progress_return_months": "6",
        },
    )
    report = Report.casework.get()
    assert response.status_code == 302 and response["Location"] == f"/casework/reports/{report.slug}"
    assert report.state == State.DRAFT and report.planned_on == datetime.date(2017, 10, 24)


def test_a_report_on_a_super_complaint_needs_the_complaint(signed_in_client, caseworker):
    response = signed_in_client(caseworker).post(
        "/casework/reports/new",
        {
            "title": "A report",
            "source": "super-complaint",
            "planned_on-day": "1",
            "planned_on-month": "1",
            "planned_on-year": "2021",
            "response_count": "56",
            "response_unit": "calendar-days",
            "response_applies_to": "chief-officers-and-local-policing-bodies",
            "progress_return_months": "6",
        },
    )
    links = error_summary_links(assert_good_page(response))
    assert ("Select the super-complaint the report is on", "#id_super_complaint") in links


def test_a_caseworker_adds_a_recommendation_with_points_and_a_due_date(signed_in_client, caseworker, make_report):
    report = make_report()
    chief_constables = AddresseeGroup.objects.get(code="territorial-chief-constables")
    response = signed_in_client(caseworker).post(
        f"/casework/reports/{report.slug}/recommendations/new",
        {
            "kind": "recommendation",
            "number": "2",
            "text": "Assure themselves that:\n\n- one\n- two",
            "points": "one\n\ntwo\n",
            "groups": [chief_constables.pk],
            "jointly": "no",
            "due_rule": "within-months",
            "due_months": "6",
        },
    )
    assert response.status_code == 302
    rec = report.recommendations.get()
    assert rec.points_list() == ["one", "two"]
    assert rec.due_count == 6 and list(rec.groups.all()) == [chief_constables]


def test_the_recommendation_form_keeps_choices_and_explains_each_problem(signed_in_client, caseworker, make_report):
    report = make_report()
    home_office = Organisation.objects.get(code="home-office")
    response = signed_in_client(caseworker).post(
        f"/casework/reports/{report.slug}/recommendations/new",
        {"kind": "recommendation", "organisations": [home_office.pk], "due_rule": "fixed-date", "jointly": "no"},
    )
    document = assert_good_page(response)
    links = dict(error_summary_links(document))
    assert links["Enter the number the report gives it"] == "#id_number"
    assert links["Enter the text of the recommendation"] == "#id_text"
    assert links["Enter the date it is due"] == "#due_date-day"
    checked = [
        i.get("value")
        for i in document.iter("input")
        if i.get("name") == "organisations" and i.get("checked") is not None
    ]
    assert checked == [str(home_office.pk)]


@pytest.mark.parametrize(
    ("field", "message"),
    [("organisations", "Select organisations from the list"), ("groups", "Select groups from the list")],
)
def test_an_oversized_number_for_an_addressee_is_refused_with_a_message_and_saves_nothing(
    signed_in_client, caseworker, make_report, field, message
):
    report = make_report()
    home_office = Organisation.objects.get(code="home-office")
    data = {
        "kind": "recommendation",
        "number": "2",
        "text": "Assure themselves that victims are identified",
        "organisations": [home_office.pk],
        "jointly": "no",
        "due_rule": "none",
    }
    data[field] = [*data.get(field, []), "999999999999999999999999"]
    response = signed_in_client(caseworker).post(f"/casework/reports/{report.slug}/recommendations/new", data)
    document = assert_good_page(response)
    assert error_summary_links(document) == [(message, f"#{field}")]
    assert document.find(".//textarea[@name='text']").text.strip() == "Assure themselves that victims are identified"
    assert document.find(".//input[@name='number']").get("value") == "2"
    assert not report.recommendations.exists()


def test_the_publish_page_says_how_many_obligations_each_recommendation_creates(
    signed_in_client, caseworker, make_report, add_recommendation
):
    report = make_report()
    add_recommendation(report, 2, groups=["territorial-chief-constables"])
    add_recommendation(report, 4, groups=["territorial-chief-constables", "local-policing-bodies"], jointly=True)
    text = text_of(assert_good_page(signed_in_client(caseworker).get(f"/casework/reports/{report.slug}/publish")))
    assert "This will create 43 obligations for Recommendation 2" in text
    assert "This will create 86 obligations for Recommendation 4" in text
    assert "This will create 129 obligations" in text
    assert not Obligation.casework.exists()


def test_publishing_from_the_confirmation_page_creates_the_obligations(
    signed_in_client, caseworker, make_report, add_recommendation
):
    report = make_report()
    add_recommendation(report, 2, groups=["territorial-chief-constables"])
    client = signed_in_client(caseworker)
    response = client.post(f"/casework/reports/{report.slug}/publish")
    assert response.status_code == 302
    assert Obligation.casework.filter(recommendation__report=report).count() == 43
    assert_good_page(Client().get(f"/reports/{report.slug}/"))
    assert client.get(f"/casework/reports/{report.slug}/publish").status_code == 404


def test_the_correction_form_needs_a_reason_and_keeps_the_new_wording(signed_in_client, caseworker, hestia_like):
    path = f"/casework/reports/{hestia_like.slug}/recommendations/2/correct"
    response = signed_in_client(caseworker).post(path, {"text": "New wording", "jointly": "no", "groups": []})
    document = assert_good_page(response)
    links = dict(error_summary_links(document))
    assert links["Enter why you are correcting the recommendation"] == "#id_reason"
    assert links["Select who it is addressed to"] == "#groups"
    assert document.find(".//textarea[@name='text']").text.strip() == "New wording"


def test_a_caseworker_corrects_a_published_recommendation(signed_in_client, caseworker, hestia_like):
    chief_constables = AddresseeGroup.objects.get(code="territorial-chief-constables")
    path = f"/casework/reports/{hestia_like.slug}/recommendations/2/correct"
    response = signed_in_client(caseworker).post(
        path, {"text": "New wording", "groups": [chief_constables.pk], "jointly": "no", "reason": "A typing error"}
    )
    assert response.status_code == 302
    rec = Recommendation.casework.get(report=hestia_like, number=2, kind="recommendation")
    assert rec.text == "New wording" and rec.version == 2


REPORT_FORM = {
    "title": "Stolen freedom",
    "source": "inspection",
    "planned_on-day": "24",
    "planned_on-month": "10",
    "planned_on-year": "2017",
    "response_count": "56",
    "response_unit": "calendar-days",
    "response_applies_to": "chief-officers-and-local-policing-bodies",
    "progress_return_months": "6",
}


@pytest.fixture
def uploads(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_an_uploaded_report_document_is_public_only_once_the_report_is_published(
    uploads, signed_in_client, caseworker, add_recommendation, publish
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    pdf = SimpleUploadedFile("stolen-freedom.pdf", b"%PDF-1.7\n% a tiny report\n", content_type="application/pdf")
    client = signed_in_client(caseworker)
    assert client.post("/casework/reports/new", {**REPORT_FORM, "document_file": pdf}).status_code == 302
    report = Report.casework.get()
    assert report.document_file.name.startswith("reports/") and "stolen-freedom" not in report.document_file.name
    assert Client().get(f"/reports/{report.slug}/document").status_code == 404
    assert b"".join(client.get(f"/casework/reports/{report.slug}/document").streaming_content).startswith(b"%PDF-")

    add_recommendation(report, 1, groups=["home-office"])
    publish(report)
    response = Client().get(f"/reports/{report.slug}/document")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert "/reports/stolen-freedom/document" in {
        a.get("href") for a in assert_good_page(Client().get(f"/reports/{report.slug}/")).iter("a")
    }


def test_a_report_document_that_is_not_a_pdf_is_refused(uploads, signed_in_client, caseworker):
    from django.core.files.uploadedfile import SimpleUploadedFile

    fake = SimpleUploadedFile("report.pdf", b"MZ this is not a PDF", content_type="application/pdf")
    response = signed_in_client(caseworker).post("/casework/reports/new", {**REPORT_FORM, "document_file": fake})
    assert ("The selected file must be a PDF", "#id_document_file") in error_summary_links(assert_good_page(response))
    assert not Report.casework.exists()


def test_a_report_recorded_from_its_source_needs_the_source_and_a_date_that_has_come(
    signed_in_client, caseworker, make_report, add_recommendation
):
    report = make_report()
    add_recommendation(report, 1, groups=["home-office"])
    later = timezone.localdate() + datetime.timedelta(days=7)
    response = signed_in_client(caseworker).post(
        f"/casework/reports/{report.slug}/publish",
        {
            "how": "from-source",
            "source_on-day": later.day,
            "source_on-month": later.month,
            "source_on-year": later.year,
        },
    )
    assert [message for message, _ in error_summary_links(assert_good_page(response))] == [
        "Enter the name of the document the report is recorded from",
        "The date the document gives for publication must be today or in the past",
    ]
    assert Report.casework.get(pk=report.pk).state == State.DRAFT


def test_a_report_published_now_takes_todays_date_not_the_planned_one(
    signed_in_client, caseworker, make_report, add_recommendation
):
    report = make_report()  # planned for 26 May 2021
    add_recommendation(report, 1, groups=["home-office"])
    response = signed_in_client(caseworker).post(f"/casework/reports/{report.slug}/publish", {"how": "now"})
    assert response.status_code == 302
    published = Report.casework.get(pk=report.pk)
    assert (published.state, published.published_on, published.source_title) == (
        State.PUBLISHED,
        timezone.localdate(),
        "",
    )


def test_a_report_on_a_super_complaint_is_linked_to_the_eligible_complaint_chosen(signed_in_client, caseworker):
    from followthrough.complaints.models import SuperComplaint

    complaint = SuperComplaint.internal.create(
        reference="SC-2019-0002",
        designated_body=Organisation.objects.get(code="hestia"),
        state="eligible",
        received_on=datetime.date(2019, 5, 31),
        title="Underground lives",
    )
    client = signed_in_client(caseworker)
    form = assert_good_page(client.get("/casework/reports/new"))
    options = {o.get("value"): "".join(o.itertext()) for o in form.iter("option")}
    assert options[str(complaint.pk)] == "SC-2019-0002 (Hestia): Underground lives"

    response = client.post(
        "/casework/reports/new", {**REPORT_FORM, "source": "super-complaint", "super_complaint": complaint.pk}
    )
    assert response.status_code == 302
    assert Report.casework.get().super_complaint == complaint
