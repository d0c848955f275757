"""The matrix: every recommendation × every addressee of a report, with its state in words and a national summary."""

import datetime

import pytest
from django.urls import reverse

from followthrough.organisations.models import Organisation
from followthrough.reports.models import Obligation
from followthrough.responses import services
from followthrough.responses.models import Acceptance, Implementation, Outcome
from followthrough.testing.pages import assert_good_page, text_of

from .test_public_pages import people, publish_response, publish_return

pytestmark = pytest.mark.django_db


def matrix(client, report, query=""):
    return client.get(reverse("responses:matrix", kwargs={"slug": report.slug}) + query)


def section(document, anchor):
    return document.find(f".//section[@id='{anchor}']")


def rows(section_element):
    """(organisation, response, implementation, state) for each row of a recommendation's table."""
    result = []
    for row in section_element.findall(".//tbody/tr"):
        organisation = row.find("th/a").text.strip()  # without the link's visually hidden words
        cells = [" ".join(" ".join(cell.itertext()).split()) for cell in row[1:]]
        result.append((organisation, *cells))
    return result


def test_each_recommendation_lists_every_addressee_with_its_state_in_words(
    client, hestia_like, obligation, editor, approver
):
    publish_response(obligation(2), editor, approver)

    document = assert_good_page(matrix(client, hestia_like))
    recommendation_2 = rows(section(document, "recommendation-2"))

    assert len(recommendation_2) == 43
    warwickshire = next(r for r in recommendation_2 if r[0] == "Warwickshire Police")
    assert warwickshire[1:] == ("Accepted, published 1 July 2021", "No progress return yet", "Responded")
    west_mercia = next(r for r in recommendation_2 if r[0] == "West Mercia Police")
    assert west_mercia[1:] == ("Overdue: due 20 July 2021", "No progress return yet", "Response overdue")
    assert (
        len(rows(section(document, "recommendation-4")))
        == 43 + Organisation.objects.local_policing_bodies_on(hestia_like.published_on).count()
    )


def test_each_recommendation_has_a_national_summary(client, hestia_like, obligation, editor, approver):
    publish_response(obligation(2), editor, approver)
    west_mercia_editor, west_mercia_approver = people("west-mercia-police")
    publish_response(
        obligation(2, "west-mercia-police"),
        west_mercia_editor,
        west_mercia_approver,
        acceptance=Acceptance.PARTIALLY_ACCEPTED,
        acceptance_reason="Only some of it applies to us.",
    )

    text = text_of(assert_good_page(matrix(client, hestia_like)))
    assert "Recommendation 2 2 of 43 have responded; 41 overdue" in text
    assert "Recommendation 1 0 of 1 have responded" in text  # the Home Office has no response period, so none overdue


def test_each_organisation_links_to_its_response_page(client, hestia_like):
    document = assert_good_page(matrix(client, hestia_like))
    links = {a.get("href") for a in section(document, "recommendation-2").iter("a")}
    page = reverse("responses:organisation-response", kwargs={"slug": hestia_like.slug, "code": "warwickshire-police"})
    assert f"{page}#recommendation-2" in links


def test_filtering_by_kind_of_body_shows_only_that_kind_and_keeps_the_choice(client, hestia_like):
    document = assert_good_page(matrix(client, hestia_like, "?kind=local-policing-body"))

    shown = [r[0] for r in rows(section(document, "recommendation-4"))]
    commissioners = Obligation.casework.filter(
        recommendation__report=hestia_like, recommendation__number=4, organisation__kind="local-policing-body"
    ).values_list("organisation__name", flat=True)
    assert sorted(shown) == sorted(commissioners)
    assert "Warwickshire Police" not in shown
    assert "None of the 43 addressees match the filters." in text_of(document)
    selected = document.find(".//select[@name='kind']/option[@selected]")
    assert selected.get("value") == "local-policing-body"


def test_filtering_by_state_shows_only_that_state(client, hestia_like, obligation, editor, approver, caseworker):
    publish_response(obligation(2), editor, approver)
    claim = publish_return(
        obligation(2),
        editor,
        approver,
        status=Implementation.IMPLEMENTED,
        narrative="Done.",
        on=datetime.date(2021, 11, 20),
    )
    services.assessment_record(progress_return=claim, assessed_by=caseworker, outcome=Outcome.COMPLETE)

    document = assert_good_page(matrix(client, hestia_like, "?state=assessed-complete"))

    assert [r[0] for r in rows(section(document, "recommendation-2"))] == ["Warwickshire Police"]
    assert rows(section(document, "recommendation-2"))[0][2:] == ("Assessed complete", "Assessed complete")
    assert rows(section(document, "recommendation-4")) == []
    assert document.find(".//select[@name='state']/option[@selected]").get("value") == "assessed-complete"
    assert "1 of 43 addressees match the filters" in text_of(document)


def test_both_filters_together_narrow_the_rows(client, hestia_like):
    document = assert_good_page(matrix(client, hestia_like, "?kind=territorial-force&state=overdue"))
    assert len(rows(section(document, "recommendation-4"))) == 43
    assert rows(section(document, "recommendation-6")) == []


def test_an_unknown_filter_value_is_ignored(client, hestia_like):
    document = assert_good_page(matrix(client, hestia_like, "?kind=spaceship&state=on-fire"))
    assert len(rows(section(document, "recommendation-2"))) == 43
    assert document.find(".//div[@class='govuk-error-summary']") is None


def test_a_published_national_response_is_shown_under_the_summary(client, hestia_like):
    recommendation = Obligation.casework.filter(recommendation__report=hestia_like, recommendation__number=2).first()
    npcc = Organisation.objects.get(code="npcc")
    services.collation_record_from_source(
        recommendation=recommendation.recommendation,
        organisation=npcc,
        text="Forces are training officers to identify victims.",
        source_title="NPCC's national response",
        published_on=datetime.date(2021, 11, 26),
    )

    text = " ".join(
        " ".join(section(assert_good_page(matrix(client, hestia_like)), "recommendation-2").itertext()).split()
    )
    assert "National Police Chiefs' Council published a national response on 26 November 2021" in text


def test_the_matrix_reads_a_fixed_number_of_queries_however_many_obligations(
    client, hestia_like, obligation, editor, approver, caseworker, django_assert_max_num_queries
):
    """134 obligations (1 + 43 + 43 and the commissioners + 3 + 1), with responses, returns, claims and
    assessments: the page reads them in a fixed number of queries, not one or more per obligation."""
    assert Obligation.casework.filter(recommendation__report=hestia_like).count() > 130
    for number in (2, 4):
        publish_response(obligation(number), editor, approver)
    for code in ("west-mercia-police", "kent-police", "devon-and-cornwall-police"):
        force_editor, force_approver = people(code)
        publish_response(obligation(2, code), force_editor, force_approver, acceptance=Acceptance.ACCEPTED)
        claim = publish_return(
            obligation(2, code),
            force_editor,
            force_approver,
            status=Implementation.IMPLEMENTED,
            narrative="Done.",
            on=datetime.date(2021, 11, 20),
        )
        services.assessment_record(progress_return=claim, assessed_by=caseworker, outcome=Outcome.COMPLETE)

    with django_assert_max_num_queries(10):
        response = matrix(client, hestia_like)
    assert_good_page(response)
    with django_assert_max_num_queries(10):
        matrix(client, hestia_like, "?kind=territorial-force&state=assessed-complete")
