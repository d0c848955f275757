from django import forms
from django.utils import timezone

from followthrough.core.formatting import long_date
from followthrough.core.forms import GovukChoiceField, GovukDateField, VersionedForm
from followthrough.core.provenance import Source


class ConfirmForm(forms.Form):
    """A page that asks only for confirmation, such as removing a draft's recommendation: it carries a service's
    refusal to the error summary."""


NOW, FROM_SOURCE = "now", "from-source"


class PublishForm(VersionedForm):
    """Publishing a report: today, by the server's clock, or, for a report published before the service held it,
    from its source with the date the source gives (ADR 0016). Nobody types the day they publish.

    It carries the version of the draft the page showed, so a report changed since is not published unseen; a post
    without it is still checked under the row lock (ADR 0018)."""

    version_required = False

    how = GovukChoiceField(
        label="When is the report published?",
        widget=forms.RadioSelect,
        choices=[(NOW, "Now"), (FROM_SOURCE, "It was published before it was recorded here")],
        initial=NOW,
        required=False,  # a confirmation with nothing chosen publishes now, as the page's preselected answer says
        error_messages={"invalid_choice": "Select when the report is published"},
    )
    source_title = forms.CharField(
        label="Name of the document it is recorded from",
        help_text="For example, the report itself, or the inspectorate's publication page",
        required=False,
        max_length=255,
        error_messages={"max_length": "The name of the document must be 255 characters or fewer"},
    )
    source_url = forms.URLField(
        label="Link to the document (optional)",
        required=False,
        max_length=500,
        assume_scheme="https",
        error_messages={
            "invalid": "Enter the link in the correct format, like https://www.example.gov.uk/report",
            "max_length": "The link must be 500 characters or fewer",
        },
    )
    source_on = GovukDateField(
        label="The date the document gives for publication",
        name_in_errors="date the document gives for publication",
        help_text="For example, 26 5 2021",
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["how"].choices = [
            (NOW, f"Now: it is published today, {long_date(timezone.localdate())}"),
            (FROM_SOURCE, "It was published before it was recorded here"),
        ]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("how") != FROM_SOURCE:
            return cleaned
        if not (cleaned.get("source_title") or "").strip():
            self.add_error("source_title", "Enter the name of the document the report is recorded from")
        on = cleaned.get("source_on")
        if on is None and "source_on" not in self.errors:
            self.add_error("source_on", "Enter the date the document gives for publication")
        elif on is not None and on > timezone.localdate():
            self.add_error("source_on", "The date the document gives for publication must be today or in the past")
        return cleaned

    def source(self):
        """The source to record the report from, or None to publish it now."""
        data = self.cleaned_data
        if data.get("how") != FROM_SOURCE:
            return None
        return Source(data["source_title"].strip(), on=data["source_on"], url=data["source_url"])
