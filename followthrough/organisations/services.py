"""Changes to organisations, oversight and memberships. Each is audited (ADR 0004)."""

import datetime

from django.db import transaction

from followthrough.core import audit
from followthrough.core.models import AuditEntry

from .models import Membership, Oversight


@transaction.atomic
def oversight_record(*, force, body, starts_on, ends_on=None, recorded_by, reason):
    """Record that `body` oversees `force` from `starts_on`, ending any open period the day before."""
    current = Oversight.objects.filter(force=force, ends_on__isnull=True).first()
    if current and current.starts_on < starts_on:
        before = audit.snapshot(current)
        current.ends_on = starts_on - datetime.timedelta(days=1)
        current.full_clean()
        current.save()
        audit.record(
            actor=recorded_by, instance=current, action=AuditEntry.Action.UPDATED, before=before, reason=reason
        )
    oversight = Oversight(force=force, body=body, starts_on=starts_on, ends_on=ends_on)
    oversight.full_clean()
    oversight.save()
    audit.record(actor=recorded_by, instance=oversight, action=AuditEntry.Action.CREATED, reason=reason)
    return oversight


@transaction.atomic
def membership_add(*, user, organisation, role, added_by, reason=""):
    membership, created = Membership.objects.get_or_create(user=user, organisation=organisation, role=role)
    if created:
        audit.record(actor=added_by, instance=membership, action=AuditEntry.Action.CREATED, reason=reason)
    return membership


@transaction.atomic
def membership_remove(*, membership, removed_by, reason):
    before = audit.snapshot(membership)
    audit.record(actor=removed_by, instance=membership, action=AuditEntry.Action.DELETED, before=before, reason=reason)
    membership.delete()
