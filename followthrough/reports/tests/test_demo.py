import datetime
import io

import pytest

from followthrough.organisations.models import Organisation
from followthrough.reports import demo
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


def test_the_demo_publishes_stolen_freedom_as_an_inspection_and_the_other_reports_without_recommendations():
    demo.load(io.StringIO())
    stolen = Report.public.get(slug="stolen-freedom")
    assert stolen.source == Report.Source.INSPECTION
    assert stolen.published_on == datetime.date(2017, 10, 24)
    assert not stolen.recommendations.exists()
    stalking = Report.public.get(slug="stalking")
    assert stalking.published_on == datetime.date(2024, 9, 1)
    assert "day is not recorded" in stalking.published_on_note
    assert "descriptive" in stalking.summary
    assert Report.public.get(slug="safe-to-share").title == "Safe to share?"


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
