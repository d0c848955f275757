"""Writing a response: start or correct it, save the draft, plan actions, add evidence, and sign it off."""

from django.core.exceptions import ValidationError
from django.db import transaction

from followthrough.core import audit
from followthrough.core.formatting import long_date
from followthrough.core.models import AuditEntry
from followthrough.organisations.models import Role

from ..models import Acceptance, PlannedAction, PointAnswer, Response, ResponseVersion, State
from . import common

DRAFTERS = (Role.EDITOR, Role.APPROVER)


def _working(version, what="response"):
    if version.state != State.DRAFT:
        raise ValidationError(
            f"This {what} is {version.get_state_display().lower()}. Send it back to draft before changing it"
        )


def _previous_published(version):
    return (
        version.response.versions.filter(state=State.PUBLISHED, number__lt=version.number).order_by("-number").first()
    )


@transaction.atomic
def response_start(*, obligation, started_by, is_example=False):
    """The version to work on: the first draft, the one already being worked on, or a correction of the last
    published version (a copy of it, with its answers, actions and evidence, so only what changes needs typing)."""
    common.require(started_by, obligation.organisation, *DRAFTERS, doing="write its response")
    if not obligation.is_active:
        raise ValidationError("This recommendation is no longer addressed to your organisation")
    response, _ = Response.objects.get_or_create(obligation=obligation)
    response = Response.objects.select_for_update().get(pk=response.pk)
    working = response.working_version()
    if working:
        return working
    previous = response.latest_published()
    version = ResponseVersion(
        response=response,
        number=previous.number + 1 if previous else 1,
        drafted_by=started_by,
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
            evidence.pk, evidence.version, evidence.added_by = None, version, started_by
            evidence.save()
    else:
        PointAnswer.objects.bulk_create(
            PointAnswer(version=version, position=point.position, point_text=point.text)
            for point in obligation.recommendation.points.all()
        )
    audit.record(actor=started_by, instance=version, action=AuditEntry.Action.CREATED)
    title = f"Correction started (version {version.number})" if previous else "Response started"
    common.event(obligation=obligation, actor=started_by, title=title)
    return version


@transaction.atomic
def response_save(*, version, saved_by, acceptance, acceptance_reason="", done="", change_note="", point_answers=None):
    """Save the draft as typed. Completeness is checked when it is sent for sign-off, not here."""
    obligation = version.response.obligation
    common.require(saved_by, obligation.organisation, *DRAFTERS, doing="change its response")
    _working(version)
    before = audit.snapshot(version)
    version.acceptance = acceptance or ""
    version.acceptance_reason = acceptance_reason.strip() if acceptance != Acceptance.ACCEPTED else ""
    version.done = done.strip()
    version.change_note = change_note.strip() if version.number > 1 else ""
    version.full_clean()
    version.save()
    for answer in version.point_answers.all():
        text, addressed = (point_answers or {}).get(answer.position, (answer.answer, answer.addressed))
        answer.answer, answer.addressed = text.strip(), bool(addressed)
        answer.save()
    audit.record(actor=saved_by, instance=version, action=AuditEntry.Action.UPDATED, before=before)
    return version


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
    obligation = version.response.obligation
    common.require(saved_by, obligation.organisation, *DRAFTERS, doing="change its response")
    _working(version)
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
    return action


@transaction.atomic
def action_remove(*, action, removed_by):
    version = action.version
    common.require(removed_by, version.response.obligation.organisation, *DRAFTERS, doing="change its response")
    _working(version)
    audit.record(actor=removed_by, instance=action, action=AuditEntry.Action.DELETED, before=audit.snapshot(action))
    action.delete()
    for position, remaining in enumerate(version.actions.order_by("position"), start=1):
        if remaining.position != position:
            remaining.position = position
            remaining.save(update_fields=["position"])


def _sign_off(version, action, actor, on=None, note=""):
    obligation = version.response.obligation
    return common.sign_off(
        record=version,
        organisation=obligation.organisation,
        obligation=obligation,
        action=action,
        actor=actor,
        what="response" if version.number == 1 else f"correction (version {version.number})",
        on=on,
        note=note,
    )


@transaction.atomic
def response_submit(*, version, submitted_by):
    """Send the draft to the organisation's approver."""
    return _sign_off(version, common.SUBMIT, submitted_by)


@transaction.atomic
def response_send_back(*, version, sent_back_by, note):
    return _sign_off(version, common.SEND_BACK, sent_back_by, note=note)


@transaction.atomic
def response_approve(*, version, approved_by):
    """The organisation's sign-off: by someone other than the drafter, unless the organisation allows it."""
    return _sign_off(version, common.APPROVE, approved_by)


@transaction.atomic
def response_publish(*, version, published_by, on=None):
    """Publish the approved version. Earlier versions stay published and visible, as the history."""
    return _sign_off(version, common.PUBLISH, published_by, on=on, note=version.change_note)
