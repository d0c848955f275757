"""Letters recorded through the services, on the reference organisations the data migration loads."""

import datetime

import pytest

from followthrough.core.provenance import Source
from followthrough.organisations.models import AddresseeGroup, Organisation, Role
from followthrough.reports import services as report_services
from followthrough.reports.models import Recommendation, Report
from followthrough.testing.factories import member

from .. import services

HESTIA_PUBLISHED = datetime.date(2021, 5, 26)


def organisation(code):
    return Organisation.objects.get(code=code)


@pytest.fixture(autouse=True)
def uploads(settings, tmp_path):
    """Every test keeps its files in its own folder: the private store's root (core.files)."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def second_caseworker(db):
    return member(Role.CASEWORKER, organisation("hmicfrs"), full_name="Sam Second")


@pytest.fixture
def home_office_approver(db):
    return member(Role.APPROVER, organisation("home-office"), full_name="Ada Approver")


@pytest.fixture
def hestia_report(caseworker):
    """A published report with Recommendations 1 (Home Office) and 6 (monitoring), like The hidden victims."""
    report = report_services.report_create(
        created_by=caseworker,
        title="The hidden victims",
        source=Report.Source.INSPECTION,
        planned_on=HESTIA_PUBLISHED,
        slug="the-hidden-victims",
    )
    for number in (1, 6):
        report_services.recommendation_add(
            report=report,
            added_by=caseworker,
            kind=Recommendation.Kind.RECOMMENDATION,
            number=number,
            text=f"The words of recommendation {number}.",
            groups=[AddresseeGroup.objects.get(code="home-office")],
            organisations=[],
        )
    report_services.report_publish(
        report=report, published_by=caseworker, source=Source("The report as published", on=HESTIA_PUBLISHED)
    )
    return report


@pytest.fixture
def recommendation():
    def get(report, number):
        return Recommendation.casework.get(report=report, kind=Recommendation.Kind.RECOMMENDATION, number=number)

    return get


@pytest.fixture
def record_letter(caseworker):
    """Record a draft letter from the commissioners to the Home Office, changing any detail given."""

    def record(**fields):
        arguments = {
            "recorded_by": caseworker,
            "sent_on": datetime.date(2021, 10, 27),
            "from_organisation": organisation("independent-anti-slavery-commissioner"),
            "from_office_holder": "Independent Anti-Slavery Commissioner",
            "to_organisation": organisation("home-office"),
            "to_office_holder": "Minister for Safeguarding",
            "subject": "The hidden victims: Recommendation 1",
            "body": "Dear Minister,\n\nWe write about Recommendation 1.\n\nContact [[jo.bloggs@example.org]].",
        }
        arguments.update(fields)
        return services.letter_record(**arguments)

    return record


@pytest.fixture
def published_letter(record_letter, second_caseworker):
    letter = record_letter()
    return services.letter_clear(letter=letter, cleared_by=second_caseworker, publish_now=True)
