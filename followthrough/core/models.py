"""The audit trail (ADR 0004) and who changed what content (ADR 0016): both append-only history."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models

from .history import AppendOnlyError, AppendOnlyModel, AppendOnlyQuerySet, HistoryEntry

__all__ = ["AppendOnlyError", "AuditEntry", "ContentEdit"]


class ForObjectQuerySet(AppendOnlyQuerySet):
    def for_object(self, instance):
        return self.filter(content_type=ContentType.objects.get_for_model(instance), object_id=str(instance.pk))


class AuditEntry(AppendOnlyModel):
    """An append-only record of every change to a regulated record: who, when, what, why."""

    class Action(models.TextChoices):
        CREATED = "created", "Created"
        UPDATED = "updated", "Updated"
        DELETED = "deleted", "Deleted"

    at = models.DateTimeField(auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    actor_label = models.CharField(
        max_length=255, help_text="Who made the change, kept even if the account is renamed."
    )
    action = models.CharField(max_length=20, choices=Action.choices)
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT)
    object_id = models.CharField(max_length=64)
    object_repr = models.CharField(max_length=255)
    before = models.JSONField(null=True, blank=True)
    after = models.JSONField(null=True, blank=True)
    reason = models.TextField(blank=True)

    objects = ForObjectQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["content_type", "object_id"])]
        verbose_name_plural = "audit entries"

    def __str__(self):
        return f"{self.get_action_display()} {self.object_repr} by {self.actor_label}"

    @property
    def changes(self):
        """(field, before, after) for each field whose value differs."""
        before, after = self.before or {}, self.after or {}
        return [
            (k, before.get(k), after.get(k)) for k in sorted(set(before) | set(after)) if before.get(k) != after.get(k)
        ]


class ContentEdit(HistoryEntry):
    """Someone wrote or changed a record's content. Four eyes reads these: an author cannot approve (ADR 0016)."""

    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.CharField(max_length=64)

    objects = ForObjectQuerySet.as_manager()

    class Meta:
        ordering = ["at", "pk"]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return f"{self.actor_label} changed {self.content_type} {self.object_id}"


class Submission(models.Model):
    """A form sent to a view that creates a record, and where it sent the person (ADR 0014, `core.once`).

    The key is unique, so the same form sent twice, one after the other or at the same moment, claims it only once.
    """

    key = models.CharField(max_length=100, unique=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    session_key = models.CharField(max_length=40, blank=True, help_text="Who sent it, when nobody was signed in.")
    path = models.CharField(max_length=2000, help_text="The address the form was sent to.")
    result_url = models.CharField(max_length=2000, help_text="Where the first sending of the form went next.")
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    def __str__(self):
        return f"{self.path} at {self.created_at:%Y-%m-%d %H:%M:%S}"
