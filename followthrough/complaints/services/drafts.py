"""The designated body's draft: answers, evidence files. Nothing here is seen by the inspectorate until submission."""

from django.core.exceptions import ValidationError
from django.db import transaction

from followthrough.core import audit, files
from followthrough.core.models import AuditEntry

from ..models import EvidenceFile, State, SuperComplaint
from ..rules import acts_for_designated_body
from .common import DRAFT_FIELDS, IllegalTransition, lock, refresh, save, snapshot


def _check_draft_editor(complaint, actor):
    if actor is not None and not acts_for_designated_body(actor, complaint.designated_body_id):
        raise IllegalTransition("Only people at the designated body that made the complaint can change it")
    if complaint.state != State.DRAFT:
        raise IllegalTransition(f"You cannot change {complaint.name} because it has been submitted")


@transaction.atomic
def complaint_start(*, designated_body, started_by, title):
    """Begin a draft super-complaint for a designated body: nothing is sent until it is submitted."""
    if started_by is not None and not acts_for_designated_body(started_by, designated_body.pk):
        raise IllegalTransition("Only people at a designated body can start a super-complaint for it")
    complaint = SuperComplaint(designated_body=designated_body, title=title.strip(), created_by=started_by)
    complaint.full_clean()
    complaint.save()
    audit.record(actor=started_by, instance=complaint, action=AuditEntry.Action.CREATED, after=snapshot(complaint))
    return complaint


@transaction.atomic
def complaint_update_draft(*, complaint, updated_by, forces=None, expected_version=None, **changes):
    """Save answers to the draft's questions. `forces` replaces the forces chosen when given."""
    unknown = set(changes) - DRAFT_FIELDS
    if unknown:
        raise TypeError(f"These are not answers to the draft's questions: {', '.join(sorted(unknown))}")
    locked = lock(complaint, expected_version)
    _check_draft_editor(locked, updated_by)
    before = snapshot(locked)
    for name, value in changes.items():
        setattr(locked, name, value.strip() if isinstance(value, str) else value)
    if forces is not None:
        forces = list(forces)
        if any(not force.is_force for force in forces):
            raise ValidationError({"forces": "Select police forces only"})
    save(locked)
    if forces is not None:
        locked.forces.set(forces)
    audit.record(
        actor=updated_by,
        instance=locked,
        action=AuditEntry.Action.UPDATED,
        before=before,
        after=snapshot(locked),
        reason="Draft answers saved",
    )
    return refresh(complaint, locked)


@transaction.atomic
def evidence_file_add(*, complaint, upload, uploaded_by):
    """Keep an evidence file with the draft, after checking what it really is (the "complaint-evidence" upload rules).

    The file is written when the transaction commits (core.files), so a change refused after this leaves none behind.
    """
    locked = lock(complaint, None)
    _check_draft_editor(locked, uploaded_by)
    stored = files.store(upload, use=EvidenceFile.UPLOAD_USE)
    evidence = EvidenceFile(
        complaint=locked,
        file=stored.name,
        original_name=stored.original_name,
        content_type=stored.content_type,
        size=stored.size,
        uploaded_by=uploaded_by,
    )
    evidence.full_clean()
    evidence.save()
    save(locked)
    audit.record(
        actor=uploaded_by,
        instance=evidence,
        action=AuditEntry.Action.CREATED,
        after=audit.snapshot(evidence),
        reason=f"Evidence file added to {locked.name}",
    )
    refresh(complaint, locked)
    return evidence


@transaction.atomic
def evidence_file_remove(*, evidence_file, removed_by):
    locked = lock(evidence_file.complaint, None)
    _check_draft_editor(locked, removed_by)
    before = audit.snapshot(evidence_file)
    audit.record(
        actor=removed_by,
        instance=evidence_file,
        action=AuditEntry.Action.DELETED,
        before=before,
        reason=f"Evidence file removed from {locked.name}",
    )
    files.discard(evidence_file.file.name)
    evidence_file.delete()
    save(locked)
    return locked
