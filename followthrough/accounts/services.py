"""Two-factor authentication with django-otp: an authenticator app, codes by email, and single-use backup codes.

Everyone who can change the public record must use one (ADR 0003, ADR 0019).
"""

from django.db import transaction
from django.urls import reverse
from django_otp import match_token, user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from .models import EmailCodeDevice

BACKUP_CODE_COUNT = 10

# Where each person's own work is, in this order: the first page they may use is where they land after signing in.
OWN_WORK = [
    ("complaints.view_casework", "complaints:inbox"),
    ("responses.view_own_obligations", "responses:obligations"),
    ("complaints.view_own_complaints", "complaints:dashboard"),
    ("responses.collate", "responses:collation"),
]


def own_work_url(user):
    """The page of `user`'s own work: the casework inbox, "Your obligations", "Your super-complaints", or their
    account if none of those is theirs."""
    for permission, view_name in OWN_WORK:
        if user.has_perm(permission):
            return reverse(view_name)
    return reverse("accounts:your-account")


def has_confirmed_device(user):
    return user_has_device(user, confirmed=True)


def totp_device_for_set_up(*, user):
    """The user's unconfirmed authenticator device, created on first use so the QR code stays the same on reload."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)


def email_device_being_set_up(user):
    """The user's unconfirmed email device, or None before they first ask for a code."""
    return EmailCodeDevice.objects.filter(user=user, confirmed=False).first()


@transaction.atomic
def email_set_up_code_send(*, user):
    """Start setting up codes by email, or carry on: send a code to the address the user signs in with."""
    device = email_device_being_set_up(user) or EmailCodeDevice.objects.create(user=user, name="Email", confirmed=False)
    return device, security_code_send(device=device)


def email_device_of(user):
    """The user's confirmed email device, or None."""
    return EmailCodeDevice.objects.filter(user=user, confirmed=True).first()


def uses_only_email(user):
    """Whether the user gets codes by email and has no authenticator app, so needs a code sent to sign in."""
    return (
        EmailCodeDevice.objects.filter(user=user, confirmed=True).exists()
        and not TOTPDevice.objects.filter(user=user, confirmed=True).exists()
    )


@transaction.atomic
def security_code_send(*, device):
    """Email a new code, unless one was sent moments ago. Returns whether a code was sent.

    Sending a new code ends the last one: the device holds one code at a time.
    """
    allowed, _ = device.generate_is_allowed()
    if not allowed:
        return False
    device.generate_challenge()
    return True


@transaction.atomic
def device_confirm(*, device, token):
    """Confirm a new device (an authenticator app, or email) with a code from it.

    Returns fresh backup codes, or None if the code is wrong.
    """
    if not device.verify_token("".join(str(token).split())):
        return None
    device.confirmed = True
    device.save()
    return backup_codes_replace(user=device.user)


@transaction.atomic
def backup_codes_replace(*, user):
    """Issue a new set of backup codes: earlier ones stop working."""
    device, _ = StaticDevice.objects.get_or_create(user=user, name="Backup codes", defaults={"confirmed": True})
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def second_factor_match(*, user, token):
    """The device that accepts `token` (a code from an app or an email, or a backup code), or None.

    Every code works once: a backup code is deleted, an emailed code is cleared, and an app's code is refused again
    within its 30 seconds.
    """
    token = "".join(str(token).split())
    if not token:
        return None
    return match_token(user, token)
