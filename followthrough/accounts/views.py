import base64

import segno
from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import authenticate, login, logout
from django.contrib.auth.signals import user_login_failed
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login

from followthrough.core.permissions import permission_required, public
from followthrough.core.views import page

from . import presenters, services
from .forms import CodeForm, SignInForm


def _next_url(request):
    """A safe `next` from the form or the address; otherwise the person's own work (their inbox or list)."""
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return services.own_work_url(request.user)


def _with_next(view_name, next_url):
    return f"{redirect(view_name).url}?{urlencode({'next': next_url})}"


@public
@require_http_methods(["GET", "POST"])
def sign_in(request):
    form = SignInForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = authenticate(request, email=form.cleaned_data["email"].lower(), password=form.cleaned_data["password"])
        if getattr(request, "axes_locked_out", False):
            return locked_out(request)
        if user is None:
            form.add_error("email", "Enter a correct email address and password")
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            next_url = _next_url(request)
            if services.uses_only_email(user):
                services.security_code_send(device=services.email_device_of(user))
            if services.has_confirmed_device(user):
                return redirect(_with_next("accounts:two-factor-verify", next_url))
            if user.requires_two_factor:
                return redirect(_with_next("accounts:two-factor-set-up", next_url))
            return redirect(next_url)
    return page(request, "accounts/sign_in.jinja", "Sign in", forms=[form], form=form, next=request.GET.get("next", ""))


def locked_out(request, response=None, credentials=None):
    return page(request, "accounts/locked_out.jinja", "Your account is locked", status=429)


@permission_required("accounts.manage_own_two_factor")
@require_http_methods(["GET", "POST"])
def two_factor_set_up(request):
    device = services.totp_device_for_set_up(user=request.user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = services.device_confirm(device=device, token=form.cleaned_data["code"])
        if codes is not None:
            return _signed_in_with_new_device(request, device, codes)
        form.add_error("code", "The code is not right. Enter the 6-digit code your authenticator app shows now")
    qr = segno.make(device.config_url, error="m")
    return page(
        request,
        "accounts/two_factor_set_up.jinja",
        "Set up two-factor authentication",
        forms=[form],
        form=form,
        qr_data_uri=qr.svg_data_uri(scale=5, border=2),
        secret=_base32_secret(device),
        next=request.GET.get("next", ""),
    )


def _signed_in_with_new_device(request, device, codes):
    otp_login(request, device)
    request.session["new_backup_codes"] = codes
    return redirect(_with_next("accounts:backup-codes", _next_url(request)))


@permission_required("accounts.manage_own_two_factor")
@require_http_methods(["GET", "POST"])
def two_factor_set_up_email(request):
    """Codes by email, for people who cannot use an authenticator app: send a code, then enter it to confirm."""
    device = services.email_device_being_set_up(request.user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and "send" in request.POST:
        device, sent = services.email_set_up_code_send(user=request.user)
        _say_whether_sent(request, device, sent)
        return redirect(_with_next("accounts:two-factor-set-up-email", _next_url(request)))
    if request.method == "POST" and form.is_valid():
        codes = device and services.device_confirm(device=device, token=form.cleaned_data["code"])
        if codes:
            return _signed_in_with_new_device(request, device, codes)
        form.add_error("code", "The code is not right or has expired. Enter the code from the latest email we sent")
    return page(
        request,
        "accounts/two_factor_set_up_email.jinja",
        "Get security codes by email",
        forms=[form],
        form=form,
        code_sent=device is not None and device.token is not None,
        code_minutes=settings.OTP_EMAIL_TOKEN_VALIDITY // 60,
        next=request.GET.get("next", ""),
    )


def _say_whether_sent(request, device, sent):
    if sent:
        messages.success(request, f"We have sent a security code to {device.email or request.user.email}")
    else:
        messages.info(request, "We sent you a code moments ago. Wait a minute for it to arrive before asking again")


def _base32_secret(device):
    raw = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(raw[i : i + 4] for i in range(0, len(raw), 4))


@permission_required("accounts.manage_own_two_factor")
@require_http_methods(["GET", "POST"])
def two_factor_verify(request):
    # A wrong code counts as a failed sign-in, with wrong passwords, towards the lockout (ADR 0019).
    credentials = {"email": request.user.email}
    if AxesProxyHandler.is_locked(request, credentials):
        logout(request)
        return locked_out(request)
    email_device = services.email_device_of(request.user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and "send" in request.POST and email_device is not None:
        _say_whether_sent(request, email_device, services.security_code_send(device=email_device))
        return redirect(_with_next("accounts:two-factor-verify", _next_url(request)))
    if request.method == "POST" and form.is_valid():
        device = services.second_factor_match(user=request.user, token=form.cleaned_data["code"])
        if device is not None:
            otp_login(request, device)
            return redirect(_next_url(request))
        user_login_failed.send(sender=__name__, credentials=credentials, request=request)
        if AxesProxyHandler.is_locked(request, credentials):
            logout(request)
            return locked_out(request)
        form.add_error(
            "code", "The code is not right. Enter the code from your authenticator app or our email, or a backup code"
        )
    return page(
        request,
        "accounts/two_factor_verify.jinja",
        "Enter your security code",
        forms=[form],
        form=form,
        codes_by_email=email_device is not None,
        code_minutes=settings.OTP_EMAIL_TOKEN_VALIDITY // 60,
        next=request.GET.get("next", ""),
    )


@permission_required("accounts.manage_own_two_factor")
@require_http_methods(["GET", "POST"])
def backup_codes(request):
    if request.method == "POST":
        if not request.user.is_verified():
            return redirect("accounts:two-factor-verify")
        request.session["new_backup_codes"] = services.backup_codes_replace(user=request.user)
        return redirect("accounts:backup-codes")
    codes = request.session.pop("new_backup_codes", None)
    return page(
        request,
        "accounts/backup_codes.jinja",
        "Your backup codes",
        codes=codes,
        next=_next_url(request),
    )


@permission_required("accounts.view_own_account")
def your_account(request):
    memberships = request.user.memberships.select_related("organisation")
    has_two_factor = services.has_confirmed_device(request.user)
    return page(
        request,
        "accounts/your_account.jinja",
        "Your account",
        rows=presenters.account_rows(request.user, has_two_factor=has_two_factor),
        roles=presenters.role_items(memberships),
        has_two_factor=has_two_factor,
    )


@public
@require_http_methods(["GET", "POST"])
def sign_out(request):
    if request.method == "POST":
        logout(request)
        messages.success(request, "You have signed out")
        return redirect("core:home")
    return page(request, "accounts/sign_out.jinja", "Sign out")
