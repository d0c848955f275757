"""What every change to a super-complaint shares: its refusals, its completeness check, and the date of a step.

Locking, the version check, who may act and the history row are the service's one workflow's (`core.workflow`,
declared in `complaints.workflow`). `IllegalTransition` and `ConcurrentChange` are its refusals, by the names these
pages have always caught them by.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils import timezone

from followthrough.calendar.services import deadline_close
from followthrough.core.formatting import long_date
from followthrough.core.workflow import Refused, StaleForm

from ..models import ReferenceSequence

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

IllegalTransition = Refused  # not in this state, or not by this person: `.message` says why
ConcurrentChange = StaleForm  # changed since the form was loaded: `.version`, `.message_for(who)`


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


def today():
    return timezone.localdate()


def dated(source, *, field, what, required="", not_before=None, not_before_words=""):
    """The date a step took effect: today, by the server's clock, or the date its `source` gives (ADR 0016).

    A source that gives no date leaves it not known (None), unless the step cannot be without one (`required` is
    then the message). Either way it is not before `not_before` (the date received, say: `not_before_words`)."""
    if source is None:
        on = today()
    else:
        try:
            source.check(today=today())
        except ValidationError as error:
            raise ValidationError(
                {field if name == "source_date" else name: messages for name, messages in error.message_dict.items()}
            ) from None
        on = source.on
    if on is None:
        if required:
            raise ValidationError({field: required})
        return None
    if not_before is not None and on < not_before:
        raise ValidationError(
            {field: f"The {what} must be the same as or after {not_before_words} ({long_date(not_before)})"}
        )
    return on


def next_reference(year):
    sequence, _ = ReferenceSequence.objects.select_for_update().get_or_create(year=year)
    sequence.last_number += 1
    sequence.save(update_fields=["last_number"])
    return f"SC-{year}-{sequence.last_number:04d}"


def close_open_deadlines(complaint):
    for deadline in (complaint.acknowledgement_deadline, complaint.next_progress_report):
        if deadline is not None and deadline.is_open:
            deadline_close(deadline=deadline)
