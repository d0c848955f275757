from django.contrib import admin

from . import audit
from .models import AuditEntry


class AuditedModelAdmin(admin.ModelAdmin):
    """Admin changes to regulated records are audited like any other change (ADR 0004)."""

    def save_model(self, request, obj, form, change):
        before = audit.snapshot(type(obj).objects.get(pk=obj.pk)) if change else None
        super().save_model(request, obj, form, change)
        action = AuditEntry.Action.UPDATED if change else AuditEntry.Action.CREATED
        audit.record(actor=request.user, instance=obj, action=action, before=before, reason="Changed in administration")

    def delete_model(self, request, obj):
        audit.record(
            actor=request.user,
            instance=obj,
            action=AuditEntry.Action.DELETED,
            before=audit.snapshot(obj),
            reason="Deleted in administration",
        )
        super().delete_model(request, obj)

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """Read-only: the audit trail cannot be edited through the application."""

    list_display = ("at", "actor_label", "action", "content_type", "object_repr", "reason")
    list_filter = ("action", "content_type")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
