"""Forms for the public matrix's filters, the inspectorate's assessments and national collation.

The rules (reasons needed unless complete, a reason to reopen, text for a collation) live in the services; these
forms only read what was typed, and the views put a service's refusal back on the form for the error summary.
"""

from django import forms

from followthrough.core.forms import GovukChoiceField, GovukModelChoiceField, SourceForm, VersionedForm
from followthrough.organisations.models import Kind, Organisation
from followthrough.reports.models import Report
from followthrough.reports.models import State as ReportState

from .forms import ResponseForm, ReturnForm
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


class ResponseFromSourceForm(SourceForm, ResponseForm):
    """A response published elsewhere, entered by a caseworker word for word with its source (the historical path)."""

    what = "the response"
    field_order = ["acceptance", "partially_accepted_reason", "not_accepted_reason", "done"]


class ReturnFromSourceForm(SourceForm, ReturnForm):
    """A progress return published elsewhere, entered by a caseworker with its source (the historical path)."""

    what = "the return"
    field_order = ["status", "narrative"]


class PublishedElsewhereForm(forms.Form):
    """Which report and organisation to enter records for: read from the address, so the choice can be bookmarked."""

    report = GovukModelChoiceField(
        label="Report",
        queryset=Report.casework.filter(state=ReportState.PUBLISHED).order_by("-published_on", "title"),
        to_field_name="slug",
        empty_label="Choose a report",
        error_messages={"required": "Select the report"},
    )
    organisation = GovukModelChoiceField(
        label="Organisation that published it",
        queryset=Organisation.objects.order_by("name"),
        to_field_name="code",
        empty_label="Choose an organisation",
        error_messages={"required": "Select the organisation"},
    )
