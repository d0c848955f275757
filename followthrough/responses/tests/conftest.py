"""A published report shaped like Hestia's, and people at Warwickshire Police to answer it."""

import pytest

from followthrough.organisations.models import Organisation, Role
from followthrough.reports.models import Obligation
from followthrough.reports.tests.conftest import (  # noqa: F401  (fixtures shared with the reports tests)
    add_recommendation,
    group,
    hestia_like,
    make_report,
    organisation,
    publish,
)
from followthrough.testing.factories import member


@pytest.fixture
def warwickshire():
    return Organisation.objects.get(code="warwickshire-police")


@pytest.fixture
def editor(warwickshire):
    return member(Role.EDITOR, warwickshire, full_name="Eden Editor")


@pytest.fixture
def approver(warwickshire):
    return member(Role.APPROVER, warwickshire, full_name="April Approver")


@pytest.fixture
def other_editor():
    return member(Role.EDITOR, Organisation.objects.get(code="west-mercia-police"), full_name="Other Editor")


@pytest.fixture
def obligation(hestia_like):  # noqa: F811
    """Find one of the report's obligations: `obligation(2)` is Warwickshire's on Recommendation 2."""

    def find(number, code="warwickshire-police", kind="recommendation"):
        return Obligation.casework.select_related("recommendation__report", "organisation").get(
            recommendation__report=hestia_like,
            recommendation__kind=kind,
            recommendation__number=number,
            organisation__code=code,
        )

    return find


def every_point_answered(version):
    """Answers for each point a response must address: a draft complete enough to send for sign-off."""
    return {
        answer.position: (f"Our answer to point {answer.position}.", True) for answer in version.point_answers.all()
    }


@pytest.fixture(autouse=True)
def pages_are_given_no_records(monkeypatch):
    """Every page these tests draw is refused if its context holds a record, queryset or manager: the responses
    pages are given presenters and plain values only (docs/adr/0011-presenters-that-allow-not-deny.md)."""
    from followthrough.core import views
    from followthrough.core.presenters import refuse_records

    drawn = views.render

    def render(request, template, context=None, *args, **kwargs):
        refuse_records(template, context or {})
        return drawn(request, template, context, *args, **kwargs)

    monkeypatch.setattr(views, "render", render)
