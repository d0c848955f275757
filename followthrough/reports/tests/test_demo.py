import datetime
import io

import pytest

from followthrough.organisations.models import Organisation
from followthrough.reports import demo, published_records
from followthrough.reports.models import Obligation, Recommendation, Report, State

pytestmark = pytest.mark.django_db


def hestia():
    return Report.casework.get(slug=demo.HESTIA_SLUG)


def test_the_demo_loads_the_hestia_report_with_six_recommendations_and_two_actions():
    demo.load(io.StringIO())
    report = hestia()
    assert report.state == State.PUBLISHED
    assert report.published_on == datetime.date(2021, 5, 26)
    assert report.authors == "HMICFRS, the College of Policing and the IOPC"
    numbers = list(report.recommendations.values_list("kind", "number", "is_summary"))
    assert sorted(numbers) == sorted(
        [("recommendation", n, n == 5) for n in range(1, 7)] + [("action", 1, True), ("action", 2, True)]
    )


def test_the_demo_hestia_obligations_and_dates_match_the_report():
    demo.load(io.StringIO())
    report = hestia()

    def obligations(number, kind="recommendation"):
        return Obligation.casework.filter(
            recommendation__report=report, recommendation__kind=kind, recommendation__number=number
        )

    assert obligations(1).get().organisation.code == "home-office"
    assert obligations(2).count() == obligations(3).count() == 43
    assert obligations(4).count() == 86
    assert {o.organisation.code for o in obligations(6)} == {"home-office", "npcc", "apcc"}
    assert {o.recommendation_deadline.due for o in obligations(6)} == {datetime.date(2021, 11, 26)}
    assert {o.response_deadline.due for o in obligations(2)} == {datetime.date(2021, 7, 20)}
    assert obligations(1, "action").get().organisation.code == "college-of-policing"
    assert obligations(2, "action").get().organisation.code == "hmicfrs"
    r2 = Recommendation.casework.get(report=report, kind="recommendation", number=2)
    assert len(r2.points_list()) == 7
    assert r2.points_list()[-1].startswith("ensure that the statutory defence (provided by section 45")


def test_loading_the_demo_twice_creates_nothing_new():
    demo.load(io.StringIO())
    counts = (Report.casework.count(), Recommendation.casework.count(), Obligation.casework.count())
    demo.load(io.StringIO())
    assert (Report.casework.count(), Recommendation.casework.count(), Obligation.casework.count()) == counts
    assert counts[0] == 8


def test_the_demo_publishes_stolen_freedom_as_an_inspection():
    demo.load(io.StringIO())
    stolen = Report.public.get(slug="stolen-freedom")
    assert stolen.source == Report.Source.INSPECTION
    assert stolen.published_on == datetime.date(2017, 10, 24)


def test_the_stalking_report_was_published_on_27_september_2024_according_to_the_npccs_response():
    demo.load(io.StringIO())
    stalking = Report.public.get(slug="stalking")
    assert stalking.published_on == datetime.date(2024, 9, 27)
    assert stalking.published_on_note == ""
    assert stalking.source_title.startswith("GOV.UK: NPCC response to the stalking super-complaint")
    assert stalking.source_url.startswith("https://gov.uk/government/publications/")


def test_each_super_complaint_report_keeps_its_own_title_and_links_to_where_it_is_published():
    demo.load(io.StringIO())
    for record in published_records.SUPER_COMPLAINT_REPORTS:
        report = Report.public.get(slug=record.slug)
        assert report.title == record.title
        assert report.document_url == record.document.url
        assert "descriptive" not in report.summary
    assert Report.public.get(slug="honour-based-abuse").title.startswith(
        "How the police respond to victims of sexual abuse when the victim is from an ethnic minority background"
    )


def test_every_super_complaint_report_lists_recommendations_each_naming_the_page_its_words_came_from():
    demo.load(io.StringIO())
    reports = Report.public.filter(source=Report.Source.SUPER_COMPLAINT)
    assert reports.count() == 7
    for report in reports:
        recommendations = list(report.recommendations.all())
        assert recommendations, report.slug
        for recommendation in recommendations:
            assert recommendation.source_title, (report.slug, recommendation.title)
            assert recommendation.source_url.startswith("https://"), (report.slug, recommendation.title)


def test_recommendations_to_all_chief_constables_reach_each_of_the_43_forces():
    demo.load(io.StringIO())
    seventh = Recommendation.casework.get(report__slug="stalking", kind="recommendation", number=7)
    obligations = Obligation.casework.filter(recommendation=seventh)
    assert obligations.count() == 43
    assert {o.recommendation_deadline.due for o in obligations} == {datetime.date(2025, 3, 27)}
    assert seventh.points_list() == [
        "Processes should be put in place to make sure this system capability is effectively used by officers and "
        "staff."
    ]


def test_a_recommendation_found_only_in_part_is_marked_as_a_summary_and_says_so():
    demo.load(io.StringIO())
    first = Recommendation.casework.get(report__slug="a-duty-to-protect", kind="recommendation", number=1)
    assert first.is_summary
    assert "Only this first sentence is quoted here" in first.text
    quoted = Recommendation.casework.get(report__slug="safe-to-share", kind="recommendation", number=1)
    assert not quoted.is_summary
    assert quoted.text.startswith("As an interim measure, where officers only have concerns or doubts")


def test_the_demo_links_hestias_report_to_her_complaint_when_the_complaints_demo_made_it():
    from followthrough.complaints.models import SuperComplaint

    complaint = SuperComplaint.internal.create(
        reference="SC-2019-0001",
        designated_body=Organisation.objects.get(code="hestia"),
        state="eligible",
        eligibility_decision="eligible",
        received_on=datetime.date(2019, 5, 31),
        title="Police response to victims of modern slavery",
    )
    demo.load(io.StringIO())
    assert hestia().super_complaint == complaint
    complaint.refresh_from_db()
    assert complaint.state == "report-published"
    assert complaint.report_published_on == datetime.date(2021, 5, 26)


def test_no_super_complaint_report_page_says_it_lists_no_recommendations_and_each_links_to_its_sources():
    from django.test import Client

    from followthrough.testing.pages import assert_good_page, text_of

    demo.load(io.StringIO())
    listing = text_of(assert_good_page(Client().get("/reports/")))
    # Only Stolen freedom, the 2017 inspection, whose recommendations no source held here quotes: it says so, and its
    # page links to the report rather than saying it has none.
    assert "No recommendations listed" not in listing
    assert listing.count("Recommendations not recorded here yet") == 1
    stolen = text_of(assert_good_page(Client().get("/reports/stolen-freedom/")))
    assert "This report’s recommendations are not recorded here yet." in stolen
    for record in published_records.SUPER_COMPLAINT_REPORTS:
        document = assert_good_page(Client().get(f"/reports/{record.slug}/"))
        text = text_of(document)
        assert "No recommendations listed" not in text
        assert "does not list any recommendations" not in text
        links = {a.get("href") for a in document.iter("a")}
        assert record.document.url in links
        assert {rec.source.url for rec in record.recommendations} <= links
        first = record.recommendations[0]
        page = assert_good_page(Client().get(f"/reports/{record.slug}/{first.kind}s/{first.number}/"))
        assert first.source.url in {a.get("href") for a in page.iter("a")}
