"""The report's details page: drafting a report, or changing a draft's details."""

from django import forms
from django.db.models import Q

from followthrough.complaints.models import State as ComplaintState
from followthrough.complaints.models import SuperComplaint
from followthrough.core.forms import GovukChoiceField, GovukDateField, GovukModelChoiceField

from ..models import Report

DOCUMENT_MAX_MB = 50


def complaints_awaiting_a_report(report=None):
    """Super-complaints the three authorities found eligible and that have no report yet.

    With `report`, also the super-complaint that draft is already linked to, so changing the draft keeps the link.
    """
    awaiting = Q(state=ComplaintState.ELIGIBLE, report__isnull=True)
    if report is not None and report.super_complaint_id:
        awaiting |= Q(pk=report.super_complaint_id)
    return (
        SuperComplaint.internal.submitted()
        .filter(awaiting)
        .select_related("designated_body")
        .prefetch_related("joint_complainants")
        .order_by("received_on")
    )


class ComplaintChoiceField(GovukModelChoiceField):
    def label_from_instance(self, obj):
        title = f": {obj.title}" if obj.title else ""
        return f"{obj.reference} ({obj.complainants_text}){title}"


class ReportForm(forms.Form):
    title = forms.CharField(
        label="Title of the report",
        max_length=300,
        error_messages={
            "required": "Enter the title of the report",
            "max_length": "The title must be 300 characters or fewer",
        },
    )
    source = GovukChoiceField(
        label="What is the report about?",
        choices=Report.Source.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether the report is on a super-complaint or an inspection"},
    )
    super_complaint = ComplaintChoiceField(
        label="Which super-complaint?",
        queryset=None,
        required=False,
        empty_label="Select a super-complaint",
        error_messages={"invalid_choice": "Select a super-complaint from the list"},
    )
    planned_on = GovukDateField(
        label="Planned publication date",
        name_in_errors="planned publication date",
        help_text="Used to show who it will be addressed to and when responses will be due. Publishing records the "
        "day it is published. For example, 26 5 2021",
    )
    authors = forms.CharField(
        label="Who wrote the report",
        required=False,
        max_length=300,
        help_text="For example, HMICFRS, the College of Policing and the IOPC",
        error_messages={"max_length": "Who wrote the report must be 300 characters or fewer"},
    )
    summary = forms.CharField(label="Summary", required=False, widget=forms.Textarea)
    findings = forms.CharField(label="Findings", required=False, widget=forms.Textarea)
    steps_taken = forms.CharField(label="Steps taken", required=False, widget=forms.Textarea)
    conclusions = forms.CharField(label="Conclusions", required=False, widget=forms.Textarea)
    further_action = forms.CharField(label="Further action", required=False, widget=forms.Textarea)
    material_excluded = forms.CharField(
        label="Material left out of the published report",
        required=False,
        widget=forms.Textarea,
        help_text="Say what was left out for national security or to protect a person's safety, if anything",
    )
    document_url = forms.URLField(
        label="Link to the report document",
        required=False,
        max_length=500,
        assume_scheme="https",
        error_messages={
            "invalid": "Enter the link in the correct format, like https://www.example.gov.uk/report.pdf",
            "max_length": "The link must be 500 characters or fewer",
        },
    )
    document_file = forms.FileField(
        label="Upload the report document (optional)",
        required=False,
        help_text=f"A PDF, smaller than {DOCUMENT_MAX_MB}MB",
        error_messages={"empty": "The selected file is empty", "invalid": "Select a PDF file"},
    )
    response_count = forms.IntegerField(
        label="Response period",
        initial=56,
        min_value=1,
        max_value=3650,
        help_text="How long chief officers and local policing bodies have to publish a response. Usually 56 days",
        error_messages={
            "required": "Enter the response period",
            "invalid": "The response period must be a whole number, like 56",
            "min_value": "The response period must be at least 1",
            "max_value": "The response period must be 3650 or fewer",
        },
    )
    response_unit = GovukChoiceField(
        label="Is the response period in days or months?",
        choices=Report.ResponseUnit.choices,
        initial=Report.ResponseUnit.CALENDAR_DAYS.value,
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether the response period is in days or months"},
    )
    response_applies_to = GovukChoiceField(
        label="Who must publish a response?",
        choices=Report.ResponseAppliesTo.choices,
        initial=Report.ResponseAppliesTo.CHIEF_OFFICERS_AND_LOCAL_POLICING_BODIES.value,
        widget=forms.RadioSelect,
        error_messages={"required": "Select who must publish a response"},
    )
    progress_return_months = forms.IntegerField(
        label="How often addressees report progress, in months",
        initial=6,
        min_value=1,
        max_value=60,
        error_messages={
            "required": "Enter how often addressees report progress",
            "invalid": "How often addressees report progress must be a whole number of months, like 6",
            "min_value": "How often addressees report progress must be at least 1 month",
            "max_value": "How often addressees report progress must be 60 months or fewer",
        },
    )

    def __init__(self, *args, report=None, **kwargs):
        """`report` is the draft being changed, if any: its own super-complaint stays a choice."""
        super().__init__(*args, **kwargs)
        self.fields["super_complaint"].queryset = complaints_awaiting_a_report(report)
        if report is not None and report.document_file:
            upload = self.fields["document_file"]
            upload.label = "Replace the uploaded report document (optional)"
            upload.help_text = (
                f"Leave this empty to keep the document uploaded already. A PDF, smaller than {DOCUMENT_MAX_MB}MB"
            )

    @classmethod
    def initial_on_complaint(cls, reference):
        """The new report's answers when it is added from a super-complaint's page: a report on that complaint, if it
        is awaiting one; nothing chosen otherwise."""
        complaint = complaints_awaiting_a_report().filter(reference=reference[:20]).first() if reference else None
        if complaint is None:
            return {}
        return {"source": Report.Source.SUPER_COMPLAINT, "super_complaint": complaint.pk}

    @classmethod
    def initial_for(cls, report):
        """The form's answers as the draft stands. An upload cannot be filled in again: an empty one keeps the file."""
        initial = {
            name: getattr(report, name) for name in cls.base_fields if name not in ("super_complaint", "document_file")
        }
        initial["super_complaint"] = report.super_complaint_id
        return initial

    def clean_document_file(self):
        """Only a PDF, recognised by its first bytes rather than its name, and not too large."""
        upload = self.cleaned_data.get("document_file")
        if not upload:
            return None
        if upload.size > DOCUMENT_MAX_MB * 1024 * 1024:
            raise forms.ValidationError(f"The selected file must be smaller than {DOCUMENT_MAX_MB}MB")
        upload.seek(0)
        start = upload.read(5)
        upload.seek(0)
        if start != b"%PDF-" or not upload.name.lower().endswith(".pdf"):
            raise forms.ValidationError("The selected file must be a PDF")
        return upload

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("source") == Report.Source.SUPER_COMPLAINT:
            if not cleaned.get("super_complaint") and "super_complaint" not in self.errors:
                self.add_error("super_complaint", "Select the super-complaint the report is on")
        elif "super_complaint" in cleaned:
            cleaned["super_complaint"] = None
        return cleaned
