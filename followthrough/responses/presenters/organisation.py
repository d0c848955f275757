"""An organisation's own work as its editors and approvers see it: "Your obligations" and an obligation's returns.

These pages show drafts, so they are never used on a public page.
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.html import format_html

from followthrough.core.formatting import long_date, plural
from followthrough.core.presenters import Presenter, StateTags, tag, tag_html
from followthrough.core.provenance import when_published

from ..models import ResponseVersion, State
from .public import RecommendationShown, ReportShown
from .shown import AssessmentShown, EvidenceLink, VersionShown, example_tag, own_evidence_href
from .status import ObligationStatus, statuses

STATE_TAGS = StateTags(
    {
        State.DRAFT: (State.DRAFT.label, "grey"),
        State.SUBMITTED: (State.SUBMITTED.label, "blue"),
        State.APPROVED: (State.APPROVED.label, "turquoise"),
        State.PUBLISHED: (State.PUBLISHED.label, "green"),
    },
    states=State.values,
)
RED_TAGS = {
    "overdue": tag("Overdue", "red"),
    "missed": tag("No update received", "red"),
}
NOT_STARTED_TAG = tag("Not started", "grey")


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
        return tag(f"{words} overdue", "red")

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


class ReturnCard(Presenter):
    """One progress return on the obligation's page, with the sign-off steps this person may take on it now."""

    fields = ("number", "due_explanation", "narrative", "is_example")

    def __init__(self, progress_return, steps, on, *, obligation_id):
        super().__init__(progress_return)
        r = progress_return
        self.title = f"Progress return {r.number}"
        self.example_tag = example_tag(r)
        self.anchor = f"return-{r.number}"
        self.due = long_date(r.due_on)
        self.is_editable = r.state == State.DRAFT
        self.is_missed = bool(r.no_update_recorded_on) and not r.is_published
        self.is_started = bool(r.status or r.narrative or r.drafted_by_id or not self.is_editable)
        # A return nobody has started is not offered for sign-off yet.
        self.shown_steps = steps if self.is_started else []
        self.status_words = r.get_status_display() if r.status else ""
        self.tag = self._tag(r, on)
        self.state_words = self._state_words(r)
        self.evidence = [EvidenceLink(e, own_evidence_href(obligation_id)) for e in r.evidence.all()]
        assessments = list(r.assessments.all())
        self.assessment = AssessmentShown(assessments[-1]) if assessments else None

    def _tag(self, r, on):
        if self.is_missed:
            return RED_TAGS["missed"]
        if r.is_published:
            return STATE_TAGS[r.state]
        if r.due_on < on:
            return RED_TAGS["overdue"]
        if not self.is_started:
            return NOT_STARTED_TAG
        return STATE_TAGS[r.state]

    def _state_words(self, r):
        if r.is_published:
            words = f"Published {when_published(r)}"
            return words + f" (late: it was due {long_date(r.due_on)})" if r.is_late else words
        if self.is_missed:
            words = f"No update received: nothing was published by {long_date(r.due_on)}"
            return words + (f". Your return is {r.get_state_display().lower()}" if self.is_started else "")
        return r.get_state_display() if self.is_started else "Not started"


class ObligationShown(Presenter):
    """An obligation as its own pages name it: whose it is, what it is about and which report it is in."""

    fields = ("pk", "is_active", "closed_reason")

    def __init__(self, obligation):
        super().__init__(obligation)
        recommendation = obligation.recommendation
        self.organisation_name = obligation.organisation.name
        self.title = recommendation.title
        self.report_title = recommendation.report.title
        self.report_slug = recommendation.report.slug


class ObligationDetail(ObligationShown):
    """The top of an obligation's own page: its status, when the response and the recommendation are due (with how
    each date was worked out), and the recommendation with the points a response must address."""

    def __init__(self, obligation, status):
        super().__init__(obligation)
        self.status_tag = status.tag
        self.response_due = long_date(status.response_due) if status.response_due else ""
        self.response_overdue_tag = RED_TAGS["overdue"] if status.is_response_overdue else None
        self.response_due_explanation = obligation.response_deadline.explanation if status.response_due else ""
        self.recommendation_due = long_date(status.recommendation_due) if status.recommendation_due else ""
        self.recommendation_due_explanation = (
            obligation.recommendation_deadline.explanation if status.recommendation_due else ""
        )
        self.recommendation = RecommendationShown(obligation.recommendation)
        self.points = [point.text for point in obligation.recommendation.points.all()]


class WorkingVersion(VersionShown):
    """The version being written or signed off: its state, and what happens to it next."""

    def __init__(self, version, *, organisation_name, evidence_href):
        super().__init__(version, evidence_href=evidence_href)
        self.what = "response" if version.number == 1 else f"correction (version {version.number})"
        self.tag = STATE_TAGS[version.state]
        self.is_draft = version.state == State.DRAFT
        self.submitted = long_date(version.submitted_at)
        if version.state == State.DRAFT:
            self.state_words = (
                f"Only people at {organisation_name} can see this draft. "
                "You can change it until you send it for sign-off."
            )
        elif version.state == State.SUBMITTED:
            on = f" on {self.submitted}" if version.submitted_at else ""
            self.state_words = (
                f"Sent for sign-off{on}. An approver at {organisation_name} checks it before it is published."
            )
        else:
            on = f" on {long_date(version.approved_at)}" if version.approved_at else ""
            self.state_words = f"Approved{on}. An approver at {organisation_name} can now publish it."


def _obligations_table(report, organisation, rows):
    body = []
    for row in rows:
        href = reverse("responses:obligation", kwargs={"obligation_id": row.obligation.pk})
        title = format_html('<a class="govuk-link" href="{}">{}</a>', href, row.obligation.recommendation.title)
        response_due = format_html("{}", row.response_due_text)
        if row.overdue_words:
            response_due = format_html(
                '{}<br>{} <span class="govuk-body-s">{}</span>',
                response_due,
                tag_html(RED_TAGS["overdue"]),
                row.overdue_words,
            )
        next_return = format_html("{}", row.next_return_text)
        if row.outstanding_tag:
            next_return = format_html("{}<br>{}", next_return, tag_html(row.outstanding_tag))
        body.append(
            [
                {"html": title},
                {"html": response_due},
                {"text": row.recommendation_due_text},
                {"html": next_return},
                {"text": row.draft_words},
                {"html": tag_html(row.status.tag)},
            ]
        )
    headings = (
        "Recommendation",
        "Response due",
        "Recommendation due",
        "Next progress return",
        "Your response",
        "Status",
    )
    return {
        "classes": "govuk-table--small-text-until-tablet",
        "caption": f"What {organisation.name} owes on {report.title}",
        "captionClasses": "govuk-visually-hidden",
        "firstCellIsHeader": True,
        "head": [{"text": h} for h in headings],
        "rows": body,
    }


def obligation_tables(rows):
    """ "Your obligations" by report, then by organisation: [{"report", "groups": [{"organisation_name", "table"}]}]."""
    return [
        {
            "report": ReportShown(report),
            "groups": [
                {"organisation_name": organisation.name, "table": _obligations_table(report, organisation, group)}
                for organisation, group in groups
            ],
        }
        for report, groups in grouped(rows)
    ]
