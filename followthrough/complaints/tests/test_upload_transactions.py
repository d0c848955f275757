"""An evidence file is on disk once its upload commits, and nowhere when the change is undone (ADR 0012).

These run in real transactions, on SQLite and on PostgreSQL, rather than inside a test's transaction that never
commits.
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import reverse

from followthrough.testing.files import pdf_bytes

from .. import services
from ..models import EvidenceFile
from .helpers import draft, organisation

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def files_in(folder):
    return sorted(path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file())


def add_evidence(complaint, user):
    upload = SimpleUploadedFile("Underground lives.pdf", pdf_bytes())
    return services.evidence_file_add(complaint=complaint, upload=upload, uploaded_by=user)


def test_a_committed_upload_is_on_disk_and_can_be_downloaded(evidence_folder, hestia_user, signed_in_client):
    evidence = add_evidence(draft(organisation("hestia")), hestia_user)
    assert files_in(evidence_folder) == [evidence.file.name]
    response = signed_in_client(hestia_user).get(reverse("complaints:evidence-download", args=[evidence.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == pdf_bytes()


def test_an_upload_leaves_no_file_when_a_later_step_of_the_service_fails(evidence_folder, hestia_user, monkeypatch):
    complaint = draft(organisation("hestia"))

    def failing_save(*args, **kwargs):
        raise RuntimeError("The complaint could not be saved")

    monkeypatch.setattr("followthrough.complaints.services.drafts._saved", failing_save)
    with pytest.raises(RuntimeError):
        add_evidence(complaint, hestia_user)
    assert not EvidenceFile.objects.exists()
    assert files_in(evidence_folder) == []


def test_an_upload_leaves_no_file_when_the_transaction_around_the_service_rolls_back(evidence_folder, hestia_user):
    complaint = draft(organisation("hestia"))
    with pytest.raises(RuntimeError), transaction.atomic():
        add_evidence(complaint, hestia_user)
        raise RuntimeError("A later step of the request failed")
    assert not EvidenceFile.objects.exists()
    assert files_in(evidence_folder) == []
