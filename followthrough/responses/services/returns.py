"""Progress returns: the cycle of dates, writing a return, and signing it off."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from followthrough.calendar import deadlines
from followthrough.core import audit
from followthrough.core.models import AuditEntry

from ..models import ProgressReturn
from . import common
from .responses import DRAFTERS


def return_due(*, report, number):
    """When return `number` of a report's cycle is due: that many periods from publication, with the words."""
    result = deadlines.months(count=number * report.progress_return_months, start=report.published_on)
    return result.due, f"Return {number}, every {report.progress_return_months} months: {result.explanation}"


def returns_schedule(*, obligations, until):
    """Make sure each obligation has its returns up to and including the first one due after `until`.

    Returns the number of returns set up. Safe to run again: existing cycles are left alone.
    """
    existing = {}
    for obligation_id, number in ProgressReturn.casework.filter(obligation__in=obligations).values_list(
        "obligation_id", "number"
    ):
        existing[obligation_id] = max(existing.get(obligation_id, 0), number)
    new = []
    for obligation in obligations:
        report = obligation.recommendation.report
        if not obligation.is_active or not report.progress_return_months:
            continue
        number = existing.get(obligation.pk, 0)
        due = return_due(report=report, number=number)[0] if number else datetime.date.min
        while due <= until:
            number += 1
            due, explanation = return_due(report=report, number=number)
            new.append(ProgressReturn(obligation=obligation, number=number, due_on=due, due_explanation=explanation))
    ProgressReturn.casework.bulk_create(new, ignore_conflicts=True)
    return len(new)


def _writable(progress_return):
    if progress_return.state != "draft":
        raise ValidationError(
            f"This return is {progress_return.get_state_display().lower()}. Send it back to draft before changing it"
        )


@transaction.atomic
def return_save(*, progress_return, saved_by, status, narrative, is_example=False):
    """Save a draft progress return as typed."""
    obligation = progress_return.obligation
    common.require(saved_by, obligation.organisation, *DRAFTERS, doing="write its progress returns")
    _writable(progress_return)
    before = audit.snapshot(progress_return)
    progress_return.status, progress_return.narrative = status or "", narrative.strip()
    progress_return.is_example = is_example or progress_return.is_example
    if progress_return.drafted_by_id is None:
        progress_return.drafted_by = saved_by
    progress_return.full_clean()
    progress_return.save()
    audit.record(actor=saved_by, instance=progress_return, action=AuditEntry.Action.UPDATED, before=before)
    return progress_return


def _sign_off(progress_return, action, actor, on=None, note=""):
    obligation = progress_return.obligation
    return common.sign_off(
        record=progress_return,
        organisation=obligation.organisation,
        obligation=obligation,
        action=action,
        actor=actor,
        what=f"progress return {progress_return.number}",
        on=on,
        note=note,
    )


@transaction.atomic
def return_submit(*, progress_return, submitted_by):
    return _sign_off(progress_return, common.SUBMIT, submitted_by)


@transaction.atomic
def return_send_back(*, progress_return, sent_back_by, note):
    return _sign_off(progress_return, common.SEND_BACK, sent_back_by, note=note)


@transaction.atomic
def return_approve(*, progress_return, approved_by):
    return _sign_off(progress_return, common.APPROVE, approved_by)


@transaction.atomic
def return_publish(*, progress_return, published_by, on=None):
    """Publish an approved return. A return published after its due date shows as received late."""
    return _sign_off(progress_return, common.PUBLISH, published_by, on=on)
