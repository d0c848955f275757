"""Two-factor authentication with django-otp: TOTP by authenticator app, and single-use backup codes."""

from django.db import transaction
from django_otp import match_token, user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

BACKUP_CODE_COUNT = 10


def has_confirmed_device(user):
    return user_has_device(user, confirmed=True)


def totp_device_for_set_up(*, user):
    """The user's unconfirmed authenticator device, created on first use so the QR code stays the same on reload."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)


@transaction.atomic
def totp_device_confirm(*, device, token):
    """Confirm an authenticator app with a code from it. Returns fresh backup codes, or None if the code is wrong."""
    if not device.verify_token(token):
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
    """The device that accepts `token` (a 6-digit code or a backup code), or None."""
    token = "".join(str(token).split())
    if not token:
        return None
    return match_token(user, token)
