from django import forms


class ConfirmForm(forms.Form):
    """A page that asks only for confirmation: publishing a report, or removing a draft's recommendation.

    It has no fields (a report is published on the publication date it already has); it carries a service's refusal
    to the error summary.
    """
