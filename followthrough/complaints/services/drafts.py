"""The designated body's draft: answers, evidence files. Nothing here is seen by the inspectorate until submission."""

from django.core.exceptions import ValidationError
from django.db import transaction

from followthrough.core import audit, files
from followthrough.core.models import AuditEntry
from followthrough.organisations.models import Kind

from ..models import EvidenceFile, SuperComplaint
from ..rules import acts_for_designated_body
from ..workflow import BODY, complaint_workflow, snapshot
from .common import DRAFT_FIELDS, IllegalTransition


def _draft(complaint, user, expected_version=None):
    """The draft, locked for a change by one of its complainants' people (or the service itself)."""
    return complaint_workflow.edit(complaint, user=user, roles=BODY, doing="change", expected_version=expected_version)


def _saved(original, locked, user, *, before=None, reason=""):
    complaint_workflow.saved(locked, user=user, before=before, reason=reason)
    if original is not locked:
        original.refresh_from_db()
    return locked


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
def complaint_update_draft(
    *, complaint, updated_by, forces=None, joint_complainants=None, expected_version=None, **changes
):
    """Save answers to the draft's questions. `forces` replaces the forces chosen when given, and
    `joint_complainants` the other designated bodies making the complaint jointly (ADR 0017)."""
    unknown = set(changes) - DRAFT_FIELDS
    if unknown:
        raise TypeError(f"These are not answers to the draft's questions: {', '.join(sorted(unknown))}")
    locked = _draft(complaint, updated_by, expected_version)
    before = snapshot(locked)
    for name, value in changes.items():
        setattr(locked, name, value.strip() if isinstance(value, str) else value)
    if forces is not None:
        forces = list(forces)
        if any(not force.is_force for force in forces):
            raise ValidationError({"forces": "Select police forces only"})
        locked.forces.set(forces)
    if joint_complainants is not None:
        joint = list(joint_complainants)
        if any(body.kind != Kind.DESIGNATED_BODY or body.pk == locked.designated_body_id for body in joint):
            raise ValidationError({"joint_complainants": "Select other designated bodies only"})
        locked.joint_complainants.set(joint)
    return _saved(complaint, locked, updated_by, before=before, reason="Draft answers saved")


@transaction.atomic
def evidence_file_add(*, complaint, upload, uploaded_by):
    """Keep an evidence file with the draft, after checking what it really is (the "complaint-evidence" upload rules).

    The file is written when the transaction commits (core.files), so a change refused after this leaves none behind.
    """
    locked = _draft(complaint, uploaded_by)
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
    audit.record(
        actor=uploaded_by,
        instance=evidence,
        action=AuditEntry.Action.CREATED,
        after=audit.snapshot(evidence),
        reason=f"Evidence file added to {locked.name}",
    )
    _saved(complaint, locked, uploaded_by, reason=f"Evidence file {evidence.original_name} added")
    return evidence


@transaction.atomic
def evidence_file_remove(*, evidence_file, removed_by):
    locked = _draft(evidence_file.complaint, removed_by)
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
    return complaint_workflow.saved(
        locked, user=removed_by, reason=f"Evidence file {evidence_file.original_name} removed"
    )
