"""The England and Wales holiday table and deadlines stored with the rule that produced them (ADR 0005)."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models

from followthrough.core.history import AppendOnlyModel

from .deadlines import Rule


class HolidayQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


class Holiday(models.Model):
    """A bank holiday in England and Wales. Removing one keeps the row, marked inactive, so history survives."""

    class Source(models.TextChoices):
        SEEDED = "seeded", "Published calendar"
        ADDED = "added", "Added by an administrator"

    date = models.DateField(unique=True)
    name = models.CharField(max_length=200)
    is_active = models.BooleanField(default=True)
    source = models.CharField(max_length=20, choices=Source.choices, default=Source.SEEDED)

    objects = HolidayQuerySet.as_manager()

    class Meta:
        ordering = ["date"]

    def __str__(self):
        return f"{self.name} ({self.date})"


class StoredDeadlineQuerySet(models.QuerySet):
    def open(self):
        return self.filter(is_open=True)


class StoredDeadline(models.Model):
    """A deadline on a record, kept with its rule and inputs so it can be recomputed and explained."""

    label = models.CharField(max_length=255, help_text='What is due, for example "Acknowledge SC-2026-0001".')
    rule = models.CharField(max_length=20, choices=Rule.choices)
    count = models.PositiveIntegerField(null=True, blank=True)
    start = models.DateField()
    due = models.DateField(db_index=True)
    explanation = models.TextField()
    is_open = models.BooleanField(default=True, help_text="Closed deadlines (met or no longer needed) never move.")
    content_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.PROTECT)
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    owner = GenericForeignKey("content_type", "object_id")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = StoredDeadlineQuerySet.as_manager()

    class Meta:
        ordering = ["due", "pk"]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return f"{self.label}: {self.due}"


class DeadlineChange(AppendOnlyModel):
    """A stored deadline moved because the holiday table changed: old date, new date and why."""

    deadline = models.ForeignKey(StoredDeadline, on_delete=models.CASCADE, related_name="changes")
    at = models.DateTimeField(auto_now_add=True)
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    old_due = models.DateField()
    new_due = models.DateField()
    old_explanation = models.TextField()
    reason = models.TextField()

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.deadline.label}: {self.old_due} → {self.new_due}"
