"""Writes for the outbox and the daily sweep (ADR 0010).

Queuing is a service like any other: keyword-only, atomic, validated. Sending and sweeping are not one transaction
each, on purpose: a message that has gone must be marked sent at once, whatever happens to the next one, and each
sweeper commits or rolls back on its own.
"""

import datetime
import logging
from collections.abc import Mapping
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.mail import get_connection, send_mail
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.module_loading import import_string

from followthrough.accounts.models import User

from .models import Email, SweepRun

logger = logging.getLogger(__name__)

# A sender stopped part way (its process killed mid-send) leaves its message claimed. After this long the claim lapses
# and the message is tried again: if the provider had already taken it, it arrives twice. That is rarer, and less
# harmful, than a reminder that never arrives (ADR 0010).
CLAIM_TIMEOUT = datetime.timedelta(minutes=15)
LONGEST_ERROR = 2000
# Deadlines fall on days in England and Wales, whatever the server's clock says.
LONDON = ZoneInfo("Europe/London")


# Queuing ------------------------------------------------------------------------------------------------------------


def _queue(*, key, to, subject, body, user=None):
    """The message with `key`, and whether this call queued it."""
    existing = Email.objects.filter(key=key).first()
    if existing is not None:
        return existing, False
    email = Email(key=key, to=to.strip(), subject=subject.strip(), body=body, user=user)
    # The unique constraint on `key`, not a look-up, decides between two sweeps queuing the same message at once.
    email.full_clean(validate_unique=False)
    try:
        with transaction.atomic():
            email.save(force_insert=True)
    except IntegrityError:
        existing = Email.objects.filter(key=key).first()
        if existing is None:
            raise
        return existing, False
    return email, True


@transaction.atomic
def email_queue(*, key, to, subject, body, user=None):
    """Put a plain-text message in the outbox, once.

    Queuing a key that is already in the outbox changes nothing and returns the message already there, whatever has
    happened to it since, so callers can queue on every run and never send twice.
    """
    return _queue(key=key, to=to, subject=subject, body=body, user=user)[0]


@transaction.atomic
def reminders_queue(*, organisation, roles, key, subject, body):
    """Queue one message to each active user who holds one of `roles` at `organisation`; return how many are new.

    Each user's message has its own key, `"{key}:user:{user.pk}"`, so someone given the role later still gets one on
    the next run and no one gets two.
    """
    return notices_queue(users=role_holders(organisation, roles), key=key, subject=subject, body=body)


def role_holders(organisation, roles):
    """The active users who hold one of `roles` at `organisation` (or at any of `organisation`, if a list)."""
    roles = [roles] if isinstance(roles, str) else list(roles)
    organisations = organisation if isinstance(organisation, list | tuple | set) else [organisation]
    return (
        User.objects.filter(memberships__organisation__in=organisations, memberships__role__in=roles, is_active=True)
        .distinct()
        .order_by("pk")
    )


@transaction.atomic
def notices_queue(*, users, key, subject, body):
    """Queue one message to each of `users` (active ones only); return how many are new.

    Each user's message has its own key, `"{key}:user:{user.pk}"`: a step taken again with the same key (a retry,
    a second run) queues nothing new, and nobody gets two.
    """
    queued = 0
    for user in sorted({u for u in users if u is not None and u.is_active}, key=lambda u: u.pk):
        _, created = _queue(key=f"{key}:user:{user.pk}", to=user.email, subject=subject, body=body, user=user)
        queued += created
    return queued


def link(path):
    """The address of a page of the service, for an email: SERVICE_URL and the path."""
    return f"{settings.SERVICE_URL.rstrip('/')}{path}"


@transaction.atomic
def email_send_soon(*, key, to, subject, body, user=None):
    """Queue a message someone is waiting for (a security code) and ask the task worker to send it at once.

    Named in settings.SECURITY_CODE_EMAIL, so accounts, below this app, sends its codes through the outbox (ADR 0019).
    """
    email = email_queue(key=key, to=to, subject=subject, body=body, user=user)
    outbox_send_soon()
    return email


def outbox_send_soon():
    """Ask the task worker to send the outbox once the current transaction has committed."""
    from .tasks import send_outbox

    transaction.on_commit(send_outbox.enqueue)


# Sending ------------------------------------------------------------------------------------------------------------


class _NotifySender:
    """Sends through GOV.UK Notify, with a template whose subject is ((subject)) and whose body is ((body))."""

    route = Email.Route.NOTIFY

    def __init__(self):
        self._client = None

    def __call__(self, email):
        if not settings.NOTIFY_TEMPLATE_ID:
            raise RuntimeError("Set NOTIFY_TEMPLATE_ID: GOV.UK Notify only sends email through a template")
        if self._client is None:
            from notifications_python_client.notifications import NotificationsAPIClient

            self._client = NotificationsAPIClient(settings.NOTIFY_API_KEY)
        response = self._client.send_email_notification(
            email_address=email.to,
            template_id=settings.NOTIFY_TEMPLATE_ID,
            personalisation={"subject": email.subject, "body": email.body},
            reference=email.key,
        )
        return response["id"]


class _EmailBackendSender:
    """Sends through Django's email backend, one connection for the whole run."""

    route = Email.Route.EMAIL_BACKEND

    def __init__(self):
        self._connection = get_connection()

    def __call__(self, email):
        send_mail(
            email.subject,
            email.body,
            settings.DEFAULT_FROM_EMAIL,
            [email.to],
            fail_silently=False,
            connection=self._connection,
        )
        return ""


def _error_words(error):
    """What went wrong, for the outbox page. GOV.UK Notify's errors carry its own messages; other errors their text."""
    message = getattr(error, "message", None)
    if isinstance(message, list):
        details = "; ".join(str(item.get("message", item)) if isinstance(item, dict) else str(item) for item in message)
        return f"GOV.UK Notify refused it ({getattr(error, 'status_code', 'no status')}): {details}"
    return f"{type(error).__name__}: {error}"


def _claim(pk):
    """Take the message to send, unless another sender already has: a conditional update only one of them wins."""
    claimed = (
        Email.objects.filter(pk=pk)
        .sendable()
        .update(status=Email.Status.SENDING, attempts=F("attempts") + 1, claimed_at=timezone.now())
    )
    return Email.objects.get(pk=pk) if claimed else None


def _release_lapsed_claims():
    Email.objects.filter(status=Email.Status.SENDING, claimed_at__lt=timezone.now() - CLAIM_TIMEOUT).update(
        status=Email.Status.FAILED, last_error="Sending stopped before it finished."
    )


def outbox_send(*, limit=None):
    """Send what is waiting in the outbox, oldest first, and return how many were sent and how many failed.

    Through GOV.UK Notify when NOTIFY_API_KEY is set, otherwise through Django's email backend. A sent message is never
    sent again. A failure is recorded on the message, which is tried again on later runs until it has had
    OUTBOX_MAX_ATTEMPTS attempts. Call it outside a transaction, so that each message is marked sent as soon as it
    has gone.
    """
    _release_lapsed_claims()
    sender = _NotifySender() if settings.NOTIFY_API_KEY else _EmailBackendSender()
    waiting = Email.objects.sendable().order_by("queued_at", "pk").values_list("pk", flat=True)
    counts = {"sent": 0, "failed": 0}
    for pk in list(waiting[:limit] if limit is not None else waiting):
        email = _claim(pk)
        if email is None:
            continue
        try:
            reference = sender(email)
        except Exception as error:  # any failure of the provider or the network is recorded, and retried later
            logger.warning("Email %s could not be sent: %s", email.key, error)
            Email.objects.filter(pk=pk, status=Email.Status.SENDING).update(
                status=Email.Status.FAILED, last_error=_error_words(error)[:LONGEST_ERROR]
            )
            counts["failed"] += 1
        else:
            Email.objects.filter(pk=pk, status=Email.Status.SENDING).update(
                status=Email.Status.SENT,
                sent_at=timezone.now(),
                sent_via=sender.route,
                provider_reference=str(reference or ""),
                last_error="",
            )
            counts["sent"] += 1
    return counts


# Sweeping -----------------------------------------------------------------------------------------------------------


def sweep_today():
    """Today's date in London: the day a sweep started now is for."""
    return timezone.localdate(timezone=LONDON)


class SweeperError(Exception):
    pass


def _checked_counts(path, counts):
    if not isinstance(counts, Mapping) or not all(
        isinstance(name, str) and isinstance(n, int) and not isinstance(n, bool) for name, n in counts.items()
    ):
        raise SweeperError(f"{path} returned {counts!r}: a sweeper returns counts, a dict of names to whole numbers")
    return dict(counts)


def sweep_run(*, on, sweepers=None):
    """Run each sweeper for the day `on`, in order, each in its own transaction, and record what happened.

    Sweepers come from settings.SWEEPERS unless given. Each is called as `run(on=on)` and returns counts of what it
    changed. One that cannot be imported, raises or returns something else is recorded as an error, its changes
    rolled back, and the rest still run. Running again for the same day records a new run: sweepers make themselves
    idempotent (with `email_queue` keys and unique constraints), so the second run's counts are of nothing new.
    """
    paths = list(settings.SWEEPERS if sweepers is None else sweepers)
    run = SweepRun(on=on, started_at=timezone.now(), sweepers=paths)
    run.full_clean()
    run.save()
    for path in paths:
        try:
            sweeper = import_string(path)
        except ImportError as error:
            run.errors[path] = f"Could not be found: {error}"
        else:
            try:
                with transaction.atomic():
                    run.counts[path] = _checked_counts(path, sweeper(on=on))
            except Exception as error:  # one broken sweeper must not stop the others
                logger.exception("Sweeper %s failed for %s", path, on)
                run.errors[path] = (
                    f"Stopped with {type(error).__name__}: {str(error)[:LONGEST_ERROR]} (nothing it changed was kept)"
                )
        run.save(update_fields=["counts", "errors"])
    run.finished_at = timezone.now()
    run.save(update_fields=["finished_at"])
    return run
