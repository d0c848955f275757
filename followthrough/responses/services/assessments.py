"""The second key: the inspectorate checks a claim of "implemented", and can reopen its own assessment."""

from django.core.exceptions import ValidationError
from django.db import transaction

from followthrough.core import audit
from followthrough.core.models import AuditEntry
from followthrough.organisations.models import Role
from followthrough.reports.services.common import actor_label, for_the_inspectorate

from ..models import Assessment, Implementation, Outcome, ProgressReturn
from . import common

ASSESSMENTS = (Outcome.COMPLETE, Outcome.NOT_COMPLETE, Outcome.SUPERSEDED)


def _require_caseworker(user):
    if user is None or not user.is_authenticated or not user.has_role(Role.CASEWORKER):
        raise ValidationError("Only an inspectorate caseworker can assess a claim")


def _record(*, progress_return, actor, outcome, reasons):
    assessment = Assessment(
        progress_return=progress_return,
        outcome=outcome,
        reasons=reasons.strip(),
        assessed_by=actor,
        assessed_by_label=actor_label(actor),
    )
    assessment.full_clean()
    assessment.save()
    audit.record(actor=actor, instance=assessment, action=AuditEntry.Action.CREATED, reason=assessment.reasons)
    return assessment


@transaction.atomic
def assessment_record(*, progress_return, assessed_by, outcome, reasons=""):
    """Assess a published claim of "implemented": complete, not complete (with reasons) or superseded."""
    _require_caseworker(assessed_by)
    progress_return = ProgressReturn.casework.select_for_update().get(pk=progress_return.pk)
    if not progress_return.is_published or progress_return.status != Implementation.IMPLEMENTED:
        raise ValidationError("Only a published claim that a recommendation is implemented can be assessed")
    if outcome not in ASSESSMENTS:
        raise ValidationError({"outcome": "Select the outcome of the assessment"})
    current = progress_return.current_assessment()
    if current is not None and current.outcome != Outcome.REOPENED:
        raise ValidationError("This claim has already been assessed. Reopen the assessment to change it")
    if outcome != Outcome.COMPLETE and not reasons.strip():
        raise ValidationError({"reasons": "Give the reasons for the assessment"})
    assessment = _record(progress_return=progress_return, actor=assessed_by, outcome=outcome, reasons=reasons)
    common.event(
        obligation=progress_return.obligation,
        actor=for_the_inspectorate(assessed_by),
        title=f"Progress return {progress_return.number}: {assessment.get_outcome_display().lower()}",
        note=assessment.reasons,
        is_public=True,
    )
    return assessment


@transaction.atomic
def assessment_reopen(*, progress_return, reopened_by, reason):
    """Reopen an assessment, with the reason. The earlier assessment stays on record."""
    _require_caseworker(reopened_by)
    progress_return = ProgressReturn.casework.select_for_update().get(pk=progress_return.pk)
    current = progress_return.current_assessment()
    if current is None or current.outcome == Outcome.REOPENED:
        raise ValidationError("There is no assessment to reopen")
    if not reason.strip():
        raise ValidationError({"reason": "Say why the assessment is being reopened"})
    assessment = _record(progress_return=progress_return, actor=reopened_by, outcome=Outcome.REOPENED, reasons=reason)
    common.event(
        obligation=progress_return.obligation,
        actor=for_the_inspectorate(reopened_by),
        title=f"Progress return {progress_return.number}: assessment reopened",
        note=assessment.reasons,
        is_public=True,
    )
    return assessment
