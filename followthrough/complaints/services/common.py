"""What every change to a super-complaint shares: its exceptions, its checks, and how it is saved and recorded."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils import timezone

from followthrough.calendar.services import deadline_close
from followthrough.core import audit
from followthrough.core.actors import SYSTEM, Actor
from followthrough.core.formatting import long_date, time_and_date
from followthrough.core.models import AuditEntry
from followthrough.organisations.models import INSPECTORATE, Organisation, Role

from ..models import TRANSITIONS, ComplaintEvent, ReferenceSequence, State, SuperComplaint
from ..rules import actor_may

ACKNOWLEDGEMENT_WORKING_DAYS = 5  # reg 5: fixed in law, so not a setting

# What the designated body may change while the complaint is a draft.
DRAFT_FIELDS = {
    "title",
    "features_of_policing",
    "all_section_29a_forces",
    "public_interest_harm",
    "evidence_description",
    "contact_name",
    "contact_email",
    "contact_phone",
    "contact_role",
}

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
    "caseworker": "inspectorate caseworkers",
    "designated-body-user": "people at the designated body that made the complaint",
}


class IllegalTransition(Exception):
    """The workflow does not allow this action, in this state, by this person. `message` says why in plain English."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


class ConcurrentChange(Exception):
    """Someone changed the complaint after the form was loaded. Nothing was changed."""

    def __init__(self, *, changed_at, version):
        self.changed_at = changed_at
        self.version = version
        super().__init__(self.message_for("Someone else"))

    def message_for(self, who):
        return f"{who} changed this complaint at {time_and_date(self.changed_at)}. Check the new state and try again"


@dataclass(frozen=True)
class Problem:
    """Something regulation 4 needs that the draft does not have yet, and the question that asks for it."""

    question: str
    message: str


class Incomplete(Exception):
    def __init__(self, problems):
        self.problems = problems
        super().__init__("; ".join(p.message for p in problems))


def missing_information(complaint):
    """What the draft still needs before it can be submitted (reg 4), in the order the questions ask."""
    problems = []
    if not complaint.title.strip():
        problems.append(Problem("title", "Enter a title for the super-complaint"))
    if not complaint.features_of_policing.strip():
        problems.append(Problem("features", "Enter the features of policing the complaint is about"))
    if not complaint.all_section_29a_forces and not (complaint.pk and complaint.forces.exists()):
        problems.append(Problem("forces", "Select the police forces the complaint is about"))
    if not complaint.public_interest_harm.strip():
        problems.append(
            Problem("harm", "Explain why the features of policing significantly harm the interests of the public")
        )
    has_files = complaint.pk is not None and complaint.evidence_files.exists()
    if not complaint.evidence_description.strip() and not has_files:
        problems.append(Problem("evidence", "Describe the evidence, or upload at least one file of evidence"))
    if not complaint.contact_name.strip():
        problems.append(Problem("contact", "Name a person at your organisation we can contact"))
    if not complaint.contact_email.strip():
        problems.append(Problem("contact", "Enter an email address for the person we can contact"))
    return problems


def acting(complaint, action, user):
    """Who took `action`, for which organisation: the designated body's people act for it, caseworkers for the
    inspectorate (the role the workflow table gives the action), and the service itself when there is no user."""
    if user is None or not user.is_authenticated:
        return SYSTEM
    if TRANSITIONS[action].role == Role.DESIGNATED_BODY_USER:
        return Actor(user=user, organisation=complaint.designated_body)
    return Actor(user=user, organisation=Organisation.objects.get(code=INSPECTORATE))


def lock(complaint, expected_version):
    locked = SuperComplaint.internal.select_for_update().get(pk=complaint.pk)
    if expected_version is not None and locked.version != int(expected_version):
        raise ConcurrentChange(changed_at=locked.changed_at, version=locked.version)
    return locked


def check_transition(action, complaint, actor):
    transition = TRANSITIONS[action]
    if not actor_may(actor, complaint, action):
        raise IllegalTransition(f"Only {ROLE_PHRASES[transition.role]} can {transition.verb} a super-complaint")
    if complaint.state not in transition.sources:
        raise IllegalTransition(
            f"You cannot {transition.verb} {complaint.name} because it {STATE_PHRASES[State(complaint.state)]}"
        )


def today():
    return timezone.localdate()


def dated(source, *, field, required=""):
    """The date a step took effect: today, by the server's clock, or the date its `source` gives (ADR 0016).

    A source that gives no date leaves it not known (None), unless the step cannot be without one (`required` is
    then the message)."""
    if source is None:
        return today()
    try:
        source.check(today=today())
    except ValidationError as error:
        raise ValidationError(
            {field if name == "source_date" else name: messages for name, messages in error.message_dict.items()}
        ) from None
    if source.on is None and required:
        raise ValidationError({field: required})
    return source.on


def check_date(on, *, field, what, not_before=None, not_before_words=""):
    errors = {}
    if on > today():
        errors[field] = f"The {what} must be today or in the past"
    elif not_before is not None and on < not_before:
        errors[field] = f"The {what} must be the same as or after {not_before_words} ({long_date(not_before)})"
    if errors:
        raise ValidationError(errors)


def save(complaint):
    complaint.version += 1
    complaint.changed_at = timezone.now()
    complaint.full_clean()
    complaint.save()


def record(*, complaint, action, actor, from_state, on, title, note="", before=None, source=None):
    event = ComplaintEvent(
        complaint=complaint,
        action=action,
        on=on,
        from_state=from_state,
        to_state=complaint.state,
        title=title,
        note=note,
    )
    if source is not None:
        event.source_title, event.source_url = source.title.strip(), source.url.strip()
    event.set_actor(acting(complaint, action, actor))
    event.full_clean()
    event.save()
    audit.record(
        actor=actor,
        instance=complaint,
        action=AuditEntry.Action.UPDATED,
        before=before,
        after=snapshot(complaint),
        reason=title + (f": {note}" if note else ""),
    )


def snapshot(complaint):
    data = audit.snapshot(complaint)
    if complaint.pk:
        data["forces"] = sorted(complaint.forces.values_list("code", flat=True))
        data["investigation_leads"] = sorted(complaint.investigation_leads.values_list("code", flat=True))
    return data


def refresh(original, locked):
    """Give the caller's object the saved values, so it is not left stale."""
    if original is not locked:
        original.refresh_from_db()
    return locked


def next_reference(year):
    sequence, _ = ReferenceSequence.objects.select_for_update().get_or_create(year=year)
    sequence.last_number += 1
    sequence.save(update_fields=["last_number"])
    return f"SC-{year}-{sequence.last_number:04d}"


def close_open_deadlines(complaint):
    for deadline in (complaint.acknowledgement_deadline, complaint.next_progress_report):
        if deadline is not None and deadline.is_open:
            deadline_close(deadline=deadline)
