"""Evidence for a draft response or progress return: a link, or a file checked by what it contains."""

from django.core.exceptions import ValidationError
from django.db import transaction

from followthrough.core import audit, files
from followthrough.core.models import AuditEntry

from ..models import Evidence, ProgressReturn, ResponseVersion, State
from . import common
from .responses import DRAFTERS


def _obligation_of(owner):
    return owner.response.obligation if isinstance(owner, ResponseVersion) else owner.obligation


def _check(owner, actor):
    common.require(actor, _obligation_of(owner).organisation, *DRAFTERS, doing="change its evidence")
    if owner.state != State.DRAFT:
        raise ValidationError("Evidence can only be changed while the draft is being written")


@transaction.atomic
def evidence_add(*, owner, added_by, title, url="", upload=None):
    """Attach a link or a file to a draft response version or progress return."""
    _check(owner, added_by)
    if not url and upload is None:
        raise ValidationError({"url": "Enter a link or choose a file"})
    evidence = Evidence(
        version=owner if isinstance(owner, ResponseVersion) else None,
        progress_return=owner if isinstance(owner, ProgressReturn) else None,
        title=title.strip(),
        url=url.strip(),
        added_by=added_by,
    )
    if upload is not None:
        # Written when the transaction commits (core.files), so a refusal below leaves no file behind on disk.
        try:
            stored = files.store(upload, use=Evidence.UPLOAD_USE)
        except ValidationError as error:
            raise ValidationError({"upload": error.messages}) from error
        evidence.file = stored.name
        evidence.original_name = stored.original_name
        evidence.content_type = stored.content_type
        evidence.size = stored.size
    evidence.full_clean()
    evidence.save()
    audit.record(actor=added_by, instance=evidence, action=AuditEntry.Action.CREATED, after=audit.snapshot(evidence))
    common.sign_off_workflow.touched(owner, user=added_by)
    return evidence


@transaction.atomic
def evidence_remove(*, evidence, removed_by):
    _check(evidence.owner, removed_by)
    audit.record(actor=removed_by, instance=evidence, action=AuditEntry.Action.DELETED, before=audit.snapshot(evidence))
    evidence.delete()  # the file stays on disk: the audit entry names it
    common.sign_off_workflow.touched(evidence.owner, user=removed_by)
