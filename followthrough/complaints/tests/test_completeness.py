import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from followthrough.testing.pages import assert_good_page, error_summary_links

from .. import services
from ..models import State, SuperComplaint
from .helpers import draft, organisation
from .test_uploads import SMALL_PDF


@pytest.mark.django_db
def test_an_empty_draft_lists_everything_regulation_4_needs_in_question_order():
    complaint = draft(organisation("hestia"), title="", complete=False)
    assert [p.message for p in services.missing_information(complaint)] == [
        "Enter a title for the super-complaint",
        "Enter the features of policing the complaint is about",
        "Select the police forces the complaint is about",
        "Explain why the features of policing significantly harm the interests of the public",
        "Describe the evidence, or upload at least one file of evidence",
        "Name a person at your organisation we can contact",
        "Enter an email address for the person we can contact",
    ]


@pytest.mark.django_db
def test_a_complete_draft_has_nothing_missing():
    assert services.missing_information(draft(organisation("hestia"))) == []


@pytest.mark.django_db
def test_chosen_forces_answer_the_forces_question():
    complaint = draft(organisation("hestia"), all_section_29a_forces=False)
    assert [p.question for p in services.missing_information(complaint)] == ["forces"]
    services.complaint_update_draft(complaint=complaint, updated_by=None, forces=[organisation("warwickshire-police")])
    assert services.missing_information(complaint) == []


@pytest.mark.django_db
def test_an_evidence_file_is_enough_evidence_without_a_description(hestia_user):
    complaint = draft(organisation("hestia"), evidence_description="")
    assert [p.question for p in services.missing_information(complaint)] == ["evidence"]
    services.evidence_file_add(
        complaint=complaint, upload=SimpleUploadedFile("report.pdf", SMALL_PDF), uploaded_by=hestia_user
    )
    assert services.missing_information(complaint) == []


@pytest.mark.django_db
def test_submission_of_an_incomplete_draft_is_refused_with_the_missing_items():
    complaint = draft(organisation("hestia"), contact_name="", contact_email="")
    with pytest.raises(services.Incomplete) as incomplete:
        services.complaint_submit(complaint=complaint, submitted_by=None)
    assert [p.message for p in incomplete.value.problems] == [
        "Name a person at your organisation we can contact",
        "Enter an email address for the person we can contact",
    ]
    assert SuperComplaint.internal.get(pk=complaint.pk).state == State.DRAFT


@pytest.mark.django_db
def test_check_your_answers_shows_what_is_missing_in_an_error_summary_linking_to_each_question(
    signed_in_client, hestia_user
):
    complaint = draft(organisation("hestia"), features_of_policing="", contact_name="")
    url = reverse("complaints:check-answers", kwargs={"complaint_id": complaint.pk})
    response = signed_in_client(hestia_user).post(url, {"expected_version": complaint.version})
    document = assert_good_page(response)
    assert error_summary_links(document) == [
        (
            "Enter the features of policing the complaint is about",
            f"/your-super-complaints/{complaint.pk}/features?change=yes",
        ),
        (
            "Name a person at your organisation we can contact",
            f"/your-super-complaints/{complaint.pk}/contact?change=yes",
        ),
    ]
    assert document.find(".//title").text.startswith("Error: ")
    assert SuperComplaint.internal.get(pk=complaint.pk).state == State.DRAFT
