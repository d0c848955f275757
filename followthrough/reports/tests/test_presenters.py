import datetime

import pytest

from followthrough.reports.models import DueRule, Recommendation
from followthrough.reports.presenters import ObligationPresenter, RecommendationPresenter, ReportPresenter
from followthrough.reports.services import recommendation_correct

pytestmark = pytest.mark.django_db


def presenter(report, number, kind=Recommendation.Kind.RECOMMENDATION):
    return RecommendationPresenter(Recommendation.casework.get(report=report, kind=kind, number=number))


def test_addressee_groups_count_the_organisations_each_group_meant_on_publication(hestia_like):
    groups = presenter(hestia_like, 4).addressee_groups()
    assert [(g["label"], g["count"]) for g in groups] == [
        ("Chief constables of the territorial forces (43)", 43),
        ("Local policing bodies (43)", 43),
    ]
    assert groups[0]["organisations"] == sorted(groups[0]["organisations"], key=lambda o: o["name"])


def test_an_organisation_named_directly_is_its_own_entry(hestia_like):
    groups = presenter(hestia_like, 1, kind=Recommendation.Kind.ACTION).addressee_groups()
    assert [(g["label"], g["single"]) for g in groups] == [("College of Policing", True)]


def test_due_text_says_the_rule_and_the_date(hestia_like, make_report, add_recommendation):
    assert presenter(hestia_like, 6).due_text == "Within 6 months of publication: by 26 November 2021"
    assert presenter(hestia_like, 2).due_text == "The report sets no date"
    draft = make_report()
    add_recommendation(draft, 1, groups=["home-office"], due_rule=DueRule.IMMEDIATELY)
    add_recommendation(
        draft, 2, groups=["home-office"], due_rule=DueRule.FIXED_DATE, due_date=datetime.date(2022, 3, 1)
    )
    add_recommendation(draft, 3, groups=["home-office"], due_rule=DueRule.WITHIN_DAYS, due_count=28)
    assert presenter(draft, 1).due_text == "Immediately, from publication on 26 May 2021"
    assert presenter(draft, 2).due_text == "By 1 March 2022"
    assert presenter(draft, 3).due_text == "Within 28 days of publication: by 22 June 2021"


def test_response_due_text_counts_the_addressees_that_owe_a_response(hestia_like):
    assert presenter(hestia_like, 4).response_due_text == "86 responses due by 20 July 2021"
    assert presenter(hestia_like, 1).response_due_text == ""


def test_a_summary_is_marked_with_a_tag(hestia_like):
    assert presenter(hestia_like, 1, kind=Recommendation.Kind.ACTION).summary_tag == {
        "text": "Summary",
        "classes": "govuk-tag--grey",
    }
    assert presenter(hestia_like, 2).summary_tag is None


def test_corrections_say_when_and_why_oldest_first(hestia_like, caseworker):
    rec = Recommendation.casework.get(report=hestia_like, number=2, kind="recommendation")
    recommendation_correct(recommendation=rec, corrected_by=caseworker, text="Second.", reason="First fix")
    recommendation_correct(recommendation=rec, corrected_by=caseworker, text="Third.", reason="Second fix")
    corrections = presenter(hestia_like, 2).corrections()
    assert [c["reason"] for c in corrections] == ["First fix", "Second fix"]
    assert [c["previous"]["text"] for c in corrections][1] == "Second."
    assert corrections[0]["text"].endswith(": First fix")
    assert corrections[0]["text"].startswith("Corrected on ")


def test_an_obligation_shows_its_dates_or_says_there_are_none(hestia_like):
    rec = Recommendation.casework.get(report=hestia_like, number=6, kind="recommendation")
    home_office = ObligationPresenter(rec.obligations.get(organisation__code="home-office"))
    assert home_office.response_due_text == "No response period"
    assert home_office.recommendation_due_text == "26 November 2021"
    assert home_office.status_tag["text"] == "Addressee"


def test_the_report_summary_says_when_responses_are_due_and_from_whom(hestia_like):
    rows = {r["key"]["text"]: r["value"]["text"] for r in ReportPresenter(hestia_like).summary_rows()}
    assert rows["Published"].startswith("26 May 2021, according to The report as published; recorded here on ")
    assert rows["Responses due"] == (
        "By 20 July 2021, from chief officers and local policing bodies: 56 days beginning with the day of publication"
    )
    assert rows["Progress reported"] == "Every 6 months"


def test_the_public_timeline_leaves_out_drafting_steps(hestia_like):
    titles = [e.title for e in ReportPresenter(hestia_like).events()]
    assert titles == ["Report published"]
    assert "Report drafted" in [e.title for e in ReportPresenter(hestia_like, public=False).events()]
