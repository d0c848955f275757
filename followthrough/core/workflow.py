"""Workflow, once: records that move through states, and the rules every move obeys (ADR 0016).

Each record that moves through states (super-complaint, report, response version, progress return, letter, national
collation) declares its transitions in one `Workflow` table: from which states, to which, who may take it, and what it
asks for. `Workflow.take` is the only code that changes a record's state. It

- locks the row and reads it afresh, and refuses if the form was loaded before someone else changed it
  (`expected_version`, an optimistic lock checked under the pessimistic one);
- checks the state, the actor's role at the organisation the record belongs to, and the transition's own rules:
  *four eyes* (whoever changed the content cannot approve it, unless the organisation allows self-approval, which is
  then recorded on the record and shown), *complete before sign-off* (the record's `readiness_errors()`), and a note
  where one is needed;
- stamps who and when from the server's clock (`<stamp>_by`, `<stamp>_at`), bumps the version, saves, audits and
  writes the history row through the record type's own `history` callable;
- tells the people the step concerns, through the record type's own `notify` callable, in the same transaction: the
  outbox keys each notice by the record, the step and the record's version, so a step is notified once.

Content changes go through `Workflow.edit`, which takes the same lock and version check, refuses unless the record is
in an editable state, and remembers who changed the content (`ContentEdit`), so four eyes needs no guesswork.

A record published elsewhere first takes its transition through `Workflow.from_source` (the historical path,
`core.provenance`): dated as its source gives, with the source kept on the record and named in its history row.
"""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from . import audit
from .actors import SYSTEM, Actor, acting_for, acting_for_one_of, role_words
from .formatting import time_and_date
from .history import server_now
from .models import AuditEntry, ContentEdit
from .provenance import check_source


class StaleForm(ValidationError):
    """The record changed after the form was loaded. Nothing was changed."""

    def __init__(self, *, what, changed_at):
        super().__init__(
            f"Someone else changed this {what} at {time_and_date(changed_at)}. Check what it says now and try again",
            code="stale",
        )


@dataclass(frozen=True)
class Transition:
    """A move from one of `sources` to `target` (None: the state stays), taken by someone with one of `roles`.

    `doing` completes "Only an approver at … can …" and "… so you cannot …"; `title` is the history row's title, with
    `{What}` for the record's name. `stamp` names the `<stamp>_by`/`<stamp>_at` fields filled in; `clears` names
    stamps emptied (a record sent back is no longer submitted or approved).
    """

    sources: frozenset
    target: str | None
    roles: tuple
    doing: str
    title: str
    stamp: str = ""
    clears: tuple = ()
    four_eyes: bool = False
    complete: bool = False
    note_required: str = ""  # the error message when the note is empty
    public: bool = False  # whether the history row is shown publicly
    effect: object = None  # a function of the record, run before it is saved (e.g. stamp today's date)


class Workflow:
    """The transitions of one kind of record, and how to find the organisation it belongs to and write its history.

    `organisation_of(record)` is the organisation whose roles act on the record, or, where each role is held at a
    different one, a mapping {role: organisation} (a letter: a caseworker at the inspectorate, or an approver at the
    organisation that sent it)."""

    def __init__(
        self, transitions, *, organisation_of, history, editable=(), what=lambda record: "record", notify=None
    ):
        self.transitions = transitions
        self.organisation_of = organisation_of
        self.history = history
        self.editable = frozenset(editable)
        self.what = what
        self.notify = notify  # tells the people a step concerns, through the outbox: (record, name, actor, note)

    def __getitem__(self, name):
        return self.transitions[name]

    def may(self, record, name):
        """Whether the record's state allows the transition (not who may take it)."""
        return record.state in self.transitions[name].sources

    def open_to(self, record, roles):
        """The transitions a person holding `roles` at the record's organisation could take now, in table order."""
        if record is None:
            return []
        return [name for name, t in self.transitions.items() if record.state in t.sources and set(roles) & set(t.roles)]

    def acting(self, record, user, roles, doing):
        """The `Actor` for `user` holding one of `roles` where the record says that role is held, or a ValidationError
        saying who may."""
        where = self.organisation_of(record)
        if isinstance(where, dict):
            return acting_for_one_of(user, where, *roles, doing=doing)
        return acting_for(user, where, *roles, doing=doing)

    def _organisation_for(self, record, user):
        """The organisation `user` acts for on `record`, for a record of who changed its content."""
        where = self.organisation_of(record)
        if not isinstance(where, dict):
            return where
        return next((org for role, org in where.items() if user is not None and user.has_role_at(org, role)), None)

    def lock(self, record, expected_version=None):
        locked = type(record)._base_manager.select_for_update().get(pk=record.pk)
        if expected_version not in (None, "") and int(expected_version) != locked.version:
            raise StaleForm(what=self.what(locked), changed_at=locked.changed_at)
        return locked

    def take(self, record, name, *, user, expected_version=None, note="", target=None, effect=None):
        """Take transition `name` on `record` for `user`, acting for the record's organisation. Returns the record,
        saved. Call inside a transaction.

        `effect`, a function of the locked record, carries what this taking brings besides the transition's own
        effect (the reason a letter is withheld, the public text worked out from the text as it stands under the
        lock). It runs after every check, and may refuse with a ValidationError: then nothing is saved."""
        transition = self.transitions[name]
        actor = self.acting(record, user, transition.roles, transition.doing)
        organisation = actor.organisation
        locked = self.lock(record, expected_version)
        what = self.what(locked)
        if locked.state not in transition.sources:
            raise ValidationError(
                f"This {what} is {locked.get_state_display().lower()}, so you cannot {transition.doing}", code="state"
            )
        if transition.complete:
            errors = locked.readiness_errors()
            if errors:
                raise ValidationError(errors)
        if transition.note_required and not note.strip():
            raise ValidationError({"note": transition.note_required})
        self_approved = False
        if transition.four_eyes and wrote(locked, user):
            if not getattr(organisation, "allows_self_approval", False):
                raise ValidationError(
                    f"You wrote or changed this {what}, so someone else at {organisation} must {transition.doing}",
                    code="four-eyes",
                )
            self_approved = True
        before = audit.snapshot(locked)
        from_state = locked.state
        now = timezone.now()
        if transition.target is not None or target is not None:
            locked.state = target or transition.target
        for stamp in transition.clears:
            setattr(locked, f"{stamp}_by", None)
            setattr(locked, f"{stamp}_at", None)
        if transition.stamp:
            setattr(locked, f"{transition.stamp}_by", user)
            setattr(locked, f"{transition.stamp}_at", now)
        if transition.four_eyes and hasattr(locked, "self_approved"):
            locked.self_approved = self_approved
        if transition.effect is not None:
            transition.effect(locked)
        if effect is not None:
            effect(locked)
        taken = self._step_taken(
            record, locked, transition, actor=actor, at=now, before=before, note=note, from_state=from_state
        )
        if self.notify is not None:
            self.notify(record=taken, name=name, actor=actor, note=note)
        return taken

    def edit(self, record, *, user, roles, doing, expected_version=None):
        """Lock a record for a change of content: the same lock and version check as a transition, in an editable
        state only. The caller changes fields, then calls `saved`."""
        self.acting(record, user, roles, doing)
        locked = self.lock(record, expected_version)
        if locked.state not in self.editable:
            what = self.what(locked)
            raise ValidationError(
                f"This {what} is {locked.get_state_display().lower()}. Send it back to draft before changing it",
                code="state",
            )
        return locked

    def saved(self, record, *, user, before=None, reason=""):
        """Finish a change of content: bump the version, save, audit, and remember who changed it."""
        record.version += 1
        record.changed_at = timezone.now()
        record.full_clean()
        record.save()
        audit.record(actor=user, instance=record, action=AuditEntry.Action.UPDATED, before=before, reason=reason)
        contributed(record, Actor(user=user, organisation=self._organisation_for(record, user)))
        return record

    def touched(self, record, *, user):
        """Something hanging on the record changed (a planned action, a piece of evidence): bump its version and
        remember who changed it, as for its own fields. The caller has locked it through `edit`."""
        record.version += 1
        record.changed_at = timezone.now()
        type(record)._base_manager.filter(pk=record.pk).update(version=record.version, changed_at=record.changed_at)
        contributed(record, Actor(user=user, organisation=self._organisation_for(record, user)))
        return record

    def from_source(self, record, name, *, source, roles, user=None, note="", on_field=None, effect=None):
        """The historical path (ADR 0016): take transition `name` as it happened elsewhere first, dated as `source`
        (`core.provenance.Source`) gives, or not dated where it gives none.

        `user` holds one of `roles` (a caseworker or administrator), or is None for the service itself loading the
        demonstration data. The transition's state and completeness rules apply; its own effect does not, since it
        would date the record today. The stamp's `<stamp>_on` (or `on_field`) takes the source's date, the record
        keeps the source (`core.provenance.Sourced`), and the history callable is given the source as `source`, so
        the row can name it. Call inside a transaction."""
        transition = self.transitions[name]
        actor = SYSTEM if user is None else self.acting(record, user, roles, "enter a record from a published source")
        check_source(source_title=source.title, source_url=source.url, on=source.on)
        locked = self.lock(record)
        what = self.what(locked)
        if locked.state not in transition.sources:
            raise ValidationError(
                f"This {what} is {locked.get_state_display().lower()}, so you cannot record it from a source",
                code="state",
            )
        if transition.complete:
            errors = locked.readiness_errors()
            if errors:
                raise ValidationError(errors)
        before = audit.snapshot(locked)
        from_state = locked.state
        now = timezone.now()
        if transition.target is not None:
            locked.state = transition.target
        if transition.stamp:
            setattr(locked, f"{transition.stamp}_by", actor.user)
            setattr(locked, f"{transition.stamp}_at", now)
        on_field = on_field or (f"{transition.stamp}_on" if transition.stamp else "")
        if on_field:
            setattr(locked, on_field, source.on)
        locked.source_title, locked.source_url, locked.recorded_at = source.title.strip(), source.url.strip(), now
        if effect is not None:
            effect(locked)
        return self._step_taken(
            record,
            locked,
            transition,
            actor=actor,
            at=now,
            before=before,
            note=note,
            from_state=from_state,
            source=source,
        )

    def _step_taken(self, record, locked, transition, *, actor, at, before, note, from_state, **history):
        """Finish a step: bump the version, save, audit, and write the history row (`history`: more for its writer)."""
        what = self.what(locked)
        locked.version += 1
        locked.changed_at = at
        locked.full_clean()
        locked.save()
        audit.record(actor=actor.user, instance=locked, action=AuditEntry.Action.UPDATED, before=before, reason=note)
        self.history(
            record=locked,
            actor=actor,
            title=transition.title.format(What=what[:1].upper() + what[1:], what=what),
            note=note,
            from_state=from_state,
            public=transition.public,
            **history,
        )
        if record is not locked:
            record.refresh_from_db()
        return locked


class WorkflowRecord(models.Model):
    """The columns every record with a workflow has: an optimistic-lock version and when it last changed."""

    version = models.PositiveIntegerField(default=1, help_text="Goes up by one with every change (optimistic lock).")
    changed_at = models.DateTimeField(default=server_now)

    class Meta:
        abstract = True


def contributed(record, actor):
    """Remember that `actor` wrote or changed `record`'s content."""
    if not actor:
        return None
    row = ContentEdit(content_type=ContentType.objects.get_for_model(record), object_id=str(record.pk))
    row.set_actor(actor)
    row.save()
    return row


def wrote(record, user):
    """Whether `user` wrote, changed or sent `record` for sign-off: four eyes refuses them as its approver."""
    if user is None or not user.is_authenticated:
        return False
    stamped = {getattr(record, field, None) for field in ("drafted_by_id", "submitted_by_id", "recorded_by_id")}
    return user.pk in stamped or ContentEdit.objects.for_object(record).filter(actor=user).exists()


__all__ = ["ContentEdit", "StaleForm", "Transition", "Workflow", "WorkflowRecord", "contributed", "role_words", "wrote"]
