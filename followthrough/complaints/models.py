"""Super-complaints and their lifecycle, from a designated body's draft to the published report.

The workflow is declared once, in `workflow.TRANSITIONS`, on the service's one `core.workflow.Workflow`: which action
moves a complaint from which states to which, and who may take it. The service functions are the only code that
changes a complaint's state, through `Workflow.take`; each step writes an immutable ComplaintEvent, which is the
timeline people see.

A complaint may be made jointly by several designated bodies (ADR 0017): `designated_body` is the one that started
the draft, `joint_complainants` the others, and every one of them is a complainant (`complainants`).

A super-complaint can be published once the three authorities have decided whether it is eligible. Before that it
is private to the designated body and the inspectorate, so there is no default `objects` manager: queries say who
they are for, through `SuperComplaint.public` or `SuperComplaint.internal`.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.text import get_text_list

from followthrough.calendar.models import StoredDeadline
from followthrough.core.files import private_storage
from followthrough.core.history import AppendOnlyQuerySet, HistoryEntry
from followthrough.core.provenance import SourceNamed
from followthrough.organisations.models import FORCE_KINDS, Kind, Organisation, Role


class State(models.TextChoices):
    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Received"
    ACKNOWLEDGED = "acknowledged", "Acknowledged"
    ELIGIBLE = "eligible", "Eligible"
    NOT_ELIGIBLE = "not-eligible", "Not eligible"
    REPORT_PUBLISHED = "report-published", "Report published"
    WITHDRAWN = "withdrawn", "Withdrawn"


class Decision(models.TextChoices):
    ELIGIBLE = "eligible", "Eligible"
    NOT_ELIGIBLE = "not-eligible", "Not eligible"


class Action(models.TextChoices):
    SUBMIT = "submit", "Submit"
    ACKNOWLEDGE = "acknowledge", "Acknowledge"
    DECIDE_ELIGIBILITY = "decide-eligibility", "Record the eligibility decision"
    RECORD_INVESTIGATION = "record-investigation", "Record the investigation"
    RECORD_PROGRESS_REPORT = "record-progress-report", "Record a progress report"
    RECORD_REPORT_PUBLISHED = "record-report-published", "Record the published report"
    WITHDRAW = "withdraw", "Withdraw"


class RepeatKind(models.TextChoices):
    """What an earlier super-complaint that this one repeats was when the decision was made (reg 6(3) and (4))."""

    BEING_INVESTIGATED = "being-investigated", "Being investigated"
    ALREADY_INVESTIGATED = "already-investigated", "Already investigated"
    NOT_INVESTIGATED = "not-investigated", "Not investigated"


# States in which the public may see a complaint: the three authorities have decided on its eligibility.
DECIDED_STATES = (State.ELIGIBLE, State.NOT_ELIGIBLE, State.REPORT_PUBLISHED, State.WITHDRAWN)

# States a complaint reaches only once acknowledged (workflow.TRANSITIONS).
ACKNOWLEDGED_STATES = (State.ACKNOWLEDGED, State.ELIGIBLE, State.NOT_ELIGIBLE, State.REPORT_PUBLISHED)

# The three decision-making authorities (reg 6), by organisation code.
AUTHORITY_CODES = {"hmicfrs": "HMICFRS", "iopc": "the IOPC", "college-of-policing": "the College of Policing"}


class SuperComplaintQuerySet(models.QuerySet):
    def for_designated_body_user(self, user):
        """Complaints the organisations the user acts for as a designated body user made, alone or jointly; nothing
        for anyone else."""
        if not user.is_authenticated:
            return self.none()
        theirs = Organisation.objects.where_user_holds(user, Role.DESIGNATED_BODY_USER).values("pk")
        return self.filter(Q(designated_body__in=theirs) | Q(joint_complainants__in=theirs)).distinct()

    def submitted(self):
        """Everything the inspectorate has received: drafts stay with the designated body."""
        return self.exclude(state=State.DRAFT)

    def drafts(self):
        return self.filter(state=State.DRAFT)

    def decided(self):
        return self.filter(eligibility_decision__in=Decision.values, state__in=DECIDED_STATES)

    def in_state(self, state):
        return self.filter(state=state)

    def with_clocks(self):
        return self.select_related(
            "designated_body", "acknowledgement_deadline", "next_progress_report"
        ).prefetch_related("joint_complainants")

    def with_next_deadline(self):
        """Annotate `next_due`: the soonest open statutory or service deadline, or None."""
        acknowledgement = models.Case(
            models.When(acknowledgement_deadline__is_open=True, then=F("acknowledgement_deadline__due"))
        )
        progress = models.Case(models.When(next_progress_report__is_open=True, then=F("next_progress_report__due")))
        # Only one of the two is open at a time: acknowledgement closes before an eligibility decision starts the
        # progress-report clock. Coalesce keeps SQLite and PostgreSQL in step (their LEAST treats NULL differently).
        return self.annotate(next_due=Coalesce(acknowledgement, progress))


class PublicSuperComplaintManager(models.Manager.from_queryset(SuperComplaintQuerySet)):
    """What anyone may read: complaints on which an eligibility decision has been made."""

    def get_queryset(self):
        return super().get_queryset().decided()


class InternalSuperComplaintManager(models.Manager.from_queryset(SuperComplaintQuerySet)):
    """Every complaint, drafts included. Views must scope it to the user (`for_designated_body_user`, `submitted`)."""


class SuperComplaint(models.Model):
    reference = models.CharField(
        max_length=20, unique=True, null=True, blank=True, help_text="Given on submission, like SC-2026-0001."
    )
    designated_body = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="super_complaints",
        limit_choices_to={"kind": Kind.DESIGNATED_BODY},
        help_text="The designated body that started the draft: the lead complainant.",
    )
    joint_complainants = models.ManyToManyField(
        Organisation,
        blank=True,
        related_name="joint_super_complaints",
        limit_choices_to={"kind": Kind.DESIGNATED_BODY},
        help_text="Other designated bodies making the complaint jointly: complainants as much as the lead.",
    )
    state = models.CharField(max_length=20, choices=State.choices, default=State.DRAFT, db_index=True)
    version = models.PositiveIntegerField(default=1, help_text="Goes up by one with every change (optimistic lock).")
    changed_at = models.DateTimeField(default=timezone.now)

    # What regulation 4 asks a complaint to contain.
    title = models.CharField(max_length=255, blank=True)
    features_of_policing = models.TextField(blank=True)
    all_section_29a_forces = models.BooleanField(
        default=False, help_text="About all forces within section 29A, rather than the forces chosen."
    )
    forces = models.ManyToManyField(
        Organisation,
        blank=True,
        related_name="super_complaints_about",
        limit_choices_to={"kind__in": FORCE_KINDS},
    )
    public_interest_harm = models.TextField(blank=True, help_text="Why it significantly harms the public interest.")
    evidence_description = models.TextField(blank=True)
    contact_name = models.CharField(max_length=255, blank=True)
    contact_email = models.EmailField(blank=True)
    contact_phone = models.CharField(max_length=50, blank=True)
    contact_role = models.CharField(max_length=255, blank=True)

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    # Receipt and acknowledgement (reg 5).
    received_on = models.DateField(null=True, blank=True)
    acknowledgement_deadline = models.ForeignKey(
        StoredDeadline, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    acknowledged_on = models.DateField(null=True, blank=True)

    # Eligibility (reg 6). The three authorities decide jointly.
    eligibility_decision = models.CharField(max_length=20, choices=Decision.choices, blank=True)
    eligibility_decided_on = models.DateField(
        null=True, blank=True, help_text="Empty with a decision recorded means the date is not known."
    )
    eligibility_reasons = models.TextField(blank=True)
    agreed_by_hmicfrs = models.BooleanField(default=False)
    agreed_by_iopc = models.BooleanField(default=False)
    agreed_by_college_of_policing = models.BooleanField(default=False)
    repeats = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="repeated_by")
    repeat_kind = models.CharField(
        max_length=30,
        choices=RepeatKind.choices,
        blank=True,
        help_text="What the complaint it repeats was when the decision was made: which rule of reg 6 applied.",
    )
    circumstances_materially_changed = models.BooleanField(default=False)

    # Investigation and progress reports (reg 7).
    investigation_leads = models.ManyToManyField(Organisation, blank=True, related_name="super_complaints_leading")
    investigation_plan = models.TextField(blank=True, help_text="Planned activities.")
    investigation_recorded_on = models.DateField(null=True, blank=True)
    next_progress_report = models.ForeignKey(
        StoredDeadline, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    report_published_on = models.DateField(null=True, blank=True)
    withdrawn_on = models.DateField(null=True, blank=True)
    withdrawal_reason = models.TextField(blank=True)

    internal = InternalSuperComplaintManager()
    public = PublicSuperComplaintManager()

    class Meta:
        default_manager_name = "internal"
        base_manager_name = "internal"
        ordering = ["-received_on", "-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(state=State.DRAFT) | Q(reference__isnull=False, received_on__isnull=False),
                name="super_complaint_submitted_has_reference",
            ),
            models.CheckConstraint(condition=Q(version__gte=1), name="super_complaint_version_positive"),
        ]

    def __str__(self):
        if self.reference:
            return f"{self.reference}: {self.title}"
        return f"Draft: {self.title or 'untitled'}"

    @property
    def is_draft(self):
        return self.state == State.DRAFT

    @property
    def is_acknowledged(self):
        """Acknowledged, whether or not the date is known (a complaint entered from a source may not give it)."""
        return self.acknowledged_on is not None or self.state in ACKNOWLEDGED_STATES

    @property
    def name(self):
        """How the complaint is called in messages: its reference, or "this draft"."""
        return self.reference or "this draft"

    @property
    def complainants(self):
        """Every designated body making the complaint: the lead first, then the joint complainants by name."""
        joint = sorted(self.joint_complainants.all(), key=lambda body: body.name) if self.pk else []
        return [self.designated_body, *joint]

    @property
    def complainants_text(self):
        """ "Liberty and Southall Black Sisters"."""
        return get_text_list([organisation.name for organisation in self.complainants], "and")


class ReferenceSequence(models.Model):
    """The last reference number given in a year: SC-2026-0001, SC-2026-0002 …"""

    year = models.PositiveIntegerField(unique=True)
    last_number = models.PositiveIntegerField(default=0)

    def __str__(self):
        return f"{self.year}: {self.last_number}"


class EvidenceFile(models.Model):
    UPLOAD_USE = "complaint-evidence"  # its upload rules in settings.UPLOAD_RULES, and its folder in the store

    complaint = models.ForeignKey(SuperComplaint, on_delete=models.PROTECT, related_name="evidence_files")
    original_name = models.CharField(max_length=255)
    # Named by the private store (core.files.store): a random name on disk, the original kept in `original_name`.
    file = models.FileField(storage=private_storage, max_length=255)
    content_type = models.CharField(max_length=255, help_text="Detected from the file's content, not its name.")
    size = models.PositiveBigIntegerField()
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["uploaded_at", "pk"]

    def __str__(self):
        return self.original_name


class ComplaintEventQuerySet(AppendOnlyQuerySet):
    def state_changes_into(self, states):
        """Events that moved a complaint into one of `states` (not the ones that kept it where it was)."""
        return self.filter(to_state__in=states).exclude(from_state=F("to_state"))


class ComplaintEvent(HistoryEntry, SourceNamed):
    """One step in a complaint's history, as it happened. Rows are never changed or deleted."""

    complaint = models.ForeignKey(SuperComplaint, on_delete=models.PROTECT, related_name="events")
    action = models.CharField(max_length=30, choices=Action.choices)
    on = models.DateField(null=True, blank=True, help_text="The date the step took effect. Empty if not known.")
    from_state = models.CharField(max_length=20, choices=State.choices)
    to_state = models.CharField(max_length=20, choices=State.choices)
    title = models.CharField(max_length=255)
    note = models.TextField(blank=True)

    objects = ComplaintEventQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-pk"]

    def __str__(self):
        return f"{self.title} ({self.at:%Y-%m-%d})"


class ProgressReport(models.Model):
    """A progress report sent to the designated body during the investigation (reg 7)."""

    complaint = models.ForeignKey(SuperComplaint, on_delete=models.PROTECT, related_name="progress_reports")
    sent_on = models.DateField()
    summary = models.TextField()
    sent_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["sent_on", "pk"]

    def __str__(self):
        return f"Progress report on {self.complaint.reference}, {self.sent_on}"
