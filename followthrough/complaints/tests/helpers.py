"""Building complaints in any state through the services, as the system, with real-looking dates."""

import datetime

from followthrough.organisations.models import Organisation
from followthrough.testing.clock import server_date

from .. import services
from ..models import Decision, State, SuperComplaint

RECEIVED = datetime.date(2019, 5, 31)  # Hestia's super-complaint
ACKNOWLEDGED = datetime.date(2019, 6, 6)
DECIDED = datetime.date(2019, 9, 2)
PUBLISHED = datetime.date(2021, 5, 26)

COMPLETE_ANSWERS = {
    "features_of_policing": "How forces respond to victims of modern slavery.",
    "all_section_29a_forces": True,
    "public_interest_harm": "Victims are not identified or supported.",
    "evidence_description": "Our report Underground lives.",
    "contact_name": "Harper Hestia",
    "contact_email": "harper@example.org.uk",
}


def organisation(code):
    return Organisation.objects.get(code=code)


def draft(body, *, title="Underground lives", complete=True, **answers):
    complaint = services.complaint_start(designated_body=body, started_by=None, title=title)
    values = {**(COMPLETE_ANSWERS if complete else {}), **answers}
    if values:
        services.complaint_update_draft(complaint=complaint, updated_by=None, **values)
    return SuperComplaint.internal.get(pk=complaint.pk)


def complaint_in(state, body, **draft_answers):
    """A complaint of `body` brought to `state` the way the workflow allows."""
    state = State(state)
    complaint = draft(body, **draft_answers)
    if state == State.DRAFT:
        return complaint
    with server_date(RECEIVED):
        complaint = services.complaint_submit(complaint=complaint, submitted_by=None)
    if state == State.SUBMITTED:
        return complaint
    if state == State.WITHDRAWN:
        return services.complaint_withdraw(complaint=complaint, withdrawn_by=None, reason="We have withdrawn it")
    with server_date(ACKNOWLEDGED):
        complaint = services.complaint_acknowledge(complaint=complaint, acknowledged_by=None)
    if state == State.ACKNOWLEDGED:
        return complaint
    complaint = decide(complaint, None, Decision.NOT_ELIGIBLE if state == State.NOT_ELIGIBLE else Decision.ELIGIBLE)
    if state in (State.ELIGIBLE, State.NOT_ELIGIBLE):
        return complaint
    with server_date(PUBLISHED):
        return services.complaint_record_report_published(
            complaint=complaint, report="The hidden victims", published_by=None
        )


def decide(complaint, actor, decision=Decision.ELIGIBLE, **overrides):
    arguments = {
        "decision": decision,
        "reasons": "It meets regulation 4 and repeats no earlier complaint.",
        "agreed_by_hmicfrs": True,
        "agreed_by_iopc": True,
        "agreed_by_college_of_policing": True,
        **overrides,
    }
    # The decision takes the server's date: a test that needs another day sets the clock (`on`).
    with server_date(arguments.pop("on", DECIDED)):
        return services.complaint_decide_eligibility(complaint=complaint, decided_by=actor, **arguments)
