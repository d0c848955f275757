"""National collation: NPCC rolls up the forces, APCC the local policing bodies, and each publishes a national
response that the public can read."""

import pytest
from django.urls import reverse

from followthrough.organisations.models import Organisation, Role
from followthrough.responses.models import Acceptance, Collation
from followthrough.testing.factories import member
from followthrough.testing.pages import assert_good_page, error_summary_links, text_of

from .test_public_pages import people, publish_response

pytestmark = pytest.mark.django_db


def collator_at(code):
    return member(Role.COLLATOR, Organisation.objects.get(code=code))


def detail_url(report, number, kind="recommendation"):
    return reverse("responses:collation-detail", kwargs={"slug": report.slug, "kind": kind, "number": number})


@pytest.fixture
def some_responses(hestia_like, obligation, editor, approver):
    """Warwickshire accepts Recommendation 2; West Mercia's commissioner partially accepts Recommendation 4."""
    publish_response(obligation(2), editor, approver)
    commissioner_editor, commissioner_approver = people("west-mercia-pcc")
    publish_response(
        obligation(4, "west-mercia-pcc"),
        commissioner_editor,
        commissioner_approver,
        acceptance=Acceptance.PARTIALLY_ACCEPTED,
        acceptance_reason="Victim services are commissioned jointly with the county council.",
    )
    return hestia_like


def step_url(report, number, step, code="npcc", kind="recommendation"):
    return reverse(
        "responses:collation-step",
        kwargs={"slug": report.slug, "kind": kind, "number": number, "code": code, "step": step},
    )


def rollup_text(document, report, number):
    """The words of one recommendation's roll-up on the collation page, or None if it is not there."""
    for rollup in document.iterfind(".//div[@class='app-rollup']"):
        if rollup.find(f".//a[@href='{detail_url(report, number)}']") is not None:
            return " ".join(" ".join(rollup.itertext()).split())
    return None


def test_an_npcc_collator_sees_the_forces_roll_up_and_not_the_commissioners(signed_in_client, some_responses):
    document = assert_good_page(signed_in_client(collator_at("npcc")).get(reverse("responses:collation")))

    recommendation_2 = rollup_text(document, some_responses, 2)
    recommendation_4 = rollup_text(document, some_responses, 4)
    assert "1 of 43 have responded; 42 overdue" in recommendation_2
    assert "Accepted 1" in recommendation_2
    assert "0 of 43 have responded; 43 overdue" in recommendation_4  # forces only: the commissioners are APCC's
    assert "Partially accepted 0" in recommendation_4
    assert "West Mercia Police" in recommendation_4
    assert "Police and Crime Commissioner" not in text_of(document)
    assert rollup_text(document, some_responses, 6) is None  # addressed to the Home Office, NPCC and APCC themselves


def test_an_apcc_collator_sees_the_commissioners_roll_up_and_not_the_forces(signed_in_client, some_responses):
    document = assert_good_page(signed_in_client(collator_at("apcc")).get(reverse("responses:collation")))

    recommendation_4 = rollup_text(document, some_responses, 4)
    assert "Partially accepted 1" in recommendation_4
    assert "Police and Crime Commissioner for Warwickshire" in recommendation_4
    assert "Warwickshire Police" not in text_of(document)
    assert rollup_text(document, some_responses, 2) is None


def test_a_collator_at_a_body_that_collates_no_one_gets_nothing(signed_in_client, some_responses):
    client = signed_in_client(collator_at("home-office"))
    text = text_of(assert_good_page(client.get(reverse("responses:collation"))))
    assert "Home Office does not collate other organisations’ responses" in text
    assert "Recommendation 2" not in text
    assert_good_page(client.get(detail_url(some_responses, 2)), status=404)


def test_a_collator_cannot_open_a_recommendation_addressed_to_no_one_they_collate(signed_in_client, some_responses):
    client = signed_in_client(collator_at("apcc"))
    assert_good_page(client.get(detail_url(some_responses, 2)), status=404)
    assert_good_page(client.get(detail_url(some_responses, 4)))
    assert_good_page(client.get(detail_url(some_responses, 4, kind="nonsense")), status=404)


def test_an_organisation_editor_cannot_collate(signed_in_client, editor, some_responses):
    client = signed_in_client(editor)
    assert_good_page(client.get(reverse("responses:collation")), status=403)
    assert client.post(detail_url(some_responses, 2), {"organisation": "npcc", "npcc-text": "No"}).status_code == 403
    assert not Collation.casework.exists()


def test_publishing_a_national_response_keeps_the_roll_up_and_shows_it_publicly(
    signed_in_client, client, some_responses
):
    npcc = signed_in_client(collator_at("npcc"))
    response = npcc.post(
        detail_url(some_responses, 2),
        {"organisation": "npcc", "npcc-text": "Forces are training officers to identify victims."},
    )
    assert response.status_code == 302
    assert not Collation.public.exists()  # a draft until a second collator approves it and it is published
    second = signed_in_client(collator_at("npcc"))
    assert second.post(step_url(some_responses, 2, "approve"), {}).status_code == 302
    assert second.post(step_url(some_responses, 2, "publish"), {}).status_code == 302

    collation = Collation.public.get()
    assert collation.organisation.code == "npcc"
    assert collation.figures["addressees"] == 43 and collation.figures["accepted"] == 1
    assert len(collation.figures["overdue_names"]) == 42

    public = text_of(
        assert_good_page(client.get(reverse("responses:national-responses", kwargs={"slug": some_responses.slug})))
    )
    assert "National Police Chiefs' Council, published" in public
    assert "Forces are training officers to identify victims." in public
    assert "Responded 1 of 43 Accepted 1" in public

    again = text_of(assert_good_page(npcc.get(detail_url(some_responses, 2))))
    assert "National responses already published" in again


def test_a_national_response_needs_text(signed_in_client, some_responses):
    response = signed_in_client(collator_at("npcc")).post(
        detail_url(some_responses, 2), {"organisation": "npcc", "npcc-text": "  "}
    )
    assert error_summary_links(assert_good_page(response)) == [("Enter the collated response", "#id_npcc-text")]
    assert not Collation.casework.exists()


def test_a_collator_cannot_publish_for_a_body_they_do_not_belong_to(signed_in_client, some_responses):
    response = signed_in_client(collator_at("apcc")).post(
        detail_url(some_responses, 4), {"organisation": "npcc", "npcc-text": "Pretending to be NPCC."}
    )
    assert response.status_code == 200
    assert not Collation.casework.exists()


def test_the_national_responses_page_says_when_there_are_none(client, hestia_like):
    response = client.get(reverse("responses:national-responses", kwargs={"slug": hestia_like.slug}))
    assert "No national responses to this report have been published yet." in text_of(assert_good_page(response))
