"""The private file store: where files live, the upload rules of each use, and writing only what a commit keeps."""

import re

import pytest
from django.core.exceptions import ImproperlyConfigured, SuspiciousFileOperation, ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.db.transaction import TransactionManagementError
from django.urls import reverse

from followthrough.complaints import services as complaint_services
from followthrough.complaints.models import EvidenceFile
from followthrough.complaints.tests.helpers import draft, organisation
from followthrough.core import files
from followthrough.correspondence.models import Letter
from followthrough.organisations.models import Role
from followthrough.responses.models import Evidence
from followthrough.testing.factories import member
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


@pytest.mark.parametrize("model", [EvidenceFile, Evidence, Letter])
def test_every_private_file_field_uses_the_store_through_a_callable_so_migrations_record_no_path(model):
    _, _, _, options = model._meta.get_field("file").deconstruct()
    assert options["storage"] is files.private_storage
    assert model.UPLOAD_USE in USES


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


@pytest.fixture
def hestia_user():
    return member(Role.DESIGNATED_BODY_USER, organisation("hestia"), full_name="Harper Hestia")


def add_evidence(complaint, user, name="Underground lives.pdf"):
    return complaint_services.evidence_file_add(
        complaint=complaint, upload=SimpleUploadedFile(name, pdf_bytes()), uploaded_by=user
    )


@committing
def test_a_committed_upload_is_on_disk_and_can_be_downloaded(media, hestia_user, signed_in_client):
    evidence = add_evidence(draft(organisation("hestia")), hestia_user)
    assert files_in(media) == [evidence.file.name]
    response = signed_in_client(hestia_user).get(reverse("complaints:evidence-download", args=[evidence.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == pdf_bytes()


@committing
def test_an_upload_leaves_no_file_when_a_later_step_of_the_service_fails(media, hestia_user, monkeypatch):
    complaint = draft(organisation("hestia"))

    def failing_save(complaint):
        raise RuntimeError("The complaint could not be saved")

    monkeypatch.setattr("followthrough.complaints.services.drafts.save", failing_save)
    with pytest.raises(RuntimeError):
        add_evidence(complaint, hestia_user)
    assert not EvidenceFile.objects.exists()
    assert files_in(media) == []


@committing
def test_an_upload_leaves_no_file_when_the_transaction_around_the_service_rolls_back(media, hestia_user):
    complaint = draft(organisation("hestia"))
    with pytest.raises(RuntimeError), transaction.atomic():
        add_evidence(complaint, hestia_user)
        raise RuntimeError("A later step of the request failed")
    assert not EvidenceFile.objects.exists()
    assert files_in(media) == []


@committing
def test_only_the_upload_whose_savepoint_committed_is_written(media, hestia_user):
    complaint = draft(organisation("hestia"))
    with transaction.atomic():
        kept = add_evidence(complaint, hestia_user, name="kept.pdf")
        try:
            with transaction.atomic():
                add_evidence(complaint, hestia_user, name="dropped.pdf")
                raise RuntimeError("This step was undone")
        except RuntimeError:
            pass
        assert files_in(media) == []  # nothing is written before the outer block commits
    assert list(EvidenceFile.objects.values_list("original_name", flat=True)) == ["kept.pdf"]
    assert files_in(media) == [kept.file.name]
