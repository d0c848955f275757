"""Letters appear on the pages of the report and recommendation they are about, once published."""

import pytest

from followthrough.testing.pages import assert_good_page, text_of

pytestmark = pytest.mark.django_db


def test_a_published_letter_is_listed_on_its_reports_page_and_recommendations_page(
    client, hestia_report, recommendation, record_letter, second_caseworker
):
    from .. import services

    letter = record_letter(report=hestia_report, recommendations=[recommendation(hestia_report, 1)])
    report_page = text_of(assert_good_page(client.get(f"/reports/{hestia_report.slug}/")))
    assert "No letters about this have been published." in report_page
    assert letter.subject not in report_page

    services.letter_clear(letter=letter, cleared_by=second_caseworker, publish_now=True)
    report_page = text_of(assert_good_page(client.get(f"/reports/{hestia_report.slug}/")))
    recommendation_page = text_of(assert_good_page(client.get(f"/reports/{hestia_report.slug}/recommendations/1/")))
    other_page = text_of(assert_good_page(client.get(f"/reports/{hestia_report.slug}/recommendations/6/")))
    assert letter.subject in report_page
    assert letter.subject in recommendation_page
    assert letter.subject not in other_page
