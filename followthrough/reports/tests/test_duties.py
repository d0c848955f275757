"""Who must respond to a report, and by when, and where each due date comes from (ADR 0018)."""

import pytest
from django.test import Client

from followthrough.reports.duties import SECTION_55, SET_BY_THE_REPORT, response_duty
from followthrough.reports.models import DueRule, Report
from followthrough.reports.presenters import ObligationPresenter, RecommendationPresenter
from followthrough.testing.pages import assert_good_page, text_of

pytestmark = pytest.mark.django_db


def test_an_inspection_reports_56_day_duty_is_the_local_policing_bodys_under_section_55(hestia_like):
    duty = response_duty(hestia_like)
    assert duty.who == "The local policing body"
    assert "with the chief officer's comments" in duty.what and "for each recommendation" in duty.what
    assert duty.basis == SECTION_55 == "Police Act 1996 s.55(5A)"
    assert duty.provision.words[0].startswith("(5A) The comments of the local policing body, together with any")
    assert "56 days beginning with the day on which the report is published" in duty.provision.words[0]


def test_a_super_complaint_reports_recommendations_have_no_statutory_period(make_report):
    duty = response_duty(make_report(source=Report.Source.SUPER_COMPLAINT, title="Stalking"))
    assert duty.basis == SET_BY_THE_REPORT and duty.provision is None
    assert "no law sets a period" in duty.what


def test_each_due_date_says_where_it_comes_from(hestia_like, make_report, add_recommendation, publish):
    monitoring = hestia_like.recommendations.get(kind="recommendation", number=6)
    assert RecommendationPresenter(monitoring).due_basis == SET_BY_THE_REPORT
    joint = hestia_like.recommendations.get(kind="recommendation", number=4)
    assert RecommendationPresenter(joint).response_due_basis == SECTION_55
    force = ObligationPresenter(joint.obligations.first())
    assert (force.response_due_basis, force.recommendation_due_basis) == (SECTION_55, "")
    home_office = ObligationPresenter(monitoring.obligations.get(organisation__code="home-office"))
    assert (home_office.response_due_basis, home_office.recommendation_due_basis) == ("", SET_BY_THE_REPORT)

    stalking = make_report(source=Report.Source.SUPER_COMPLAINT, title="Stalking")
    add_recommendation(stalking, 1, groups=["territorial-chief-constables"], due_rule=DueRule.WITHIN_DAYS, due_count=30)
    publish(stalking)
    obligation = ObligationPresenter(stalking.recommendations.get().obligations.first())
    assert (obligation.response_due_basis, obligation.recommendation_due_basis) == (
        SET_BY_THE_REPORT,
        SET_BY_THE_REPORT,
    )


def test_an_inspection_reports_page_quotes_section_55_with_its_citation(hestia_like):
    page = assert_good_page(Client().get(f"/reports/{hestia_like.slug}/"))
    quoted = " ".join(" ".join(page.find(".//*[@id='statutory-duty']").itertext()).split())
    assert (
        "Police Act 1996, section 55(5A) and (5B), inserted by the Policing and Crime Act 2017, section 37(2)" in quoted
    )
    assert "why the local policing body has not taken, or does not propose to take, any action in response." in quoted
    assert "(Police Act 1996 s.55(5A))" in text_of(page)


def test_a_super_complaint_reports_page_says_the_report_sets_its_dates_and_quotes_no_law(
    make_report, add_recommendation, publish
):
    report = make_report(source=Report.Source.SUPER_COMPLAINT, title="Stalking")
    add_recommendation(report, 1, groups=["territorial-chief-constables"], due_rule=DueRule.WITHIN_DAYS, due_count=30)
    publish(report)
    page = assert_good_page(Client().get(f"/reports/{report.slug}/"))
    assert page.find(".//*[@id='statutory-duty']") is None
    assert "no law sets a period for a super-complaint report" in text_of(page)
    assert "(set by the report)" in text_of(page)
    table = assert_good_page(Client().get(f"/reports/{report.slug}/recommendations/1/"))
    assert "Source: set by the report" in text_of(table)
