from django import forms
from django.utils import timezone

from followthrough.core.formatting import long_date
from followthrough.core.forms import GovukChoiceField, SourceForm, VersionedForm


class ConfirmForm(forms.Form):
    """A page that asks only for confirmation, such as removing a draft's recommendation: it carries a service's
    refusal to the error summary."""


NOW, FROM_SOURCE = "now", "from-source"


class PublishForm(SourceForm, VersionedForm):
    """Publishing a report: today, by the server's clock, or, for a report published before the service held it,
    from its source with the date the source gives (ADR 0016). Nobody types the day they publish.

    It carries the version of the draft the page showed, so a report changed since is not published unseen; a post
    without it is still checked under the row lock (ADR 0018)."""

    version_required = False

    date_required = True
    what = "the report"

    how = GovukChoiceField(
        label="When is the report published?",
        widget=forms.RadioSelect,
        choices=[(NOW, "Now"), (FROM_SOURCE, "It was published before it was recorded here")],
        initial=NOW,
        required=False,  # a confirmation with nothing chosen publishes now, as the page's preselected answer says
        error_messages={"invalid_choice": "Select when the report is published"},
    )

    field_order = ["how", "source_title", "source_url", "source_on"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["source_title"].help_text = "For example, the report itself, or the inspectorate's publication page"
        self.fields["how"].choices = [
            (NOW, f"Now: it is published today, {long_date(timezone.localdate())}"),
            (FROM_SOURCE, "It was published before it was recorded here"),
        ]

    def from_source(self):
        return self.cleaned_data.get("how") == FROM_SOURCE

    def source(self):
        """The source to record the report from, or None to publish it now."""
        return super().source() if self.from_source() else None
