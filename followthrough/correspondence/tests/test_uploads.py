"""A letter's file is checked by what it contains, kept under a random name, and refused if it is not what it says."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from followthrough.core import files
from followthrough.testing.files import docx_bytes, limit_uploads, pdf_bytes
from followthrough.testing.pages import assert_good_page, error_summary_links

from .. import services
from ..models import Letter

pytestmark = pytest.mark.django_db

WRONG_TYPE = "The selected file must be a PDF, Word document, OpenDocument text, PNG or JPEG"
CHOOSE = "Select the letter's file"

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
WINDOWS_PROGRAM = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 64


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("letter.pdf", WINDOWS_PROGRAM),  # a program dressed as a PDF
        ("letter.pdf", PNG),  # an image called a PDF would open in the wrong program
        ("letter.pdf", docx_bytes()),
        ("letter.pdf", b"Dear Minister, this is plain text."),
        ("letter.exe", pdf_bytes()),  # a real PDF with a name that is not a PDF's
        ("letter", pdf_bytes()),
    ],
)
def test_a_file_whose_content_does_not_match_an_accepted_type_is_refused(name, content):
    with pytest.raises(ValidationError) as error:
        files.check(SimpleUploadedFile(name, content), use="letter")
    assert error.value.messages == [WRONG_TYPE]


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("letter.pdf", pdf_bytes(), "application/pdf"),
        ("LETTER.PDF", pdf_bytes(), "application/pdf"),
        ("reply.docx", docx_bytes(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("scan.png", PNG, "image/png"),
    ],
)
def test_accepted_files_are_recognised_by_their_content(name, content, expected):
    assert files.check(SimpleUploadedFile(name, content), use="letter") == expected


def test_empty_and_oversized_files_are_refused(settings):
    with pytest.raises(ValidationError, match="The selected file is empty"):
        files.check(SimpleUploadedFile("letter.pdf", b""), use="letter")
    limit_uploads(settings, "letter", 100)
    with pytest.raises(ValidationError, match="The selected file must be smaller than 100 bytes"):
        files.check(SimpleUploadedFile("letter.pdf", pdf_bytes()), use="letter")


def test_a_disguised_file_is_refused_on_the_page_and_nothing_is_stored(
    signed_in_client, caseworker, record_letter, uploads
):
    letter = record_letter()
    client = signed_in_client(caseworker)
    page_url = reverse("correspondence:casework-upload", kwargs={"letter_id": letter.pk})
    assert_good_page(client.get(page_url))
    document = assert_good_page(client.post(page_url, {"file": SimpleUploadedFile("letter.pdf", WINDOWS_PROGRAM)}))
    assert error_summary_links(document) == [(WRONG_TYPE, "#id_file")]
    letter.refresh_from_db()
    assert not letter.file
    assert not uploads.exists() or not any(uploads.iterdir())

    document = assert_good_page(client.post(page_url, {}))
    assert error_summary_links(document) == [(CHOOSE, "#id_file")]


def test_an_accepted_file_is_stored_under_a_random_name_outside_the_web_root(
    signed_in_client, caseworker, record_letter, uploads, django_capture_on_commit_callbacks
):
    letter = record_letter()
    client = signed_in_client(caseworker)
    page_url = reverse("correspondence:casework-upload", kwargs={"letter_id": letter.pk})
    with django_capture_on_commit_callbacks(execute=True):  # the file is written when the upload commits
        response = client.post(page_url, {"file": SimpleUploadedFile("../Minister letter.pdf", pdf_bytes())})
    assert response.status_code == 302
    letter.refresh_from_db()
    assert letter.file_name == "Minister letter.pdf"
    assert letter.file_content_type == "application/pdf"
    stored = uploads / letter.file.name
    assert stored.exists() and "Minister" not in letter.file.name
    assert stored.read_bytes().startswith(b"%PDF-")
    assert letter.history.order_by("pk").last().note.startswith("File attached: Minister letter.pdf")

    download = client.get(reverse("correspondence:casework-file", kwargs={"letter_id": letter.pk}))
    assert download.status_code == 200
    assert 'filename="Minister letter.pdf"' in download["Content-Disposition"]
    assert download["Cache-Control"] == "private, no-store"


def test_a_new_file_replaces_the_old_one_and_whoever_attaches_it_cannot_clear(
    record_letter, second_caseworker, uploads, django_capture_on_commit_callbacks
):
    letter = record_letter()
    with django_capture_on_commit_callbacks(execute=True):
        services.letter_file_attach(
            letter=letter, attached_by=second_caseworker, upload=SimpleUploadedFile("one.pdf", pdf_bytes())
        )
    first = uploads / letter.file.name
    with django_capture_on_commit_callbacks(execute=True):
        services.letter_file_attach(
            letter=letter, attached_by=second_caseworker, upload=SimpleUploadedFile("two.pdf", pdf_bytes())
        )
    assert Letter.casework.get(pk=letter.pk).file_name == "two.pdf"
    assert (uploads / letter.file.name).exists()
    assert first != uploads / letter.file.name and not first.exists()
    with pytest.raises(ValidationError, match="someone else at His Majesty's Inspectorate .* must clear it"):
        services.letter_clear(letter=letter, cleared_by=second_caseworker)
