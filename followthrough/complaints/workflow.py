"""The super-complaint workflow (regulations 4 to 8 of SI 2018/748), on the service's one `core.workflow.Workflow`.

Nothing else decides what may happen next. The designated bodies making a complaint (the lead and any joint
complainant, ADR 0017) submit and withdraw it; inspectorate caseworkers act for the inspectorate on everything
between; the service itself (the demonstration loader, the reports app publishing a report) may take any step.
"""

from followthrough.core import audit
from followthrough.core.workflow import HistoryRows, Transition, Words, Workflow
from followthrough.organisations.models import INSPECTORATE, Organisation, Role

from .models import Action, ComplaintEvent, State
from .notices import complaint_notify

BODY = (Role.DESIGNATED_BODY_USER,)
CASEWORKERS = (Role.CASEWORKER,)

# How a complaint in each state is described in "You cannot … because it …".
STATE_PHRASES = {
    State.DRAFT: "is still a draft",
    State.SUBMITTED: "has not been acknowledged yet",
    State.ACKNOWLEDGED: "is waiting for the eligibility decision",
    State.ELIGIBLE: "has been decided eligible",
    State.NOT_ELIGIBLE: "has been decided not eligible",
    State.REPORT_PUBLISHED: "has had its report published",
    State.WITHDRAWN: "has been withdrawn",
}
ROLE_PHRASES = {
    Role.CASEWORKER: "inspectorate caseworkers",
    Role.DESIGNATED_BODY_USER: "people at the designated bodies that made the complaint",
}


def snapshot(complaint):
    """The complaint's fields for the audit trail, with the organisations it names."""
    return audit.snapshot(
        complaint, many={"forces": "code", "investigation_leads": "code", "joint_complainants": "code"}
    )


def complainants(complaint):
    return complaint.complainants


def inspectorate(complaint):
    return Organisation.objects.get(code=INSPECTORATE)


def _step(sources, target, roles, doing, title, **rules):
    at = inspectorate if roles == CASEWORKERS else None
    return Transition(frozenset(sources), target, roles, doing, title, at=at, **rules)


TRANSITIONS = {
    Action.SUBMIT: _step({State.DRAFT}, State.SUBMITTED, BODY, "submit", "Super-complaint received"),
    Action.ACKNOWLEDGE: _step({State.SUBMITTED}, State.ACKNOWLEDGED, CASEWORKERS, "acknowledge", "Acknowledged"),
    Action.DECIDE_ELIGIBILITY: _step(
        {State.ACKNOWLEDGED},
        None,
        CASEWORKERS,
        "record an eligibility decision on",
        "Eligibility decided",
        targets=frozenset({State.ELIGIBLE, State.NOT_ELIGIBLE}),
    ),
    Action.RECORD_INVESTIGATION: _step(
        {State.ELIGIBLE}, None, CASEWORKERS, "record the investigation of", "Investigation planned"
    ),
    Action.RECORD_PROGRESS_REPORT: _step(
        {State.ELIGIBLE}, None, CASEWORKERS, "record a progress report on", "Progress report sent"
    ),
    Action.RECORD_REPORT_PUBLISHED: _step(
        {State.ELIGIBLE}, State.REPORT_PUBLISHED, CASEWORKERS, "record a published report for", "Report published"
    ),
    Action.WITHDRAW: _step(
        {State.SUBMITTED, State.ACKNOWLEDGED, State.ELIGIBLE}, State.WITHDRAWN, BODY, "withdraw", "Withdrawn"
    ),
}


class ComplaintWords(Words):
    """Refusals as the complaint pages say them: by reference, and by who may act rather than by role name."""

    after_change = "Check the new state and try again"

    def not_now(self, record, what, doing):
        return f"You cannot {doing} {record.name} because it {STATE_PHRASES[State(record.state)]}"

    def not_theirs(self, record, roles, organisations, doing):
        return f"Only {ROLE_PHRASES[roles[0]]} can {doing} a super-complaint"

    def not_editable(self, record, what):
        return f"You cannot change {record.name} because it has been submitted"


complaint_workflow = Workflow(
    TRANSITIONS,
    organisation_of=complainants,
    history=HistoryRows(ComplaintEvent, record_field="complaint", step_field="action"),
    editable=(State.DRAFT,),
    what=lambda complaint: "complaint",
    words=ComplaintWords(),
    service_may_act=True,
    snapshot=snapshot,
    notify=complaint_notify,
)


def may(complaint, action):
    """Whether the complaint's state allows `action` (not who may take it)."""
    return complaint_workflow.may(complaint, action)


def refusal(complaint, action):
    """Why `action` cannot be taken on the complaint in its state, as the page says it."""
    return complaint_workflow.words.not_now(complaint, "complaint", TRANSITIONS[action].doing)
