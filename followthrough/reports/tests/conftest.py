"""Reports built through the services, on the reference organisations the data migration loads."""

import datetime

import pytest

from followthrough.core.provenance import Source
from followthrough.organisations.models import AddresseeGroup, Organisation, Role
from followthrough.reports import services
from followthrough.reports.models import DueRule, Recommendation, Report
from followthrough.testing.factories import member

HESTIA_PUBLISHED = datetime.date(2021, 5, 26)


TEST_SOURCE = "The report as published"


@pytest.fixture
def group():
    return lambda code: AddresseeGroup.objects.get(code=code)


@pytest.fixture
def organisation():
    return lambda code: Organisation.objects.get(code=code)


@pytest.fixture
def editor():
    return member(Role.EDITOR, Organisation.objects.get(code="warwickshire-police"))


@pytest.fixture
def make_report(caseworker):
    def make(published_on=HESTIA_PUBLISHED, **fields):
        fields.setdefault("title", "The hidden victims")
        fields.setdefault("source", Report.Source.INSPECTION)
        return services.report_create(created_by=caseworker, planned_on=published_on, **fields)

    return make


@pytest.fixture
def add_recommendation(caseworker):
    def add(report, number, *, groups=(), organisations=(), kind=Recommendation.Kind.RECOMMENDATION, **fields):
        fields.setdefault("text", f"The words of recommendation {number}.")
        fields.setdefault("due_rule", DueRule.NONE)
        return services.recommendation_add(
            report=report,
            added_by=caseworker,
            kind=kind,
            number=number,
            groups=[AddresseeGroup.objects.get(code=c) for c in groups],
            organisations=[Organisation.objects.get(code=c) for c in organisations],
            **fields,
        )

    return add


@pytest.fixture
def publish(caseworker):
    def run(report, on=None):
        """Record the report as published on its planned day (or `on`), from a named source: the historical path."""
        source = Source(TEST_SOURCE, on=on or report.planned_on)
        return services.report_publish(report=report, published_by=caseworker, source=source)

    return run


@pytest.fixture
def hestia_like(make_report, add_recommendation, publish):
    """A report shaped like Hestia's: home office, chief constables, a joint one, and a six-month monitoring one."""
    report = make_report(title="The hidden victims", source=Report.Source.INSPECTION)
    add_recommendation(report, 1, groups=["home-office"])
    add_recommendation(report, 2, groups=["territorial-chief-constables"], points=["identify possible victims;"])
    add_recommendation(report, 4, groups=["territorial-chief-constables", "local-policing-bodies"], jointly=True)
    add_recommendation(report, 6, groups=["home-office", "npcc-and-apcc"], due_rule=DueRule.WITHIN_MONTHS, due_count=6)
    add_recommendation(
        report, 1, organisations=["college-of-policing"], kind=Recommendation.Kind.ACTION, is_summary=True
    )
    publish(report)
    return report
