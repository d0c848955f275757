"""The matrix as open data in the API: published reports, and who owes what on each, from published material only."""

import datetime

import pytest
from django.test import Client

from followthrough.reports.models import Obligation
from followthrough.responses import services
from followthrough.responses.models import Acceptance
from followthrough.testing.clock import server_date

from .conftest import every_point_answered

pytestmark = pytest.mark.django_db


def _respond(obligation, by, approved_by, on):
    version = services.response_start(obligation=obligation, started_by=by)
    services.response_save(
        version=version,
        saved_by=by,
        acceptance=Acceptance.ACCEPTED,
        done="Training is given.",
        point_answers=every_point_answered(version),
    )
    services.response_submit(version=version, submitted_by=by)
    services.response_approve(version=version, approved_by=approved_by)
    with server_date(on):
        services.response_publish(version=version, published_by=approved_by)


def test_the_reports_list_has_only_published_reports_with_links(hestia_like, make_report):
    make_report(title="A draft nobody may see")
    body = Client().get("/api/v1/reports").json()
    assert [r["title"] for r in body] == ["The hidden victims"]
    assert body[0]["obligations"].endswith(f"/api/v1/reports/{hestia_like.slug}/obligations")


def test_each_obligation_is_a_row_with_its_published_response(hestia_like, obligation, editor, approver, other_editor):
    _respond(obligation(2), editor, approver, datetime.date(2021, 7, 1))
    services.response_start(obligation=obligation(2, "west-mercia-police"), started_by=other_editor)  # a draft

    response = Client().get(f"/api/v1/reports/{hestia_like.slug}/obligations")
    assert response.status_code == 200
    rows = {(r["recommendation"], r["organisation_code"]): r for r in response.json()}
    assert len(rows) == Obligation.public.filter(recommendation__report=hestia_like).count() > 130
    warwickshire_row = rows[("Recommendation 2", "warwickshire-police")]
    assert warwickshire_row["acceptance"] == "accepted"
    assert warwickshire_row["response_published_on"] == "2021-07-01"
    assert warwickshire_row["response_due"] == "2021-07-20"
    assert warwickshire_row["response_late"] is False
    assert warwickshire_row["state"] == "responded"
    west_mercia_row = rows[("Recommendation 2", "west-mercia-police")]
    assert west_mercia_row["acceptance"] is None  # the draft is not published, so it does not count
    assert west_mercia_row["response_published_on"] is None


def test_an_unknown_or_draft_report_is_not_found(make_report):
    draft = make_report(title="Still a draft")
    for slug in (draft.slug, "no-such-report"):
        response = Client().get(f"/api/v1/reports/{slug}/obligations")
        assert response.status_code == 404
        assert response.json() == {"errors": {"slug": ["No published report has this slug"]}}


def test_a_slug_with_a_character_no_slug_has_is_not_found_rather_than_an_error(hestia_like):
    for slug in ("a%00b", f"{hestia_like.slug}%00", "a b"):
        response = Client().get(f"/api/v1/reports/{slug}/obligations")
        assert response.status_code == 404
        assert response.json() == {"errors": {"slug": ["No published report has this slug"]}}
