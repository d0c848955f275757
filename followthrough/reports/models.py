"""Reports, the recommendations and actions they make, and the obligations those create for each addressee.

A report is drafted by the inspectorate and then published. Publishing turns each recommendation's addressees
(groups such as "chief constables of the territorial forces", or named organisations) into one `Obligation` per
organisation, resolved as the groups stood on the publication date. Everything downstream (responses, progress
returns, assessments) hangs off an obligation, so obligations are never deleted: a correction that removes an
addressee closes its obligation and says why.

Publishable models have a `public` manager, which reads only published material, and a `casework` manager for the
inspectorate's own pages. There is no `objects` manager, so every query says who it is for.
"""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone

from followthrough.calendar.deadlines import Rule as DeadlineRule
from followthrough.calendar.models import StoredDeadline
from followthrough.core.history import AppendOnlyModel, HistoryEntry
from followthrough.core.provenance import Sourced, SourceNamed
from followthrough.core.workflow import WorkflowRecord
from followthrough.organisations.models import FORCE_KINDS, AddresseeGroup, Kind, Organisation


class State(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"


class ReportQuerySet(models.QuerySet):
    def published(self):
        return self.filter(state=State.PUBLISHED)

    def drafts(self):
        return self.filter(state=State.DRAFT)


class PublicReportManager(models.Manager.from_queryset(ReportQuerySet)):
    def get_queryset(self):
        return super().get_queryset().published()


def document_path(instance, filename):
    # A random name: uploaded names are never used on disk. The file is only served by the report's document view.
    return f"reports/{uuid.uuid4().hex}.pdf"


class Report(WorkflowRecord, Sourced):
    """A published report: on a super-complaint, or from an inspection.

    A draft has a planned day of publication, to preview who it will be addressed to and when things will be due.
    Publishing records the day it happens by the server's clock; a report published before the service held it is
    recorded from its source, with the date the source gives (ADR 0016)."""

    class Source(models.TextChoices):
        SUPER_COMPLAINT = "super-complaint", "Super-complaint"
        INSPECTION = "inspection", "Inspection"

    class ResponseUnit(models.TextChoices):
        CALENDAR_DAYS = DeadlineRule.CALENDAR_DAYS.value, "Days"
        MONTHS = DeadlineRule.MONTHS.value, "Months"

    class ResponseAppliesTo(models.TextChoices):
        CHIEF_OFFICERS_AND_LOCAL_POLICING_BODIES = (
            "chief-officers-and-local-policing-bodies",
            "Chief officers and local policing bodies",
        )
        EVERY_ADDRESSEE = "every-addressee", "Every organisation a recommendation is addressed to"
        NO_ONE = "no-one", "No one: this report sets no response period"

    slug = models.SlugField(max_length=100, unique=True, help_text="Used in the report's web address.")
    title = models.CharField(max_length=300)
    source = models.CharField(max_length=20, choices=Source.choices)
    super_complaint = models.OneToOneField(
        "complaints.SuperComplaint", null=True, blank=True, related_name="report", on_delete=models.PROTECT
    )
    planned_on = models.DateField(
        null=True, blank=True, help_text="For a draft: the day it is planned to be published, to preview its dates."
    )
    published_on = models.DateField(
        null=True, blank=True, help_text="The day it was published: today's when published here, or its source's."
    )
    published_on_note = models.CharField(
        max_length=255, blank=True, help_text="Say here if the exact day of publication is not known."
    )
    authors = models.CharField(max_length=300, blank=True)
    summary = models.TextField(blank=True)
    findings = models.TextField(blank=True)
    steps_taken = models.TextField(blank=True)
    conclusions = models.TextField(blank=True)
    further_action = models.TextField(blank=True)
    material_excluded = models.TextField(
        blank=True, help_text="What was left out of the published report for national security or a person's safety."
    )
    document_url = models.URLField(max_length=500, blank=True)
    document_file = models.FileField(
        upload_to=document_path, max_length=255, blank=True, help_text="The report as a PDF, served by this service."
    )
    # The response period (Police Act 1996 s.55(5A) for inspections; followed for super-complaint reports too).
    # Its statutory basis for super-complaints is not settled (DOMAIN.md §2.6), so it is data, not a constant.
    response_count = models.PositiveSmallIntegerField(default=56)
    response_unit = models.CharField(
        max_length=20, choices=ResponseUnit.choices, default=ResponseUnit.CALENDAR_DAYS.value
    )
    response_applies_to = models.CharField(
        max_length=50,
        choices=ResponseAppliesTo.choices,
        default=ResponseAppliesTo.CHIEF_OFFICERS_AND_LOCAL_POLICING_BODIES.value,
    )
    progress_return_months = models.PositiveSmallIntegerField(
        default=6, help_text="How often addressees report progress, in months."
    )
    state = models.CharField(max_length=20, choices=State.choices, default=State.DRAFT, db_index=True)
    published_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    public = PublicReportManager()
    casework = ReportQuerySet.as_manager()

    class Meta:
        ordering = ["-published_on", "title"]
        default_manager_name = "casework"
        constraints = [
            models.CheckConstraint(
                condition=Q(super_complaint__isnull=True) | Q(source="super-complaint"),
                name="report_only_super_complaint_reports_link_a_complaint",
            ),
            models.CheckConstraint(condition=Q(response_count__gte=1), name="report_response_period_positive"),
        ]

    def __str__(self):
        return self.title

    @property
    def is_published(self):
        return self.state == State.PUBLISHED

    @property
    def counts_from(self):
        """The day addressees and due dates are worked out from: the day of publication, or for a draft the day
        planned."""
        return self.published_on or self.planned_on or timezone.localdate()

    def clean(self):
        if self.super_complaint_id and self.source != self.Source.SUPER_COMPLAINT:
            raise ValidationError({"super_complaint": "Only a report on a super-complaint can be linked to one"})

    def response_applies_to_organisation(self, organisation):
        """Whether `organisation` must publish a response to this report within the response period."""
        if self.response_applies_to == self.ResponseAppliesTo.EVERY_ADDRESSEE:
            return True
        if self.response_applies_to == self.ResponseAppliesTo.NO_ONE:
            return False
        return organisation.kind in (*FORCE_KINDS, Kind.LOCAL_POLICING_BODY)


class RecommendationQuerySet(models.QuerySet):
    def published(self):
        return self.filter(report__state=State.PUBLISHED)

    def recommendations(self):
        return self.filter(kind=Recommendation.Kind.RECOMMENDATION)

    def actions(self):
        return self.filter(kind=Recommendation.Kind.ACTION)


class PublicRecommendationManager(models.Manager.from_queryset(RecommendationQuerySet)):
    def get_queryset(self):
        return super().get_queryset().published()


class DueRule(models.TextChoices):
    NONE = "none", "No date is set"
    IMMEDIATELY = "immediately", "Immediately"
    WITHIN_DAYS = "within-days", "Within a number of days of publication"
    WITHIN_MONTHS = "within-months", "Within a number of months of publication"
    FIXED_DATE = "fixed-date", "By a fixed date"


class Recommendation(SourceNamed):
    """A recommendation (or an action, for the College of Policing, HMICFRS or the IOPC) in a report.

    `source_title` and `source_url` name where its words were taken from, when that is not the report itself: a
    recommendation entered from a published page links to that page (ADR 0021).
    """

    class Kind(models.TextChoices):
        RECOMMENDATION = "recommendation", "Recommendation"
        ACTION = "action", "Action"

    report = models.ForeignKey(Report, on_delete=models.PROTECT, related_name="recommendations")
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.RECOMMENDATION)
    number = models.PositiveSmallIntegerField()
    text = models.TextField(help_text='Plain text. Leave a blank line between paragraphs; start list items with "- ".')
    is_summary = models.BooleanField(
        default=False, help_text="The text is our summary, not the report's own words. The page says so."
    )
    due_rule = models.CharField(max_length=20, choices=DueRule.choices, default=DueRule.NONE)
    due_count = models.PositiveSmallIntegerField(null=True, blank=True)
    due_date = models.DateField(null=True, blank=True)
    groups = models.ManyToManyField(AddresseeGroup, blank=True, related_name="recommendations")
    organisations = models.ManyToManyField(Organisation, blank=True, related_name="addressed_recommendations")
    jointly = models.BooleanField(
        default=False, help_text="The addressees are asked to act together, such as chief constables and commissioners."
    )
    version = models.PositiveSmallIntegerField(default=1, help_text="The number of the current wording.")
    created_at = models.DateTimeField(auto_now_add=True)

    public = PublicRecommendationManager()
    casework = RecommendationQuerySet.as_manager()

    class Meta:
        ordering = ["report", "-kind", "number"]  # recommendations before actions
        default_manager_name = "casework"
        constraints = [
            models.UniqueConstraint(fields=["report", "kind", "number"], name="recommendation_number_unique"),
            models.CheckConstraint(condition=Q(number__gte=1), name="recommendation_number_positive"),
        ]

    def __str__(self):
        return f"{self.title} ({self.report})"

    @property
    def title(self):
        return f"{self.get_kind_display()} {self.number}"

    def clean(self):
        errors = {}
        if self.due_rule in (DueRule.WITHIN_DAYS, DueRule.WITHIN_MONTHS) and not self.due_count:
            errors["due_count"] = "Enter how long the addressees have"
        if self.due_rule == DueRule.FIXED_DATE and not self.due_date:
            errors["due_date"] = "Enter the date it is due"
        if errors:
            raise ValidationError(errors)

    def resolve_addressees(self, on):
        """Each concrete organisation this recommendation is addressed to on `on`, with the group that named it.

        Returns {organisation: group or None}; None means the organisation was named directly.
        """
        addressees = {}
        for group in sorted(self.groups.all(), key=lambda g: (g.name, g.pk)):
            for organisation in group.resolve(on):
                addressees.setdefault(organisation, group)
        for organisation in self.organisations.all():
            addressees.setdefault(organisation, None)
        return addressees

    def points_list(self):
        return [point.text for point in self.points.all()]


class RecommendationPoint(models.Model):
    """A specific point a response to the recommendation must address."""

    recommendation = models.ForeignKey(Recommendation, on_delete=models.CASCADE, related_name="points")
    position = models.PositiveSmallIntegerField()
    text = models.TextField()

    class Meta:
        ordering = ["recommendation", "position"]
        constraints = [
            models.UniqueConstraint(fields=["recommendation", "position"], name="recommendation_point_position_unique")
        ]

    def __str__(self):
        return self.text[:80]


class RecommendationVersion(AppendOnlyModel):
    """A wording of a recommendation: version 1 as published, then one per correction, with the reason.

    Rows are never changed, so earlier wording stays visible after a correction.
    """

    recommendation = models.ForeignKey(Recommendation, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveSmallIntegerField()
    text = models.TextField()
    points = models.JSONField(default=list, blank=True)
    addressees = models.JSONField(
        default=dict, blank=True, help_text="The groups, named organisations and joint flag at this version."
    )
    reason = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_by_label = models.CharField(max_length=255, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["recommendation", "number"]
        constraints = [
            models.UniqueConstraint(fields=["recommendation", "number"], name="recommendation_version_unique")
        ]

    def __str__(self):
        return f"{self.recommendation.title}, version {self.number}"

    @property
    def is_correction(self):
        return self.number > 1


class ObligationQuerySet(models.QuerySet):
    def published(self):
        return self.filter(recommendation__report__state=State.PUBLISHED)

    def active(self):
        return self.filter(is_active=True)

    def closed(self):
        return self.filter(is_active=False)


class PublicObligationManager(models.Manager.from_queryset(ObligationQuerySet)):
    def get_queryset(self):
        return super().get_queryset().published()


class Obligation(models.Model):
    """What one organisation owes on one recommendation: a response, and the recommendation itself, by a date."""

    recommendation = models.ForeignKey(Recommendation, on_delete=models.PROTECT, related_name="obligations")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="obligations")
    group = models.ForeignKey(
        AddresseeGroup,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The addressee group that named this organisation; empty when it was named directly.",
    )
    response_deadline = models.OneToOneField(
        StoredDeadline, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    recommendation_deadline = models.OneToOneField(
        StoredDeadline, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    is_active = models.BooleanField(default=True)
    closed_reason = models.TextField(blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    public = PublicObligationManager()
    casework = ObligationQuerySet.as_manager()

    class Meta:
        ordering = ["recommendation", "organisation__name"]
        default_manager_name = "casework"
        constraints = [
            # Publishing twice, or a correction naming an organisation again, can never make a second obligation.
            models.UniqueConstraint(fields=["recommendation", "organisation"], name="obligation_one_per_organisation"),
            models.CheckConstraint(
                condition=Q(is_active=True) | ~Q(closed_reason=""), name="obligation_closed_with_reason"
            ),
        ]

    def __str__(self):
        return f"{self.recommendation.title} for {self.organisation}"


class ReportEvent(HistoryEntry):
    """Something that happened to a report, shown on its timeline. Rows are never changed or deleted."""

    report = models.ForeignKey(Report, on_delete=models.PROTECT, related_name="events")
    title = models.CharField(max_length=255)
    note = models.TextField(blank=True)
    is_public = models.BooleanField(
        default=True, help_text="Shown on the public timeline once the report is published. Drafting steps are not."
    )

    class Meta:
        ordering = ["-at", "-pk"]

    def __str__(self):
        return f"{self.title} ({self.report})"
