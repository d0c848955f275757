"""History, once: the append-only base every history table uses (ADR 0004).

A history row records something that happened. It is written once and never changed or deleted: not by a model's
`save()` or `delete()`, not by a queryset's `update()` or `delete()`, and not by SQL, because each table's migration
adds the database trigger from `core.append_only`. `core/tests/test_history.py` lists every model built on
`AppendOnlyModel` from the app registry and proves that the database itself refuses both.

`HistoryEntry` adds who acted, and for which organisation: the `Actor` the service was given, never a guess from
the user's memberships (see `core.actors`).
"""

from django.conf import settings
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from .actors import SYSTEM


def server_now():
    """The server's clock, looked up when a row is written (so a test that sets the clock sees it too)."""
    return timezone.now()


class AppendOnlyError(ValidationError):
    """Something tried to change or delete a history row."""


def _refusal(model, verb):
    return AppendOnlyError(f"{str(model._meta.verbose_name_plural).capitalize()} cannot be {verb}.")


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise _refusal(self.model, "changed")

    def delete(self):
        raise _refusal(self.model, "deleted")

    # bulk_update would change rows too.
    def bulk_update(self, objs, fields, batch_size=None):
        raise _refusal(self.model, "changed")


class AppendOnlyModel(models.Model):
    """A row that is written once. Subclasses declare their own fields and ordering."""

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise _refusal(type(self), "changed")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise _refusal(type(self), "deleted")


class HistoryEntry(AppendOnlyModel):
    """A step in some record's history: when (the server's time), who, and for which organisation."""

    at = models.DateTimeField(default=server_now, editable=False, help_text="When it was recorded: server time.")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    actor_label = models.CharField(max_length=255, help_text="Who acted, kept even if the account is renamed.")
    actor_organisation = models.ForeignKey(
        "organisations.Organisation", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    actor_organisation_label = models.CharField(
        max_length=255, blank=True, help_text="The organisation they acted for, kept even if it is renamed."
    )

    class Meta:
        abstract = True

    def set_actor(self, actor):
        """Fill the actor fields from an `Actor` (or None for the service itself)."""
        actor = actor or SYSTEM
        self.actor = actor.user
        self.actor_label = actor.label
        self.actor_organisation = actor.organisation
        self.actor_organisation_label = actor.organisation_label
        return self


class AppendOnlyAdmin(admin.ModelAdmin):
    """History in the admin: readable, never added, changed or deleted by hand."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
