"""Each submission once (ADR 0014): a report, recommendation or correction sent twice is made once."""

import pytest
from django.urls import reverse

from followthrough.organisations.models import AddresseeGroup, Organisation
from followthrough.reports.models import Recommendation, Report
from followthrough.testing.once import assert_sent_twice_creates_once, routes_created_once

from .test_pages import REPORT_FORM

pytestmark = pytest.mark.django_db


def _create(make_report, hestia_like):
    return reverse("reports:casework-create"), lambda: dict(REPORT_FORM), Report.casework.count


def _recommendation_add(make_report, hestia_like):
    report = make_report()
    chief_constables = AddresseeGroup.objects.get(code="territorial-chief-constables")
    form = {
        "kind": "recommendation",
        "number": "2",
        "text": "Assure themselves that victims are identified.",
        "groups": [chief_constables.pk],
        "jointly": "no",
        "due_rule": "none",
    }
    url = reverse("reports:casework-recommendation-add", kwargs={"slug": report.slug})
    return url, lambda: dict(form), report.recommendations.count


def _correct(kind, number, addressees):
    def case(make_report, hestia_like):
        recommendation = Recommendation.casework.get(report=hestia_like, kind=kind, number=number)
        form = {"text": "Corrected wording.", "jointly": "no", "reason": "A word was missing", **addressees()}
        url = reverse(f"reports:casework-correct-{kind}", kwargs={"slug": hestia_like.slug, "number": number})
        return url, lambda: dict(form), recommendation.versions.count

    return case


CASES = {
    "casework-create": _create,
    "casework-recommendation-add": _recommendation_add,
    "casework-correct-recommendation": _correct(
        "recommendation", 2, lambda: {"groups": [AddresseeGroup.objects.get(code="territorial-chief-constables").pk]}
    ),
    "casework-correct-action": _correct(
        "action", 1, lambda: {"organisations": [Organisation.objects.get(code="college-of-policing").pk]}
    ),
}


def test_every_form_here_that_creates_a_record_is_sent_twice_below():
    assert sorted(CASES) == routes_created_once("reports")


@pytest.mark.parametrize("route", sorted(CASES))
def test_a_form_sent_twice_makes_one_record(route, signed_in_client, caseworker, make_report, hestia_like):
    url, form, count = CASES[route](make_report, hestia_like)
    assert_sent_twice_creates_once(signed_in_client(caseworker), url, form, count)
