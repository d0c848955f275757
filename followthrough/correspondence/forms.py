"""Forms for recording letters and replies, attaching files, and clearing, publishing or withholding letters."""

from django import forms

from followthrough.core import files
from followthrough.core.forms import (
    GovukChoiceField,
    GovukDateField,
    GovukModelChoiceField,
    GovukModelMultipleChoiceField,
    VersionedForm,
)
from followthrough.core.uploads import EMPTY, size_words
from followthrough.organisations.models import Kind, Organisation
from followthrough.reports.models import Recommendation, Report

from . import redaction
from .models import Letter, ReplyRule

# Who can be a joint sender or another addressee: national bodies, designated bodies and support organisations.
# Forces and local policing bodies write on their own behalf, so they are the main sender or recipient only.
JOINT_KINDS = [Kind.NATIONAL_BODY, Kind.DESIGNATED_BODY, Kind.SUPPORT_ORGANISATION]

YES_NO = [("yes", "Yes"), ("no", "No")]

REDACTION_HINT = (
    "Paste or type the letter as it was sent. Put [[ and ]] around anything that must not be published, such as a "
    "person's email address or telephone number: each marked passage is replaced with [redacted] in the published "
    "text. Leave a blank line between paragraphs."
)


class OrganisationField(GovukModelChoiceField):
    def __init__(self, *, label, what, **kwargs):
        super().__init__(
            label=label,
            queryset=Organisation.objects.order_by("name"),
            empty_label="Select an organisation",
            error_messages={
                "required": f"Select the organisation the letter is {what}",
                "invalid_choice": "Select an organisation from the list",
            },
            **kwargs,
        )


class JointOrganisationsField(GovukModelMultipleChoiceField):
    def __init__(self, *, label, **kwargs):
        super().__init__(
            label=label,
            queryset=Organisation.objects.filter(kind__in=JOINT_KINDS).order_by("name"),
            required=False,
            widget=forms.CheckboxSelectMultiple,
            error_messages={
                "invalid_choice": "Select organisations from the list",
                "invalid_pk_value": "Select organisations from the list",
            },
            **kwargs,
        )


class RecommendationChoiceField(GovukModelMultipleChoiceField):
    def label_from_instance(self, obj):
        first_line = obj.text.strip().splitlines()[0] if obj.text.strip() else ""
        words = first_line if len(first_line) <= 90 else first_line[:87].rstrip() + "…"
        return f"{obj.title}: {words}" if words else obj.title


class LetterForm(forms.Form):
    sent_on = GovukDateField(
        label="Date of the letter",
        name_in_errors="date of the letter",
        help_text="The date written on the letter. For example, 27 10 2021",
    )
    from_organisation = OrganisationField(label="Organisation it is from", what="from")
    from_office_holder = forms.CharField(
        label="Who signed it",
        max_length=300,
        help_text="Their title, and their name if the letter gives it. For example, Chief Constable",
        error_messages={
            "required": "Enter who signed the letter",
            "max_length": "Who signed the letter must be 300 characters or fewer",
        },
    )
    also_from = JointOrganisationsField(
        label="Also from (for a joint letter)",
        help_text="Select any other organisation that wrote the letter jointly",
    )
    to_organisation = OrganisationField(label="Organisation it is to", what="to")
    to_office_holder = forms.CharField(
        label="Who it is addressed to",
        max_length=300,
        help_text="Their title, and their name if the letter gives it. For example, Minister for Safeguarding",
        error_messages={
            "required": "Enter who the letter is addressed to",
            "max_length": "Who the letter is addressed to must be 300 characters or fewer",
        },
    )
    also_to = JointOrganisationsField(
        label="Also to",
        help_text="Select any other organisation the letter is addressed to",
    )
    subject = forms.CharField(
        label="Subject",
        max_length=300,
        help_text="This is published as it is: do not put personal data in it",
        error_messages={
            "required": "Enter the subject of the letter",
            "max_length": "The subject must be 300 characters or fewer",
        },
    )
    body = forms.CharField(
        label="Text of the letter (optional if you will upload the letter as a file)",
        required=False,
        widget=forms.Textarea,
        help_text=REDACTION_HINT,
    )
    report = GovukModelChoiceField(
        label="Report it is about (optional)",
        queryset=Report.casework.order_by("-published_on", "title"),
        required=False,
        empty_label="Not about a report",
        error_messages={"invalid_choice": "Select a report from the list"},
    )
    recommendations = RecommendationChoiceField(
        label="Recommendations and actions it discusses (optional)",
        queryset=Recommendation.casework.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": "Select recommendations from the report the letter is about. If you changed the "
            "report, select its recommendations again",
            "invalid_pk_value": "Select recommendations from the list",
        },
    )
    reply_rule = GovukChoiceField(
        label="When is a reply due?",
        choices=ReplyRule.choices,
        initial=ReplyRule.NONE.value,
        widget=forms.RadioSelect,
        error_messages={"required": "Select when a reply is due"},
    )
    reply_calendar_days = forms.IntegerField(
        label="Number of calendar days",
        required=False,
        min_value=1,
        max_value=365,
        help_text="Counted from the day after the letter's date. Weekends, Christmas Day, Good Friday and bank "
        "holidays count",
        error_messages={
            "invalid": "The number of calendar days must be a whole number, like 14",
            "min_value": "The number of calendar days must be at least 1",
            "max_value": "The number of calendar days must be 365 or fewer",
        },
    )
    reply_working_days = forms.IntegerField(
        label="Number of working days",
        required=False,
        min_value=1,
        max_value=250,
        help_text="Counted from the day after the letter's date, not counting Saturdays, Sundays, Christmas Day, "
        "Good Friday or bank holidays in England and Wales",
        error_messages={
            "invalid": "The number of working days must be a whole number, like 20",
            "min_value": "The number of working days must be at least 1",
            "max_value": "The number of working days must be 250 or fewer",
        },
    )
    reply_by = GovukDateField(
        label="Date a reply is due",
        name_in_errors="date a reply is due",
        required=False,
        help_text="For example, 24 11 2021",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        report = self.selected_report()
        self.fields["recommendations"].queryset = (
            Recommendation.casework.filter(report=report).order_by("-kind", "number")
            if report is not None
            else Recommendation.casework.none()
        )

    @classmethod
    def redisplay(cls, data, **kwargs):
        """The form as posted, not yet checked: used to show a newly chosen report's recommendations."""
        form = cls(**kwargs)
        initial = {}
        for name, field in form.fields.items():
            value = field.widget.value_from_datadict(data, {}, form.add_prefix(name))
            if value not in (None, "", [], ()):
                initial[name] = value
        return cls(initial=initial, **kwargs)

    @classmethod
    def initial_for(cls, letter):
        return {
            "sent_on": letter.sent_on,
            "from_organisation": letter.from_organisation_id,
            "from_office_holder": letter.from_office_holder,
            "also_from": [o.pk for o in letter.also_from.all()],
            "to_organisation": letter.to_organisation_id,
            "to_office_holder": letter.to_office_holder,
            "also_to": [o.pk for o in letter.also_to.all()],
            "subject": letter.subject,
            "body": letter.body,
            "report": letter.report_id,
            "recommendations": [r.pk for r in letter.recommendations.all()],
            "reply_rule": letter.reply_rule,
            "reply_calendar_days": letter.reply_days if letter.reply_rule == ReplyRule.CALENDAR_DAYS else None,
            "reply_working_days": letter.reply_days if letter.reply_rule == ReplyRule.WORKING_DAYS else None,
            "reply_by": letter.reply_by,
        }

    @classmethod
    def initial_for_reply(cls, letter):
        """A reply is from the letter's recipient to its sender, about the same things."""
        return {
            "from_organisation": letter.to_organisation_id,
            "from_office_holder": letter.to_office_holder,
            "also_from": [o.pk for o in letter.also_to.all()],
            "to_organisation": letter.from_organisation_id,
            "to_office_holder": letter.from_office_holder,
            "also_to": [o.pk for o in letter.also_from.all()],
            "subject": letter.subject,
            "report": letter.report_id,
            "recommendations": [r.pk for r in letter.recommendations.all()],
            "reply_rule": ReplyRule.NONE.value,
        }

    def selected_report(self):
        """The report whose recommendations the form offers: as posted, or as first shown."""
        value = self.data.get(self.add_prefix("report")) if self.is_bound else self.initial.get("report")
        value = getattr(value, "pk", value)
        try:
            return Report.casework.filter(pk=int(value)).first() if value not in (None, "") else None
        except (TypeError, ValueError):
            return None

    def clean_body(self):
        body = self.cleaned_data.get("body") or ""
        problems = redaction.problems(body)
        if problems:
            raise forms.ValidationError(problems[0])
        return body

    def clean(self):
        cleaned = super().clean()
        rule = cleaned.get("reply_rule")
        needed = {
            ReplyRule.CALENDAR_DAYS: ("reply_calendar_days", "Enter how many calendar days the recipient has to reply"),
            ReplyRule.WORKING_DAYS: ("reply_working_days", "Enter how many working days the recipient has to reply"),
            ReplyRule.FIXED_DATE: ("reply_by", "Enter the date a reply is due"),
        }
        if rule in needed:
            field, message = needed[rule]
            if cleaned.get(field) is None and field not in self.errors:
                self.add_error(field, message)
        for joint, main in (("also_from", "from_organisation"), ("also_to", "to_organisation")):
            if cleaned.get(main) is not None and cleaned.get(main) in (cleaned.get(joint) or []):
                self.add_error(joint, f"Do not select {cleaned[main].name} again: it is already chosen above")
        return cleaned

    def service_arguments(self):
        data = dict(self.cleaned_data)
        rule = data["reply_rule"]
        calendar_days = data.pop("reply_calendar_days")
        working_days = data.pop("reply_working_days")
        data["reply_days"] = {ReplyRule.CALENDAR_DAYS: calendar_days, ReplyRule.WORKING_DAYS: working_days}.get(rule)
        if rule != ReplyRule.FIXED_DATE:
            data["reply_by"] = None
        data["also_from"] = list(data["also_from"])
        data["also_to"] = list(data["also_to"])
        data["recommendations"] = list(data["recommendations"])
        return data


class FileForm(forms.Form):
    file = forms.FileField(label="Upload the letter", error_messages={"empty": EMPTY})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        rules = files.rules(Letter.UPLOAD_USE)
        field = self.fields["file"]
        field.help_text = (
            f"A PDF, Word document, OpenDocument text, PNG or JPEG, smaller than {size_words(rules.max_bytes)}"
        )
        field.error_messages.update(required=rules.choose, invalid=rules.choose)

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        files.check(upload, use=Letter.UPLOAD_USE)  # raises the GOV.UK message for a file of the wrong type or size
        return upload


class ClearForm(VersionedForm):
    # Carries the version of the letter the page showed; a post without it is still checked under the row lock.
    version_required = False
    PUBLISH, CLEAR, WITHHOLD = "publish", "clear", "withhold"

    decision = GovukChoiceField(
        label="What do you want to do?",
        choices=[
            (PUBLISH, "Clear it and publish it now"),
            (CLEAR, "Clear it, to be published later"),
            (WITHHOLD, "Withhold it"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether to publish the letter or withhold it"},
    )
    publish_file = GovukChoiceField(
        label="Publish the file as well?",
        choices=YES_NO,
        widget=forms.RadioSelect,
        required=False,
        help_text="Only if you have checked it holds no personal data. Redactions in the text do not change the file",
        error_messages={"invalid_choice": "Select whether to publish the file as well"},
    )
    reason = forms.CharField(
        label="Why is it being withheld?",
        required=False,
        widget=forms.Textarea,
        help_text="This is published with the letter's date, sender, recipient and subject",
    )

    def __init__(self, *args, has_file=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.has_file = has_file
        if not has_file:
            del self.fields["publish_file"]

    def clean(self):
        cleaned = super().clean()
        decision = cleaned.get("decision")
        if decision == self.WITHHOLD and not (cleaned.get("reason") or "").strip():
            self.add_error("reason", "Enter why the letter is being withheld")
        if self.has_file and decision in (self.PUBLISH, self.CLEAR) and not cleaned.get("publish_file"):
            self.add_error("publish_file", "Select whether to publish the file as well")
        return cleaned


class WithholdForm(VersionedForm):
    version_required = False
    reason = forms.CharField(
        label="Why is it being withheld?",
        widget=forms.Textarea,
        help_text="This is published with the letter's date, sender, recipient and subject",
        error_messages={"required": "Enter why the letter is being withheld"},
    )


class PublishForm(VersionedForm):
    """Publishing a cleared letter asks nothing more: the form only carries the request, and the version of the letter
    the page showed."""

    version_required = False
