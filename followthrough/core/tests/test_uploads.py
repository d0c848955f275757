"""An upload is checked by what it contains, against the content types, size limit and words an app gives."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from followthrough.core import uploads
from followthrough.testing.files import docx_bytes, pdf_bytes, png_bytes

ACCEPTED = {"application/pdf": {".pdf"}, "image/png": {".png"}, "image/jpeg": {".jpg", ".jpeg"}}
WRONG_TYPE = "The selected file must be a PDF, PNG or JPEG"
CSV = b"force,referrals\nWarwickshire,12\n"


def check(name, content, **rules):
    arguments = {"accepted_types": ACCEPTED, "max_bytes": 1024 * 1024, "wrong_type": WRONG_TYPE, **rules}
    return uploads.detect_content_type(SimpleUploadedFile(name, content), **arguments)


def refusal(name, content, **rules):
    with pytest.raises(ValidationError) as refused:
        check(name, content, **rules)
    return refused.value.code, refused.value.messages


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("report.pdf", pdf_bytes(), "application/pdf"),
        ("REPORT.PDF", pdf_bytes(), "application/pdf"),
        ("chart.png", png_bytes(), "image/png"),
    ],
)
def test_an_accepted_type_is_recognised_by_its_content(name, content, expected):
    assert check(name, content) == expected


def test_the_file_is_left_at_its_start_for_whoever_saves_it():
    upload = SimpleUploadedFile("report.pdf", pdf_bytes())
    uploads.detect_content_type(upload, accepted_types=ACCEPTED, max_bytes=1024 * 1024, wrong_type=WRONG_TYPE)
    assert upload.read() == pdf_bytes()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("photo.png", pdf_bytes()),  # a PDF disguised as an image
        ("report.pdf", png_bytes()),  # an image disguised as a PDF
        ("report.pdf", b"Plain text pretending to be a PDF\n"),
        ("report.pdf", docx_bytes()),  # recognised, but not a type this app accepts
        ("letter.docx", docx_bytes()),
        ("report", pdf_bytes()),  # no name ending to agree with the content
    ],
)
def test_a_file_of_the_wrong_type_or_disguised_by_its_name_is_refused_with_the_apps_message(name, content):
    assert refusal(name, content) == ("wrong_type", [WRONG_TYPE])


def test_no_file_asks_to_select_one_in_the_apps_words():
    with pytest.raises(ValidationError) as refused:
        uploads.detect_content_type(None, accepted_types=ACCEPTED, max_bytes=100, wrong_type=WRONG_TYPE)
    assert (refused.value.code, refused.value.messages) == ("required", ["Select a file"])
    with pytest.raises(ValidationError) as refused:
        uploads.detect_content_type(
            None, accepted_types=ACCEPTED, max_bytes=100, wrong_type=WRONG_TYPE, choose="Select the letter's file"
        )
    assert refused.value.messages == ["Select the letter's file"]


def test_an_empty_file_is_refused():
    assert refusal("report.pdf", b"") == ("empty", ["The selected file is empty"])


@pytest.mark.parametrize(
    ("limit", "words"),
    [(100, "100 bytes"), (2048, "2KB"), (1024 * 1024, "1MB"), (3 * 1024 * 1024 // 2, "1.5MB")],
)
def test_a_file_over_the_limit_is_refused_with_the_limit_in_words(limit, words):
    content = pdf_bytes() + b"%" + b"x" * limit
    assert refusal("report.pdf", content, max_bytes=limit) == (
        "too_large",
        [f"The selected file must be smaller than {words}"],
    )


def test_a_file_exactly_at_the_limit_is_accepted():
    content = pdf_bytes()
    assert check("report.pdf", content, max_bytes=len(content)) == "application/pdf"


def test_csv_is_accepted_only_where_the_app_allows_it():
    assert check("figures.csv", CSV, accept_csv=True) == "text/csv"
    assert refusal("figures.csv", CSV) == ("wrong_type", [WRONG_TYPE])


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("figures.csv", b"\xff\xfe\x00bad bytes"),  # not UTF-8 text
        ("figures.csv", b"force\x00referrals\n"),  # text with a NUL is not a spreadsheet export
        ("figures.txt", CSV),  # CSV content, but not called .csv
        ("figures.csv", pdf_bytes()),  # a PDF disguised as CSV
    ],
)
def test_only_readable_text_called_csv_is_accepted_as_csv(name, content):
    assert refusal(name, content, accept_csv=True) == ("wrong_type", [WRONG_TYPE])


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Underground lives.pdf", "Underground lives.pdf"),
        ("../../Underground lives.pdf", "Underground lives.pdf"),
        ("C:\\Users\\jo\\Underground lives.pdf", "Underground lives.pdf"),
        ("  report\x00\n.pdf  ", "report.pdf"),
        ("", "evidence"),
        (None, "evidence"),
        ("folder/", "evidence"),
        ("\x07\x1b", "evidence"),
    ],
)
def test_an_original_name_loses_folders_and_control_characters(name, expected):
    assert uploads.clean_original_name(name, "evidence") == expected


def test_a_long_original_name_is_shortened_to_255_characters_keeping_its_ending():
    cleaned = uploads.clean_original_name("a" * 300 + ".pdf", "evidence")
    assert len(cleaned) == 255
    assert cleaned.endswith("a.pdf")


@pytest.mark.parametrize(
    ("size", "words"),
    [(20 * 1024 * 1024, "20MB"), (1536 * 1024, "1.5MB"), (500 * 1024, "500KB"), (1024, "1KB"), (100, "100 bytes")],
)
def test_sizes_are_given_in_govuk_style(size, words):
    assert uploads.size_words(size) == words
