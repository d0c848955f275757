"""Shared pieces of the responses services: who may act for an organisation, the sign-off workflow, history."""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils import timezone

from followthrough.core import audit
from followthrough.core.models import AuditEntry
from followthrough.organisations.models import Role
from followthrough.reports.services import actor_label

from ..models import Event, State


def acts_for(user, organisation, *roles):
    """Whether `user` holds one of `roles` at `organisation` (an id or an instance)."""
    return user is not None and user.is_authenticated and user.has_role_at(organisation, *roles)


def require(user, organisation, *roles, doing):
    if not acts_for(user, organisation, *roles):
        names = " or ".join(Role(role).label.lower() for role in roles)
        raise ValidationError(f"Only an {names} at {organisation} can {doing}")


def event(*, obligation, actor, title, note="", is_public=False, at=None):
    row = Event(
        at=at or timezone.now(),
        obligation=obligation,
        actor=actor if actor is not None and actor.is_authenticated else None,
        actor_label=actor_label(actor),
        title=title,
        note=note,
        is_public=is_public,
    )
    row.full_clean()
    row.save()
    return row


@dataclass(frozen=True)
class Step:
    sources: tuple
    target: str
    roles: tuple
    doing: str


# The sign-off workflow shared by response versions and progress returns (ADR 0008).
SUBMIT, SEND_BACK, APPROVE, PUBLISH = "submit", "send-back", "approve", "publish"
STEPS = {
    SUBMIT: Step((State.DRAFT,), State.SUBMITTED, (Role.EDITOR, Role.APPROVER), "send it for sign-off"),
    SEND_BACK: Step((State.SUBMITTED, State.APPROVED), State.DRAFT, (Role.APPROVER,), "send it back to draft"),
    APPROVE: Step((State.SUBMITTED,), State.APPROVED, (Role.APPROVER,), "approve it"),
    PUBLISH: Step((State.APPROVED,), State.PUBLISHED, (Role.APPROVER,), "publish it"),
}


def allowed(record, action):
    return record.state in STEPS[action].sources


def sign_off(*, record, organisation, obligation, action, actor, what, on=None, note=""):
    """Move a response version or progress return one step through sign-off, recording who and when."""
    step = STEPS[action]
    require(actor, organisation, *step.roles, doing=step.doing)
    # Lock the row and read its state afresh, so two people acting at once cannot both move it.
    fresh = type(record)._base_manager.select_for_update().get(pk=record.pk)
    if fresh.state not in step.sources:
        raise ValidationError(f"This {what} is {fresh.get_state_display().lower()}, so you cannot {step.doing}")
    if action == SUBMIT:
        errors = record.readiness_errors()
        if errors:
            raise ValidationError(errors)
    if action == SEND_BACK and not note.strip():
        raise ValidationError({"note": "Say what needs to change"})
    drafted_it = actor.pk in {record.drafted_by_id, record.submitted_by_id}
    if action == APPROVE and drafted_it and not organisation.allows_self_approval:
        raise ValidationError(f"You drafted this {what}, so someone else at {organisation} must approve it")
    before = audit.snapshot(record)
    now = timezone.now()
    record.state = step.target
    if action == SUBMIT:
        record.submitted_by, record.submitted_at = actor, now
    elif action == APPROVE:
        record.approved_by, record.approved_at = actor, now
    elif action == PUBLISH:
        record.published_by, record.published_on = actor, on or timezone.localdate()
    elif action == SEND_BACK:
        record.submitted_by = record.submitted_at = record.approved_by = record.approved_at = None
    record.full_clean()
    record.save()
    audit.record(actor=actor, instance=record, action=AuditEntry.Action.UPDATED, before=before, reason=note)
    titles = {
        SUBMIT: f"{what.capitalize()} sent for sign-off",
        SEND_BACK: f"{what.capitalize()} sent back to draft",
        APPROVE: f"{what.capitalize()} approved",
        PUBLISH: f"{what.capitalize()} published",
    }
    event(
        obligation=obligation,
        actor=actor,
        title=titles[action],
        note=note,
        is_public=action == PUBLISH,
        at=_published_at(on) if action == PUBLISH else None,
    )
    return record


def _published_at(on):
    """A publication recorded for an earlier day is placed on that day in the history, not when it was entered."""
    if on is None or on >= timezone.localdate():
        return None
    return timezone.make_aware(datetime.datetime.combine(on, datetime.time.min))
