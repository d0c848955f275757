"""What an obligation's state is, in words, for the matrix, record pages and an organisation's own list.

`statuses(obligations, on=..., public=...)` reads everything it needs in a fixed number of queries, however many
obligations there are, and returns an `ObligationStatus` for each. Public pages pass `public=True`, so nothing
unpublished is ever read for them. Templates show `status.tag` (words, never colour alone) and the `*_words`.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.utils import timezone

from followthrough.core.formatting import long_date
from followthrough.core.presenters import tag

from ..models import Acceptance, Assessment, Implementation, Outcome, ProgressReturn, ResponseVersion, State

TAGS = {
    "closed": tag("No longer addressed", "grey"),
    "assessed-complete": tag("Assessed complete", "green"),
    "claimed": tag("Implemented (claimed)", "turquoise"),
    "not-accepted": tag("Not accepted", "orange"),
    "overdue": tag("Response overdue", "red"),
    "silent": tag("No update received", "red"),
    "responded": tag("Responded", "blue"),
    "awaiting": tag("Response not yet due", "grey"),
    "no-response-due": tag("No response period", "grey"),
}

# For filters: every state a cell can be in, in the order a reader scans them.
STATE_CHOICES = [(key, params["text"]) for key, params in TAGS.items()]


@dataclass
class ObligationStatus:
    obligation: object
    on: datetime.date
    response: ResponseVersion | None = None  # the latest published version
    returns: list = field(default_factory=list)  # returns due by `on`, or published, oldest first
    next_return: ProgressReturn | None = None
    assessment: Assessment | None = None  # the current assessment of the latest claim, if any
    claim: ProgressReturn | None = None  # the latest published claim of "implemented"

    # Dates ----------------------------------------------------------------------------------------------------------
    @property
    def response_due(self):
        deadline = self.obligation.response_deadline
        return deadline.due if deadline else None

    @property
    def recommendation_due(self):
        deadline = self.obligation.recommendation_deadline
        return deadline.due if deadline else None

    @property
    def responded_on(self):
        if self.response is None:
            return None
        first = self.response.response.first_published_on
        return first or self.response.published_on

    # Facts ----------------------------------------------------------------------------------------------------------
    @property
    def is_response_overdue(self):
        return self.response is None and self.response_due is not None and self.response_due < self.on

    @property
    def is_response_late(self):
        return self.responded_on is not None and self.response_due is not None and self.responded_on > self.response_due

    @property
    def is_silent(self):
        """The most recent return that fell due has nothing published for it."""
        due = [r for r in self.returns if r.due_on < self.on]
        return bool(due) and not due[-1].is_published

    @property
    def latest_return(self):
        published = [r for r in self.returns if r.is_published]
        return published[-1] if published else None

    @property
    def key(self):
        if not self.obligation.is_active:
            return "closed"
        if self.assessment is not None and self.assessment.outcome == Outcome.COMPLETE:
            return "assessed-complete"
        if self.claim is not None:
            return "claimed"
        if self.response is not None and self.response.acceptance == Acceptance.NOT_ACCEPTED:
            return "not-accepted"
        if self.is_response_overdue:
            return "overdue"
        if self.response is not None and self.is_silent:
            return "silent"
        if self.response is not None:
            return "responded"
        return "awaiting" if self.response_due else "no-response-due"

    @property
    def tag(self):
        return TAGS[self.key]

    # Words ----------------------------------------------------------------------------------------------------------
    @property
    def response_words(self):
        if self.response is not None:
            words = f"{self.response.get_acceptance_display()}, published {long_date(self.responded_on)}"
            return words + " (late)" if self.is_response_late else words
        if self.response_due is None:
            return "No response period set"
        if self.is_response_overdue:
            return f"Overdue: due {long_date(self.response_due)}"
        return f"Due {long_date(self.response_due)}"

    @property
    def implementation_words(self):
        latest = self.latest_return
        if self.assessment is not None:
            return self.assessment.get_outcome_display()
        if latest is not None:
            return latest.get_status_display()
        return "No progress return yet"

    @property
    def is_example(self):
        return bool(
            (self.response and self.response.is_example) or any(r.is_example for r in self.returns if r.is_published)
        )


def _versions(obligation_ids):
    versions = ResponseVersion.casework.filter(response__obligation_id__in=obligation_ids, state=State.PUBLISHED)
    latest, first_published = {}, {}
    for version in versions.select_related("response").order_by("number"):
        obligation_id = version.response.obligation_id
        latest[obligation_id] = version
        first_published.setdefault(obligation_id, version.published_on)
    for obligation_id, version in latest.items():
        version.response.first_published_on = first_published[obligation_id]
    return latest


def statuses(obligations, *, on=None):
    """An `ObligationStatus` for each obligation, in the order given.

    Only published responses and returns count, and a return that fell due with nothing published counts as missed
    whether or not a draft exists: nothing unpublished is read into a status, so it is safe for public pages.
    """
    on = on or timezone.localdate()
    obligations = list(obligations)
    ids = [o.pk for o in obligations]
    latest = _versions(ids)
    returns, upcoming = defaultdict(list), {}
    # Assessments are read only for published claims, in one query: prefetching them for every return (there are
    # thousands on a report a few years old) costs more than the rest of the page.
    for progress_return in ProgressReturn.casework.filter(obligation_id__in=ids).order_by("number"):
        if progress_return.due_on < on or progress_return.is_published:
            returns[progress_return.obligation_id].append(progress_return)
        elif progress_return.obligation_id not in upcoming:
            upcoming[progress_return.obligation_id] = progress_return
    result, claims = [], {}
    for obligation in obligations:
        status = ObligationStatus(
            obligation=obligation,
            on=on,
            response=latest.get(obligation.pk),
            returns=returns.get(obligation.pk, []),
            next_return=upcoming.get(obligation.pk),
        )
        claimed = [r for r in status.returns if r.is_published and r.status == Implementation.IMPLEMENTED]
        if claimed:
            status.claim = claimed[-1]
            claims[status.claim.pk] = status
        result.append(status)
    current = {}
    for assessment in Assessment.objects.filter(progress_return_id__in=claims).order_by("at", "pk"):
        current[assessment.progress_return_id] = assessment
    for return_id, assessment in current.items():
        if assessment.outcome != Outcome.REOPENED:
            claims[return_id].assessment = assessment
    return result


@dataclass
class Summary:
    """National figures for one recommendation: "31 of 43 have responded; 12 overdue"."""

    addressees: int = 0
    responded: int = 0
    accepted: int = 0
    partially_accepted: int = 0
    not_accepted: int = 0
    overdue: int = 0
    late: int = 0
    silent: int = 0
    claimed: int = 0
    assessed_complete: int = 0
    overdue_names: list = field(default_factory=list)
    silent_names: list = field(default_factory=list)

    @property
    def words(self):
        words = f"{self.responded} of {self.addressees} have responded"
        if self.overdue:
            words += f"; {self.overdue} overdue"
        if self.silent:
            words += f"; {self.silent} with no update received"
        return words


def summary(statuses_):
    result = Summary()
    acceptance = {
        Acceptance.ACCEPTED: "accepted",
        Acceptance.PARTIALLY_ACCEPTED: "partially_accepted",
        Acceptance.NOT_ACCEPTED: "not_accepted",
    }
    for status in statuses_:
        if not status.obligation.is_active:
            continue
        name = status.obligation.organisation.name
        result.addressees += 1
        if status.response is not None:
            result.responded += 1
            attribute = acceptance[status.response.acceptance]
            setattr(result, attribute, getattr(result, attribute) + 1)
            result.late += status.is_response_late
        if status.is_response_overdue:
            result.overdue += 1
            result.overdue_names.append(name)
        if status.response is not None and status.is_silent:
            result.silent += 1
            result.silent_names.append(name)
        result.claimed += status.claim is not None
        result.assessed_complete += status.key == "assessed-complete"
    return result
