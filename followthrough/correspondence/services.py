"""Writes for the correspondence register: one function per use case, each atomic, validated and audited.

Who may do what is decided in rules.py and checked by the views; the services check it again for the steps that
matter most (clearing by a second person), so no caller can skip it (ADR 0009).
"""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from followthrough.calendar.deadlines import OutsideCalendar, Rule
from followthrough.calendar.services import deadline_close, deadline_store
from followthrough.core import audit, files
from followthrough.core.actors import SYSTEM, Actor
from followthrough.core.formatting import long_date, plural
from followthrough.core.models import AuditEntry
from followthrough.core.uploads import size_words
from followthrough.organisations.models import INSPECTORATE, Organisation, Role

from . import redaction
from .models import TRANSITIONS, Letter, ReplyRule, State, StatusChange

# The fields a draft's details form can change, in the order the history note lists them.
EDITABLE_FIELDS = [
    ("sent_on", "date"),
    ("from_organisation", "sender"),
    ("from_office_holder", "sender"),
    ("to_organisation", "recipient"),
    ("to_office_holder", "recipient"),
    ("subject", "subject"),
    ("body", "text"),
    ("report", "report"),
    ("reply_rule", "reply date"),
    ("reply_days", "reply date"),
    ("reply_by", "reply date"),
]
REPLY_FIELDS = ("sent_on", "reply_rule", "reply_days", "reply_by")


class IllegalTransition(ValidationError):
    """A change of state the workflow does not allow."""


def _person(user):
    return user if user is not None and user.is_authenticated else None


def _actor(user, letter):
    """Who acted on a letter, and for which organisation: a caseworker acts for the inspectorate; an approver clears
    for the organisation that sent the letter. Chosen by the role being used, never by the user's first membership."""
    user = _person(user)
    if user is None:
        return SYSTEM
    if user.has_role(Role.CASEWORKER):
        return Actor(user=user, organisation=Organisation.objects.filter(code=INSPECTORATE).first())
    if letter.from_organisation_id and user.has_role_at(letter.from_organisation_id, Role.APPROVER):
        return Actor(user=user, organisation=letter.from_organisation)
    return Actor(user=user)


def _history(*, letter, actor, from_state, to_state, note=""):
    change = StatusChange(letter=letter, from_state=from_state, to_state=to_state, note=note)
    change.set_actor(_actor(actor, letter))
    change.full_clean()
    change.save()
    return change


def _snapshot(letter):
    data = audit.snapshot(letter)
    if letter.pk:
        data["also_from"] = sorted(letter.also_from.values_list("code", flat=True))
        data["also_to"] = sorted(letter.also_to.values_list("code", flat=True))
        data["recommendations"] = sorted(letter.recommendations.values_list("pk", flat=True))
    return data


def _check_transition(letter, to_state):
    if to_state not in TRANSITIONS[State(letter.state)]:
        raise IllegalTransition(
            f"A letter that is {letter.get_state_display().lower()} cannot be {State(to_state).label.lower()}"
        )


def _lock(letter):
    Letter.casework.select_for_update().filter(pk=letter.pk).first()
    letter.refresh_from_db()
    return letter


def _check_recommendations(report, recommendations):
    if any(r.report_id != getattr(report, "pk", None) for r in recommendations):
        raise ValidationError({"recommendations": "Select recommendations from the report the letter is about"})


def _store_reply_deadline(letter):
    """Work out when a reply is due under the letter's rule, and keep the answer with its explanation.

    A period of days is counted from the day after the letter's date, so "within 14 days" of a letter dated 1 March
    ends on 15 March, as a reader of the letter would expect (ADR 0009).
    """
    if letter.reply_rule == ReplyRule.NONE:
        return None
    label = f"Reply to the letter of {long_date(letter.sent_on)}: {letter.subject}"[:255]
    try:
        if letter.reply_rule == ReplyRule.FIXED_DATE:
            return deadline_store(
                label=label, rule=Rule.FIXED_DATE, start=letter.sent_on, fixed=letter.reply_by, owner=letter
            )
        return deadline_store(
            label=label,
            rule=Rule.WORKING_DAYS if letter.reply_rule == ReplyRule.WORKING_DAYS else Rule.CALENDAR_DAYS,
            count=letter.reply_days,
            start=letter.sent_on + datetime.timedelta(days=1),
            owner=letter,
        )
    except OutsideCalendar:
        raise ValidationError(
            {"reply_rule": "The reply date cannot be worked out: the holiday table does not cover those dates"}
        ) from None


def _answered(letter, reply):
    """A reply has been recorded, so the letter's reply date no longer runs."""
    deadline = letter.reply_deadline
    if deadline is not None and deadline.is_open:
        deadline_close(deadline=deadline)
        audit.record(
            actor=reply.recorded_by,
            instance=letter,
            action=AuditEntry.Action.UPDATED,
            after=_snapshot(letter),
            reason=f"Reply of {long_date(reply.sent_on)} recorded: the reply date is met",
        )


@transaction.atomic
def letter_record(
    *,
    recorded_by,
    sent_on,
    from_organisation,
    from_office_holder,
    to_organisation,
    to_office_holder,
    subject,
    body="",
    also_from=(),
    also_to=(),
    report=None,
    recommendations=(),
    in_reply_to=None,
    reply_rule=ReplyRule.NONE,
    reply_days=None,
    reply_by=None,
):
    """Put a letter on the register as a draft: nobody outside casework sees it until it is cleared and published.

    A reply names the letter it answers in `in_reply_to`; recording it stops that letter's reply date running.
    """
    recommendations = list(recommendations or ())
    _check_recommendations(report, recommendations)
    letter = Letter(
        sent_on=sent_on,
        from_organisation=from_organisation,
        from_office_holder=(from_office_holder or "").strip(),
        to_organisation=to_organisation,
        to_office_holder=(to_office_holder or "").strip(),
        subject=(subject or "").strip(),
        body=(body or "").strip("\n"),
        report=report,
        in_reply_to=in_reply_to,
        reply_rule=reply_rule,
        reply_days=reply_days if reply_rule in (ReplyRule.CALENDAR_DAYS, ReplyRule.WORKING_DAYS) else None,
        reply_by=reply_by if reply_rule == ReplyRule.FIXED_DATE else None,
        recorded_by=_person(recorded_by),
    )
    letter.full_clean()
    letter.save()
    letter.also_from.set(also_from or ())
    letter.also_to.set(also_to or ())
    letter.recommendations.set(recommendations)
    letter.reply_deadline = _store_reply_deadline(letter)
    if letter.reply_deadline is not None:
        letter.save(update_fields=["reply_deadline"])
    audit.record(actor=recorded_by, instance=letter, action=AuditEntry.Action.CREATED, after=_snapshot(letter))
    note = f"In reply to the letter of {long_date(in_reply_to.sent_on)}." if in_reply_to else ""
    _history(letter=letter, actor=recorded_by, from_state="", to_state=State.DRAFT, note=note)
    if in_reply_to is not None:
        _answered(in_reply_to, letter)
    return letter


@transaction.atomic
def letter_update(*, letter, updated_by, also_from=None, also_to=None, recommendations=None, **fields):
    """Change a draft's details. Whoever changes a draft may not then clear it."""
    _lock(letter)
    if not letter.is_draft:
        raise IllegalTransition("Only a draft can be changed")
    unknown = set(fields) - {name for name, _ in EDITABLE_FIELDS}
    if unknown:
        raise TypeError(f"letter_update() cannot change {', '.join(sorted(unknown))}")
    before = _snapshot(letter)
    reply_before = [getattr(letter, name) for name in REPLY_FIELDS]
    changed = []
    for name, words in EDITABLE_FIELDS:
        if name not in fields:
            continue
        value = fields[name]
        if isinstance(value, str) and name != "body":
            value = value.strip()
        if getattr(letter, name) != value:
            setattr(letter, name, value)
            changed.append(words)
    if letter.reply_rule not in (ReplyRule.CALENDAR_DAYS, ReplyRule.WORKING_DAYS):
        letter.reply_days = None
    if letter.reply_rule != ReplyRule.FIXED_DATE:
        letter.reply_by = None
    for name, words, value in (("also_from", "sender", also_from), ("also_to", "recipient", also_to)):
        if value is not None and set(value) != set(getattr(letter, name).all()):
            getattr(letter, name).set(value)
            changed.append(words)
    if recommendations is not None:
        recommendations = list(recommendations)
        if set(recommendations) != set(letter.recommendations.all()):
            letter.recommendations.set(recommendations)
            changed.append("recommendations")
    _check_recommendations(letter.report, list(letter.recommendations.all()))
    if not changed:
        return letter
    letter.full_clean()
    if reply_before != [getattr(letter, name) for name in REPLY_FIELDS]:
        # The earlier deadline is closed, not deleted: it stays with its explanation as history.
        if letter.reply_deadline is not None and letter.reply_deadline.is_open:
            deadline_close(deadline=letter.reply_deadline)
        letter.reply_deadline = _store_reply_deadline(letter)
        if letter.reply_deadline is not None and letter.replies.exists():
            deadline_close(deadline=letter.reply_deadline)
    letter.save()
    words = list(dict.fromkeys(changed))
    audit.record(
        actor=updated_by,
        instance=letter,
        action=AuditEntry.Action.UPDATED,
        before=before,
        after=_snapshot(letter),
        reason=f"Draft changed: {', '.join(words)}",
    )
    _history(
        letter=letter,
        actor=updated_by,
        from_state=State.DRAFT,
        to_state=State.DRAFT,
        note=f"Changed: {', '.join(words)}.",
    )
    return letter


@transaction.atomic
def letter_file_attach(*, letter, attached_by, upload):
    """Attach the letter as a file (a scan or the document sent), replacing any earlier one. Drafts only."""
    _lock(letter)
    if not letter.is_draft:
        raise IllegalTransition("A file can only be added to a draft")
    before = _snapshot(letter)
    old = letter.file.name if letter.file else ""
    stored = files.store(upload, use=Letter.UPLOAD_USE)  # written under a random name when the change commits
    letter.file = stored.name
    letter.file_name = stored.original_name
    letter.file_content_type = stored.content_type
    letter.file_size = stored.size
    letter.full_clean()
    letter.save()
    # The replaced file is removed once the change is committed; the audit entry keeps its stored name.
    files.discard(old)
    audit.record(
        actor=attached_by,
        instance=letter,
        action=AuditEntry.Action.UPDATED,
        before=before,
        after=_snapshot(letter),
        reason=f"File attached: {letter.file_name}",
    )
    _history(
        letter=letter,
        actor=attached_by,
        from_state=State.DRAFT,
        to_state=State.DRAFT,
        note=f"File attached: {letter.file_name} ({size_words(letter.file_size)}).",
    )
    return letter


def may_clear(user, letter):
    """Whether `user` holds a role that clears `letter`: any caseworker, or an approver at the sending organisation.

    Being its author is checked separately, so the refusal can say why.
    """
    user = _person(user)
    if user is None:
        return False
    return user.has_role(Role.CASEWORKER) or user.has_role_at(letter.from_organisation_id, Role.APPROVER)


def _check_clearer(user, letter):
    if not may_clear(user, letter):
        raise PermissionDenied("Only a caseworker, or an approver at the organisation that sent it, can clear a letter")
    if letter.is_author(user):
        raise ValidationError(
            "You recorded or changed this letter, so someone else must clear it: another caseworker, or an approver "
            f"at {letter.from_organisation.name}"
        )


def _publish(letter, actor):
    _check_transition(letter, State.PUBLISHED)
    if not letter.public_body and not (letter.has_file and letter.file_is_public):
        raise ValidationError(
            "There is nothing to publish: the letter has no text, and its file is not to be published"
        )
    before = _snapshot(letter)
    letter.state = State.PUBLISHED
    letter.published_at = timezone.now()
    letter.full_clean()
    letter.save()
    audit.record(
        actor=actor,
        instance=letter,
        action=AuditEntry.Action.UPDATED,
        before=before,
        after=_snapshot(letter),
        reason="Letter published",
    )
    _history(letter=letter, actor=actor, from_state=State.CLEARED, to_state=State.PUBLISHED)
    return letter


@transaction.atomic
def letter_clear(*, letter, cleared_by, publish_now=False, publish_file=False):
    """Clear a draft for publication: work out and keep its public text, with each marked passage redacted.

    The clearer must be someone other than whoever recorded or changed the letter. With `publish_now` the letter is
    published at once; otherwise it waits, cleared, until someone publishes it (for example once the recipient has
    it). `publish_file` publishes the file as well, for a file the clearer has checked holds nothing to redact.
    """
    _lock(letter)
    _check_transition(letter, State.CLEARED)
    _check_clearer(cleared_by, letter)
    if not letter.body.strip() and not letter.has_file:
        raise ValidationError("The letter has no text and no file. Ask for its text or file to be added first")
    if publish_file and not letter.has_file:
        raise ValidationError({"publish_file": "The letter has no file to publish"})
    try:
        result = redaction.redact(letter.body)
    except ValueError as error:
        raise ValidationError({"body": str(error)}) from None
    before = _snapshot(letter)
    letter.public_body = result.public_text
    letter.redaction_count = result.count
    letter.file_is_public = bool(publish_file and letter.has_file)
    letter.state = State.CLEARED
    letter.cleared_by = _person(cleared_by)
    letter.cleared_at = timezone.now()
    letter.full_clean()
    letter.save()
    note = [f"{plural(result.count, 'passage')} redacted."]
    if letter.has_file:
        note.append("The file is published too." if letter.file_is_public else "The file is not published.")
    audit.record(
        actor=cleared_by,
        instance=letter,
        action=AuditEntry.Action.UPDATED,
        before=before,
        after=_snapshot(letter),
        reason="Cleared for publication. " + " ".join(note),
    )
    _history(letter=letter, actor=cleared_by, from_state=State.DRAFT, to_state=State.CLEARED, note=" ".join(note))
    if publish_now:
        _publish(letter, cleared_by)
    return letter


@transaction.atomic
def letter_publish(*, letter, published_by):
    """Publish a cleared letter: its public text (never the original) and, if cleared for it, its file."""
    _lock(letter)
    _check_transition(letter, State.PUBLISHED)
    if not may_clear(published_by, letter):
        raise PermissionDenied(
            "Only a caseworker, or an approver at the organisation that sent it, can publish a letter"
        )
    return _publish(letter, published_by)


@transaction.atomic
def letter_withhold(*, letter, withheld_by, reason):
    """Withhold a letter from publication, with a reason the public can read.

    The public register still lists its date, sender, recipient and subject, with the reason, and never its text.
    Withholding a draft is a clearance decision, so it needs someone other than its author; a cleared or published
    letter can be withheld by anyone who may clear it, since withholding only ever shows less.
    """
    _lock(letter)
    _check_transition(letter, State.WITHHELD)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": "Enter why the letter is being withheld"})
    if letter.is_draft:
        _check_clearer(withheld_by, letter)
    elif not may_clear(withheld_by, letter):
        raise PermissionDenied(
            "Only a caseworker, or an approver at the organisation that sent it, can withhold a letter"
        )
    before = _snapshot(letter)
    from_state = letter.state
    letter.state = State.WITHHELD
    letter.withheld_reason = reason
    # A withheld letter keeps no public text and no public file; the audit trail keeps what they were.
    letter.public_body = ""
    letter.file_is_public = False
    if from_state == State.DRAFT:
        letter.cleared_by = _person(withheld_by)
        letter.cleared_at = timezone.now()
    letter.full_clean()
    letter.save()
    audit.record(
        actor=withheld_by,
        instance=letter,
        action=AuditEntry.Action.UPDATED,
        before=before,
        after=_snapshot(letter),
        reason=f"Withheld: {reason}",
    )
    _history(letter=letter, actor=withheld_by, from_state=from_state, to_state=State.WITHHELD, note=reason)
    return letter
