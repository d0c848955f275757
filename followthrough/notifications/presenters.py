"""What the outbox page and the sweep command say, worked out once so templates only lay it out (STYLE.md §7)."""

from django.conf import settings

from followthrough.core.formatting import date_time, long_date, plural

from .models import Email

STATUS_TAGS = {
    Email.Status.QUEUED: {"text": "Waiting to send", "classes": "govuk-tag--blue"},
    Email.Status.SENDING: {"text": "Sending", "classes": "govuk-tag--light-blue"},
    Email.Status.SENT: {"text": "Sent", "classes": "govuk-tag--green"},
}
WILL_RETRY_TAG = {"text": "Not sent yet", "classes": "govuk-tag--yellow"}
GIVEN_UP_TAG = {"text": "Not sent", "classes": "govuk-tag--red"}


def counts_words(counts):
    """A sweeper's counts in words: "marked overdue: 3, reminders queued: 2", or "nothing changed"."""
    if not any(counts.values()):
        return "nothing changed"
    return ", ".join(f"{name.replace('_', ' ')}: {n}" for name, n in sorted(counts.items()))


def send_words(counts):
    """What sending the outbox did, in a sentence or two."""
    sent, failed = counts["sent"], counts["failed"]
    if not sent and not failed:
        return "No emails were waiting to be sent."
    words = []
    if sent:
        words.append(f"Sent {plural(sent, 'email')}.")
    if failed:
        words.append(f"{plural(failed, 'email')} could not be sent: the outbox page says why.")
    return " ".join(words)


class EmailPresenter:
    def __init__(self, email):
        self.email = email

    @property
    def status_tag(self):
        email = self.email
        if email.status == Email.Status.FAILED:
            return WILL_RETRY_TAG if email.will_retry else GIVEN_UP_TAG
        return STATUS_TAGS[email.status]

    @property
    def queued(self):
        return date_time(self.email.queued_at)

    @property
    def detail(self):
        """What happened to the message, in words."""
        email = self.email
        attempts = plural(email.attempts, "attempt")
        if email.status == Email.Status.SENT:
            words = f"Sent {date_time(email.sent_at)} through {email.get_sent_via_display()}"
            if email.provider_reference:
                words += f", reference {email.provider_reference}"
            return f"{words}."
        if email.status == Email.Status.FAILED:
            then = (
                "It will be tried again."
                if email.will_retry
                else f"No more attempts will be made (the limit is {settings.OUTBOX_MAX_ATTEMPTS})."
            )
            error = email.last_error.rstrip(". ") or "no reason was given"
            return f"{attempts} so far. Last error: {error}. {then}"
        if email.status == Email.Status.SENDING:
            return f"Being sent now ({attempts})."
        return "Not sent yet." if not email.attempts else f"{attempts} so far."


class SweepRunPresenter:
    def __init__(self, run):
        self.run = run

    @property
    def on(self):
        return long_date(self.run.on)

    @property
    def started(self):
        return date_time(self.run.started_at)

    @property
    def finished(self):
        return date_time(self.run.finished_at) if self.run.finished_at else "Not finished"

    @property
    def status_tag(self):
        if self.run.finished_at is None:
            return {"text": "Not finished", "classes": "govuk-tag--grey"}
        if self.run.errors:
            return {"text": "Finished with problems", "classes": "govuk-tag--red"}
        return {"text": "Finished", "classes": "govuk-tag--green"}

    def lines(self):
        """One line for each sweeper, in the order they ran."""
        run = self.run
        if not run.sweepers:
            return ["No sweepers are set up: add their dotted paths to the SWEEPERS setting."]
        lines = []
        for path in run.sweepers:
            if path in run.errors:
                lines.append(f"{path}: failed. {run.errors[path]}")
            elif path in run.counts:
                lines.append(f"{path}: {counts_words(run.counts[path])}.")
            else:
                lines.append(f"{path}: not run yet.")
        return lines
