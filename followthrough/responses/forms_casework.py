"""Forms for the public matrix's filters, the inspectorate's assessments and national collation.

The rules (reasons needed unless complete, a reason to reopen, text for a collation) live in the services; these
forms only read what was typed, and the views put a service's refusal back on the form for the error summary.
"""

from django import forms

from followthrough.core.forms import GovukChoiceField, VersionedForm
from followthrough.organisations.models import Kind

from .models import Outcome
from .presenters import STATE_CHOICES

# Which form a POST to the assessment page carries, from its hidden "action" field.
ASSESS, REOPEN = "assess", "reopen"


class MatrixFilterForm(forms.Form):
    """Filters read from the address (GET), so the matrix works without JavaScript and can be bookmarked."""

    kind = GovukChoiceField(label="Kind of body", choices=[("", "All kinds of body"), *Kind.choices], required=False)
    state = GovukChoiceField(label="State", choices=[("", "All states"), *STATE_CHOICES], required=False)

    def values(self):
        """The valid filters; anything unrecognised is ignored rather than shown as an error."""
        if self.is_valid():
            return self.cleaned_data["kind"], self.cleaned_data["state"]
        return "", ""

    @property
    def is_filtered(self):
        return any(self.values())


class AssessmentForm(forms.Form):
    outcome = GovukChoiceField(
        label="Is the recommendation implemented?",
        choices=[
            (Outcome.COMPLETE.value, "Complete"),
            (Outcome.NOT_COMPLETE.value, "Not complete"),
            (Outcome.SUPERSEDED.value, "Superseded"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Select the outcome of the assessment"},
    )
    reasons = forms.CharField(
        label="Reasons",
        help_text="Required unless the claim is assessed complete. The reasons are published with the assessment.",
        widget=forms.Textarea,
        required=False,
    )


class ReopenForm(forms.Form):
    reason = forms.CharField(
        label="Why are you reopening the assessment?",
        help_text="The reason is published. The earlier assessment stays on the record.",
        widget=forms.Textarea,
        required=False,
    )


class CollationForm(VersionedForm):
    version_required = False

    text = forms.CharField(
        label="National response",
        help_text="Published on the report's national responses page once another collator has approved it, with "
        "the figures as they stand on the day it is published.",
        widget=forms.Textarea(attrs={"rows": 10}),
        required=False,
    )
