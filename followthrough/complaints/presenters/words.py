"""The words and tags the complaint pages use, in one place."""

from followthrough.core.formatting import long_date
from followthrough.core.presenters import StateTags, tag

from ..models import AUTHORITY_CODES, Decision, State

STATE_TAGS = StateTags(
    {
        State.DRAFT: ("Draft", "grey"),
        State.SUBMITTED: ("Received", "blue"),
        State.ACKNOWLEDGED: ("Acknowledged", "light-blue"),
        State.ELIGIBLE: ("Eligible", "green"),
        State.NOT_ELIGIBLE: ("Not eligible", "orange"),
        State.REPORT_PUBLISHED: ("Report published", "purple"),
        State.WITHDRAWN: ("Withdrawn", "grey"),
    },
    states=State,
)

# How the public timeline names each state a complaint moved into.
PUBLIC_EVENT_TITLES = {
    State.SUBMITTED: "Received by the inspectorate",
    State.ACKNOWLEDGED: "Acknowledged",
    State.ELIGIBLE: "Decided eligible: an investigation follows",
    State.NOT_ELIGIBLE: "Decided not eligible",
    State.REPORT_PUBLISHED: "Report published",
    State.WITHDRAWN: "Withdrawn by the designated body",
}

OVERDUE_TAG = tag("Overdue", "red")
DATE_NOT_KNOWN = "Date not known"

# The designated body's questions, in order: (slug, short name for the answers page).
QUESTIONS = [
    ("title", "Title"),
    ("features", "Features of policing"),
    ("forces", "Forces concerned"),
    ("harm", "Why it significantly harms the public interest"),
    ("evidence", "Evidence"),
    ("evidence-files", "Evidence files"),
    ("contact", "Person to contact"),
]


def row(key, *, text=None, html=None, href=None, action_text="Change", hidden=None):
    row = {"key": {"text": key}, "value": {"html": html} if html is not None else {"text": text}}
    if href:
        row["actions"] = {"items": [{"href": href, "text": action_text, "visuallyHiddenText": hidden or key.lower()}]}
    return row


def date_or_unknown(value):
    return long_date(value) if value else DATE_NOT_KNOWN


def decision_text(complaint):
    """ "Eligible, 26 January 2023" or "Eligible, date not known"."""
    when = long_date(complaint.eligibility_decided_on) if complaint.eligibility_decided_on else "date not known"
    return f"{Decision(complaint.eligibility_decision).label}, {when}"


def authorities_sentence(codes):
    """ "HMICFRS, the IOPC and the College of Policing", in the order the regulations name them, capitalised."""
    names = [name for code, name in AUTHORITY_CODES.items() if code in set(codes)]
    if not names:
        return ""
    text = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
    return text[0].upper() + text[1:]


def size_words(size):
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f}MB"
    if size >= 1024:
        return f"{size // 1024}KB"
    return f"{size} bytes"


def state_tag(complaint):
    return STATE_TAGS[State(complaint.state)]


def state_words(complaint):
    """The state as one sentence for the public."""
    state = State(complaint.state)
    if state == State.ELIGIBLE:
        return "Under investigation" if complaint.investigation_recorded_on else "Eligible: an investigation follows"
    if state == State.WITHDRAWN:
        return "Withdrawn by the designated body"
    return STATE_TAGS.words(state)
