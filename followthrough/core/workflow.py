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
  writes the history row through the record type's own `history` callable.

Content changes go through `Workflow.edit`, which takes the same lock and version check, refuses unless the record is
in an editable state, and remembers who changed the content (`ContentEdit`), so four eyes needs no guesswork.

What a record type needs beyond that is declared, not written again (ADR 0017): a transition taken by people at
another organisation than the record's (`Transition.at`: caseworkers act for the inspectorate on a super-complaint),
or at any one of several (joint complainants); a target the decision chooses (`Transition.targets`); the service
itself acting (`service_may_act`, for the demonstration loader); a step's own changes made under the lock
(`take(change=...)`); the published source of a step entered through the historical path (`take(source=...)`, passed
to the history writer); and the record type's own words for a refusal (`Words`). Where each role is held at a
different organisation (a letter: a caseworker at the inspectorate, or an approver at the organisation that sent it),
`organisation_of` gives a mapping {role: organisation} (ADR 0018).

A record published elsewhere first takes its transition through `Workflow.from_source` (the historical path,
`core.provenance`): dated as its source gives, with the source kept on the record and named in its history row.

Each step may tell the people it concerns through the record type's own `notify` callable, in the same transaction;
the outbox keys each notice by the record, the step and the record's version, so a step is notified once.
"""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.text import get_text_list

from . import audit
from .actors import SYSTEM, Actor, acting_for_one_of, role_words
from .formatting import time_and_date
from .history import server_now
from .models import AuditEntry, ContentEdit
from .provenance import check_source


class StaleForm(ValidationError):
    """The record changed after the form was loaded. Nothing was changed. `version` is the version it has now, so a
    page can offer a deliberate second try."""

    def __init__(self, *, what, changed_at, version=None, advice="Check what it says now and try again"):
        self.what, self.changed_at, self.version, self.advice = what, changed_at, version, advice
        super().__init__(self.message_for("Someone else"), code="stale")

    def message_for(self, who):
        """The message naming who changed it, as the page knows them ("Another caseworker")."""
        return f"{who} changed this {self.what} at {time_and_date(self.changed_at)}. {self.advice}"


class Refused(ValidationError):
    """The workflow does not allow this step: not in this state, or not by this person. Nothing was changed."""


class Words:
    """How a refusal is worded. A record type may give its own (a subclass) where its pages speak differently."""

    after_change = "Check what it says now and try again"  # what to do about a stale form

    def not_now(self, record, what, doing):
        """The record's state does not allow the step."""
        return f"This {what} is {record.get_state_display().lower()}, so you cannot {doing}"

    def not_theirs(self, record, roles, organisations, doing):
        """The person does not hold one of `roles` at any of `organisations`."""
        names = [str(organisation) for organisation in organisations] or ["the organisation"]
        return f"Only an {role_words(roles)} at {get_text_list(names, 'or')} can {doing}"

    def not_editable(self, record, what):
        return f"This {what} is {record.get_state_display().lower()}. Send it back to draft before changing it"


def several(organisations):
    """One organisation, several, or None, as a list."""
    if organisations is None:
        return []
    if isinstance(organisations, models.Model):
        return [organisations]
    return list(organisations)


@dataclass(frozen=True)
class Transition:
    """A move from one of `sources` to `target` (None: the state stays), taken by someone with one of `roles`.

    `doing` completes "Only an approver at … can …" and "… so you cannot …"; `title` is the history row's title, with
    `{What}` for the record's name. `stamp` names the `<stamp>_by`/`<stamp>_at` fields filled in; `clears` names
    stamps emptied (a record sent back is no longer submitted or approved).

    `targets` are the states a decision may choose among, given to `take` as `target` (eligible or not eligible);
    `at` is a function of the record giving the organisation, or organisations, whose people take this step, where
    that is not the record's own (`Workflow.organisation_of`).
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
    targets: frozenset = frozenset()
    at: object = None


class Workflow:
    """The transitions of one kind of record, and how to find the organisation it belongs to and write its history."""

    def __init__(
        self,
        transitions,
        *,
        organisation_of,
        history,
        editable=(),
        what=lambda record: "record",
        words=None,
        service_may_act=False,
        snapshot=audit.snapshot,
        notify=None,
    ):
        """`organisation_of(record)` gives the organisation (or organisations) the record belongs to; `history` writes
        a history row. With `service_may_act`, `user=None` is the service itself (the demonstration loader, another
        app's service), which holds no role; otherwise a step always needs a person. `notify(record, name, actor,
        note)` tells the people a step concerns, through the outbox."""
        self.transitions = transitions
        self.organisation_of = organisation_of
        self.history = history
        self.editable = frozenset(editable)
        self.what = what
        self.words = words or Words()
        self.service_may_act = service_may_act
        self.snapshot = snapshot
        self.notify = notify

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

    def lock(self, record, expected_version=None):
        locked = type(record)._base_manager.select_for_update().get(pk=record.pk)
        if expected_version not in (None, "") and int(expected_version) != locked.version:
            raise StaleForm(
                what=self.what(locked),
                changed_at=locked.changed_at,
                version=locked.version,
                advice=self.words.after_change,
            )
        return locked

    def actor(self, record, user, roles, *, doing, at=None):
        """The `Actor` for `user` taking a step on `record`: acting for the first of the organisations the step belongs
        to (`at`, or the record's) at which they hold one of `roles`; the service itself for `user=None` where the
        workflow allows it. Otherwise `Refused`, saying who may."""
        if user is None and self.service_may_act:
            return SYSTEM
        where = (at or self.organisation_of)(record)
        if isinstance(where, dict):
            return acting_for_one_of(user, where, *roles, doing=doing)
        organisations = several(where)
        if getattr(user, "is_authenticated", False):
            for organisation in organisations:
                if user.has_role_at(organisation, *roles):
                    return Actor(user=user, organisation=organisation)
        raise Refused(self.words.not_theirs(record, roles, organisations, doing), code="role")

    def take(self, record, name, *, user, expected_version=None, note="", target=None, change=None, source=None):
        """Take transition `name` on `record` for `user`. Returns the record, saved. Call inside a transaction.

        `target` is the state a decision chose, one of the transition's `targets`. `change(locked)` makes the step's
        own changes to the locked record once every check has passed, before it is saved (and may refuse, with a
        ValidationError); it may return details for the history row, among them a `note` or a `title` replacing the
        caller's note or the transition's title.
        `source` is the published source of a step entered through the historical path (`core.provenance.Source`),
        passed to the history writer."""
        transition = self.transitions[name]
        actor = self.actor(record, user, transition.roles, doing=transition.doing, at=transition.at)
        organisation = actor.organisation
        locked = self.lock(record, expected_version)
        what = self.what(locked)
        if locked.state not in transition.sources:
            raise Refused(self.words.not_now(locked, what, transition.doing), code="state")
        if target is not None and target not in transition.targets:
            raise ValidationError(f"This {what} cannot be moved to {target}", code="target")
        if transition.targets and target is None:
            raise ValidationError(f"Choose what this step decides for the {what}", code="target")
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
        before = self.snapshot(locked)
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
        return self._finish(
            record,
            locked,
            name,
            actor=actor,
            user=user,
            before=before,
            now=now,
            note=note,
            from_state=from_state,
            source=source,
            change=change,
            tell=source is None,
        )

    def from_source(self, record, name, *, source, roles, user=None, note="", on_field=None, change=None):
        """The historical path (ADR 0016): take transition `name` as it happened elsewhere first, dated as `source`
        (`core.provenance.Source`) gives, or not dated where it gives none.

        `user` holds one of `roles` (a caseworker or administrator), or is None for the service itself loading the
        demonstration data. The transition's state and completeness rules apply; its own effect does not, since it
        would date the record today, and nobody is notified, since it happened before. The stamp's `<stamp>_on` (or
        `on_field`) takes the source's date, the record keeps the source (`core.provenance.Sourced`), and the history
        writer is given the source, so the row can name it. Call inside a transaction."""
        transition = self.transitions[name]
        doing = "enter a record from a published source"
        actor = SYSTEM if user is None else self.actor(record, user, roles, doing=doing, at=transition.at)
        check_source(source_title=source.title, source_url=source.url, on=source.on)
        locked = self.lock(record)
        what = self.what(locked)
        if locked.state not in transition.sources:
            raise Refused(self.words.not_now(locked, what, "record it from a source"), code="state")
        if transition.complete:
            errors = locked.readiness_errors()
            if errors:
                raise ValidationError(errors)
        before = self.snapshot(locked)
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
        return self._finish(
            record,
            locked,
            name,
            actor=actor,
            user=actor.user,
            before=before,
            now=now,
            note=note,
            from_state=from_state,
            source=source,
            change=change,
            tell=False,
        )

    def _finish(self, record, locked, name, *, actor, user, before, now, note, from_state, source, change, tell):
        """Finish a step on the locked record: the step's own changes, then save, audit, the history row, and, if
        `tell`, the people it concerns. A step recorded from its source happened long ago, and is not told."""
        transition = self.transitions[name]
        what = self.what(locked)
        details = dict((change(locked) if change is not None else None) or {})
        note = details.pop("note", note)
        title = details.pop("title", transition.title.format(What=what[:1].upper() + what[1:], what=what))
        self._store(locked, user=user, before=before, reason=note, now=now)
        self.history(
            record=locked,
            actor=actor,
            title=title,
            note=note,
            from_state=from_state,
            public=transition.public,
            name=name,
            source=source,
            details=details,
        )
        if tell and self.notify is not None:
            self.notify(record=locked, name=name, actor=actor, note=note)
        if record is not locked:
            record.refresh_from_db()
        return locked

    def edit(self, record, *, user, roles, doing, expected_version=None):
        """Lock a record for a change of content: the same lock and version check as a transition, in an editable
        state only. The caller changes fields, then calls `saved`."""
        self.actor(record, user, roles, doing=doing)
        locked = self.lock(record, expected_version)
        if locked.state not in self.editable:
            raise Refused(self.words.not_editable(locked, self.what(locked)), code="state")
        return locked

    def saved(self, record, *, user, before=None, reason=""):
        """Finish a change of content: bump the version, save, audit, and remember who changed it."""
        self._store(record, user=user, before=before, reason=reason)
        contributed(record, Actor(user=user, organisation=self.acted_for(record, user)))
        return record

    def _store(self, record, *, user, before, reason, now=None):
        """Bump the version, save, and audit the change."""
        record.version += 1
        record.changed_at = now or timezone.now()
        record.full_clean()
        record.save()
        audit.record(
            actor=user,
            instance=record,
            action=AuditEntry.Action.UPDATED,
            before=before,
            after=self.snapshot(record),
            reason=reason,
        )

    def touched(self, record, *, user):
        """Something hanging on the record changed (a planned action, a piece of evidence): bump its version and
        remember who changed it, as for its own fields. The caller has locked it through `edit`."""
        record.version += 1
        record.changed_at = timezone.now()
        type(record)._base_manager.filter(pk=record.pk).update(version=record.version, changed_at=record.changed_at)
        contributed(record, Actor(user=user, organisation=self.acted_for(record, user)))
        return record

    def acted_for(self, record, user):
        """Which of the record's organisations `user` changed its content for: the one they belong to."""
        where = self.organisation_of(record)
        if isinstance(where, dict):
            return next((org for role, org in where.items() if user is not None and user.has_role_at(org, role)), None)
        organisations = several(where)
        if getattr(user, "is_authenticated", False) and len(organisations) > 1:
            member_of = set(user.memberships.values_list("organisation_id", flat=True))
            return next((o for o in organisations if o.pk in member_of), organisations[0])
        return organisations[0] if organisations else None


class HistoryRows:
    """A workflow's history writer: one append-only row of `model` (a `HistoryEntry` that is also `SourceNamed`) for
    each step, with who acted, the step's name, the states it moved between, and, for a step entered through the
    historical path, the name and link of the source it was taken from (ADR 0016, ADR 0017).

    The row's `record_field` is the record; `step_field` the transition's name; the change's details fill the rest
    (the date the step took effect, say)."""

    def __init__(self, model, *, record_field, step_field):
        self.model = model
        self.record_field = record_field
        self.step_field = step_field

    def __call__(self, *, record, actor, title, note, from_state, public, name, source=None, details=None, **_):
        row = self.model(
            **{self.record_field: record, self.step_field: name},
            from_state=from_state,
            to_state=record.state,
            title=title,
            note=note,
            **(details or {}),
        )
        if source is not None:
            row.source_title, row.source_url = source.title.strip(), source.url.strip()
        row.set_actor(actor)
        row.full_clean()
        row.save()
        return row


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


__all__ = [
    "ContentEdit",
    "HistoryRows",
    "Refused",
    "StaleForm",
    "Transition",
    "Words",
    "Workflow",
    "WorkflowRecord",
    "contributed",
    "role_words",
    "several",
    "wrote",
]
