"""The private file store: where files live, the upload rules of each use, and writing only what a commit keeps."""

import re

import pytest
from django.apps import apps
from django.core.exceptions import ImproperlyConfigured, SuspiciousFileOperation, ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models, transaction
from django.db.transaction import TransactionManagementError

from followthrough.core import files
from followthrough.testing.files import docx_bytes, limit_uploads, pdf_bytes, png_bytes

EVIDENCE_WRONG_TYPE = "The selected file must be a PDF, Word, OpenDocument, spreadsheet, CSV, PNG or JPEG"
LETTER_WRONG_TYPE = "The selected file must be a PDF, Word document, OpenDocument text, PNG or JPEG"
CSV = b"force,referrals\nWarwickshire,12\n"
USES = ["complaint-evidence", "response-evidence", "letter"]


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def files_in(folder):
    return sorted(path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file())


def refusal(upload, use):
    with pytest.raises(ValidationError) as refused:
        files.check(upload, use=use)
    return refused.value.messages


# The store --------------------------------------------------------------------------------------------------------


def test_the_store_has_no_public_address():
    with pytest.raises(ValueError, match="no public address"):
        files.private_storage().url("letter/" + "a" * 32)


def test_the_store_keeps_files_under_media_root_as_it_is_now(media):
    saved = files.private_storage().save("letter/" + "b" * 32, ContentFile(b"scan"))
    assert (media / saved).read_bytes() == b"scan"


@pytest.mark.parametrize("name", ["Minister letter.pdf", "letter/Minister letter.pdf", "letter/" + "c" * 31])
def test_the_store_keeps_files_under_random_names_only(media, name):
    with pytest.raises(SuspiciousFileOperation):
        files.private_storage().save(name, ContentFile(b"scan"))
    assert files_in(media) == []


def test_the_store_never_renames_a_file_to_make_room_for_another(media):
    name = "letter/" + "d" * 32
    files.private_storage().save(name, ContentFile(b"first"))
    with pytest.raises(FileExistsError):
        files.private_storage().save(name, ContentFile(b"second"))
    assert (media / name).read_bytes() == b"first"


def test_complaint_evidence_response_evidence_and_letters_are_kept_in_the_store_each_with_its_rules():
    in_the_store = {}
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if isinstance(field, models.FileField) and field.deconstruct()[3].get("storage") is files.private_storage:
                in_the_store[model._meta.label] = model.UPLOAD_USE
    # deconstruct() gives the callable itself, which is what a migration records: a name, never a path.
    assert in_the_store == {
        "complaints.EvidenceFile": "complaint-evidence",
        "responses.Evidence": "response-evidence",
        "correspondence.Letter": "letter",
    }


# Rules for each use -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("use", USES)
@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("report.pdf", pdf_bytes(), "application/pdf"),
        ("chart.png", png_bytes(), "image/png"),
        ("letter.docx", docx_bytes(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ],
)
def test_every_use_accepts_pdf_word_and_images_by_their_content(use, name, content, expected):
    assert files.check(SimpleUploadedFile(name, content), use=use) == expected


@pytest.mark.parametrize(
    ("use", "accepted", "wrong_type"),
    [
        ("complaint-evidence", True, EVIDENCE_WRONG_TYPE),
        ("response-evidence", True, EVIDENCE_WRONG_TYPE),
        ("letter", False, LETTER_WRONG_TYPE),
    ],
)
def test_evidence_accepts_csv_and_a_letter_does_not_each_in_its_own_words(use, accepted, wrong_type):
    if accepted:
        assert files.check(SimpleUploadedFile("figures.csv", CSV), use=use) == "text/csv"
    else:
        assert refusal(SimpleUploadedFile("figures.csv", CSV), use) == [wrong_type]
    assert refusal(SimpleUploadedFile("photo.png", pdf_bytes()), use) == [wrong_type]


@pytest.mark.parametrize(
    ("use", "choose"),
    [
        ("complaint-evidence", "Select a file"),
        ("response-evidence", "Select a file"),
        ("letter", "Select the letter's file"),
    ],
)
def test_each_use_asks_for_a_file_in_its_own_words(use, choose):
    assert refusal(None, use) == [choose]


@pytest.mark.parametrize("use", USES)
def test_each_use_takes_files_up_to_20mb_unless_settings_say_otherwise(use):
    too_big = SimpleUploadedFile("big.pdf", b"")
    too_big.size = 20 * 1024 * 1024 + 1
    assert refusal(too_big, use) == ["The selected file must be smaller than 20MB"]


def test_a_limit_set_for_one_use_leaves_the_others_alone(settings):
    limit_uploads(settings, "response-evidence", 100)
    assert refusal(SimpleUploadedFile("plan.pdf", pdf_bytes()), "response-evidence") == [
        "The selected file must be smaller than 100 bytes"
    ]
    assert files.check(SimpleUploadedFile("plan.pdf", pdf_bytes()), use="complaint-evidence") == "application/pdf"
    assert files.check(SimpleUploadedFile("plan.pdf", pdf_bytes()), use="letter") == "application/pdf"


def test_a_use_without_rules_is_a_configuration_error():
    with pytest.raises(ImproperlyConfigured, match="no rules for the use 'report'"):
        files.check(SimpleUploadedFile("report.pdf", pdf_bytes()), use="report")


# Storing an upload ------------------------------------------------------------------------------------------------


def test_a_file_is_only_stored_inside_the_transaction_that_saves_its_row(media):
    with pytest.raises(TransactionManagementError):
        files.store(SimpleUploadedFile("report.pdf", pdf_bytes()), use="complaint-evidence")
    assert files_in(media) == []


@pytest.mark.django_db
@pytest.mark.parametrize("use", USES)
def test_a_stored_upload_gets_a_random_name_in_its_uses_folder_and_is_written_on_commit(
    media, use, django_capture_on_commit_callbacks
):
    upload = SimpleUploadedFile("../../Underground lives.pdf", pdf_bytes())
    with django_capture_on_commit_callbacks() as callbacks:
        stored = files.store(upload, use=use)
    assert re.fullmatch(rf"{use}/[0-9a-f]{{32}}", stored.name)
    assert (stored.original_name, stored.content_type, stored.size) == (
        "Underground lives.pdf",
        "application/pdf",
        len(pdf_bytes()),
    )
    assert files_in(media) == []  # nothing is written before the commit
    upload.close()  # the request that brought the upload may have ended by the time the transaction commits
    for callback in callbacks:
        callback()
    assert files_in(media) == [stored.name]
    assert (media / stored.name).read_bytes() == pdf_bytes()


@pytest.mark.django_db
def test_a_refused_upload_is_never_written(media, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks, pytest.raises(ValidationError):
        files.store(SimpleUploadedFile("report.pdf", b"Plain text pretending to be a PDF"), use="letter")
    assert callbacks == []
    assert files_in(media) == []


@pytest.mark.django_db
def test_a_discarded_file_is_deleted_when_the_transaction_commits(media, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        stored = files.store(SimpleUploadedFile("report.pdf", pdf_bytes()), use="letter")
    with django_capture_on_commit_callbacks() as callbacks:
        files.discard(stored.name)
    assert files_in(media) == [stored.name]  # still there until the commit
    for callback in callbacks:
        callback()
    assert files_in(media) == []


# Real transactions, on SQLite and on PostgreSQL --------------------------------------------------------------------

committing = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def store_a_letter(name="letter.pdf"):
    return files.store(SimpleUploadedFile(name, pdf_bytes()), use="letter")


@committing
def test_a_file_stored_in_a_transaction_that_commits_is_written_when_it_commits(media):
    with transaction.atomic():
        stored = store_a_letter()
        assert files_in(media) == []
    assert files_in(media) == [stored.name]
    with files.private_storage().open(stored.name) as written:
        assert written.read() == pdf_bytes()


@committing
def test_a_file_stored_in_a_transaction_that_rolls_back_is_never_written(media):
    with pytest.raises(RuntimeError), transaction.atomic():
        store_a_letter()
        raise RuntimeError("A later step failed")
    assert files_in(media) == []


@committing
def test_only_the_file_whose_savepoint_was_kept_is_written(media):
    with transaction.atomic():
        kept = store_a_letter("kept.pdf")
        try:
            with transaction.atomic():
                store_a_letter("undone.pdf")
                raise RuntimeError("This step was undone")
        except RuntimeError:
            pass
    assert files_in(media) == [kept.name]
