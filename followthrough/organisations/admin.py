from django.contrib import admin

from followthrough.core.admin import AuditedModelAdmin

from .models import AddresseeGroup, Membership, Organisation, Oversight


@admin.register(Organisation)
class OrganisationAdmin(AuditedModelAdmin):
    list_display = ("name", "code", "kind", "is_welsh")
    list_filter = ("kind", "is_welsh")
    search_fields = ("name", "code")


@admin.register(Oversight)
class OversightAdmin(AuditedModelAdmin):
    list_display = ("force", "body", "starts_on", "ends_on")
    list_filter = ("body",)


@admin.register(AddresseeGroup)
class AddresseeGroupAdmin(AuditedModelAdmin):
    list_display = ("name", "code", "rule")
    filter_horizontal = ("members",)


@admin.register(Membership)
class MembershipAdmin(AuditedModelAdmin):
    list_display = ("user", "organisation", "role")
    list_filter = ("role",)
    search_fields = ("user__email", "organisation__name")

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser
