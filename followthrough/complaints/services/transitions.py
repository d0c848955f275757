"""The workflow's steps (`complaints.workflow.TRANSITIONS`), one service function each.

Each hands its own changes to `Workflow.take` as `change`, which runs them on the locked complaint once the workflow
has checked who is acting and that the complaint's state allows the step. `change` returns the date the step took
effect (`on`) and the history row's note, and the title where the step's outcome decides it.
"""

from django.core.exceptions import ValidationError
from django.db import transaction

from followthrough.calendar.deadlines import Rule
from followthrough.calendar.services import deadline_close, deadline_store
from followthrough.core.formatting import long_date

from .. import conf
from ..eligibility import repeat_errors, repeat_kind
from ..models import AUTHORITY_CODES, Action, Decision, ProgressReport
from ..workflow import complaint_workflow
from .common import (
    ACKNOWLEDGEMENT_WORKING_DAYS,
    Incomplete,
    close_open_deadlines,
    dated,
    missing_information,
    next_reference,
)

RECEIVED = {"not_before_words": "the date received"}
DECIDED = {"not_before_words": "the date of the eligibility decision"}


def _notes(*parts):
    return "\n\n".join(part.strip() for part in parts if part and part.strip())


def _progress_report_clock(complaint, start):
    return deadline_store(
        label=f"Progress report on {complaint.reference}",
        rule=Rule.MONTHS,
        count=conf.progress_report_months(),
        start=start,
        owner=complaint,
    )


@transaction.atomic
def complaint_submit(*, complaint, submitted_by, expected_version=None, note="", source=None):
    """Send the complaint to the inspectorate: give it a reference and start the 5-working-day acknowledgement clock.

    It is received today, by the server's clock. A complaint received before the service held it comes in with its
    `source` (`core.provenance.Source`), which must give the date of receipt (ADR 0016).
    The acknowledgement period is 5 working days beginning with the day of receipt (reg 5); a complaint received on
    a non-working day counts from the next working day, which the calendar rule does.
    """

    def change(locked):
        problems = missing_information(locked)
        if problems:
            raise Incomplete(problems)
        received_on = dated(
            source, field="received_on", what="date received", required="Enter the date the source gives for receipt"
        )
        locked.reference = next_reference(received_on.year)
        locked.received_on = received_on
        locked.acknowledgement_deadline = deadline_store(
            label=f"Acknowledge {locked.reference}",
            rule=Rule.WORKING_DAYS,
            count=ACKNOWLEDGEMENT_WORKING_DAYS,
            start=received_on,
            owner=locked,
        )
        due = long_date(locked.acknowledgement_deadline.due)
        return {
            "on": received_on,
            "note": _notes(f"Reference {locked.reference}. The inspectorate must acknowledge it by {due}.", note),
        }

    return complaint_workflow.take(
        complaint, Action.SUBMIT, user=submitted_by, expected_version=expected_version, change=change, source=source
    )


@transaction.atomic
def complaint_acknowledge(*, complaint, acknowledged_by, expected_version=None, note="", source=None):
    """Record that HMCIC acknowledged receipt (reg 5), today, which closes the acknowledgement deadline. From a
    `source`, on the date it gives, or with the date not known (and then neither in time nor late)."""

    def change(locked):
        on = dated(source, field="on", what="date of acknowledgement", not_before=locked.received_on, **RECEIVED)
        locked.acknowledged_on = on
        deadline = locked.acknowledgement_deadline
        timing = ""
        if deadline is not None:
            deadline_close(deadline=deadline)
            if on is None:
                timing = f"The deadline was {long_date(deadline.due)}; the date of acknowledgement is not known."
            elif on > deadline.due:
                timing = f"Acknowledged after the deadline of {long_date(deadline.due)}."
            else:
                timing = f"Acknowledged within the deadline of {long_date(deadline.due)}."
        return {"on": on, "note": _notes(timing, note)}

    return complaint_workflow.take(
        complaint,
        Action.ACKNOWLEDGE,
        user=acknowledged_by,
        expected_version=expected_version,
        change=change,
        source=source,
    )


@transaction.atomic
def complaint_decide_eligibility(
    *,
    complaint,
    decided_by,
    decision,
    reasons,
    agreed_by_hmicfrs,
    agreed_by_iopc,
    agreed_by_college_of_policing,
    repeats=None,
    circumstances_materially_changed=False,
    expected_version=None,
    note="",
    source=None,
):
    """Record the three authorities' joint decision on eligibility (reg 6).

    There is no time limit in law. An eligible complaint starts the progress-report clock
    (SUPER_COMPLAINT_PROGRESS_REPORT_MONTHS). It is decided today; from a `source` that gives no date, the date of
    the decision is not known, and then no progress-report date can be worked out.

    A complaint that repeats an earlier one (`repeats`) is held to regulation 6(3) and (4) (`complaints.eligibility`):
    a decision that it is eligible is refused where the rule says it cannot be.
    """
    if decision not in Decision.values:
        raise ValidationError({"decision": "Select whether the super-complaint is eligible"})

    def change(locked):
        errors = {}
        if not (reasons or "").strip():
            errors["reasons"] = "Enter the reasons for the decision"
        if not (agreed_by_hmicfrs and agreed_by_iopc and agreed_by_college_of_policing):
            errors["agreed_by"] = (
                "Select all three authorities: HMICFRS, the IOPC and the College of Policing decide jointly"
            )
        errors |= repeat_errors(
            complaint=locked,
            earlier=repeats,
            decision=decision,
            circumstances_materially_changed=circumstances_materially_changed,
        )
        if errors:
            raise ValidationError(errors)
        on = dated(source, field="on", what="date of the decision", not_before=locked.received_on, **RECEIVED)
        locked.eligibility_decision = decision
        locked.eligibility_decided_on = on
        locked.eligibility_reasons = reasons.strip()
        locked.agreed_by_hmicfrs = locked.agreed_by_iopc = locked.agreed_by_college_of_policing = True
        locked.repeats = repeats
        locked.repeat_kind = repeat_kind(repeats) if repeats is not None else ""
        locked.circumstances_materially_changed = bool(repeats and circumstances_materially_changed)
        if decision == Decision.ELIGIBLE and on is not None:
            locked.next_progress_report = _progress_report_clock(locked, on)
        eligible = decision == Decision.ELIGIBLE
        return {
            "on": on,
            "title": "Decided eligible: an investigation follows" if eligible else "Decided not eligible",
            "note": _notes(f"Reasons: {locked.eligibility_reasons}", note),
        }

    return complaint_workflow.take(
        complaint,
        Action.DECIDE_ELIGIBILITY,
        user=decided_by,
        expected_version=expected_version,
        target=decision,
        change=change,
        source=source,
    )


@transaction.atomic
def complaint_record_investigation(
    *, complaint, recorded_by, lead_bodies, planned_activities, expected_version=None, source=None
):
    """Record who leads the investigation of an eligible complaint and what it plans to do."""
    lead_bodies = list(lead_bodies)

    def change(locked):
        errors = {}
        if not lead_bodies or any(body.code not in AUTHORITY_CODES for body in lead_bodies):
            errors["lead_bodies"] = "Select which of the three authorities lead the investigation"
        if not (planned_activities or "").strip():
            errors["planned_activities"] = "Enter the activities the investigation plans"
        if errors:
            raise ValidationError(errors)
        on = dated(source, field="on", what="date", not_before=locked.eligibility_decided_on, **DECIDED)
        locked.investigation_plan = planned_activities.strip()
        locked.investigation_recorded_on = on
        locked.investigation_leads.set(lead_bodies)
        chosen = {body.code for body in lead_bodies}
        names = [name for code, name in AUTHORITY_CODES.items() if code in chosen]
        leads = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
        return {"on": on, "note": f"Led by {leads}.\n\n{locked.investigation_plan}"}

    return complaint_workflow.take(
        complaint,
        Action.RECORD_INVESTIGATION,
        user=recorded_by,
        expected_version=expected_version,
        change=change,
        source=source,
    )


@transaction.atomic
def complaint_record_progress_report(*, complaint, sent_by, summary, expected_version=None, source=None):
    """Record a progress report sent to the designated body (reg 7), today, and start the clock for the next one.
    From a `source`, which must give the date it was sent."""

    def change(locked):
        if not (summary or "").strip():
            raise ValidationError({"summary": "Enter a summary of the progress report"})
        sent_on = dated(
            source,
            field="sent_on",
            what="date the progress report was sent",
            required="Enter the date the source gives for the progress report",
            not_before=locked.eligibility_decided_on,
            **DECIDED,
        )
        ProgressReport.objects.create(complaint=locked, sent_on=sent_on, summary=summary.strip(), sent_by=sent_by)
        if locked.next_progress_report is not None and locked.next_progress_report.is_open:
            deadline_close(deadline=locked.next_progress_report)
        locked.next_progress_report = _progress_report_clock(locked, sent_on)
        return {"on": sent_on, "note": summary.strip()}

    return complaint_workflow.take(
        complaint,
        Action.RECORD_PROGRESS_REPORT,
        user=sent_by,
        expected_version=expected_version,
        change=change,
        source=source,
    )


@transaction.atomic
def complaint_withdraw(*, complaint, withdrawn_by, reason, expected_version=None, source=None):
    """A designated body making the complaint withdraws it, today, for every complainant. Its open deadlines close;
    its history stays."""

    def change(locked):
        if not (reason or "").strip():
            raise ValidationError({"reason": "Enter why you are withdrawing the super-complaint"})
        on = dated(source, field="on", what="date of withdrawal", not_before=locked.received_on, **RECEIVED)
        locked.withdrawn_on = on
        locked.withdrawal_reason = reason.strip()
        close_open_deadlines(locked)
        body = complaint_workflow.acted_for(locked, withdrawn_by)
        return {"on": on, "title": f"Withdrawn by {body.name}", "note": locked.withdrawal_reason}

    return complaint_workflow.take(
        complaint,
        Action.WITHDRAW,
        user=withdrawn_by,
        expected_version=expected_version,
        change=change,
        source=source,
    )


@transaction.atomic
def complaint_record_report_published(*, complaint, report, published_by, source=None):
    """Record that the report on the complaint was published (reg 8). The reports app calls this when it publishes,
    with the report's own source where the report was published before the service held it."""

    def change(locked):
        on = dated(source, field="on", what="date the report was published", not_before=locked.received_on, **RECEIVED)
        locked.report_published_on = on
        close_open_deadlines(locked)
        return {"on": on, "note": str(report)}

    return complaint_workflow.take(
        complaint, Action.RECORD_REPORT_PUBLISHED, user=published_by, change=change, source=source
    )
