"""The recommendation pages: adding or changing a draft's recommendation, and correcting a published one."""

from django import forms

from followthrough.core.formatting import long_date, plural
from followthrough.core.forms import GovukChoiceField, GovukDateField, GovukModelMultipleChoiceField
from followthrough.organisations.models import AddresseeGroup, Kind, Organisation

from ..models import DueRule, Recommendation

# Who a recommendation can name directly, in the order the form lists them.
ADDRESSEE_KINDS = [
    (Kind.NATIONAL_BODY, "National bodies"),
    (Kind.TERRITORIAL_FORCE, "Territorial police forces"),
    (Kind.OTHER_FORCE, "Other police forces"),
    (Kind.LOCAL_POLICING_BODY, "Local policing bodies"),
    (Kind.OVERSIGHT_BODY, "Bodies overseeing other police forces"),
]

YES_NO = [("yes", "Yes"), ("no", "No")]


class AddresseesFormMixin(forms.Form):
    """Who a recommendation is addressed to: groups resolved on the publication date, and named organisations."""

    groups = GovukModelMultipleChoiceField(
        label="Groups it is addressed to",
        queryset=AddresseeGroup.objects.order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Each group becomes one obligation for every organisation in it on the publication date",
        error_messages={
            "invalid_choice": "Select groups from the list",
            "invalid_pk_value": "Select groups from the list",
        },
    )
    organisations = GovukModelMultipleChoiceField(
        label="Organisations named individually",
        queryset=Organisation.objects.filter(kind__in=[kind for kind, _ in ADDRESSEE_KINDS]).order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": "Select organisations from the list",
            "invalid_pk_value": "Select organisations from the list",
        },
    )
    jointly = GovukChoiceField(
        label="Are the addressees asked to act jointly?",
        choices=YES_NO,
        initial="no",
        widget=forms.RadioSelect,
        help_text="For example, chief constables and police and crime commissioners working together",
        error_messages={"required": "Select yes if the addressees are asked to act jointly"},
    )

    @staticmethod
    def addressee_initial(recommendation):
        """The addressee answers as `recommendation` stands, for a form that changes it."""
        return {
            "groups": [g.pk for g in recommendation.groups.all()],
            "organisations": [o.pk for o in recommendation.organisations.all()],
            "jointly": "yes" if recommendation.jointly else "no",
        }

    def clean(self):
        cleaned = super().clean()
        nobody = not cleaned.get("groups") and not cleaned.get("organisations")
        if nobody and not self.has_error("groups") and not self.has_error("organisations"):
            self.add_error("groups", "Select who it is addressed to")
        if "jointly" in cleaned:
            cleaned["jointly"] = cleaned["jointly"] == "yes"
        return cleaned

    def group_items(self, on):
        """Checkbox items for the groups, each saying how many organisations it means on `on`."""
        selected = {str(v) for v in (self["groups"].value() or [])}
        items = []
        for group in self.fields["groups"].queryset:
            count = group.resolve(on).count()
            items.append(
                {
                    "value": str(group.pk),
                    "text": group.name,
                    "checked": str(group.pk) in selected,
                    "hint": {"text": f"{plural(count, 'organisation')} on {long_date(on)}"},
                }
            )
        return items

    def organisation_fieldsets(self):
        """Checkbox parameters for the named organisations, one set per kind of organisation.

        The first set's ids start with `organisations`, so the error summary's link lands on it.
        """
        selected = {str(v) for v in (self["organisations"].value() or [])}
        by_kind = {kind: [] for kind, _ in ADDRESSEE_KINDS}
        for organisation in self.fields["organisations"].queryset:
            by_kind[organisation.kind].append(organisation)
        fieldsets = []
        for kind, label in ADDRESSEE_KINDS:
            organisations = by_kind[kind]
            if not organisations:
                continue
            items = [{"value": str(o.pk), "text": o.name, "checked": str(o.pk) in selected} for o in organisations]
            chosen = sum(1 for item in items if item["checked"])
            fieldsets.append(
                {
                    "summary": f"{label} ({chosen} selected)" if chosen else label,
                    "open": bool(chosen) or kind == Kind.NATIONAL_BODY,
                    "params": {
                        "idPrefix": "organisations" if not fieldsets else f"organisations-{kind}",
                        "name": "organisations",
                        "classes": "govuk-checkboxes--small",
                        "fieldset": {"legend": {"text": label, "classes": "govuk-visually-hidden"}},
                        "items": items,
                    },
                }
            )
        return fieldsets


class RecommendationForm(AddresseesFormMixin):
    kind = GovukChoiceField(
        label="Is this a recommendation or an action?",
        choices=Recommendation.Kind.choices,
        initial=Recommendation.Kind.RECOMMENDATION.value,
        widget=forms.RadioSelect,
        help_text="Reports give actions to the College of Policing, HMICFRS or the IOPC",
        error_messages={"required": "Select whether this is a recommendation or an action"},
    )
    number = forms.IntegerField(
        label="Number",
        min_value=1,
        max_value=999,
        help_text="As numbered in the report, for example 2 for Recommendation 2",
        error_messages={
            "required": "Enter the number the report gives it",
            "invalid": "The number must be a whole number, like 2",
            "min_value": "The number must be 1 or more",
            "max_value": "The number must be 999 or fewer",
        },
    )
    text = forms.CharField(
        label="Text",
        widget=forms.Textarea,
        help_text="Use the report's own words. Leave a blank line between paragraphs. Start each item of a list with "
        "a dash and a space",
        error_messages={"required": "Enter the text of the recommendation"},
    )
    is_summary = forms.BooleanField(label="This is a summary, not the report's own words", required=False)
    points = forms.CharField(
        label="Points a response must address (optional)",
        widget=forms.Textarea,
        required=False,
        help_text="One point on each line",
    )
    due_rule = GovukChoiceField(
        label="When is it due?",
        choices=DueRule.choices,
        initial=DueRule.NONE.value,
        widget=forms.RadioSelect,
        error_messages={"required": "Select when it is due"},
    )
    due_days = forms.IntegerField(
        label="Number of days",
        required=False,
        min_value=1,
        max_value=3650,
        error_messages={
            "invalid": "The number of days must be a whole number, like 28",
            "min_value": "The number of days must be 1 or more",
            "max_value": "The number of days must be 3650 or fewer",
        },
    )
    due_months = forms.IntegerField(
        label="Number of months",
        required=False,
        min_value=1,
        max_value=120,
        error_messages={
            "invalid": "The number of months must be a whole number, like 6",
            "min_value": "The number of months must be 1 or more",
            "max_value": "The number of months must be 120 or fewer",
        },
    )
    due_date = GovukDateField(label="Date it is due", name_in_errors="date it is due", required=False)

    field_order = ["kind", "number", "text", "is_summary", "points", "groups", "organisations", "jointly", "due_rule"]

    def __init__(self, *args, report, recommendation=None, **kwargs):
        """`recommendation` is the one being changed, if any: it may keep its own number."""
        self.report = report
        self.recommendation = recommendation
        super().__init__(*args, **kwargs)

    @classmethod
    def initial_for(cls, recommendation):
        """The form's answers as `recommendation` stands, for changing it while its report is a draft."""
        rule = recommendation.due_rule
        return {
            "kind": recommendation.kind,
            "number": recommendation.number,
            "text": recommendation.text,
            "is_summary": recommendation.is_summary,
            "points": "\n".join(recommendation.points_list()),
            **cls.addressee_initial(recommendation),
            "due_rule": rule,
            "due_days": recommendation.due_count if rule == DueRule.WITHIN_DAYS else None,
            "due_months": recommendation.due_count if rule == DueRule.WITHIN_MONTHS else None,
            "due_date": recommendation.due_date,
        }

    def clean(self):
        cleaned = super().clean()
        kind, number = cleaned.get("kind"), cleaned.get("number")
        others = self.report.recommendations.all()
        if self.recommendation is not None:
            others = others.exclude(pk=self.recommendation.pk)
        if kind and number and others.filter(kind=kind, number=number).exists():
            label = Recommendation.Kind(kind).label
            self.add_error("number", f"{label} {number} is already in this report. Enter a different number")
        rule = cleaned.get("due_rule")
        cleaned["due_count"] = None
        if rule == DueRule.WITHIN_DAYS:
            if cleaned.get("due_days") is None and not self.has_error("due_days"):
                self.add_error("due_days", "Enter the number of days")
            cleaned["due_count"] = cleaned.get("due_days")
        elif rule == DueRule.WITHIN_MONTHS:
            if cleaned.get("due_months") is None and not self.has_error("due_months"):
                self.add_error("due_months", "Enter the number of months")
            cleaned["due_count"] = cleaned.get("due_months")
        elif rule == DueRule.FIXED_DATE and cleaned.get("due_date") is None and not self.has_error("due_date"):
            self.add_error("due_date", "Enter the date it is due")
        if rule != DueRule.FIXED_DATE:
            cleaned["due_date"] = None
        cleaned["points"] = (cleaned.get("points") or "").splitlines()
        return cleaned

    def service_arguments(self):
        data = self.cleaned_data
        fields = ["kind", "number", "text", "is_summary", "points", "groups", "organisations", "jointly", "due_rule"]
        return {**{name: data[name] for name in fields}, "due_count": data["due_count"], "due_date": data["due_date"]}


class CorrectionForm(AddresseesFormMixin):
    text = forms.CharField(
        label="Text",
        widget=forms.Textarea,
        help_text="Leave a blank line between paragraphs. Start each item of a list with a dash and a space",
        error_messages={"required": "Enter the text of the recommendation"},
    )
    points = forms.CharField(
        label="Points a response must address (optional)",
        widget=forms.Textarea,
        required=False,
        help_text="One point on each line",
    )
    reason = forms.CharField(
        label="Why are you correcting it?",
        widget=forms.Textarea,
        help_text="This is published with the correction, for example “Recommendation 4 was also addressed to "
        "commissioners”",
        error_messages={"required": "Enter why you are correcting the recommendation"},
    )

    field_order = ["text", "points", "groups", "organisations", "jointly", "reason"]

    @classmethod
    def initial_for(cls, recommendation):
        return {
            "text": recommendation.text,
            "points": "\n".join(recommendation.points_list()),
            **cls.addressee_initial(recommendation),
        }

    def clean(self):
        cleaned = super().clean()
        cleaned["points"] = (cleaned.get("points") or "").splitlines()
        return cleaned

    def service_arguments(self):
        data = self.cleaned_data
        return {name: data[name] for name in ["text", "points", "groups", "organisations", "jointly", "reason"]}
