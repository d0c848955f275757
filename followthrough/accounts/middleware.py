"""Everyone who can change the public record completes two-factor sign-in before any private page (ADR 0019)."""

from django.shortcuts import redirect
from django.urls import reverse

from .services import has_confirmed_device

# Pages a signed-in user may reach before completing the second factor.
ALLOWED_BEFORE_SECOND_FACTOR = {
    "accounts:two-factor-set-up",
    "accounts:two-factor-set-up-email",
    "accounts:two-factor-verify",
    "accounts:sign-out",
}


class RequireTwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = request.user
        if not user.is_authenticated or user.is_verified() or getattr(view_func, "access", None) == "public":
            return None
        if request.resolver_match and request.resolver_match.view_name in ALLOWED_BEFORE_SECOND_FACTOR:
            return None
        if not request.path.startswith("/assets/") and user.requires_two_factor:
            target = "accounts:two-factor-verify" if has_confirmed_device(user) else "accounts:two-factor-set-up"
            return redirect(f"{reverse(target)}?next={request.get_full_path()}")
        return None
