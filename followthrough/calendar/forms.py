import datetime

from django import forms
from django.conf import settings

from followthrough.core.forms import GovukChoiceField, GovukDateField

from .deadlines import Rule

CALCULATOR_RULES = [
    (Rule.WORKING_DAYS.value, "Working days beginning with the start date"),
    (Rule.CALENDAR_DAYS.value, "Calendar days beginning with the start date"),
    (Rule.MONTHS.value, "Calendar months from the start date"),
]
MAXIMUM_COUNT = {Rule.WORKING_DAYS: 1000, Rule.CALENDAR_DAYS: 3650, Rule.MONTHS: 120}


class DeadlineQueryForm(forms.Form):
    """What the calculator and the API both accept. The API sends `start` as YYYY-MM-DD."""

    rule = GovukChoiceField(
        choices=CALCULATOR_RULES,
        error_messages={
            "required": "Select how the period is counted",
            "invalid_choice": "Select working days, calendar days or months",
        },
    )
    count = forms.IntegerField(
        label="Length of the period",
        error_messages={
            "required": "Enter the length of the period",
            "invalid": "Length must be a whole number, like 5",
        },
    )
    start = forms.DateField(
        input_formats=["%Y-%m-%d"],
        error_messages={"required": "Enter the start date", "invalid": "Enter the start date as YYYY-MM-DD"},
    )

    def clean_start(self):
        start = self.cleaned_data["start"]
        first, last = settings.CALENDAR_HOLIDAY_YEARS
        if not datetime.date(first, 1, 1) <= start <= datetime.date(last, 12, 31):
            raise forms.ValidationError(
                f"The start date must be between 1 January {first} and 31 December {last}, "
                "the years the bank holiday calendar covers"
            )
        return start

    def clean(self):
        cleaned = super().clean()
        rule, count = cleaned.get("rule"), cleaned.get("count")
        if rule and count is not None:
            maximum = MAXIMUM_COUNT[Rule(rule)]
            if not 1 <= count <= maximum:
                self.add_error("count", f"Length must be between 1 and {maximum}")
        return cleaned


class DeadlineCalculatorForm(DeadlineQueryForm):
    rule = GovukChoiceField(
        label="How is the period counted?",
        choices=CALCULATOR_RULES,
        widget=forms.RadioSelect,
        error_messages=DeadlineQueryForm.base_fields["rule"].error_messages,
    )
    start = GovukDateField(label="Start date", name_in_errors="start date", help_text="For example, 31 5 2019")


class HolidayAddForm(forms.Form):
    date = GovukDateField(label="Date of the bank holiday", name_in_errors="date of the bank holiday")
    name = forms.CharField(
        label="Name of the bank holiday",
        max_length=200,
        error_messages={"required": "Enter the name of the bank holiday"},
    )
    reason = forms.CharField(
        label="Why are you adding it?",
        help_text="For example, the proclamation that created it",
        widget=forms.Textarea,
        error_messages={"required": "Enter why you are adding this bank holiday"},
    )


class HolidayRemoveForm(forms.Form):
    reason = forms.CharField(
        label="Why are you removing it?",
        widget=forms.Textarea,
        error_messages={"required": "Enter why you are removing this bank holiday"},
    )
