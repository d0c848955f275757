"""The responses pages are given presenters, never records, and their templates only lay them out (ADR 0011)."""

import datetime

import pytest

from followthrough.core.presenters import RecordInContext, refuse_records
from followthrough.reports.models import Obligation
from followthrough.responses.presenters.public import ReportShown, matrix_table
from followthrough.responses.presenters.shown import VersionShown


@pytest.mark.django_db
def test_a_page_given_a_record_is_refused(hestia_like):
    with pytest.raises(RecordInContext, match="report"):
        refuse_records("responses/public/matrix.jinja", {"report": hestia_like})
    refuse_records("responses/public/matrix.jinja", {"report": ReportShown(hestia_like)})


@pytest.mark.django_db
def test_a_report_shows_only_the_fields_its_presenter_names(hestia_like):
    shown = ReportShown(hestia_like)
    assert (shown.slug, shown.title) == (hestia_like.slug, hestia_like.title)
    assert shown.published == f"{hestia_like.published_on.day} {hestia_like.published_on:%B %Y}"
    assert not hasattr(shown, "summary")  # a field the presenter does not name is not there to show


@pytest.mark.django_db
def test_a_version_is_read_when_it_is_presented_so_its_page_runs_no_query(
    django_assert_num_queries, obligation, editor
):
    from followthrough.responses import services

    version = services.response_start(obligation=obligation(2), started_by=editor)
    services.action_save(
        version=version,
        saved_by=editor,
        description="Train every officer",
        owner_role="Head of training",
        target_date=datetime.date(2031, 1, 31),
    )
    shown = VersionShown(version)
    with django_assert_num_queries(0):
        table = shown.actions_table("version-actions")
        assert [shown.actions[0].description, shown.acceptance_words] == ["Train every officer", ""]
    assert table["rows"] == [
        [{"text": "Train every officer"}, {"text": "Head of training"}, {"text": "31 January 2031"}]
    ]


@pytest.mark.django_db
def test_the_matrix_table_shows_each_state_as_a_tag_in_words(hestia_like):
    from followthrough.responses.presenters import statuses

    obligations = Obligation.public.filter(recommendation__report=hestia_like).select_related(
        "organisation", "recommendation__report", "response_deadline", "recommendation_deadline"
    )
    shown = statuses(obligations)[:2]
    recommendation = shown[0].obligation.recommendation
    table = matrix_table(
        hestia_like,
        {"total": 2, "anchor": "recommendation-1", "recommendation": recommendation},
        shown,
        is_filtered=False,
    )
    assert table["caption"] == "2 addressees"
    assert [str(row[3]["html"]) for row in table["rows"]] == [
        f'<strong class="govuk-tag {s.tag["classes"]}">{s.tag["text"]}</strong>' for s in shown
    ]
