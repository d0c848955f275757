"""Every view says who may use it (ADR 0003).

`public` marks a view anyone may use. `permission_required` checks a `rules` permission, optionally against an
object the view loads, and sends anonymous users to sign in. The architecture test walks the URL resolver and fails on
any view that has neither.
"""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied


def public(view):
    view.access = "public"
    return view


def permission_required(permission, fn=None):
    """Allow the view only if the user has `permission` (for the object `fn(request, **kwargs)`, if given)."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            obj = fn(request, *args, **kwargs) if fn else None
            if request.user.has_perm(permission, obj):
                return view(request, *args, **kwargs)
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            raise PermissionDenied

        wrapped.access = f"permission:{permission}"
        return wrapped

    return decorator
