"""The workflow's transitions (TRANSITIONS in models.py), one service function each."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from followthrough.calendar.deadlines import Rule
from followthrough.calendar.services import deadline_close, deadline_store
from followthrough.core.formatting import long_date

from .. import conf
from ..models import AUTHORITY_CODES, Action, Decision, ProgressReport, State
from .common import (
    ACKNOWLEDGEMENT_WORKING_DAYS,
    Incomplete,
    check_date,
    check_transition,
    close_open_deadlines,
    lock,
    missing_information,
    next_reference,
    record,
    refresh,
    save,
    snapshot,
    today,
)


@transaction.atomic
def complaint_submit(*, complaint, submitted_by, received_on=None, expected_version=None, note=""):
    """Send the complaint to the inspectorate: give it a reference and start the 5-working-day acknowledgement clock.

    The acknowledgement period is 5 working days beginning with the day of receipt (reg 5); a complaint received on
    a non-working day counts from the next working day, which the calendar rule does.
    """
    locked = lock(complaint, expected_version)
    check_transition(Action.SUBMIT, locked, submitted_by)
    problems = missing_information(locked)
    if problems:
        raise Incomplete(problems)
    received_on = received_on or today()
    check_date(received_on, field="received_on", what="date received")
    before = snapshot(locked)
    locked.reference = next_reference(received_on.year)
    locked.received_on = received_on
    locked.state = State.SUBMITTED
    save(locked)
    deadline = deadline_store(
        label=f"Acknowledge {locked.reference}",
        rule=Rule.WORKING_DAYS,
        count=ACKNOWLEDGEMENT_WORKING_DAYS,
        start=received_on,
        owner=locked,
    )
    locked.acknowledgement_deadline = deadline
    locked.save(update_fields=["acknowledgement_deadline"])
    record(
        complaint=locked,
        action=Action.SUBMIT,
        actor=submitted_by,
        from_state=State.DRAFT,
        on=received_on,
        title="Super-complaint received",
        note="\n\n".join(
            part
            for part in (
                f"Reference {locked.reference}. The inspectorate must acknowledge it by {long_date(deadline.due)}.",
                note.strip(),
            )
            if part
        ),
        before=before,
    )
    return refresh(complaint, locked)


@transaction.atomic
def complaint_acknowledge(*, complaint, acknowledged_by, on=None, expected_version=None, note=""):
    """Record that HMCIC acknowledged receipt (reg 5), which closes the acknowledgement deadline."""
    locked = lock(complaint, expected_version)
    check_transition(Action.ACKNOWLEDGE, locked, acknowledged_by)
    on = on or today()
    check_date(
        on,
        field="on",
        what="date of acknowledgement",
        not_before=locked.received_on,
        not_before_words="the date received",
    )
    before = snapshot(locked)
    deadline = locked.acknowledgement_deadline
    locked.acknowledged_on = on
    locked.state = State.ACKNOWLEDGED
    save(locked)
    if deadline is not None:
        deadline_close(deadline=deadline)
    if deadline is not None and on > deadline.due:
        timing = f"Acknowledged after the deadline of {long_date(deadline.due)}."
    elif deadline is not None:
        timing = f"Acknowledged within the deadline of {long_date(deadline.due)}."
    else:
        timing = ""
    record(
        complaint=locked,
        action=Action.ACKNOWLEDGE,
        actor=acknowledged_by,
        from_state=State.SUBMITTED,
        on=on,
        title="Acknowledged",
        note="\n\n".join(part for part in (timing, note.strip()) if part),
        before=before,
    )
    return refresh(complaint, locked)


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
    on,
    repeats=None,
    circumstances_materially_changed=False,
    expected_version=None,
    note="",
):
    """Record the three authorities' joint decision on eligibility (reg 6).

    There is no time limit in law. An eligible complaint starts the progress-report clock
    (SUPER_COMPLAINT_PROGRESS_REPORT_MONTHS). `on=None` records a decision whose date is not known, as when it is
    taken from a source that does not give one; then no progress-report date can be worked out.
    """
    locked = lock(complaint, expected_version)
    check_transition(Action.DECIDE_ELIGIBILITY, locked, decided_by)
    errors = {}
    if decision not in Decision.values:
        errors["decision"] = "Select whether the super-complaint is eligible"
    if not (reasons or "").strip():
        errors["reasons"] = "Enter the reasons for the decision"
    if not (agreed_by_hmicfrs and agreed_by_iopc and agreed_by_college_of_policing):
        errors["agreed_by"] = (
            "Select all three authorities: HMICFRS, the IOPC and the College of Policing decide jointly"
        )
    if repeats is not None:
        if repeats.pk == locked.pk:
            errors["repeats"] = "A super-complaint cannot repeat itself"
        elif repeats.state == State.DRAFT:
            errors["repeats"] = "Select a super-complaint the inspectorate has received"
        elif decision == Decision.ELIGIBLE and not circumstances_materially_changed:
            errors["decision"] = (
                "A super-complaint that repeats an earlier one is only eligible "
                "if circumstances have materially changed"
            )
    if errors:
        raise ValidationError(errors)
    if on is not None:
        check_date(
            on,
            field="on",
            what="date of the decision",
            not_before=locked.received_on,
            not_before_words="the date received",
        )
    before = snapshot(locked)
    locked.state = State(decision)
    locked.eligibility_decision = decision
    locked.eligibility_decided_on = on
    locked.eligibility_reasons = reasons.strip()
    locked.agreed_by_hmicfrs = locked.agreed_by_iopc = locked.agreed_by_college_of_policing = True
    locked.repeats = repeats
    locked.circumstances_materially_changed = bool(repeats and circumstances_materially_changed)
    save(locked)
    if decision == Decision.ELIGIBLE and on is not None:
        locked.next_progress_report = deadline_store(
            label=f"Progress report on {locked.reference}",
            rule=Rule.MONTHS,
            count=conf.progress_report_months(),
            start=on,
            owner=locked,
        )
        locked.save(update_fields=["next_progress_report"])
    title = "Decided eligible: an investigation follows" if decision == Decision.ELIGIBLE else "Decided not eligible"
    record(
        complaint=locked,
        action=Action.DECIDE_ELIGIBILITY,
        actor=decided_by,
        from_state=State.ACKNOWLEDGED,
        on=on,
        title=title,
        note="\n\n".join(part for part in (f"Reasons: {locked.eligibility_reasons}", note.strip()) if part),
        before=before,
    )
    return refresh(complaint, locked)


@transaction.atomic
def complaint_record_investigation(
    *, complaint, recorded_by, lead_bodies, planned_activities, on=None, expected_version=None
):
    """Record who leads the investigation of an eligible complaint and what it plans to do."""
    locked = lock(complaint, expected_version)
    check_transition(Action.RECORD_INVESTIGATION, locked, recorded_by)
    lead_bodies = list(lead_bodies)
    errors = {}
    if not lead_bodies or any(body.code not in AUTHORITY_CODES for body in lead_bodies):
        errors["lead_bodies"] = "Select which of the three authorities lead the investigation"
    if not (planned_activities or "").strip():
        errors["planned_activities"] = "Enter the activities the investigation plans"
    if errors:
        raise ValidationError(errors)
    on = on or today()
    check_date(
        on,
        field="on",
        what="date",
        not_before=locked.eligibility_decided_on,
        not_before_words="the date of the eligibility decision",
    )
    before = snapshot(locked)
    locked.investigation_plan = planned_activities.strip()
    locked.investigation_recorded_on = on
    save(locked)
    locked.investigation_leads.set(lead_bodies)
    chosen = {body.code for body in lead_bodies}
    names = [name for code, name in AUTHORITY_CODES.items() if code in chosen]
    leads = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
    record(
        complaint=locked,
        action=Action.RECORD_INVESTIGATION,
        actor=recorded_by,
        from_state=State.ELIGIBLE,
        on=on,
        title="Investigation planned",
        note=f"Led by {leads}.\n\n{locked.investigation_plan}",
        before=before,
    )
    return refresh(complaint, locked)


@transaction.atomic
def complaint_record_progress_report(*, complaint, sent_by, sent_on, summary, expected_version=None):
    """Record a progress report sent to the designated body (reg 7) and start the clock for the next one."""
    locked = lock(complaint, expected_version)
    check_transition(Action.RECORD_PROGRESS_REPORT, locked, sent_by)
    if not (summary or "").strip():
        raise ValidationError({"summary": "Enter a summary of the progress report"})
    check_date(
        sent_on,
        field="sent_on",
        what="date the progress report was sent",
        not_before=locked.eligibility_decided_on,
        not_before_words="the date of the eligibility decision",
    )
    before = snapshot(locked)
    ProgressReport.objects.create(complaint=locked, sent_on=sent_on, summary=summary.strip(), sent_by=sent_by)
    if locked.next_progress_report is not None and locked.next_progress_report.is_open:
        deadline_close(deadline=locked.next_progress_report)
    locked.next_progress_report = deadline_store(
        label=f"Progress report on {locked.reference}",
        rule=Rule.MONTHS,
        count=conf.progress_report_months(),
        start=sent_on,
        owner=locked,
    )
    save(locked)
    record(
        complaint=locked,
        action=Action.RECORD_PROGRESS_REPORT,
        actor=sent_by,
        from_state=State.ELIGIBLE,
        on=sent_on,
        title="Progress report sent",
        note=summary.strip(),
        before=before,
    )
    return refresh(complaint, locked)


@transaction.atomic
def complaint_withdraw(*, complaint, withdrawn_by, reason, on=None, expected_version=None):
    """The designated body withdraws its complaint. Its open deadlines close; its history stays."""
    locked = lock(complaint, expected_version)
    check_transition(Action.WITHDRAW, locked, withdrawn_by)
    if not (reason or "").strip():
        raise ValidationError({"reason": "Enter why you are withdrawing the super-complaint"})
    on = on or today()
    check_date(
        on, field="on", what="date of withdrawal", not_before=locked.received_on, not_before_words="the date received"
    )
    before = snapshot(locked)
    from_state = locked.state
    locked.state = State.WITHDRAWN
    locked.withdrawn_on = on
    locked.withdrawal_reason = reason.strip()
    save(locked)
    close_open_deadlines(locked)
    record(
        complaint=locked,
        action=Action.WITHDRAW,
        actor=withdrawn_by,
        from_state=from_state,
        on=on,
        title=f"Withdrawn by {locked.designated_body.name}",
        note=locked.withdrawal_reason,
        before=before,
    )
    return refresh(complaint, locked)


@transaction.atomic
def complaint_record_report_published(*, complaint, report, published_by, on):
    """Record that the report on the complaint was published (reg 8). The reports app calls this when it publishes."""
    locked = lock(complaint, None)
    check_transition(Action.RECORD_REPORT_PUBLISHED, locked, published_by)
    if not isinstance(on, datetime.date):
        raise ValidationError({"on": "Enter the date the report was published"})
    check_date(
        on,
        field="on",
        what="date the report was published",
        not_before=locked.received_on,
        not_before_words="the date received",
    )
    before = snapshot(locked)
    locked.state = State.REPORT_PUBLISHED
    locked.report_published_on = on
    save(locked)
    close_open_deadlines(locked)
    record(
        complaint=locked,
        action=Action.RECORD_REPORT_PUBLISHED,
        actor=published_by,
        from_state=State.ELIGIBLE,
        on=on,
        title="Report published",
        note=str(report),
        before=before,
    )
    return refresh(complaint, locked)
