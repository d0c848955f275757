"""The outbox, and the record of each daily sweep (ADR 0010)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone


def one_line(value):
    # Django's mail refuses a subject with a line break in it, so the outbox refuses it first.
    if "\n" in value or "\r" in value:
        raise ValidationError("Enter a subject on one line")


class EmailQuerySet(models.QuerySet):
    def sendable(self):
        """Messages waiting to go, and failed ones that have attempts left."""
        return self.filter(
            Q(status=Email.Status.QUEUED) | Q(status=Email.Status.FAILED, attempts__lt=settings.OUTBOX_MAX_ATTEMPTS)
        )

    def given_up(self):
        return self.filter(status=Email.Status.FAILED, attempts__gte=settings.OUTBOX_MAX_ATTEMPTS)


class Email(models.Model):
    """One message in the outbox. Its key makes it idempotent: whatever queues it again, it is queued and sent once."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Waiting to send"
        SENDING = "sending", "Sending"
        SENT = "sent", "Sent"
        FAILED = "failed", "Not sent"

    class Route(models.TextChoices):
        NOTIFY = "notify", "GOV.UK Notify"
        EMAIL_BACKEND = "email-backend", "the email server"

    key = models.CharField(
        max_length=255, unique=True, help_text="Names the message, so that queuing it again changes nothing."
    )
    to = models.EmailField("recipient")
    subject = models.CharField(max_length=255, validators=[one_line])
    body = models.TextField(help_text="Plain text.")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="emails"
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.QUEUED, db_index=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)
    queued_at = models.DateTimeField(default=timezone.now, db_index=True)
    claimed_at = models.DateTimeField(null=True, blank=True, help_text="When a sender last took the message to send.")
    sent_at = models.DateTimeField(null=True, blank=True)
    sent_via = models.CharField(max_length=20, choices=Route.choices, blank=True)
    provider_reference = models.CharField(max_length=255, blank=True, help_text="GOV.UK Notify's id for the message.")

    objects = EmailQuerySet.as_manager()

    class Meta:
        ordering = ["-queued_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="sent", sent_at__isnull=False) | ~Q(status="sent"),
                name="email_sent_has_sent_at",
            ),
        ]

    def __str__(self):
        return f"{self.subject} to {self.to}"

    @property
    def will_retry(self):
        return self.status == self.Status.FAILED and self.attempts < settings.OUTBOX_MAX_ATTEMPTS


class SweepRun(models.Model):
    """One run of the daily sweep: which sweepers ran, in order, what each changed, and what went wrong."""

    on = models.DateField(help_text="The day swept for.", db_index=True)
    started_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    sweepers = models.JSONField(default=list, blank=True, help_text="Dotted paths, in the order they ran.")
    counts = models.JSONField(default=dict, blank=True, help_text="For each sweeper that finished, its counts.")
    errors = models.JSONField(default=dict, blank=True, help_text="For each sweeper that failed, what went wrong.")

    class Meta:
        ordering = ["-started_at", "-pk"]

    def __str__(self):
        return f"Sweep for {self.on}"
