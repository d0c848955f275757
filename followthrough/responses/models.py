"""What each organisation says and does about each recommendation addressed to it (ADR 0008).

An `Obligation` (reports app) is one organisation's duty on one recommendation. Here hang:

- its **response**, kept as numbered `ResponseVersion`s: the first answer, then one version per correction after
  publication, so earlier wording stays visible. Each version goes draft → submitted → approved → published;
- its **progress returns**, one per cycle (six-monthly by default), each with a claimed implementation status;
- the inspectorate's **assessments** of a claim of "implemented": the second key, with its own author and date;
- `OverdueRecord`s the daily sweep writes when something falls due with nothing published.

National bodies' roll-ups are `Collation`s. Published rows are never changed: the services refuse, and `save()`
refuses too. There is no `objects` manager on anything publishable: every query says whether it is public.
"""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone

from followthrough.core.files import private_storage
from followthrough.core.history import AppendOnlyModel, HistoryEntry
from followthrough.core.provenance import Sourced
from followthrough.core.workflow import WorkflowRecord
from followthrough.reports.models import State as ReportState


class State(models.TextChoices):
    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Waiting for sign-off"
    APPROVED = "approved", "Approved, not yet published"
    PUBLISHED = "published", "Published"


class Acceptance(models.TextChoices):
    ACCEPTED = "accepted", "Accepted"
    PARTIALLY_ACCEPTED = "partially-accepted", "Partially accepted"
    NOT_ACCEPTED = "not-accepted", "Not accepted"


class Implementation(models.TextChoices):
    NOT_STARTED = "not-started", "Not started"
    IN_PROGRESS = "in-progress", "In progress"
    IMPLEMENTED = "implemented", "Implemented (claimed)"
    NOT_ACCEPTED = "not-accepted", "Not accepted"
    SUPERSEDED = "superseded", "Superseded"


class Outcome(models.TextChoices):
    COMPLETE = "complete", "Assessed complete"
    NOT_COMPLETE = "not-complete", "Assessed not complete"
    SUPERSEDED = "superseded", "Assessed superseded"
    REOPENED = "reopened", "Assessment reopened"


def refuse_change_once_published(record):
    """A published record is what the public has read: it is never changed. Corrections are new versions."""
    if record.pk is not None:
        stored = type(record)._base_manager.filter(pk=record.pk).values_list("state", flat=True).first()
        if stored == State.PUBLISHED:
            raise ValidationError("A published record cannot be changed. Publish a new version instead.")


class Signed(WorkflowRecord, Sourced):
    """The sign-off trail shared by response versions and progress returns (ADR 0008, ADR 0016)."""

    state = models.CharField(max_length=20, choices=State.choices, default=State.DRAFT, db_index=True)
    is_example = models.BooleanField(
        default=False, help_text="Made up to show how the service works. Every page showing it says so."
    )
    drafted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    drafted_at = models.DateTimeField(default=timezone.now)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    self_approved = models.BooleanField(
        default=False, help_text="Approved by someone who wrote or changed it, as the organisation allows. Shown."
    )
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    published_at = models.DateTimeField(null=True, blank=True, help_text="When it was published here: server time.")
    published_on = models.DateField(
        null=True,
        blank=True,
        help_text="The date it was published: today's when published here, or its source's (empty: not known).",
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        refuse_change_once_published(self)
        super().save(*args, **kwargs)

    @property
    def is_published(self):
        return self.state == State.PUBLISHED


# Responses -----------------------------------------------------------------------------------------------------------


class Response(models.Model):
    """An organisation's response to one recommendation: the thread its versions hang on."""

    obligation = models.OneToOneField("reports.Obligation", on_delete=models.PROTECT, related_name="response")
    created_at = models.DateTimeField(default=timezone.now)

    objects = models.Manager()

    def __str__(self):
        return f"Response: {self.obligation}"

    def latest_published(self):
        return self.versions.filter(state=State.PUBLISHED).order_by("-number").first()

    def working_version(self):
        """The version being drafted or signed off, if any: there is at most one."""
        return self.versions.exclude(state=State.PUBLISHED).first()


class VersionQuerySet(models.QuerySet):
    def published(self):
        return self.filter(
            state=State.PUBLISHED, response__obligation__recommendation__report__state=ReportState.PUBLISHED
        )


class PublicVersionManager(models.Manager.from_queryset(VersionQuerySet)):
    def get_queryset(self):
        return super().get_queryset().published()


class ResponseVersion(Signed):
    response = models.ForeignKey(Response, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveSmallIntegerField()
    acceptance = models.CharField(max_length=20, choices=Acceptance.choices, blank=True)
    acceptance_reason = models.TextField(
        blank=True, help_text="Why the recommendation is not fully accepted. Required unless it is accepted."
    )
    done = models.TextField(blank=True, help_text="What has been done.")
    change_note = models.TextField(blank=True, help_text="For a correction: what changed and why.")

    public = PublicVersionManager()
    casework = VersionQuerySet.as_manager()

    class Meta:
        ordering = ["response", "number"]
        default_manager_name = "casework"
        constraints = [
            models.UniqueConstraint(fields=["response", "number"], name="response_version_unique"),
            # Only one version is ever being worked on; earlier ones are published.
            models.UniqueConstraint(
                fields=["response"], condition=~Q(state="published"), name="response_one_working_version"
            ),
        ]

    def __str__(self):
        return f"{self.response}, version {self.number}"

    @property
    def obligation(self):
        return self.response.obligation

    def readiness_errors(self):
        """What must be filled in before the version can be sent for sign-off, by field."""
        errors = {}
        if not self.acceptance:
            errors["acceptance"] = "Select whether the recommendation is accepted"
        elif self.acceptance != Acceptance.ACCEPTED and not self.acceptance_reason.strip():
            errors["acceptance_reason"] = "Explain why the recommendation is not fully accepted"
        if not self.done.strip() and not self.actions.exists():
            errors["done"] = "Say what has been done, or add what will be done"
        if self.number > 1 and not self.change_note.strip():
            errors["change_note"] = "Say what has changed since the last published version, and why"
        # Every point the recommendation asks to be answered has an answer, or the reason it is not addressed.
        for number, answer in enumerate(self.point_answers.order_by("position"), start=1):
            if answer.answer.strip():
                continue
            if answer.addressed:
                errors[f"point_{answer.position}"] = f"Answer point {number}, or say why it is not addressed"
            else:
                errors[f"point_{answer.position}"] = f"Say why point {number} is not addressed"
        return errors


class PlannedAction(models.Model):
    """Something the organisation will do, with who owns it and by when.

    `key` stays the same across versions, so a moved target date can be shown as "original → revised (reason)".
    """

    version = models.ForeignKey(ResponseVersion, on_delete=models.CASCADE, related_name="actions")
    key = models.UUIDField(default=uuid.uuid4)
    position = models.PositiveSmallIntegerField()
    description = models.TextField()
    owner_role = models.CharField(max_length=200, help_text="The role responsible, not a person's name.")
    target_date = models.DateField()
    original_target_date = models.DateField(
        null=True, blank=True, help_text="The target date first published, if it has since moved."
    )
    revision_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["version", "position"]
        constraints = [models.UniqueConstraint(fields=["version", "key"], name="planned_action_key_unique")]

    def __str__(self):
        return self.description[:80]

    @property
    def is_revised(self):
        return self.original_target_date is not None and self.original_target_date != self.target_date


class PointAnswer(models.Model):
    """The answer to one of the specific points the recommendation asks a response to address.

    The point's words are copied, so the answer still reads correctly if the recommendation is later corrected.
    """

    version = models.ForeignKey(ResponseVersion, on_delete=models.CASCADE, related_name="point_answers")
    position = models.PositiveSmallIntegerField()
    point_text = models.TextField()
    answer = models.TextField(blank=True)
    addressed = models.BooleanField(default=True)

    class Meta:
        ordering = ["version", "position"]
        constraints = [models.UniqueConstraint(fields=["version", "position"], name="point_answer_position_unique")]

    def __str__(self):
        return self.point_text[:80]


class Evidence(models.Model):
    """A file or link supporting a response version or a progress return."""

    UPLOAD_USE = "response-evidence"  # its upload rules in settings.UPLOAD_RULES, and its folder in the store

    version = models.ForeignKey(
        ResponseVersion, null=True, blank=True, on_delete=models.CASCADE, related_name="evidence"
    )
    progress_return = models.ForeignKey(
        "ProgressReturn", null=True, blank=True, on_delete=models.CASCADE, related_name="evidence"
    )
    title = models.CharField(max_length=255)
    url = models.URLField(max_length=500, blank=True)
    # Named by the private store (core.files.store): a random name on disk, the uploaded name kept in `original_name`.
    file = models.FileField(storage=private_storage, max_length=255, blank=True)
    original_name = models.CharField(max_length=255, blank=True)
    content_type = models.CharField(max_length=120, blank=True)
    size = models.PositiveIntegerField(null=True, blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["added_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(version__isnull=False, progress_return__isnull=True)
                | Q(version__isnull=True, progress_return__isnull=False),
                name="evidence_belongs_to_one_record",
            ),
            models.CheckConstraint(condition=~Q(url="") | ~Q(file=""), name="evidence_is_a_file_or_a_link"),
        ]

    def __str__(self):
        return self.title

    @property
    def owner(self):
        return self.version or self.progress_return


# Progress returns ----------------------------------------------------------------------------------------------------


class ReturnQuerySet(models.QuerySet):
    def published(self):
        return self.filter(state=State.PUBLISHED, obligation__recommendation__report__state=ReportState.PUBLISHED)

    def missed(self):
        return self.filter(no_update_recorded_on__isnull=False)

    def claims(self):
        return self.filter(status=Implementation.IMPLEMENTED)


class PublicReturnManager(models.Manager.from_queryset(ReturnQuerySet)):
    """Published returns, and the public fact that a return fell due with nothing received."""

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .filter(obligation__recommendation__report__state=ReportState.PUBLISHED)
            .filter(Q(state=State.PUBLISHED) | Q(no_update_recorded_on__isnull=False))
        )


class ProgressReturn(Signed):
    """One cycle's report of progress on an obligation. The row exists from when the cycle is set up, so a return
    that is never sent can still be shown, publicly, as "No update received"."""

    obligation = models.ForeignKey("reports.Obligation", on_delete=models.PROTECT, related_name="progress_returns")
    number = models.PositiveSmallIntegerField()
    # Month periods do not depend on bank holidays, so the date and its explanation are stored here directly.
    due_on = models.DateField(db_index=True)
    due_explanation = models.TextField()
    status = models.CharField(max_length=20, choices=Implementation.choices, blank=True)
    narrative = models.TextField(blank=True)
    no_update_recorded_on = models.DateField(
        null=True, blank=True, help_text="The day the sweep found the return due with nothing published."
    )

    public = PublicReturnManager()
    casework = ReturnQuerySet.as_manager()

    class Meta:
        ordering = ["obligation", "number"]
        default_manager_name = "casework"
        constraints = [
            models.UniqueConstraint(fields=["obligation", "number"], name="progress_return_one_per_cycle"),
            models.CheckConstraint(condition=Q(number__gte=1), name="progress_return_number_positive"),
        ]

    def __str__(self):
        return f"Progress return {self.number}: {self.obligation}"

    @property
    def is_late(self):
        """Published after it was due. A return whose source gives no date is neither late nor on time."""
        return bool(self.is_published and self.published_on and self.published_on > self.due_on)

    def readiness_errors(self):
        errors = {}
        if not self.status:
            errors["status"] = "Select how far the recommendation has been implemented"
        if not self.narrative.strip():
            errors["narrative"] = "Describe the progress made since the last return"
        return errors

    def current_assessment(self):
        return self.assessments.order_by("-at", "-pk").first()


class Assessment(AppendOnlyModel):
    """The inspectorate's check of a claim of "implemented": the second key. Rows are never changed.

    The current assessment is the latest row; reopening adds a row with outcome "reopened" and the reason.
    """

    progress_return = models.ForeignKey(ProgressReturn, on_delete=models.PROTECT, related_name="assessments")
    outcome = models.CharField(max_length=20, choices=Outcome.choices)
    reasons = models.TextField(blank=True)
    assessed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    assessed_by_label = models.CharField(max_length=255)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["progress_return", "at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(outcome="complete") | ~Q(reasons=""), name="assessment_reasons_unless_complete"
            )
        ]

    def __str__(self):
        return f"{self.get_outcome_display()}: {self.progress_return}"


# National collation --------------------------------------------------------------------------------------------------


class CollationQuerySet(models.QuerySet):
    def published(self):
        return self.filter(state=State.PUBLISHED, recommendation__report__state=ReportState.PUBLISHED)

    def working(self):
        return self.exclude(state=State.PUBLISHED)


class PublicCollationManager(models.Manager.from_queryset(CollationQuerySet)):
    def get_queryset(self):
        return super().get_queryset().published()


class Collation(WorkflowRecord, Sourced):
    """A national body's collated response on a recommendation, for the bodies it collates (NPCC, APCC).

    Drafted, approved by another collator and published like a response (ADR 0016). Its figures are worked out by the
    service when it is published and kept as they stood then.
    """

    recommendation = models.ForeignKey("reports.Recommendation", on_delete=models.PROTECT, related_name="collations")
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT, related_name="collations")
    state = models.CharField(max_length=20, choices=State.choices, default=State.DRAFT, db_index=True)
    text = models.TextField()
    figures = models.JSONField(default=dict, blank=True, help_text="The roll-up as it stood when it was published.")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    self_approved = models.BooleanField(
        default=False, help_text="Approved by someone who wrote it, as the organisation allows. Shown publicly."
    )
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    published_at = models.DateTimeField(null=True, blank=True)
    published_on = models.DateField(null=True, blank=True)
    is_example = models.BooleanField(default=False)

    public = PublicCollationManager()
    casework = CollationQuerySet.as_manager()

    class Meta:
        ordering = ["recommendation", "organisation", "-created_at"]
        default_manager_name = "casework"
        constraints = [
            # One national response is worked on at a time; earlier ones are published.
            models.UniqueConstraint(
                fields=["recommendation", "organisation"],
                condition=~Q(state="published"),
                name="collation_one_working",
            ),
        ]

    def __str__(self):
        return f"{self.organisation} collation on {self.recommendation}"

    def save(self, *args, **kwargs):
        refuse_change_once_published(self)
        super().save(*args, **kwargs)

    @property
    def drafted_by_id(self):
        """Who wrote it, as four eyes reads it."""
        return self.created_by_id

    @property
    def is_published(self):
        return self.state == State.PUBLISHED

    def readiness_errors(self):
        return {} if self.text.strip() else {"text": "Enter the collated response"}


# History and overdue marks -------------------------------------------------------------------------------------------


class Event(HistoryEntry):
    """A step in an obligation's history: drafted, submitted, approved, published, assessed. Never changed."""

    obligation = models.ForeignKey("reports.Obligation", on_delete=models.PROTECT, related_name="response_events")
    title = models.CharField(max_length=255)
    note = models.TextField(blank=True)
    is_public = models.BooleanField(default=False)

    class Meta:
        ordering = ["-at", "-pk"]

    def __str__(self):
        return self.title


class OverdueRecord(models.Model):
    """The sweep found something due with nothing published. One row per thing per due date: the sweep's memory."""

    class What(models.TextChoices):
        RESPONSE = "response", "Response"
        RECOMMENDATION = "recommendation", "Recommendation"
        PROGRESS_RETURN = "progress-return", "Progress return"

    obligation = models.ForeignKey("reports.Obligation", on_delete=models.PROTECT, related_name="overdue_records")
    what = models.CharField(max_length=20, choices=What.choices)
    due_on = models.DateField()
    recorded_on = models.DateField()

    class Meta:
        ordering = ["obligation", "what", "due_on"]
        constraints = [
            models.UniqueConstraint(fields=["obligation", "what", "due_on"], name="overdue_record_once"),
        ]

    def __str__(self):
        return f"{self.get_what_display()} overdue since {self.due_on}: {self.obligation}"
