"""A service's refusal is shown on the form, so the GOV.UK error summary lists it."""

from django import forms
from django.core.exceptions import ValidationError

from followthrough.core.forms import add_service_errors


class NameForm(forms.Form):
    name = forms.CharField(required=False)
    reason = forms.CharField(required=False)


def _form():
    form = NameForm({"name": "", "reason": ""})
    assert form.is_valid()
    return form


def test_an_error_about_a_field_goes_beside_that_field():
    form = _form()
    add_service_errors(form, ValidationError({"name": "Enter a name"}))
    assert form.errors == {"name": ["Enter a name"]}


def test_an_error_about_a_field_the_form_does_not_have_goes_at_the_top():
    form = _form()
    add_service_errors(form, ValidationError({"number": "That number is taken"}))
    assert form.non_field_errors() == ["That number is taken"]


def test_an_alias_maps_the_services_field_to_the_forms():
    form = _form()
    add_service_errors(form, ValidationError({"acceptance_reason": "Explain why"}), {"acceptance_reason": "reason"})
    assert form.errors == {"reason": ["Explain why"]}


def test_a_refusal_about_no_field_and_a_workflow_error_go_at_the_top():
    class IllegalTransition(Exception):
        message = "This complaint has already been acknowledged"

    form = _form()
    add_service_errors(form, ValidationError("The report has not been published"))
    add_service_errors(form, IllegalTransition())
    assert form.non_field_errors() == [
        "The report has not been published",
        "This complaint has already been acknowledged",
    ]
