"""Shared pieces of the responses services: who may act for an organisation, the sign-off workflow, history."""

from django.core.exceptions import ValidationError
from django.utils import timezone

from followthrough.core import audit
from followthrough.core.actors import SYSTEM, acting_for, as_actor
from followthrough.core.models import AuditEntry
from followthrough.core.provenance import check_source
from followthrough.core.workflow import Transition, Workflow
from followthrough.organisations.models import Role

from ..models import Event, State

DRAFTERS = (Role.EDITOR, Role.APPROVER)
# Who may enter a record from a published source (the historical path, ADR 0016).
RECORDERS = (Role.CASEWORKER, Role.ADMINISTRATOR)


def acts_for(user, organisation, *roles):
    """Whether `user` holds one of `roles` at `organisation` (an id or an instance)."""
    return user is not None and user.is_authenticated and user.has_role_at(organisation, *roles)


def require(user, organisation, *roles, doing):
    """The `Actor` for `user` acting for `organisation`, or a ValidationError naming who may."""
    return acting_for(user, organisation, *roles, doing=doing)


def event(*, obligation, actor, title, note="", is_public=False):
    """A row in the obligation's history. `actor` is an `Actor` (or None for the service itself)."""
    row = Event(obligation=obligation, title=title, note=note, is_public=is_public)
    row.set_actor(as_actor(actor, obligation.organisation))
    row.full_clean()
    row.save()
    return row


def _history(*, record, actor, title, note, from_state, public, **_):
    event(obligation=record.obligation, actor=actor, title=title, note=note, is_public=public)


def _published_today(record):
    record.published_on = timezone.localdate()


# The sign-off workflow shared by response versions and progress returns (ADR 0008, ADR 0016).
SUBMIT, SEND_BACK, APPROVE, PUBLISH = "submit", "send-back", "approve", "publish"
SIGN_OFF = {
    SUBMIT: Transition(
        frozenset({State.DRAFT}),
        State.SUBMITTED,
        DRAFTERS,
        "send it for sign-off",
        "{What} sent for sign-off",
        stamp="submitted",
        complete=True,
    ),
    SEND_BACK: Transition(
        frozenset({State.SUBMITTED, State.APPROVED}),
        State.DRAFT,
        (Role.APPROVER,),
        "send it back to draft",
        "{What} sent back to draft",
        clears=("submitted", "approved"),
        note_required="Say what needs to change",
    ),
    APPROVE: Transition(
        frozenset({State.SUBMITTED}),
        State.APPROVED,
        (Role.APPROVER,),
        "approve it",
        "{What} approved",
        stamp="approved",
        four_eyes=True,
        complete=True,
    ),
    PUBLISH: Transition(
        frozenset({State.APPROVED}),
        State.PUBLISHED,
        (Role.APPROVER,),
        "publish it",
        "{What} published",
        stamp="published",
        public=True,
        effect=_published_today,
    ),
}
STEPS = SIGN_OFF


def _what(record):
    """How a page names the record: "response", "correction (version 2)", "progress return 1"."""
    if hasattr(record, "response_id"):
        return "response" if record.number == 1 else f"correction (version {record.number})"
    return f"progress return {record.number}"


sign_off_workflow = Workflow(
    SIGN_OFF,
    organisation_of=lambda record: record.obligation.organisation,
    history=_history,
    editable=(State.DRAFT,),
    what=_what,
    notify=lambda **step: notify(**step),
)


def notify(**step):
    """Tell the people a step concerns (`responses.notices`), imported here, as the notices read the services' names."""
    from ..notices import sign_off_notify

    return sign_off_notify(**step)


def allowed(record, action):
    return sign_off_workflow.may(record, action)


def sign_off(*, record, action, actor, note="", expected_version=None):
    """Move a response version or progress return one step through sign-off, recording who and when.

    Publishing stamps the server's date: nobody types a publication date. Records published elsewhere first come in
    through `record_from_source` instead."""
    return sign_off_workflow.take(record, action, user=actor, note=note, expected_version=expected_version)


def record_from_source(*, record, recorded_by=None, source_title, source_url="", published_on=None, note=""):
    """The historical path: mark a complete draft as published on the date its source gives (None: not known).

    `recorded_by` is an `Actor`: a caseworker or administrator acting for their organisation, or None for the service
    itself loading the demonstration data. The source is kept with the record and shown wherever its date is.
    """
    actor = recorded_by or SYSTEM
    if actor:
        actor = acting_for(actor.user, actor.organisation, *RECORDERS, doing="enter a record from a published source")
    check_source(source_title=source_title, source_url=source_url, on=published_on)
    locked = sign_off_workflow.lock(record)
    if locked.state == State.PUBLISHED:
        raise ValidationError("This has already been published")
    errors = locked.readiness_errors()
    if errors:
        raise ValidationError(errors)
    before = audit.snapshot(locked)
    now = timezone.now()
    locked.state = State.PUBLISHED
    locked.published_on, locked.published_at, locked.published_by = published_on, now, actor.user
    locked.source_title, locked.source_url, locked.recorded_at = source_title.strip(), source_url.strip(), now
    locked.version += 1
    locked.changed_at = now
    locked.full_clean()
    locked.save()
    audit.record(actor=actor.user, instance=locked, action=AuditEntry.Action.UPDATED, before=before, reason=note)
    what = _what(locked)
    event(
        obligation=locked.obligation,
        actor=actor,
        title=f"{what[:1].upper()}{what[1:]} recorded from {locked.source_title}",
        note=note,
        is_public=True,
    )
    if record is not locked:
        record.refresh_from_db()
    return locked
