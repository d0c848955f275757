"""The correspondence register: letters between organisations and office-holders, and the replies to them.

A letter is recorded as a draft, seen only by the inspectorate's caseworkers and the sending organisation's
approvers. Someone other than the person who recorded or changed it clears it: the public text is worked out then,
with each passage marked for redaction replaced by "[redacted]", and the letter is published, or withheld with a
reason the public can read (ADR 0009). The original text and file stay private.

`Letter.public` reads published and withheld letters (withheld ones show only who, when, what about and why they are
withheld); `Letter.casework` reads everything. There is no `objects` manager, so every query says who it is for.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone

from followthrough.calendar.models import StoredDeadline
from followthrough.core.files import private_storage
from followthrough.core.history import AppendOnlyQuerySet, HistoryEntry
from followthrough.core.workflow import WorkflowRecord, wrote
from followthrough.organisations.models import Organisation, Role

from . import redaction


class State(models.TextChoices):
    DRAFT = "draft", "Draft"
    CLEARED = "cleared", "Cleared"
    PUBLISHED = "published", "Published"
    WITHHELD = "withheld", "Withheld"


PUBLIC_STATES = (State.PUBLISHED, State.WITHHELD)


class ReplyRule(models.TextChoices):
    NONE = "none", "No reply date"
    CALENDAR_DAYS = "calendar-days", "Within a number of calendar days"
    WORKING_DAYS = "working-days", "Within a number of working days"
    FIXED_DATE = "fixed-date", "By a fixed date"


class LetterQuerySet(models.QuerySet):
    def published(self):
        return self.filter(state=State.PUBLISHED)

    def drafts(self):
        return self.filter(state=State.DRAFT)

    def for_report(self, report):
        """Letters about `report`: linked to it, or to any of its recommendations or actions."""
        return self.filter(Q(report=report) | Q(recommendations__report=report)).distinct()

    def for_recommendation(self, recommendation):
        return self.filter(recommendations=recommendation).distinct()

    def visible_to(self, user):
        """What a signed-in user may see in the register: everything for a caseworker; for an approver, the letters
        their own organisation sent; for anyone else, nothing."""
        if not user.is_authenticated:
            return self.none()
        if user.has_role(Role.CASEWORKER):
            return self
        return self.filter(from_organisation__in=Organisation.objects.where_user_holds(user, Role.APPROVER))

    def awaiting_reply(self):
        return self.filter(reply_deadline__isnull=False, replies__isnull=True).distinct()

    def reply_overdue(self, *, on):
        """Letters whose reply date has passed with no reply recorded."""
        return self.awaiting_reply().filter(reply_deadline__due__lt=on)

    def newest_first(self):
        return self.order_by("-sent_on", "-pk")


class PublicLetterManager(models.Manager.from_queryset(LetterQuerySet)):
    def get_queryset(self):
        return super().get_queryset().filter(state__in=PUBLIC_STATES)


class Letter(WorkflowRecord):
    """One letter: who sent it to whom and when, what it says, what it is about, and when a reply is due."""

    UPLOAD_USE = "letter"  # its file's upload rules in settings.UPLOAD_RULES, and its folder in the store

    sent_on = models.DateField(help_text="The date on the letter.")
    from_organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="correspondence_sent")
    from_office_holder = models.CharField(
        max_length=300, help_text="Who signed it, for example Chief Constable, or Minister for Safeguarding."
    )
    also_from = models.ManyToManyField(
        Organisation, blank=True, related_name="correspondence_sent_jointly", help_text="Organisations writing jointly."
    )
    to_organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="correspondence_received")
    to_office_holder = models.CharField(max_length=300)
    also_to = models.ManyToManyField(
        Organisation,
        blank=True,
        related_name="correspondence_received_jointly",
        help_text="Other organisations the letter is addressed to.",
    )
    subject = models.CharField(max_length=300)
    body = models.TextField(
        blank=True,
        help_text="The letter's text as written, with [[ and ]] around passages to redact. Never published as it is.",
    )
    public_body = models.TextField(
        blank=True, help_text="The text as published: worked out on clearance, each marked passage replaced."
    )
    redaction_count = models.PositiveSmallIntegerField(default=0)
    # Named by the private store (core.files.store): a random name on disk, the uploaded name kept in `file_name`.
    file = models.FileField(storage=private_storage, max_length=255, blank=True)
    file_name = models.CharField(max_length=255, blank=True, help_text="The file's name when it was uploaded.")
    file_content_type = models.CharField(max_length=255, blank=True, help_text="Detected from the file's content.")
    file_size = models.PositiveBigIntegerField(null=True, blank=True)
    file_is_public = models.BooleanField(
        default=False, help_text="The clearer said the file holds nothing to redact, so it is published too."
    )
    report = models.ForeignKey(
        "reports.Report", null=True, blank=True, on_delete=models.PROTECT, related_name="letters"
    )
    recommendations = models.ManyToManyField("reports.Recommendation", blank=True, related_name="letters")
    in_reply_to = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="replies")
    reply_rule = models.CharField(max_length=20, choices=ReplyRule.choices, default=ReplyRule.NONE)
    reply_days = models.PositiveSmallIntegerField(null=True, blank=True)
    reply_by = models.DateField(null=True, blank=True)
    reply_deadline = models.OneToOneField(
        StoredDeadline, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    state = models.CharField(max_length=20, choices=State.choices, default=State.DRAFT, db_index=True)
    withheld_reason = models.TextField(blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)
    cleared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    cleared_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    public = PublicLetterManager()
    casework = LetterQuerySet.as_manager()

    class Meta:
        ordering = ["-sent_on", "-pk"]
        default_manager_name = "casework"
        constraints = [
            models.CheckConstraint(
                condition=~Q(state=State.WITHHELD) | ~Q(withheld_reason=""), name="letter_withheld_with_reason"
            ),
            models.CheckConstraint(
                condition=~Q(reply_rule__in=[ReplyRule.CALENDAR_DAYS, ReplyRule.WORKING_DAYS]) | Q(reply_days__gte=1),
                name="letter_reply_days_set_for_day_rules",
            ),
            models.CheckConstraint(
                condition=~Q(reply_rule=ReplyRule.FIXED_DATE) | Q(reply_by__isnull=False),
                name="letter_reply_date_set_for_fixed_rule",
            ),
        ]

    def __str__(self):
        return f"{self.subject} ({self.sent_on})"

    @property
    def is_draft(self):
        return self.state == State.DRAFT

    @property
    def is_public(self):
        return self.state in PUBLIC_STATES

    @property
    def has_file(self):
        return bool(self.file)

    def clean(self):
        errors = {}
        if self.sent_on and self.sent_on > timezone.localdate():
            errors["sent_on"] = "The date of the letter must be today or in the past"
        if self.in_reply_to_id and self.pk and self.in_reply_to_id == self.pk:
            errors["in_reply_to"] = "A letter cannot be a reply to itself"
        if self.in_reply_to_id and self.sent_on and self.in_reply_to.sent_on > self.sent_on:
            errors["sent_on"] = "The date of the reply must be the same as or after the date of the letter it answers"
        if self.reply_rule in (ReplyRule.CALENDAR_DAYS, ReplyRule.WORKING_DAYS) and not self.reply_days:
            errors["reply_days"] = "Enter how many days the recipient has to reply"
        if self.reply_rule == ReplyRule.FIXED_DATE:
            if not self.reply_by:
                errors["reply_by"] = "Enter the date a reply is due"
            elif self.sent_on and self.reply_by < self.sent_on:
                errors["reply_by"] = "The date a reply is due must be the same as or after the date of the letter"
        mark_problems = redaction.problems(self.body)
        if mark_problems:
            errors["body"] = mark_problems[0]
        if self.state == State.WITHHELD and not self.withheld_reason.strip():
            errors["withheld_reason"] = "Enter why the letter is being withheld"
        if errors:
            raise ValidationError(errors)

    def is_author(self, user):
        """Whether `user` recorded or changed the letter: then someone else must clear it (four eyes, ADR 0016). The
        legal changes of state are `correspondence.services.letter_workflow`."""
        return wrote(self, user)


class StatusChangeQuerySet(AppendOnlyQuerySet):
    def public(self):
        """What the public timeline shows: when the letter was published or withheld, and why."""
        return self.filter(to_state__in=PUBLIC_STATES)


class StatusChange(HistoryEntry):
    """A letter's move from one state to another, or a change to its draft. Rows are never changed or deleted.

    Recording the letter is a change from nothing to draft; changing the draft is a change from draft to draft.
    """

    letter = models.ForeignKey(Letter, on_delete=models.PROTECT, related_name="history")
    from_state = models.CharField(max_length=20, choices=State.choices, blank=True)
    to_state = models.CharField(max_length=20, choices=State.choices)
    note = models.TextField(blank=True)

    objects = StatusChangeQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-pk"]

    def __str__(self):
        return f"{self.title} ({self.letter})"

    @property
    def title(self):
        if not self.from_state:
            return "Letter recorded"
        if self.from_state == self.to_state:
            return "Draft changed"
        return {
            State.CLEARED: "Cleared for publication",
            State.PUBLISHED: "Published",
            State.WITHHELD: "Withheld",
        }.get(self.to_state, self.get_to_state_display())
