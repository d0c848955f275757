"""The second key through the pages: only inspectorate caseworkers assess claims, once, with reasons, and reopen."""

import datetime

import pytest
from django.urls import reverse

from followthrough.organisations.models import Role
from followthrough.responses import services
from followthrough.responses.models import Assessment, Implementation, Outcome
from followthrough.testing.factories import member
from followthrough.testing.pages import assert_good_page, error_summary_links, text_of

from .test_public_pages import publish_response, publish_return

pytestmark = pytest.mark.django_db

CLAIMED_ON = datetime.date(2021, 12, 1)


@pytest.fixture
def claim(obligation, editor, approver):
    """Warwickshire's published claim that Recommendation 2 is implemented."""
    publish_response(obligation(2), editor, approver)
    return publish_return(
        obligation(2),
        editor,
        approver,
        status=Implementation.IMPLEMENTED,
        narrative="Every officer has completed the bitesize training.",
        on=CLAIMED_ON,
    )


@pytest.fixture
def caseworker_client(signed_in_client, caseworker):
    return signed_in_client(caseworker)


def detail_url(claim):
    return reverse("responses:assessment", kwargs={"return_id": claim.pk})


def test_a_caseworker_sees_claims_waiting_then_assessed_oldest_first(
    caseworker_client, caseworker, claim, obligation, editor, approver
):
    later = publish_return(
        obligation(4), editor, approver, status=Implementation.IMPLEMENTED, narrative="Done.", on=CLAIMED_ON
    )
    assessed = publish_return(
        obligation(2),
        editor,
        approver,
        number=2,
        status=Implementation.IMPLEMENTED,
        narrative="Still done.",
        on=datetime.date(2022, 6, 1),
    )
    services.assessment_record(progress_return=assessed, assessed_by=caseworker, outcome=Outcome.COMPLETE)

    document = assert_good_page(caseworker_client.get(reverse("responses:assessments")))
    tables = document.findall(".//table")
    waiting = [a.get("href") for a in tables[0].iter("a")]
    done = " ".join(" ".join(tables[1].itertext()).split())

    assert waiting == [detail_url(claim), detail_url(later)]
    assert "progress return 2" in done and "Assessed complete on" in done


def test_the_claim_and_assessment_are_side_by_side_with_authors_and_dates(caseworker_client, caseworker, claim):
    services.assessment_record(
        progress_return=claim, assessed_by=caseworker, outcome=Outcome.NOT_COMPLETE, reasons="Custody is not covered."
    )
    document = assert_good_page(caseworker_client.get(detail_url(claim)))
    text = text_of(document)

    assert "Claimed by Warwickshire Police" in text
    assert "Published 1 December 2021 by April Approver" in text
    assert f"Assessed by {caseworker.full_name} on" in text and "assessed not complete" in text
    assert "Custody is not covered." in text
    assert document.find(".//input[@name='action'][@value='reopen']") is not None
    assert document.find(".//input[@name='outcome']") is None


def test_a_caseworker_assesses_a_claim_complete_and_it_is_published(caseworker_client, client, claim, hestia_like):
    response = caseworker_client.post(detail_url(claim), {"action": "assess", "outcome": "complete", "reasons": ""})

    assert response.status_code == 302
    assert claim.current_assessment().outcome == Outcome.COMPLETE
    public = client.get(
        reverse("responses:organisation-response", kwargs={"slug": hestia_like.slug, "code": "warwickshire-police"})
    )
    assert "Assessed by HMICFRS on" in text_of(assert_good_page(public))


def test_reasons_are_required_unless_the_claim_is_complete(caseworker_client, claim):
    response = caseworker_client.post(
        detail_url(claim), {"action": "assess", "outcome": "not-complete", "reasons": " "}
    )

    document = assert_good_page(response)
    assert error_summary_links(document) == [("Give the reasons for the assessment", "#id_reasons")]
    assert document.find(".//input[@name='outcome'][@value='not-complete']").get("checked") is not None
    assert not Assessment.objects.exists()


def test_an_outcome_must_be_chosen(caseworker_client, claim):
    document = assert_good_page(caseworker_client.post(detail_url(claim), {"action": "assess", "reasons": "Typed"}))
    assert error_summary_links(document) == [("Select the outcome of the assessment", "#outcome")]
    assert "Typed" in document.find(".//textarea[@name='reasons']").text


def test_a_claim_assessed_once_cannot_be_assessed_again_without_reopening(caseworker_client, caseworker, claim):
    services.assessment_record(progress_return=claim, assessed_by=caseworker, outcome=Outcome.COMPLETE)

    again = caseworker_client.post(detail_url(claim), {"action": "assess", "outcome": "superseded", "reasons": "No."})
    assert [text for text, _ in error_summary_links(assert_good_page(again))] == [
        "This claim has already been assessed. Reopen the assessment to change it"
    ]
    assert claim.assessments.count() == 1

    no_reason = caseworker_client.post(detail_url(claim), {"action": "reopen", "reason": ""})
    assert error_summary_links(assert_good_page(no_reason)) == [
        ("Say why the assessment is being reopened", "#id_reason")
    ]

    reopened = caseworker_client.post(detail_url(claim), {"action": "reopen", "reason": "New evidence from custody."})
    assert reopened.status_code == 302
    page = assert_good_page(caseworker_client.get(detail_url(claim)))
    assert page.find(".//input[@name='outcome']") is not None  # it can be assessed again

    caseworker_client.post(detail_url(claim), {"action": "assess", "outcome": "not-complete", "reasons": "Gaps."})
    assert [a.outcome for a in claim.assessments.order_by("at", "pk")] == [
        Outcome.COMPLETE,
        Outcome.REOPENED,
        Outcome.NOT_COMPLETE,
    ]


def test_an_organisation_editor_cannot_see_or_assess_claims(signed_in_client, editor, claim):
    client = signed_in_client(editor)
    assert_good_page(client.get(reverse("responses:assessments")), status=403)
    assert_good_page(client.get(detail_url(claim)), status=403)
    response = client.post(detail_url(claim), {"action": "assess", "outcome": "complete"})
    assert response.status_code == 403
    assert not Assessment.objects.exists()


def test_only_caseworkers_may_assess(signed_in_client, claim):
    collator = member(Role.COLLATOR)
    assert signed_in_client(collator).get(detail_url(claim)).status_code == 403


def test_someone_signed_out_is_asked_to_sign_in(client, claim):
    response = client.get(detail_url(claim))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:sign-in"))


def test_a_return_that_claims_nothing_is_not_found(caseworker_client, obligation, editor, approver):
    in_progress = publish_return(
        obligation(2), editor, approver, status=Implementation.IN_PROGRESS, narrative="Working.", on=CLAIMED_ON
    )
    assert_good_page(caseworker_client.get(detail_url(in_progress)), status=404)


def test_a_draft_claim_is_not_found(caseworker_client, obligation, editor):
    from .test_public_pages import progress_return

    draft = progress_return(obligation(2))
    services.return_save(
        progress_return=draft, saved_by=editor, status=Implementation.IMPLEMENTED, narrative="Not sent yet."
    )
    assert_good_page(caseworker_client.get(detail_url(draft)), status=404)
