"""Writing a response: start or correct it, save the draft, plan actions, add evidence, and sign it off."""

from django.core.exceptions import ValidationError
from django.db import transaction

from followthrough.core import audit
from followthrough.core.formatting import long_date
from followthrough.core.models import AuditEntry
from followthrough.core.workflow import contributed

from ..models import Acceptance, PlannedAction, PointAnswer, Response, ResponseVersion, State
from . import common
from .common import DRAFTERS

DOING = "change its response"


def _edit(version, user, expected_version=None):
    """The version, locked and read afresh, if it is still a draft and unchanged since the form was loaded."""
    return common.sign_off_workflow.edit(
        version, user=user, roles=DRAFTERS, doing=DOING, expected_version=expected_version
    )


def _previous_published(version):
    return (
        version.response.versions.filter(state=State.PUBLISHED, number__lt=version.number).order_by("-number").first()
    )


@transaction.atomic
def response_start(*, obligation, started_by, is_example=False):
    """The version to work on: the first draft, the one already being worked on, or a correction of the last
    published version (a copy of it, with its answers, actions and evidence, so only what changes needs typing)."""
    actor = common.require(started_by, obligation.organisation, *DRAFTERS, doing="write its response")
    if not obligation.is_active:
        raise ValidationError("This recommendation is no longer addressed to your organisation")
    response = response_locked(obligation)
    working = response.working_version()
    if working:
        return working
    return version_new(response=response, actor=actor, is_example=is_example)


def response_locked(obligation):
    """The obligation's response, created if need be and locked, so two people starting one make one."""
    response, _ = Response.objects.get_or_create(obligation=obligation)
    return Response.objects.select_for_update().get(pk=response.pk)


def version_new(*, response, actor, is_example=False):
    """A new draft version of `response`, written by `actor`: the first, or a copy of the last published one."""
    previous = response.latest_published()
    version = ResponseVersion(
        response=response,
        number=previous.number + 1 if previous else 1,
        drafted_by=actor.user,
        is_example=is_example,
        acceptance=previous.acceptance if previous else "",
        acceptance_reason=previous.acceptance_reason if previous else "",
        done=previous.done if previous else "",
    )
    version.full_clean()
    version.save()
    if previous:
        for answer in previous.point_answers.all():
            answer.pk, answer.version = None, version
            answer.save()
        for action in previous.actions.all():
            action.pk, action.version = None, version
            action.save()
        # Evidence carries over too: the new row points at the same stored file, which is never deleted.
        for evidence in previous.evidence.all():
            evidence.pk, evidence.version, evidence.added_by = None, version, actor.user
            evidence.save()
    else:
        PointAnswer.objects.bulk_create(
            PointAnswer(version=version, position=point.position, point_text=point.text)
            for point in response.obligation.recommendation.points.all()
        )
    audit.record(actor=actor.user, instance=version, action=AuditEntry.Action.CREATED)
    title = f"Correction started (version {version.number})" if previous else "Response started"
    common.event(obligation=response.obligation, actor=actor, title=title)
    contributed(version, actor)
    return version


@transaction.atomic
def response_save(
    *,
    version,
    saved_by,
    acceptance,
    acceptance_reason="",
    done="",
    change_note="",
    point_answers=None,
    expected_version=None,
):
    """Save the draft as typed. Completeness is checked when it is sent for sign-off, not here.

    The row is locked and read afresh, so a save from a form loaded before the draft was sent for sign-off (or
    changed by someone else) is refused rather than undoing what happened since."""
    locked = _edit(version, saved_by, expected_version)
    before = audit.snapshot(locked)
    content_write(
        locked,
        acceptance=acceptance,
        acceptance_reason=acceptance_reason,
        done=done,
        change_note=change_note,
        point_answers=point_answers,
    )
    common.sign_off_workflow.saved(locked, user=saved_by, before=before)
    if version is not locked:
        version.refresh_from_db()
    return locked


def content_write(version, *, acceptance, acceptance_reason="", done="", change_note="", point_answers=None):
    """Put what was typed on a draft version and its point answers. The caller has locked it, and saves it."""
    version.acceptance = acceptance or ""
    version.acceptance_reason = acceptance_reason.strip() if acceptance != Acceptance.ACCEPTED else ""
    version.done = done.strip()
    version.change_note = change_note.strip() if version.number > 1 else ""
    for answer in version.point_answers.all():
        text, addressed = (point_answers or {}).get(answer.position, (answer.answer, answer.addressed))
        answer.answer, answer.addressed = text.strip(), bool(addressed)
        answer.save()


def _check_target_date(action, previous, target_date, revision_reason):
    """A target date already published can move, but only with a reason; the first published date is kept."""
    before = previous.actions.filter(key=action.key).first() if previous else None
    if before is None or before.target_date == target_date:
        if before is not None and before.is_revised:
            return before.original_target_date, before.revision_reason
        return None, ""
    if not revision_reason.strip():
        raise ValidationError(
            {"revision_reason": f"Say why the target date is moving from {long_date(before.target_date)}"}
        )
    return before.original_target_date or before.target_date, revision_reason.strip()


@transaction.atomic
def action_save(*, version, saved_by, description, owner_role, target_date, action=None, revision_reason=""):
    """Add a planned action to a draft response, or change one. Moving a published target date needs a reason."""
    version = _edit(version, saved_by)
    if action is None:
        action = PlannedAction(version=version, position=version.actions.count() + 1)
        before = None
    elif action.version_id != version.pk:
        raise ValidationError("That action belongs to another response")
    else:
        before = audit.snapshot(action)
    action.description, action.owner_role, action.target_date = description.strip(), owner_role.strip(), target_date
    action.original_target_date, action.revision_reason = _check_target_date(
        action, _previous_published(version), target_date, revision_reason
    )
    action.full_clean()
    action.save()
    audit.record(
        actor=saved_by,
        instance=action,
        action=AuditEntry.Action.UPDATED if before else AuditEntry.Action.CREATED,
        before=before,
        reason=action.revision_reason,
    )
    common.sign_off_workflow.touched(version, user=saved_by)
    return action


@transaction.atomic
def action_remove(*, action, removed_by):
    version = _edit(action.version, removed_by)
    audit.record(actor=removed_by, instance=action, action=AuditEntry.Action.DELETED, before=audit.snapshot(action))
    action.delete()
    for position, remaining in enumerate(version.actions.order_by("position"), start=1):
        if remaining.position != position:
            remaining.position = position
            remaining.save(update_fields=["position"])
    common.sign_off_workflow.touched(version, user=removed_by)


@transaction.atomic
def response_submit(*, version, submitted_by, expected_version=None):
    """Send the draft to the organisation's approver. Every point must have an answer or a reason."""
    return common.sign_off(record=version, action=common.SUBMIT, actor=submitted_by, expected_version=expected_version)


@transaction.atomic
def response_send_back(*, version, sent_back_by, note, expected_version=None):
    return common.sign_off(
        record=version, action=common.SEND_BACK, actor=sent_back_by, note=note, expected_version=expected_version
    )


@transaction.atomic
def response_approve(*, version, approved_by, expected_version=None):
    """The organisation's sign-off: by someone who did not write or change it, unless the organisation allows it
    (and then the page says so). Completeness is checked again."""
    return common.sign_off(record=version, action=common.APPROVE, actor=approved_by, expected_version=expected_version)


@transaction.atomic
def response_publish(*, version, published_by, expected_version=None):
    """Publish the approved version, dated today. Earlier versions stay published and visible, as the history."""
    return common.sign_off(
        record=version,
        action=common.PUBLISH,
        actor=published_by,
        note=version.change_note,
        expected_version=expected_version,
    )


@transaction.atomic
def response_record_from_source(*, version, recorded_by=None, source_title, source_url="", published_on=None):
    """Enter a response published elsewhere first, with its source and the date it gives (None: not known)."""
    return common.record_from_source(
        record=version,
        recorded_by=recorded_by,
        source_title=source_title,
        source_url=source_url,
        published_on=published_on,
        note=version.change_note,
    )
