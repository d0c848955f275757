"""Forms for the designated body's questions and the caseworkers' actions, with GOV.UK error messages.

The services check everything again: these forms only turn what people typed into values, or say how to fix it.
"""

from django import forms

from followthrough.core import files
from followthrough.core.forms import (
    GovukChoiceField,
    GovukModelChoiceField,
    GovukModelMultipleChoiceField,
    GovukMultipleChoiceField,
    VersionedForm,
)
from followthrough.core.uploads import EMPTY
from followthrough.organisations.models import Kind, Organisation

from .eligibility import repeat_kind
from .models import AUTHORITY_CODES, Decision, EvidenceFile, RepeatKind, State, SuperComplaint

# The designated body's questions ---------------------------------------------------------------------------------


class StartForm(forms.Form):
    title = forms.CharField(max_length=255, error_messages={"required": "Enter a title for the super-complaint"})

    def __init__(self, *args, organisations=(), **kwargs):
        super().__init__(*args, **kwargs)
        organisations = list(organisations)
        self.organisations = organisations
        if len(organisations) > 1:
            self.fields["organisation"] = GovukChoiceField(
                label="Which organisation is making the super-complaint?",
                choices=[(o.code, o.name) for o in organisations],
                widget=forms.RadioSelect,
                error_messages={"required": "Select the organisation making the super-complaint"},
            )

    def organisation(self):
        if len(self.organisations) == 1:
            return self.organisations[0]
        return next(o for o in self.organisations if o.code == self.cleaned_data["organisation"])


class TitleForm(forms.Form):
    title = forms.CharField(max_length=255, error_messages={"required": "Enter a title for the super-complaint"})


class FeaturesForm(forms.Form):
    features_of_policing = forms.CharField(
        widget=forms.Textarea, error_messages={"required": "Enter the features of policing the complaint is about"}
    )


class HarmForm(forms.Form):
    public_interest_harm = forms.CharField(
        widget=forms.Textarea,
        error_messages={
            "required": "Explain why the features of policing significantly harm the interests of the public"
        },
    )


class EvidenceForm(forms.Form):
    evidence_description = forms.CharField(widget=forms.Textarea, required=False)


FORCES_ALL, FORCES_CHOSEN = "all", "chosen"


class ForcesForm(forms.Form):
    scope = GovukChoiceField(
        choices=[(FORCES_ALL, "All forces within section 29A"), (FORCES_CHOSEN, "Choose forces")],
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether the complaint is about all forces or the forces you choose"},
    )
    forces = GovukModelMultipleChoiceField(
        queryset=Organisation.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": "Select police forces from the list",
            "invalid_pk_value": "Select police forces from the list",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["forces"].queryset = Organisation.objects.section_29a_forces().order_by("name")
        self.fields["forces"].to_field_name = "code"

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("scope") == FORCES_CHOSEN and not cleaned.get("forces"):
            self.add_error("forces", "Select at least one police force")
        return cleaned


class EvidenceUploadForm(forms.Form):
    file = forms.FileField(
        error_messages={"empty": EMPTY},
        allow_empty_file=True,  # so the check below gives the GOV.UK message for an empty file
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choose = files.rules(EvidenceFile.UPLOAD_USE).choose
        self.fields["file"].error_messages.update(required=choose, invalid=choose)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        self.content_type = files.check(upload, use=EvidenceFile.UPLOAD_USE)
        return upload


class ContactForm(forms.Form):
    contact_name = forms.CharField(
        label="Full name",
        max_length=255,
        error_messages={"required": "Name a person at your organisation we can contact"},
    )
    contact_role = forms.CharField(label="Role (optional)", max_length=255, required=False)
    contact_email = forms.EmailField(
        label="Email address",
        error_messages={
            "required": "Enter an email address for the person we can contact",
            "invalid": "Enter an email address in the correct format, like name@example.com",
        },
    )
    contact_phone = forms.CharField(label="Telephone number (optional)", max_length=50, required=False)


class JointComplainantsForm(forms.Form):
    joint_complainants = GovukModelMultipleChoiceField(
        label="Which other designated bodies are making the super-complaint with you?",
        help_text="Select any that are making it jointly. Their people can see it, change the draft, submit it and "
        "withdraw it, as yours can. Leave them all unselected if you are making it alone.",
        queryset=Organisation.objects.none(),
        to_field_name="code",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Select designated bodies from the list"},
    )

    def __init__(self, *args, complaint, **kwargs):
        super().__init__(*args, **kwargs)
        others = Organisation.objects.filter(kind=Kind.DESIGNATED_BODY).exclude(pk=complaint.designated_body_id)
        self.fields["joint_complainants"].queryset = others.order_by("name")


class SubmitForm(VersionedForm):
    pass


class WithdrawForm(VersionedForm):
    reason = forms.CharField(
        label="Why are you withdrawing the super-complaint?",
        widget=forms.Textarea,
        error_messages={"required": "Enter why you are withdrawing the super-complaint"},
    )


# The caseworkers' actions -----------------------------------------------------------------------------------------


# The caseworkers' actions take effect on the day they are recorded, by the server's clock: nobody types the date
# (ADR 0016). Steps taken before the service held a complaint come in through the historical path, with their source.


class AcknowledgeForm(VersionedForm):
    note = forms.CharField(label="Note (optional)", widget=forms.Textarea, required=False)

    def __init__(self, *args, complaint=None, **kwargs):
        super().__init__(*args, **kwargs)


YES, NO = "yes", "no"


class EligibilityForm(VersionedForm):
    decision = GovukChoiceField(
        label="What did the three authorities decide?",
        choices=[(Decision.ELIGIBLE.value, "Eligible"), (Decision.NOT_ELIGIBLE.value, "Not eligible")],
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether the super-complaint is eligible"},
    )
    reasons = forms.CharField(
        label="Reasons for the decision",
        widget=forms.Textarea,
        error_messages={"required": "Enter the reasons for the decision"},
    )
    agreed_by = GovukMultipleChoiceField(
        label="Which authorities agreed the decision?",
        help_text="The decision is made jointly: all three must agree.",
        choices=[(code, name[0].upper() + name[1:]) for code, name in AUTHORITY_CODES.items()],
        widget=forms.CheckboxSelectMultiple,
        required=False,
        error_messages={
            "invalid_choice": "Select all three authorities: HMICFRS, the IOPC and the College of Policing decide "
            "jointly"
        },
    )
    repeats = GovukModelChoiceField(
        label="Does it merely repeat the substance of an earlier super-complaint? (optional)",
        queryset=SuperComplaint.internal.none(),
        required=False,
        to_field_name="reference",
        empty_label="It does not repeat an earlier super-complaint",
        error_messages={"invalid_choice": "Select a super-complaint from the list"},
    )
    circumstances_materially_changed = GovukChoiceField(
        label="If it repeats one already investigated, has there been a material change of circumstances since?",
        choices=[(YES, "Yes"), (NO, "No")],
        widget=forms.RadioSelect,
        required=False,
        error_messages={
            "invalid_choice": "Select whether circumstances have materially changed since the earlier super-complaint"
        },
    )

    def __init__(self, *args, complaint=None, **kwargs):
        super().__init__(*args, **kwargs)
        earlier = SuperComplaint.internal.submitted().order_by("-received_on", "reference")
        if complaint is not None:
            earlier = earlier.exclude(pk=complaint.pk)
        self.fields["repeats"].queryset = earlier
        self.fields["repeats"].label_from_instance = lambda c: (
            f"{c.reference}: {c.title} ({c.get_state_display().lower()})"
        )

    def clean(self):
        cleaned = super().clean()
        earlier = cleaned.get("repeats")
        # Only a repeat of one already investigated turns on a material change (reg 6(4)); the service checks the rule.
        if (
            earlier is not None
            and repeat_kind(earlier) == RepeatKind.ALREADY_INVESTIGATED
            and not cleaned.get("circumstances_materially_changed")
        ):
            self.add_error(
                "circumstances_materially_changed",
                "Select whether circumstances have materially changed since the earlier super-complaint",
            )
        return cleaned

    def service_arguments(self):
        data = self.cleaned_data
        agreed = set(data["agreed_by"])
        return {
            "decision": data["decision"],
            "reasons": data["reasons"],
            "agreed_by_hmicfrs": "hmicfrs" in agreed,
            "agreed_by_iopc": "iopc" in agreed,
            "agreed_by_college_of_policing": "college-of-policing" in agreed,
            "repeats": data["repeats"],
            "circumstances_materially_changed": data["circumstances_materially_changed"] == YES,
        }


class InvestigationForm(VersionedForm):
    lead_bodies = GovukModelMultipleChoiceField(
        label="Which authorities lead the investigation?",
        queryset=Organisation.objects.none(),
        to_field_name="code",
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Select which of the three authorities lead the investigation"},
    )
    planned_activities = forms.CharField(
        label="Planned activities",
        help_text="For example, fieldwork in forces, surveys, or interviews with victims' organisations.",
        widget=forms.Textarea,
        error_messages={"required": "Enter the activities the investigation plans"},
    )

    def __init__(self, *args, complaint=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lead_bodies"].queryset = Organisation.objects.filter(code__in=AUTHORITY_CODES)


class ProgressReportForm(VersionedForm):
    summary = forms.CharField(
        label="Summary of the progress report",
        widget=forms.Textarea,
        error_messages={"required": "Enter a summary of the progress report"},
    )

    def __init__(self, *args, complaint=None, **kwargs):
        super().__init__(*args, **kwargs)


# The caseworkers' inbox --------------------------------------------------------------------------------------------

SORT_NEXT_DEADLINE, SORT_RECEIVED_NEWEST, SORT_RECEIVED_OLDEST = "next-deadline", "received-newest", "received-oldest"


class InboxForm(forms.Form):
    """Filtering and sorting by GET parameters, so the inbox works without JavaScript and can be bookmarked."""

    state = GovukChoiceField(
        label="State",
        choices=[("", "All states")] + [(s.value, s.label) for s in State if s != State.DRAFT],
        required=False,
    )
    sort = GovukChoiceField(
        label="Sort by",
        choices=[
            (SORT_NEXT_DEADLINE, "Next deadline (soonest first)"),
            (SORT_RECEIVED_NEWEST, "Date received (newest first)"),
            (SORT_RECEIVED_OLDEST, "Date received (oldest first)"),
        ],
        required=False,
    )

    def values(self):
        """The valid filter and sort, falling back to the defaults for anything unrecognised."""
        if self.is_valid():
            return self.cleaned_data["state"], self.cleaned_data["sort"] or SORT_NEXT_DEADLINE
        return "", SORT_NEXT_DEADLINE
