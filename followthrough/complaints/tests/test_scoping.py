import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from followthrough.testing.pages import assert_good_page, text_of

from .. import services
from ..models import State, SuperComplaint
from .helpers import complaint_in, draft, organisation
from .test_uploads import SMALL_PDF

# Every page of the designated body's journey that takes a complaint, by URL name.
BODY_PAGES = [
    "detail",
    "title",
    "features",
    "forces",
    "harm",
    "evidence",
    "evidence-files",
    "contact",
    "check-answers",
    "submitted",
    "withdraw",
]


@pytest.fixture
def hestia_draft(hestia_user):
    complaint = draft(organisation("hestia"), title="Hestia's private draft")
    evidence = services.evidence_file_add(
        complaint=complaint, upload=SimpleUploadedFile("private.pdf", SMALL_PDF), uploaded_by=hestia_user
    )
    return complaint, evidence


@pytest.mark.django_db
@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize("name", BODY_PAGES)
def test_a_designated_body_user_cannot_reach_another_bodys_draft_by_any_page(
    signed_in_client, liberty_user, hestia_draft, name, method
):
    complaint, _ = hestia_draft
    url = reverse(f"complaints:{name}", kwargs={"complaint_id": complaint.pk})
    response = getattr(signed_in_client(liberty_user), method)(url, {"expected_version": complaint.version})
    document = assert_good_page(response, status=404)
    assert "Hestia's private draft" not in text_of(document)
    assert SuperComplaint.internal.get(pk=complaint.pk).version == complaint.version


@pytest.mark.django_db
@pytest.mark.parametrize("method", ["get", "post"])
def test_a_designated_body_user_cannot_download_or_remove_another_bodys_evidence(
    signed_in_client, liberty_user, hestia_draft, method
):
    complaint, evidence = hestia_draft
    client = signed_in_client(liberty_user)
    remove = reverse("complaints:evidence-file-remove", kwargs={"complaint_id": complaint.pk, "file_id": evidence.pk})
    download = reverse("complaints:evidence-download", kwargs={"file_id": evidence.pk})
    assert getattr(client, method)(remove).status_code == 404
    assert getattr(client, method)(download).status_code == 404
    assert complaint.evidence_files.filter(pk=evidence.pk).exists()


@pytest.mark.django_db
def test_another_bodys_file_cannot_be_removed_through_ones_own_draft(signed_in_client, liberty_user, hestia_draft):
    _, evidence = hestia_draft
    own = draft(organisation("liberty"))
    url = reverse("complaints:evidence-file-remove", kwargs={"complaint_id": own.pk, "file_id": evidence.pk})
    assert signed_in_client(liberty_user).post(url).status_code == 404


@pytest.mark.django_db
def test_the_dashboard_lists_only_ones_own_organisations_complaints(signed_in_client, liberty_user, hestia_draft):
    own = draft(organisation("liberty"), title="Liberty's own draft")
    text = text_of(assert_good_page(signed_in_client(liberty_user).get(reverse("complaints:dashboard"))))
    assert own.title in text
    assert "Hestia's private draft" not in text


@pytest.mark.django_db
def test_the_public_and_caseworkers_cannot_see_a_draft(signed_in_client, caseworker, hestia_draft):
    complaint, _ = hestia_draft
    assert "Hestia's private draft" not in Client().get(reverse("complaints:public-list")).content.decode()
    inbox = signed_in_client(caseworker).get(reverse("complaints:inbox")).content.decode()
    assert "Hestia's private draft" not in inbox
    assert SuperComplaint.public.filter(pk=complaint.pk).count() == 0


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_sign_in_from_private_pages(hestia_draft):
    complaint, _ = hestia_draft
    for url in (
        reverse("complaints:dashboard"),
        reverse("complaints:start"),
        reverse("complaints:detail", kwargs={"complaint_id": complaint.pk}),
        reverse("complaints:inbox"),
    ):
        response = Client().get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(f"/sign-in?next={url}")


@pytest.mark.django_db
def test_a_submitted_complaint_cannot_be_changed_through_its_questions(signed_in_client, hestia_user):
    complaint = complaint_in("submitted", organisation("hestia"))
    url = reverse("complaints:title", kwargs={"complaint_id": complaint.pk})
    response = signed_in_client(hestia_user).post(url, {"title": "A new title"})
    assert response.status_code == 302
    assert response["Location"] == reverse("complaints:detail", kwargs={"complaint_id": complaint.pk})
    saved = SuperComplaint.internal.get(pk=complaint.pk)
    assert (saved.title, saved.state) == (complaint.title, State.SUBMITTED)
