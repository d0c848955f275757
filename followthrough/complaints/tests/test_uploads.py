import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from followthrough.core import files
from followthrough.organisations.models import Role
from followthrough.testing.factories import member
from followthrough.testing.files import docx_bytes, limit_uploads, pdf_bytes, png_bytes
from followthrough.testing.pages import assert_good_page, error_summary_links

from .. import services
from ..models import EvidenceFile
from .helpers import draft, organisation

SMALL_PDF = pdf_bytes()
WRONG_TYPE = "The selected file must be a PDF, Word, OpenDocument, spreadsheet, CSV, PNG or JPEG"


def detect_content_type(upload):
    return files.check(upload, use="complaint-evidence")


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("report.pdf", SMALL_PDF, "application/pdf"),
        ("chart.png", png_bytes(), "image/png"),
        ("letter.docx", docx_bytes(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("figures.csv", b"force,referrals\nWarwickshire,12\n", "text/csv"),
        ("REPORT.PDF", SMALL_PDF, "application/pdf"),
    ],
)
def test_accepted_types_are_recognised_by_their_content(name, content, expected):
    assert detect_content_type(SimpleUploadedFile(name, content)) == expected


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("photo.png", SMALL_PDF),  # a PDF renamed .png
        ("report.pdf", b"Just some text, not a PDF\n"),  # text renamed .pdf
        ("report.docx", SMALL_PDF),
        ("figures.csv", b"\xff\xfe\x00bad bytes"),  # not UTF-8 text
        ("notes.txt", b"force,referrals\n"),  # CSV content, but not called .csv
        ("archive.zip", b"PK\x03\x04" + b"\x00" * 40),
        ("page.html", b"<!doctype html><script>alert(1)</script>"),
    ],
)
def test_files_whose_content_is_not_an_accepted_type_or_does_not_match_their_name_are_refused(name, content):
    with pytest.raises(ValidationError) as refused:
        detect_content_type(SimpleUploadedFile(name, content))
    assert refused.value.messages == [WRONG_TYPE]


def _upload(client, complaint, name, content):
    url = reverse("complaints:evidence-files", kwargs={"complaint_id": complaint.pk})
    return client.post(url, {"file": SimpleUploadedFile(name, content)})


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("photo.png", SMALL_PDF, WRONG_TYPE),
        ("report.pdf", b"Plain text pretending to be a PDF\n", WRONG_TYPE),
        ("empty.pdf", b"", "The selected file is empty"),
    ],
)
def test_refused_upload_shows_the_govuk_message_in_an_error_summary(
    signed_in_client, hestia_user, name, content, message
):
    complaint = draft(organisation("hestia"))
    document = assert_good_page(_upload(signed_in_client(hestia_user), complaint, name, content))
    assert error_summary_links(document) == [(message, "#id_file")]
    assert not EvidenceFile.objects.filter(complaint=complaint).exists()


@pytest.mark.django_db
def test_a_file_over_the_size_limit_is_refused_with_the_limit_in_words(settings, signed_in_client, hestia_user):
    limit_uploads(settings, "complaint-evidence", 1024 * 1024)
    complaint = draft(organisation("hestia"))
    too_big = SMALL_PDF + b"\n%" + b"x" * (1024 * 1024)
    document = assert_good_page(_upload(signed_in_client(hestia_user), complaint, "big.pdf", too_big))
    assert error_summary_links(document) == [("The selected file must be smaller than 1MB", "#id_file")]
    assert not EvidenceFile.objects.filter(complaint=complaint).exists()


@pytest.mark.django_db
def test_the_default_size_limit_is_20mb():
    too_big = SimpleUploadedFile("big.pdf", b"")
    too_big.size = 20 * 1024 * 1024 + 1
    with pytest.raises(ValidationError) as refused:
        detect_content_type(too_big)
    assert refused.value.messages == ["The selected file must be smaller than 20MB"]


@pytest.mark.django_db
def test_posting_without_choosing_a_file_asks_to_select_one(signed_in_client, hestia_user):
    complaint = draft(organisation("hestia"))
    url = reverse("complaints:evidence-files", kwargs={"complaint_id": complaint.pk})
    document = assert_good_page(signed_in_client(hestia_user).post(url, {}))
    assert error_summary_links(document) == [("Select a file", "#id_file")]


@pytest.mark.django_db
def test_a_small_pdf_is_accepted_and_stored_outside_the_web_root_under_a_random_name(
    signed_in_client, hestia_user, evidence_folder, django_capture_on_commit_callbacks
):
    complaint = draft(organisation("hestia"))
    with django_capture_on_commit_callbacks(execute=True):  # the file is written when the upload commits
        response = _upload(signed_in_client(hestia_user), complaint, "../../Underground lives.pdf", SMALL_PDF)
    assert response.status_code == 302
    evidence = EvidenceFile.objects.get(complaint=complaint)
    assert (evidence.original_name, evidence.content_type, evidence.size) == (
        "Underground lives.pdf",
        "application/pdf",
        len(SMALL_PDF),
    )
    stored = evidence_folder / evidence.file.name
    assert stored.read_bytes() == SMALL_PDF
    assert "Underground" not in evidence.file.name
    assert evidence.uploaded_by == hestia_user


@pytest.mark.django_db
def test_removing_a_draft_file_deletes_it(
    signed_in_client, hestia_user, evidence_folder, django_capture_on_commit_callbacks
):
    complaint = draft(organisation("hestia"))
    with django_capture_on_commit_callbacks(execute=True):
        evidence = services.evidence_file_add(
            complaint=complaint, upload=SimpleUploadedFile("report.pdf", SMALL_PDF), uploaded_by=hestia_user
        )
    url = reverse("complaints:evidence-file-remove", kwargs={"complaint_id": complaint.pk, "file_id": evidence.pk})
    with django_capture_on_commit_callbacks(execute=True):
        response = signed_in_client(hestia_user).post(url)
    assert response.status_code == 302
    assert not EvidenceFile.objects.filter(pk=evidence.pk).exists()
    assert not (evidence_folder / evidence.file.name).exists()


@pytest.fixture
def hestia_file(hestia_user, django_capture_on_commit_callbacks):
    complaint = draft(organisation("hestia"))
    with django_capture_on_commit_callbacks(execute=True):  # the file is written when the upload commits
        return services.evidence_file_add(
            complaint=complaint, upload=SimpleUploadedFile("Underground lives.pdf", SMALL_PDF), uploaded_by=hestia_user
        )


def _download_url(evidence):
    return reverse("complaints:evidence-download", kwargs={"file_id": evidence.pk})


@pytest.mark.django_db
def test_the_body_that_uploaded_a_file_can_download_it_as_an_attachment_never_sniffed(
    signed_in_client, hestia_user, hestia_file
):
    response = signed_in_client(hestia_user).get(_download_url(hestia_file))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == SMALL_PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "Underground lives.pdf" in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.django_db
def test_caseworkers_can_download_evidence_once_the_complaint_is_submitted_but_not_from_a_draft(
    signed_in_client, caseworker, hestia_file
):
    client = signed_in_client(caseworker)
    assert client.get(_download_url(hestia_file)).status_code == 404
    services.complaint_submit(complaint=hestia_file.complaint, submitted_by=None)
    response = client.get(_download_url(hestia_file))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == SMALL_PDF


@pytest.mark.django_db
def test_another_designated_bodys_user_gets_page_not_found_for_the_file(signed_in_client, liberty_user, hestia_file):
    services.complaint_submit(complaint=hestia_file.complaint, submitted_by=None)
    assert signed_in_client(liberty_user).get(_download_url(hestia_file)).status_code == 404


@pytest.mark.django_db
def test_a_force_editor_gets_page_not_found_for_the_file(signed_in_client, hestia_file):
    editor = member(Role.EDITOR, organisation("warwickshire-police"))
    assert signed_in_client(editor).get(_download_url(hestia_file)).status_code == 404


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_sign_in_for_a_file(hestia_file):
    response = Client().get(_download_url(hestia_file))
    assert response.status_code == 302
    assert response["Location"].startswith("/sign-in?next=/evidence-files/")


@pytest.mark.django_db
def test_files_cannot_be_added_once_the_complaint_is_submitted(hestia_user, hestia_file):
    complaint = services.complaint_submit(complaint=hestia_file.complaint, submitted_by=None)
    with pytest.raises(services.IllegalTransition):
        services.evidence_file_add(
            complaint=complaint, upload=SimpleUploadedFile("more.pdf", SMALL_PDF), uploaded_by=hestia_user
        )
