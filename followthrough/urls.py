from django.contrib import admin
from django.urls import include, path
from django_otp.admin import OTPAdminSite

from followthrough.api.urls import urlpatterns as api_patterns

# Django admin is for administrators' reference-data work only, and needs a verified second factor.
admin.site.__class__ = OTPAdminSite
admin.site.site_header = "Follow Through administration"

urlpatterns = [
    path("", include("followthrough.core.urls")),
    path("", include("followthrough.accounts.urls")),
    path("", include("followthrough.calendar.urls")),
    path("organisations/", include("followthrough.organisations.urls")),
    path("", include("followthrough.complaints.urls")),
    path("", include("followthrough.reports.urls")),
    path("", include("followthrough.responses.urls")),
    path("", include("followthrough.correspondence.urls")),
    path("", include("followthrough.notifications.urls")),
    path("api/v1/", include((api_patterns, "api"))),
    path("django-admin/", admin.site.urls),
]

handler400 = "followthrough.core.views.bad_request"
handler403 = "followthrough.core.views.permission_denied"
handler404 = "followthrough.core.views.page_not_found"
handler500 = "followthrough.core.views.server_error"
