"""Writes for the correspondence register: one function per use case, each atomic, validated and audited.

Who may do what is decided in rules.py and checked by the views; the services check it again, so no caller can skip
it (ADR 0009). Clearing, publishing and withholding are transitions of `letter_workflow` (`core.workflow`, ADR 0018):
the row lock and the version the page showed, the role at the organisation it is held at, four eyes, the server's
clock, the audit entry and the history row, written once for every record with states.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from followthrough.calendar.deadlines import OutsideCalendar, Rule
from followthrough.calendar.services import deadline_close, deadline_store
from followthrough.core import audit, files
from followthrough.core.actors import SYSTEM, Actor
from followthrough.core.formatting import long_date, plural
from followthrough.core.models import AuditEntry
from followthrough.core.uploads import size_words
from followthrough.core.workflow import Transition, Workflow
from followthrough.organisations.models import INSPECTORATE, Organisation, Role

from . import redaction
from .models import Letter, ReplyRule, State, StatusChange

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


def _places(letter):
    """Where each role that acts on a letter is held: a caseworker at the inspectorate, an approver at the
    organisation that sent it."""
    return {
        Role.CASEWORKER: Organisation.objects.get(code=INSPECTORATE),
        Role.APPROVER: letter.from_organisation,
    }


def _step(*, record, actor, title, note, from_state, public, **_):
    """The history row for a step of the workflow: the row's own title follows from the states it joins."""
    change = StatusChange(letter=record, from_state=from_state, to_state=record.state, note=note)
    change.set_actor(actor)
    change.full_clean()
    change.save()
    return change


def _publishable(letter):
    if not letter.public_body and not (letter.has_file and letter.file_is_public):
        raise ValidationError(
            "There is nothing to publish: the letter has no text, and its file is not to be published"
        )


CLEARERS = (Role.CASEWORKER, Role.APPROVER)
WITHHELD_WITHOUT_REASON = "Enter why the letter is being withheld"
CLEAR, PUBLISH, WITHHOLD_DRAFT, WITHHOLD = "clear", "publish", "withhold-draft", "withhold"

# Every legal change of a letter's state, in one place (STYLE.md §5, ADR 0016). Withholding is final: a withheld
# letter's reason is public. Clearing a draft, or withholding one (a clearance decision too), needs someone other than
# whoever recorded or changed it; withholding a cleared or published letter only ever shows less, so it does not.
letter_workflow = Workflow(
    {
        CLEAR: Transition(
            frozenset({State.DRAFT}),
            State.CLEARED,
            CLEARERS,
            "clear it",
            "Cleared for publication",
            stamp="cleared",
            four_eyes=True,
        ),
        PUBLISH: Transition(
            frozenset({State.CLEARED}),
            State.PUBLISHED,
            CLEARERS,
            "publish it",
            "Published",
            stamp="published",
            public=True,
            effect=_publishable,
        ),
        WITHHOLD_DRAFT: Transition(
            frozenset({State.DRAFT}),
            State.WITHHELD,
            CLEARERS,
            "withhold it",
            "Withheld",
            stamp="cleared",
            four_eyes=True,
            note_required=WITHHELD_WITHOUT_REASON,
            public=True,
        ),
        WITHHOLD: Transition(
            frozenset({State.CLEARED, State.PUBLISHED}),
            State.WITHHELD,
            CLEARERS,
            "withhold it",
            "Withheld",
            note_required=WITHHELD_WITHOUT_REASON,
            public=True,
        ),
    },
    organisation_of=_places,
    history=_step,
    editable=(State.DRAFT,),
    what=lambda letter: "letter",
)


def _snapshot(letter):
    data = audit.snapshot(letter)
    if letter.pk:
        data["also_from"] = sorted(letter.also_from.values_list("code", flat=True))
        data["also_to"] = sorted(letter.also_to.values_list("code", flat=True))
        data["recommendations"] = sorted(letter.recommendations.values_list("pk", flat=True))
    return data


def _lock_draft(letter, *, user, doing, refusal, expected_version=None):
    """Lock a draft for a change by a caseworker: the row lock, and the version the page showed."""
    letter_workflow.actor(letter, user, (Role.CASEWORKER,), doing=doing)
    letter_workflow.lock(letter, expected_version)
    letter.refresh_from_db()
    if not letter.is_draft:
        raise IllegalTransition(refusal)
    return letter


def _changed(letter, user):
    """A draft's content changed: its version goes up, and who changed it is remembered, so they cannot clear it."""
    return letter_workflow.touched(letter, user=_person(user))


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
def letter_update(
    *, letter, updated_by, also_from=None, also_to=None, recommendations=None, expected_version=None, **fields
):
    """Change a draft's details. Whoever changes a draft may not then clear it."""
    _lock_draft(
        letter,
        user=updated_by,
        doing="change a letter",
        refusal="Only a draft can be changed",
        expected_version=expected_version,
    )
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
    _changed(letter, updated_by)
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
    _lock_draft(letter, user=attached_by, doing="add a file to a letter", refusal="A file can only be added to a draft")
    before = _snapshot(letter)
    old = letter.file.name if letter.file else ""
    stored = files.store(upload, use=Letter.UPLOAD_USE)  # written under a random name when the change commits
    letter.file = stored.name
    letter.file_name = stored.original_name
    letter.file_content_type = stored.content_type
    letter.file_size = stored.size
    letter.full_clean()
    letter.save()
    _changed(letter, attached_by)
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
    """Whether `user` holds a role that clears `letter`: a caseworker, or an approver at the sending organisation.

    Being its author is checked separately, so the refusal can say why.
    """
    user = _person(user)
    if user is None:
        return False
    return user.has_role(Role.CASEWORKER) or user.has_role_at(letter.from_organisation_id, Role.APPROVER)


@transaction.atomic
def letter_clear(*, letter, cleared_by, publish_now=False, publish_file=False, expected_version=None):
    """Clear a draft for publication: work out and keep its public text, with each marked passage redacted.

    The clearer must be someone other than whoever recorded or changed the letter. With `publish_now` the letter is
    published at once; otherwise it waits, cleared, until someone publishes it (for example once the recipient has
    it). `publish_file` publishes the file as well, for a file the clearer has checked holds nothing to redact.
    """
    # The row stays locked from here to the end of the transaction, so the text redacted is the text cleared.
    current = letter_workflow.lock(letter, expected_version)
    try:
        result = redaction.redact(current.body)
    except ValueError as error:
        result, problem = None, str(error)
    note = ""
    if result is not None:
        note = f"{plural(result.count, 'passage')} redacted."
        if current.has_file:
            note += " The file is published too." if publish_file else " The file is not published."

    def cleared(locked):
        if not locked.body.strip() and not locked.has_file:
            raise ValidationError("The letter has no text and no file. Ask for its text or file to be added first")
        if publish_file and not locked.has_file:
            raise ValidationError({"publish_file": "The letter has no file to publish"})
        if result is None:
            raise ValidationError({"body": problem})
        locked.public_body = result.public_text
        locked.redaction_count = result.count
        locked.file_is_public = bool(publish_file and locked.has_file)

    letter_workflow.take(letter, CLEAR, user=_person(cleared_by), note=note, change=cleared)
    if publish_now:
        letter_workflow.take(letter, PUBLISH, user=_person(cleared_by))
    letter.refresh_from_db()
    return letter


@transaction.atomic
def letter_publish(*, letter, published_by, expected_version=None):
    """Publish a cleared letter: its public text (never the original) and, if cleared for it, its file."""
    letter_workflow.take(letter, PUBLISH, user=_person(published_by), expected_version=expected_version)
    letter.refresh_from_db()
    return letter


@transaction.atomic
def letter_withhold(*, letter, withheld_by, reason, expected_version=None):
    """Withhold a letter from publication, with a reason the public can read.

    The public register still lists its date, sender, recipient and subject, with the reason, and never its text.
    Withholding a draft is a clearance decision, so it needs someone other than its author; a cleared or published
    letter can be withheld by anyone who may clear it, since withholding only ever shows less.
    """
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": WITHHELD_WITHOUT_REASON})
    current = letter_workflow.lock(letter, expected_version)

    def withheld(locked):
        # A withheld letter keeps no public text and no public file; the audit trail keeps what they were.
        locked.public_body = ""
        locked.file_is_public = False
        locked.withheld_reason = reason

    step = WITHHOLD_DRAFT if current.is_draft else WITHHOLD
    letter_workflow.take(letter, step, user=_person(withheld_by), note=reason, change=withheld)
    letter.refresh_from_db()
    return letter
