"""The public record in words: record pages, the matrix, assessments and collation.

Everything here reads published material only, as `statuses` does, so it is safe for public pages.
"""

from collections import defaultdict
from dataclasses import asdict, dataclass, field

from django.db.models import Prefetch

from followthrough.core import files
from followthrough.core.formatting import long_date
from followthrough.core.presenters import TimelineEvent
from followthrough.core.provenance import published_words, when_published
from followthrough.core.uploads import size_words

from ..models import Assessment, Event, Evidence, Implementation, Outcome, ProgressReturn, ResponseVersion, State
from .status import ObligationStatus, statuses

# Assessments are the inspectorate's, whoever typed them: public pages name the inspectorate.
INSPECTORATE = "HMICFRS"

# The roll-up's figures in the order a reader scans them, as stored in a published collation's `figures`.
FIGURES = [
    ("accepted", "Accepted"),
    ("partially_accepted", "Partially accepted"),
    ("not_accepted", "Not accepted"),
    ("claimed", "Implemented (claimed)"),
    ("assessed_complete", "Assessed complete"),
    ("overdue", "Response overdue"),
    ("silent", "No update received"),
]
FIGURE_NAMES = {"overdue": "overdue_names", "silent": "silent_names"}


def target_date_words(action):
    """The target date; a moved one reads "31 January 2022 → 30 June 2022 (reason)"."""
    if action.is_revised:
        moved = f"{long_date(action.original_target_date)} → {long_date(action.target_date)}"
        return f"{moved} ({action.revision_reason})" if action.revision_reason else moved
    return long_date(action.target_date)


def evidence_words(evidence):
    """A file's type and size, for its link text: "PDF, 120KB". Empty for a link."""
    if evidence.url or not evidence.file:
        return ""
    accepted_types = files.rules(Evidence.UPLOAD_USE).accepted_types
    endings = sorted(accepted_types.get(evidence.content_type, {".csv"} if "csv" in evidence.content_type else ()))
    kind = endings[0].lstrip(".").upper() if endings else "File"
    return f"{kind}, {size_words(evidence.size)}" if evidence.size else kind


def return_words(progress_return):
    """What the public reads about one progress return: what was said and when, or that nothing was received."""
    if progress_return.is_published:
        published = when_published(progress_return)
        if progress_return.is_late:
            published += f" (received late: it was due {long_date(progress_return.due_on)})"
        return {
            "status": progress_return.get_status_display(),
            "when_key": "Published",
            "when": published,
            "received": True,
        }
    return {
        "status": "No update received",
        "when_key": "Was due",
        "when": long_date(progress_return.due_on),
        "received": False,
    }


def assessment_words(assessment, *, public=True):
    """ "Assessed by HMICFRS on 3 January 2022: assessed not complete" (a person's name only on casework pages)."""
    who = INSPECTORATE if public else assessment.assessed_by.full_name or assessment.assessed_by_label
    if assessment.outcome == Outcome.REOPENED:
        return f"Assessment reopened by {who} on {long_date(assessment.at)}"
    return f"Assessed by {who} on {long_date(assessment.at)}: {assessment.get_outcome_display().lower()}"


def response_record_words(status):
    """The response in words for a record page: on time, late, overdue, or not yet due."""
    if status.response is not None:
        acceptance = status.response.get_acceptance_display().lower()
        published = f"{acceptance}, published {long_date(status.responded_on)}"
        if status.response_due is None:
            return f"Responded: {published}"
        timing = "Late" if status.is_response_late else "On time"
        return f"{timing}: {published} (due {long_date(status.response_due)})"
    if not status.obligation.is_active:
        return "No longer addressed"
    if status.is_response_overdue:
        return f"Overdue: due {long_date(status.response_due)}, nothing published"
    if status.response_due is not None:
        return f"Not yet due: due {long_date(status.response_due)}"
    return "No response published (none required by a date)"


def implementation_record_words(status):
    """The latest published progress return's status, and whether the last return due was missed."""
    latest = status.latest_return
    words = (
        f"{latest.get_status_display()} (return {latest.number}, published {when_published(latest)})"
        if latest
        else "No progress return yet"
    )
    if status.is_silent:
        missed = [r for r in status.returns if r.due_on < status.on][-1]
        words += f". No update received for the return due {long_date(missed.due_on)}"
    return words


def assessment_record_words(status):
    if status.claim is None:
        return "Not claimed as implemented"
    if status.assessment is None:
        return f"Claimed implemented on {when_published(status.claim)}; awaiting assessment"
    return f"{status.assessment.get_outcome_display()} on {long_date(status.assessment.at)}"


@dataclass
class RecordCounts:
    """The counts at the top of an organisation's record page."""

    total: int = 0
    has_actions: bool = False
    on_time: int = 0
    late: int = 0
    overdue: int = 0
    responded_undated: int = 0
    not_yet_due: int = 0
    unanswered_undated: int = 0
    assessed_complete: int = 0

    @property
    def words(self):
        """ "12 recommendations: 9 responded on time, 2 late, 1 overdue; 3 assessed complete" """
        noun = "recommendations and actions" if self.has_actions else "recommendations"
        if self.total == 1:
            noun = "recommendation or action" if self.has_actions else "recommendation"
        parts = [f"{self.on_time} responded on time", f"{self.late} late", f"{self.overdue} overdue"]
        if self.responded_undated:
            parts.append(f"{self.responded_undated} responded where no date was set")
        if self.not_yet_due:
            parts.append(f"{self.not_yet_due} not yet due")
        if self.unanswered_undated:
            parts.append(f"{self.unanswered_undated} with no response and none required by a date")
        return f"{self.total} {noun}: {', '.join(parts)}; {self.assessed_complete} assessed complete"


def record_counts(statuses_):
    """Count what an organisation has done on everything still addressed to it."""
    counts = RecordCounts()
    for status in statuses_:
        if not status.obligation.is_active:
            continue
        counts.total += 1
        counts.has_actions |= status.obligation.recommendation.kind == "action"
        if status.response is not None:
            if status.response_due is None:
                counts.responded_undated += 1
            elif status.is_response_late:
                counts.late += 1
            else:
                counts.on_time += 1
        elif status.is_response_overdue:
            counts.overdue += 1
        elif status.response_due is not None:
            counts.not_yet_due += 1
        else:
            counts.unanswered_undated += 1
        counts.assessed_complete += status.key == "assessed-complete"
    return counts


def figures(summary_):
    """A roll-up as the dict a published collation keeps."""
    return asdict(summary_)


def figure_rows(figures_):
    """Summary-list rows for a roll-up (a `Summary`'s figures, or a published collation's stored ones)."""
    rows = [
        {
            "key": {"text": "Responded"},
            "value": {"text": f"{figures_.get('responded', 0)} of {figures_.get('addressees', 0)}"},
        }
    ]
    for name, label in FIGURES:
        count = figures_.get(name, 0)
        text = str(count)
        names = figures_.get(FIGURE_NAMES.get(name, ""), [])
        if count and names:
            text = f"{count}: {', '.join(names)}"
        rows.append({"key": {"text": label}, "value": {"text": text}})
    return rows


@dataclass
class ObligationRecord:
    """Everything public about one obligation, for an organisation's response page: published versions (oldest
    first), published and missed progress returns, and the public history."""

    status: ObligationStatus
    versions: list = field(default_factory=list)
    returns: list = field(default_factory=list)

    @property
    def obligation(self):
        return self.status.obligation

    @property
    def recommendation(self):
        return self.obligation.recommendation

    @property
    def anchor(self):
        return f"{self.recommendation.kind}-{self.recommendation.number}"

    @property
    def latest(self):
        return self.versions[-1] if self.versions else None

    @property
    def earlier(self):
        """Versions before the latest, newest first: each was the published answer until it was corrected."""
        return list(reversed(self.versions[:-1]))

    @property
    def published_words(self):
        return published_words(self.versions[0]) if self.versions else ""

    @property
    def self_approval_words(self):
        """Said wherever the latest version was approved by someone who also wrote it (ADR 0016)."""
        if self.latest is None or not self.latest.self_approved:
            return ""
        return f"Approved by someone who also wrote it, as {self.obligation.organisation.name} allows"

    @property
    def updates(self):
        return [f"Updated on {when_published(v)}: {v.change_note}" for v in self.versions[1:]]

    @property
    def no_response_words(self):
        status = self.status
        if not self.obligation.is_active:
            return f"No response published. No longer addressed: {self.obligation.closed_reason}"
        if status.is_response_overdue:
            return f"No response published. It was due by {long_date(status.response_due)} and is overdue."
        if status.response_due is not None:
            return f"No response published yet. It is due by {long_date(status.response_due)}."
        return "No response published. The report did not ask for one by a set date."

    @property
    def returns_shown(self):
        return [{"record": r, **return_words(r)} for r in self.returns]

    @property
    def claims(self):
        """Each published claim of "implemented", with the inspectorate's assessments of it, oldest first."""
        return [
            {
                "claim": r,
                "claimed": f"Claimed by {self.obligation.organisation.name} on {when_published(r)}",
                "assessments": [
                    {"record": a, "words": assessment_words(a), "reasons": a.reasons} for a in r.assessments.all()
                ],
            }
            for r in self.returns
            if r.is_published and r.status == Implementation.IMPLEMENTED
        ]

    @property
    def is_example(self):
        return any(v.is_example for v in self.versions) or any(r.is_example for r in self.returns if r.is_published)


def obligation_records(obligations, *, on=None):
    """An `ObligationRecord` per obligation, read from published material only, in a fixed number of queries."""
    obligations = list(obligations)
    ids = [o.pk for o in obligations]
    versions, returns = defaultdict(list), defaultdict(list)
    published = (
        ResponseVersion.public.filter(response__obligation_id__in=ids)
        .select_related("response")
        .prefetch_related("actions", "point_answers", "evidence")
        .order_by("number")
    )
    for version in published:
        versions[version.response.obligation_id].append(version)
    published_returns = (
        ProgressReturn.public.filter(obligation_id__in=ids, state=State.PUBLISHED)
        .prefetch_related("evidence", Prefetch("assessments", queryset=Assessment.objects.order_by("at", "pk")))
        .order_by("number")
    )
    for progress_return in published_returns:
        returns[progress_return.obligation_id].append(progress_return)
    records = []
    for status in statuses(obligations, on=on):
        # A return that fell due with nothing published is shown as "No update received", as the matrix counts it,
        # whether or not the daily sweep has recorded it yet. Only its number and due date are read.
        missed = [r for r in status.returns if not r.is_published and r.due_on < status.on]
        shown = sorted(returns[status.obligation.pk] + missed, key=lambda r: r.number)
        records.append(ObligationRecord(status=status, versions=versions[status.obligation.pk], returns=shown))
    return records


def public_history(records):
    """The public steps of every obligation on a page, newest first, each titled with its recommendation."""
    titles = {r.obligation.pk: r.recommendation.title for r in records}
    events = Event.objects.filter(obligation_id__in=titles, is_public=True).order_by("-at", "-pk")
    # The public read who acted by organisation, not by name.
    return [TimelineEvent.from_entry(e, public=True, title=f"{titles[e.obligation_id]}: {e.title}") for e in events]
