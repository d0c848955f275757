"""An organisation's own work as its editors and approvers see it: "Your obligations" and an obligation's returns.

These pages show drafts, so they are never used on a public page.
"""

from dataclasses import dataclass

from followthrough.core.formatting import long_date, plural
from followthrough.core.provenance import when_published

from ..models import ProgressReturn, ResponseVersion, State
from .status import ObligationStatus, statuses

STATE_TAGS = {
    State.DRAFT: "govuk-tag--grey",
    State.SUBMITTED: "govuk-tag--blue",
    State.APPROVED: "govuk-tag--turquoise",
    State.PUBLISHED: "govuk-tag--green",
}


def state_tag(record):
    return {"text": record.get_state_display(), "classes": STATE_TAGS[record.state]}


@dataclass
class ObligationRow:
    """One obligation on "Your obligations": its dates, where the response is up to, and its status."""

    status: ObligationStatus
    working: ResponseVersion | None

    @property
    def obligation(self):
        return self.status.obligation

    @property
    def response_due_text(self):
        return long_date(self.status.response_due) if self.status.response_due else "No response period"

    @property
    def overdue_words(self):
        if not self.status.is_response_overdue:
            return ""
        return f"{plural((self.status.on - self.status.response_due).days, 'day')} overdue"

    @property
    def recommendation_due_text(self):
        return long_date(self.status.recommendation_due) if self.status.recommendation_due else "No date set"

    @property
    def next_return_text(self):
        upcoming = self.status.next_return
        return long_date(upcoming.due_on) if upcoming else "None scheduled"

    @property
    def outstanding_tag(self):
        """Returns that fell due with nothing published, in words: "Return 3 overdue", "2 returns overdue"."""
        outstanding = [r for r in self.status.returns if r.due_on < self.status.on and not r.is_published]
        if not outstanding:
            return None
        words = f"Return {outstanding[0].number}" if len(outstanding) == 1 else plural(len(outstanding), "return")
        return {"text": f"{words} overdue", "classes": "govuk-tag--red"}

    @property
    def draft_words(self):
        if self.working is not None:
            what = "Response" if self.working.number == 1 else f"Correction (version {self.working.number})"
            return f"{what}: {self.working.get_state_display().lower()}"
        if self.status.response is not None:
            return f"Published {when_published(self.status.response)}"
        return "Not started"


def obligation_rows(obligations, on):
    obligations = list(obligations)
    working = {
        v.response.obligation_id: v
        for v in ResponseVersion.casework.filter(response__obligation__in=obligations)
        .exclude(state=State.PUBLISHED)
        .select_related("response")
    }
    return [ObligationRow(status, working.get(status.obligation.pk)) for status in statuses(obligations, on=on)]


def grouped(rows):
    """[(report, [(organisation, rows)])], in the order the rows came."""
    reports = {}
    for row in rows:
        report = row.obligation.recommendation.report
        reports.setdefault(report, {}).setdefault(row.obligation.organisation, []).append(row)
    return [(report, list(by_organisation.items())) for report, by_organisation in reports.items()]


@dataclass
class ReturnCard:
    """One progress return on the obligation's page, with what this person may do with it."""

    progress_return: ProgressReturn
    steps: list
    on: object

    @property
    def title(self):
        return f"Progress return {self.progress_return.number}"

    @property
    def shown_steps(self):
        """The steps to offer: a return nobody has started is not offered for sign-off yet."""
        return self.steps if self.is_started else []

    @property
    def anchor(self):
        return f"return-{self.progress_return.number}"

    @property
    def is_editable(self):
        return self.progress_return.state == State.DRAFT

    @property
    def is_missed(self):
        return bool(self.progress_return.no_update_recorded_on) and not self.progress_return.is_published

    @property
    def is_started(self):
        r = self.progress_return
        return bool(r.status or r.narrative or r.drafted_by_id or not self.is_editable)

    @property
    def tag(self):
        r = self.progress_return
        if self.is_missed:
            return {"text": "No update received", "classes": "govuk-tag--red"}
        if r.is_published:
            return state_tag(r)
        if r.due_on < self.on:
            return {"text": "Overdue", "classes": "govuk-tag--red"}
        if not self.is_started:
            return {"text": "Not started", "classes": "govuk-tag--grey"}
        return state_tag(r)

    @property
    def state_words(self):
        r = self.progress_return
        if r.is_published:
            words = f"Published {when_published(r)}"
            return words + f" (late: it was due {long_date(r.due_on)})" if r.is_late else words
        if self.is_missed:
            words = f"No update received: nothing was published by {long_date(r.due_on)}"
            return words + (f". Your return is {r.get_state_display().lower()}" if self.is_started else "")
        return r.get_state_display() if self.is_started else "Not started"

    @property
    def assessment(self):
        assessments = list(self.progress_return.assessments.all())
        return assessments[-1] if assessments else None
