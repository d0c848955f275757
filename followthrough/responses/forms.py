"""Forms for an organisation's own work: its response, planned actions, evidence, progress returns and sign-off.

A draft is saved as typed: nothing on the response or return forms is required, because completeness is checked
when the draft is sent for sign-off (`readiness_errors` on the models), not while it is being written.
"""

from django import forms

from followthrough.core.formatting import long_date
from followthrough.core.forms import GovukChoiceField, GovukDateField, VersionedForm

from .models import Acceptance, Implementation

# Only a recommendation not fully accepted needs a reason. Each answer reveals its own box, so the question reads
# right whichever is chosen; without JavaScript both boxes show, and the one matching the answer is kept.
REASON_FIELDS = {
    Acceptance.PARTIALLY_ACCEPTED: "partially_accepted_reason",
    Acceptance.NOT_ACCEPTED: "not_accepted_reason",
}


def _text(label, help_text=None, **kwargs):
    return forms.CharField(label=label, help_text=help_text, required=False, widget=forms.Textarea, **kwargs)


class ResponseForm(VersionedForm):
    version_required = False

    acceptance = GovukChoiceField(
        label="Do you accept the recommendation?",
        choices=Acceptance.choices,
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": "Select whether the recommendation is accepted"},
    )
    partially_accepted_reason = _text(
        "Why is the recommendation only partially accepted?", "Say which parts you do not accept, and why"
    )
    not_accepted_reason = _text("Why is the recommendation not accepted?")
    done = _text(
        "What has been done",
        "Leave a blank line between paragraphs. Start each item of a list with a dash and a space. "
        "Add what will be done as planned actions, with who owns each and by when",
    )

    def __init__(self, *args, points=(), correction=False, **kwargs):
        """`points` are (position, text) pairs for the points the recommendation asks to be answered.
        `correction` adds the question a correction must answer: what has changed since it was published."""
        super().__init__(*args, **kwargs)
        self.points = list(points)
        for position, text in self.points:
            self.fields[f"point_{position}"] = _text(text)
            self.fields[f"point_{position}_not_addressed"] = forms.BooleanField(
                label="This response does not address this point", required=False
            )
        if correction:
            self.fields["change_note"] = _text(
                "What has changed since the last published version, and why",
                "This is published with the correction, for example: Added the date training started",
            )

    @classmethod
    def initial_for(cls, version):
        """What to show in the form for `version` (the draft, or the published version a correction starts from)."""
        if version is None:
            return {}
        initial = {"acceptance": version.acceptance, "done": version.done, "change_note": version.change_note}
        if version.state != "published":
            initial["expected_version"] = version.version
        if version.acceptance in REASON_FIELDS:
            initial[REASON_FIELDS[version.acceptance]] = version.acceptance_reason
        for answer in version.point_answers.all():
            initial[f"point_{answer.position}"] = answer.answer
            initial[f"point_{answer.position}_not_addressed"] = not answer.addressed
        return initial

    def point_fields(self):
        """Each point's answer box and "not addressed" box, for the template."""
        return [
            (self[f"point_{position}"], self[f"point_{position}_not_addressed"], number)
            for number, (position, _) in enumerate(self.points, start=1)
        ]

    def reason_field(self, acceptance):
        return REASON_FIELDS.get(acceptance)

    def service_arguments(self):
        data = self.cleaned_data
        acceptance = data["acceptance"]
        reason_field = REASON_FIELDS.get(acceptance)
        return {
            "acceptance": acceptance,
            "acceptance_reason": data[reason_field] if reason_field else "",
            "done": data["done"],
            "change_note": data.get("change_note", ""),
            "expected_version": data.get("expected_version"),
            "point_answers": {
                position: (data[f"point_{position}"], not data[f"point_{position}_not_addressed"])
                for position, _ in self.points
            },
        }


class ActionForm(forms.Form):
    description = forms.CharField(
        label="What will be done",
        widget=forms.Textarea,
        error_messages={"required": "Describe what will be done"},
    )
    owner_role = forms.CharField(
        label="Who owns the action",
        help_text="A role, not a person’s name. For example, Head of crime",
        max_length=200,
        error_messages={
            "required": "Enter the role responsible for the action",
            "max_length": "The role must be 200 characters or fewer",
        },
    )
    target_date = GovukDateField(
        label="Target date",
        name_in_errors="target date",
        help_text="The date it will be done by. For example, 31 1 2022",
    )

    def __init__(self, *args, published_target_date=None, **kwargs):
        """`published_target_date` is the date this action had in the last published version, if it was in it:
        moving a date the public has read needs a reason."""
        super().__init__(*args, **kwargs)
        if published_target_date is not None:
            self.fields["revision_reason"] = _text(
                "Why is the target date moving?",
                f"Only if you change the target date. The published target date is {long_date(published_target_date)}, "
                "and the reason will be published beside the new date",
            )

    @staticmethod
    def initial_for(action):
        return {
            "description": action.description,
            "owner_role": action.owner_role,
            "target_date": action.target_date,
            "revision_reason": action.revision_reason,
        }


class EvidenceForm(forms.Form):
    title = forms.CharField(
        label="Title",
        help_text="What the evidence is, for example: Modern slavery training plan 2021 to 2022",
        max_length=255,
        error_messages={
            "required": "Enter a title for the evidence",
            "max_length": "The title must be 255 characters or fewer",
        },
    )
    url = forms.URLField(
        label="Link",
        help_text="If the evidence is published online",
        required=False,
        max_length=500,
        assume_scheme="https",
        error_messages={
            "invalid": "Enter the link in the correct format, like https://www.example.gov.uk/report.pdf",
            "max_length": "The link must be 500 characters or fewer",
        },
    )
    upload = forms.FileField(
        label="Or upload a file",
        required=False,
        allow_empty_file=True,  # so the service's check gives the GOV.UK message for an empty file
        error_messages={"invalid": "Select a file"},
    )

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        if not cleaned.get("url") and not cleaned.get("upload"):
            self.add_error("url", "Enter a link or choose a file")
        elif cleaned.get("url") and cleaned.get("upload"):
            self.add_error("upload", "Enter a link or choose a file, not both")
        return cleaned


class ReturnForm(VersionedForm):
    version_required = False

    status = GovukChoiceField(
        label="How far has the recommendation been implemented?",
        choices=Implementation.choices,
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": "Select how far the recommendation has been implemented"},
    )
    narrative = _text(
        "What progress has been made since the last return?",
        "Leave a blank line between paragraphs. If you say it is implemented, the inspectorate will assess the claim",
    )


class ConfirmForm(VersionedForm):
    """A step that needs only confirmation, such as sending for sign-off: it carries a service's refusal, and the
    version the page showed, so someone confirming a page that has since changed is asked to look again."""

    version_required = False


class PublishForm(ConfirmForm):
    """Publishing asks only for confirmation: the date of publication is the server's (ADR 0016)."""


class SendBackForm(ConfirmForm):
    note = forms.CharField(
        label="What needs to change?",
        help_text="The people who drafted it will see this",
        widget=forms.Textarea,
        error_messages={"required": "Say what needs to change"},
    )
