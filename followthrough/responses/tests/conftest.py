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
