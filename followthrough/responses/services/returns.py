"""Progress returns: the cycle of dates, writing a return, and signing it off."""

import datetime

from django.db import transaction

from followthrough.calendar import deadlines
from followthrough.core import audit

from ..models import ProgressReturn
from . import common
from .common import DRAFTERS


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


@transaction.atomic
def return_save(*, progress_return, saved_by, status, narrative, is_example=False, expected_version=None):
    """Save a draft progress return as typed. The row is locked and read afresh, so a stale form cannot undo a
    step of sign-off taken since it was loaded."""
    locked = common.sign_off_workflow.edit(
        progress_return,
        user=saved_by,
        roles=DRAFTERS,
        doing="write its progress returns",
        expected_version=expected_version,
    )
    before = audit.snapshot(locked)
    locked.status, locked.narrative = status or "", narrative.strip()
    locked.is_example = is_example or locked.is_example
    if locked.drafted_by_id is None:
        locked.drafted_by = saved_by
    common.sign_off_workflow.saved(locked, user=saved_by, before=before)
    if progress_return is not locked:
        progress_return.refresh_from_db()
    return locked


@transaction.atomic
def return_submit(*, progress_return, submitted_by, expected_version=None):
    return common.sign_off(
        record=progress_return, action=common.SUBMIT, actor=submitted_by, expected_version=expected_version
    )


@transaction.atomic
def return_send_back(*, progress_return, sent_back_by, note, expected_version=None):
    return common.sign_off(
        record=progress_return,
        action=common.SEND_BACK,
        actor=sent_back_by,
        note=note,
        expected_version=expected_version,
    )


@transaction.atomic
def return_approve(*, progress_return, approved_by, expected_version=None):
    """Approve a return: by someone who did not write or change it, unless the organisation allows it."""
    return common.sign_off(
        record=progress_return, action=common.APPROVE, actor=approved_by, expected_version=expected_version
    )


@transaction.atomic
def return_publish(*, progress_return, published_by, expected_version=None):
    """Publish an approved return, dated today. A return published after its due date shows as received late."""
    return common.sign_off(
        record=progress_return, action=common.PUBLISH, actor=published_by, expected_version=expected_version
    )


@transaction.atomic
def return_record_from_source(*, progress_return, recorded_by=None, source_title, source_url="", published_on=None):
    """Enter a return published elsewhere first, with its source and the date it gives (None: not known, and then
    it is neither late nor on time)."""
    return common.record_from_source(
        record=progress_return,
        recorded_by=recorded_by,
        source_title=source_title,
        source_url=source_url,
        published_on=published_on,
    )
