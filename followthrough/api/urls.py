from followthrough.core.permissions import public

from .views import api

patterns, app_name, namespace = api.urls
# The API only reads published data: every operation is public and GET-only (the architecture test checks both).
for pattern in patterns:
    public(pattern.callback)

urlpatterns = patterns
