"""Django forms rendered through GOV.UK Frontend macros.

Templates pass a bound field to `field_params` and hand the result to the matching macro, so every field gets its
label, hint, value and GOV.UK error message the same way, and the error summary links to the right input.
"""

import datetime

from django import forms
from django.core import validators
from django.core.exceptions import ValidationError
from django.db import connections, models
from django.utils import timezone

from .provenance import Source


def _error_message(bound_field):
    if bound_field.errors:
        return {"text": bound_field.errors[0]}
    return None


def field_params(bound_field, label=None, hint=None, label_classes="govuk-label--s", **extra):
    """Parameters for govukInput, govukTextarea, govukSelect, govukRadios or govukCheckboxes."""
    field = bound_field.field
    params = {
        "id": bound_field.id_for_label or bound_field.html_name,
        "name": bound_field.html_name,
        "errorMessage": _error_message(bound_field),
    }
    label_text = label or bound_field.label
    if isinstance(field, forms.MultipleChoiceField | forms.ChoiceField) and isinstance(
        field.widget, forms.RadioSelect | forms.CheckboxSelectMultiple
    ):
        params["idPrefix"] = params.pop("id")
        params["fieldset"] = {"legend": {"text": label_text, "classes": "govuk-fieldset__legend--s"}}
        selected = bound_field.value()
        selected = {str(v) for v in selected} if isinstance(selected, list | tuple) else {str(selected)}
        params["items"] = [
            {"value": value, "text": text, "checked": str(value) in selected}
            for value, text in field.choices
            if value != ""
        ]
    elif isinstance(field, forms.ChoiceField):
        params["label"] = {"text": label_text, "classes": label_classes}
        selected = str(bound_field.value() or "")
        params["items"] = [
            {"value": value, "text": text, "selected": str(value) == selected} for value, text in field.choices
        ]
    else:
        params["label"] = {"text": label_text, "classes": label_classes}
        value = bound_field.value()
        params["value"] = "" if value is None else value
    hint = hint or field.help_text
    if hint:
        params["hint"] = {"text": hint}
    params.update(extra)
    return params


def date_input_params(bound_field, legend=None, hint=None, **extra):
    """Parameters for govukDateInput from a `GovukDateField`."""
    values = bound_field.field.widget.parts(bound_field.value())
    has_error = bool(bound_field.errors)
    params = {
        "id": bound_field.html_name,
        "namePrefix": bound_field.html_name,
        "fieldset": {"legend": {"text": legend or bound_field.label, "classes": "govuk-fieldset__legend--s"}},
        "errorMessage": _error_message(bound_field),
        "items": [
            {
                "name": "day",
                "label": "Day",
                "classes": "govuk-input--width-2" + (" govuk-input--error" if has_error else ""),
                "value": values[0],
            },
            {
                "name": "month",
                "label": "Month",
                "classes": "govuk-input--width-2" + (" govuk-input--error" if has_error else ""),
                "value": values[1],
            },
            {
                "name": "year",
                "label": "Year",
                "classes": "govuk-input--width-4" + (" govuk-input--error" if has_error else ""),
                "value": values[2],
            },
        ],
    }
    hint = hint or bound_field.field.help_text
    if hint:
        params["hint"] = {"text": hint}
    params.update(extra)
    return params


def field_anchor(bound_field):
    """The id a link to a field goes to: a date's day box, the first of a set of radios or checkboxes, or the input."""
    field = bound_field.field
    if isinstance(field, GovukDateField):
        return f"{bound_field.html_name}-day"
    if isinstance(field.widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
        return bound_field.html_name
    return bound_field.id_for_label or bound_field.html_name


def error_summary(*forms_):
    """The error list for govukErrorSummary: each message links to the field it is about."""
    items = []
    for form in forms_:
        for message in form.non_field_errors():
            items.append({"text": message, "href": "#main-content"})
        for name in form.fields:
            bound = form[name]
            if bound.errors:
                items.append({"text": bound.errors[0], "href": f"#{field_anchor(bound)}"})
    return items


class GovukDateWidget(forms.Widget):
    """Reads the three boxes of a GOV.UK date input (`<name>-day`, `<name>-month`, `<name>-year`)."""

    def value_from_datadict(self, data, files, name):
        parts = tuple(data.get(f"{name}-{part}", "").strip() for part in ("day", "month", "year"))
        if not any(parts):
            return None
        return parts

    def value_omitted_from_data(self, data, files, name):
        return not any(f"{name}-{part}" in data for part in ("day", "month", "year"))

    @staticmethod
    def parts(value):
        if isinstance(value, datetime.date):
            return (str(value.day), str(value.month), str(value.year))
        if isinstance(value, tuple | list):
            return tuple(value)
        return ("", "", "")


class GovukDateField(forms.Field):
    """A date entered as day, month and year, with the GOV.UK pattern's error messages."""

    widget = GovukDateWidget

    def __init__(self, *, name_in_errors="date", **kwargs):
        self.name_in_errors = name_in_errors
        kwargs.setdefault("error_messages", {})
        kwargs["error_messages"].setdefault("required", f"Enter the {name_in_errors}")
        super().__init__(**kwargs)

    def to_python(self, value):
        if value in (None, ""):
            return None
        if isinstance(value, datetime.date):
            return value
        day, month, year = value
        missing = [label for label, part in (("day", day), ("month", month), ("year", year)) if not part]
        if missing:
            raise forms.ValidationError(f"The {self.name_in_errors} must include a {' and '.join(missing)}")
        try:
            numbers = [int(day), int(month), int(year)]
        except ValueError:
            raise forms.ValidationError(f"The {self.name_in_errors} must be a real date") from None
        if len(year) != 4:
            raise forms.ValidationError("Year must include 4 numbers")
        try:
            return datetime.date(numbers[2], numbers[1], numbers[0])
        except ValueError:
            raise forms.ValidationError(f"The {self.name_in_errors} must be a real date") from None


def add_service_errors(form, error, aliases=None):
    """Put a service's refusal on the form, beside the field it names (or at the top), so it shows in the error summary.

    `aliases` maps a service's field name to the form's, where they differ. A workflow error that is not a
    ValidationError is shown by its message.
    """
    aliases = aliases or {}
    if isinstance(error, ValidationError) and hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            field = aliases.get(field, field)
            form.add_error(field if field in form.fields else None, messages)
    elif isinstance(error, ValidationError):
        form.add_error(None, error.messages)
    else:
        form.add_error(None, getattr(error, "message", None) or str(error))


class VersionedForm(forms.Form):
    """Carries the version of the record the page showed, so a stale form is refused (optimistic locking, ADR 0016).

    Where `version_required` is False a form without it is still checked against the record's state under a row
    lock, only not against changes made since the page was loaded.
    """

    version_required = True

    expected_version = forms.IntegerField(
        widget=forms.HiddenInput,
        min_value=1,
        max_value=2**31 - 1,
        error_messages={
            "required": "Reload the page and try again",
            "invalid": "Reload the page and try again",
            "min_value": "Reload the page and try again",
            "max_value": "Reload the page and try again",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["expected_version"].required = self.version_required


# Choices and numbers checked at the edge (ADR 0013) -----------------------------------------------------------------

# The words for a choice that is not on the page, where a field gives no words of its own.
NOT_ON_THE_LIST = "Select an option from the list"


def possible_slug(value):
    """`value` if it could be a slug (letters, digits, hyphens and underscores), else "". An address can carry any
    text, including a NUL character that PostgreSQL refuses to read, so a slug is checked before it is looked up."""
    return value if validators.slug_re.fullmatch(value) else ""


def column_range(model_field, using="default"):
    """The smallest and largest whole numbers the database column of `model_field` holds (None: no limit)."""
    return connections[using].ops.integer_field_range(model_field.get_internal_type())


def _choice_messages(kwargs):
    """A choice that is not on the page gets the field's own words: those for an unknown choice if it has them, else
    those for no choice at all (the GOV.UK way: "Select when a reply is due"), never Django's "Select a valid
    choice. 999 is not one of the available choices"."""
    messages = dict(kwargs.get("error_messages") or {})
    unknown = messages.get("invalid_choice") or messages.get("required") or NOT_ON_THE_LIST
    for code in ("invalid_choice", "invalid_list", "invalid_pk_value", "null_characters_not_allowed"):
        messages.setdefault(code, unknown)
    kwargs["error_messages"] = messages
    return kwargs


class GovukChoiceField(forms.ChoiceField):
    """One answer from a fixed list (radios or a select), with GOV.UK words for an answer that is not on it."""

    def __init__(self, **kwargs):
        super().__init__(**_choice_messages(kwargs))


class GovukMultipleChoiceField(forms.MultipleChoiceField):
    """Any answers from a fixed list (checkboxes), with GOV.UK words for an answer that is not on it."""

    def __init__(self, **kwargs):
        super().__init__(**_choice_messages(kwargs))


class _RecordKeys:
    """Refuses a posted key that the database could not look up before any query is made.

    A page offers the keys of the records it lists; anything else (a number too large for the key's column, a word
    where a number goes, a NUL character PostgreSQL cannot read) is an unknown choice. Django looks such keys up with
    `__in`, which the database refuses with an error: a server error for the user, not a message (issue 8).
    """

    def _key_field(self):
        meta = self.queryset.model._meta
        field = meta.get_field(self.to_field_name) if self.to_field_name else meta.pk
        while field.is_relation:
            field = field.target_field
        return field

    def key_is_possible(self, value):
        text = str(value)
        if "\x00" in text:
            return False
        field = self._key_field()
        if not isinstance(field, models.IntegerField):
            return True
        try:
            number = int(text)
        except ValueError:
            return False
        low, high = column_range(field, using=self.queryset.db)
        return (low is None or low <= number) and (high is None or number <= high)

    def refuse_impossible(self, values, code):
        for value in values:
            if not isinstance(value, self.queryset.model) and not self.key_is_possible(value):
                raise ValidationError(self.error_messages[code], code=code)


class GovukModelChoiceField(_RecordKeys, forms.ModelChoiceField):
    """One record from a list, refusing a key the database could not hold before looking it up."""

    def __init__(self, queryset, **kwargs):
        super().__init__(queryset, **_choice_messages(kwargs))

    def to_python(self, value):
        if value not in self.empty_values:
            self.refuse_impossible([value], "invalid_choice")
        return super().to_python(value)


class GovukModelMultipleChoiceField(_RecordKeys, forms.ModelMultipleChoiceField):
    """Any records from a list (checkboxes), refusing keys the database could not hold before looking them up."""

    def __init__(self, queryset, **kwargs):
        super().__init__(queryset, **_choice_messages(kwargs))

    def _check_values(self, value):
        if isinstance(value, list | tuple):
            self.refuse_impossible(value, "invalid_pk_value")
        return super()._check_values(value)


# The historical path: a record entered from a published source (ADR 0016) ------------------------------------------


class SourceForm(forms.Form):
    """The source a record published elsewhere is entered from: the document's name, a link, and the date it gives.

    Nobody types the day they published something in the service; these fields are only for a record that was
    published before the service held it. A source that gives no date says so (`no_date`), and the record is then
    "date not known", never late or on time. Where every such document has a date (`date_required`), there is no
    "no date" box.
    """

    date_required = False
    what = "the record"

    source_title = forms.CharField(
        label="Name of the document it is recorded from",
        help_text="For example, the organisation's published response, or its web page's title",
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
            "invalid": "Enter the link in the correct format, like https://www.example.gov.uk/response",
            "max_length": "The link must be 500 characters or fewer",
        },
    )
    source_on = GovukDateField(
        label="The date the document gives for publication",
        name_in_errors="date the document gives for publication",
        help_text="For example, 26 5 2021",
        required=False,
    )
    no_date = forms.BooleanField(label="The document gives no date", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.date_required:
            del self.fields["no_date"]

    def clean_source_fields(self):
        """Check the source: call from `clean` when the record is being entered from a source."""
        cleaned = self.cleaned_data
        if not (cleaned.get("source_title") or "").strip():
            self.add_error("source_title", f"Enter the name of the document {self.what} is recorded from")
        on, no_date = cleaned.get("source_on"), cleaned.get("no_date", False)
        if "source_on" in self.errors:
            return
        if on is None and not no_date:
            self.add_error(
                "source_on",
                "Enter the date the document gives for publication"
                + ("" if self.date_required else ", or select that it gives no date"),
            )
        elif on is not None and no_date:
            self.add_error("source_on", "Enter the date the document gives, or select that it gives no date, not both")
        elif on is not None and on > timezone.localdate():
            self.add_error("source_on", "The date the document gives for publication must be today or in the past")

    def from_source(self):
        """Whether the record is being entered from a source: always here; a form that offers the choice says."""
        return True

    def clean(self):
        cleaned = super().clean()
        if self.from_source():
            self.clean_source_fields()
        return cleaned

    def source(self):
        """The `core.provenance.Source` typed in: its date is None where the document gives none."""
        data = self.cleaned_data
        return Source(data["source_title"].strip(), on=data.get("source_on"), url=data.get("source_url") or "")
