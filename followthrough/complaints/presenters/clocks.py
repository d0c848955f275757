"""A complaint's clocks: each with its date, its state in words, a tag when it needs one, and its explanation.

Only the acknowledgement (reg 5) is a legal deadline. The eligibility decision has a service target, never shown as
overdue; progress reports follow a cadence the service chooses.
"""

from markupsafe import Markup

from followthrough.calendar import deadlines
from followthrough.core.formatting import long_date, weekday_date
from followthrough.core.presenters import tag, tag_html

from .. import conf
from ..models import Decision, State
from .words import OVERDUE_TAG

MET_TAG = tag("Met", "green")
LATE_TAG = tag("Late", "orange")
PAST_TARGET_TAG = tag("Past service target", "yellow")


class Clock:
    """One of a complaint's clocks, ready for a summary list row or a table cell."""

    def __init__(self, *, label, due, explanation, status, tag=None):
        self.label, self.due, self.explanation, self.status, self.tag = label, due, explanation, status, tag

    @property
    def due_text(self):
        return long_date(self.due) if self.due else ""

    @property
    def is_overdue(self):
        return self.tag is OVERDUE_TAG

    def row(self):
        parts = [Markup('<p class="govuk-body govuk-!-margin-bottom-1">{}</p>').format(self.status)]
        if self.tag:
            parts.append(Markup('<p class="govuk-body govuk-!-margin-bottom-1">{}</p>').format(tag_html(self.tag)))
        if self.explanation:
            parts.append(Markup('<p class="govuk-body-s app-explanation">{}</p>').format(self.explanation))
        return {"key": {"text": self.label}, "value": {"html": Markup("").join(parts)}}


def acknowledgement_clock(c, today):
    """The statutory acknowledgement deadline (reg 5) and whether it was met."""
    deadline = c.acknowledgement_deadline
    if deadline is None:
        return None
    label = "Acknowledgement"
    if c.acknowledged_on:
        if c.acknowledged_on <= deadline.due:
            status = f"Acknowledged on {long_date(c.acknowledged_on)}, within the deadline of {long_date(deadline.due)}"
            tag = MET_TAG
        else:
            status = f"Acknowledged on {long_date(c.acknowledged_on)}, after the deadline of {long_date(deadline.due)}"
            tag = LATE_TAG
    elif c.is_acknowledged:
        status, tag = f"Acknowledged: date not known. The deadline was {long_date(deadline.due)}", None
    elif not deadline.is_open:
        status, tag = f"Was due by {long_date(deadline.due)}: no longer needed", None
    elif deadline.due < today:
        status, tag = f"Was due by {long_date(deadline.due)}: overdue", OVERDUE_TAG
    else:
        status, tag = f"Due by {weekday_date(deadline.due)}", None
    explanation = "The law (regulation 5) gives " + deadline.explanation
    return Clock(label=label, due=deadline.due, explanation=explanation, status=status, tag=tag)


def eligibility_clock(c, today):
    """The service target for the eligibility decision: never "overdue", as the regulations set no time limit."""
    if not c.received_on:
        return None
    days = conf.eligibility_target_days()
    target = deadlines.calendar_days(count=days, start=c.received_on)
    label = "Eligibility decision"
    explanation = (
        f"Service target, not a legal deadline: {target.explanation} "
        "The regulations set no time limit for the eligibility decision."
    )
    if c.eligibility_decision:
        decided = Decision(c.eligibility_decision).label.lower()
        when = f"on {long_date(c.eligibility_decided_on)}" if c.eligibility_decided_on else "(date not known)"
        return Clock(label=label, due=target.due, explanation=explanation, status=f"Decided {decided} {when}")
    if c.state == State.WITHDRAWN:
        return Clock(label=label, due=target.due, explanation=explanation, status="No decision: withdrawn first")
    if target.due < today:
        return Clock(
            label=label,
            due=target.due,
            explanation=explanation,
            status=f"Service target of {long_date(target.due)} has passed",
            tag=PAST_TARGET_TAG,
        )
    return Clock(
        label=label, due=target.due, explanation=explanation, status=f"Service target: {long_date(target.due)}"
    )


def progress_report_clock(c, today):
    """The next progress report to the designated body (reg 7), at the cadence the settings choose."""
    deadline = c.next_progress_report
    if deadline is None:
        return None
    label = "Next progress report"
    explanation = (
        f"Every {conf.progress_report_months()} months during the investigation (a service choice: the "
        f"regulations set no interval). {deadline.explanation}"
    )
    if not deadline.is_open:
        return Clock(label=label, due=None, explanation="", status="No more progress reports are due")
    if deadline.due < today:
        return Clock(
            label=label,
            due=deadline.due,
            explanation=explanation,
            status=f"Was due by {long_date(deadline.due)}: overdue",
            tag=OVERDUE_TAG,
        )
    return Clock(label=label, due=deadline.due, explanation=explanation, status=f"Due by {long_date(deadline.due)}")
