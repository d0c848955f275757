"""What the outbox page and the sweep command say, worked out once so templates only lay it out (STYLE.md §7)."""

from django.conf import settings
from markupsafe import Markup

from followthrough.core.formatting import date_time, long_date, plural
from followthrough.core.presenters import Presenter, StateTags, tag, tag_html

from .models import Email

STATUS_TAGS = StateTags(
    {
        Email.Status.QUEUED: ("Waiting to send", "blue"),
        Email.Status.SENDING: ("Sending", "light-blue"),
        Email.Status.SENT: ("Sent", "green"),
    }
)
WILL_RETRY_TAG = tag("Not sent yet", "yellow")
GIVEN_UP_TAG = tag("Not sent", "red")
NOT_FINISHED_TAG = tag("Not finished", "grey")
PROBLEMS_TAG = tag("Finished with problems", "red")
FINISHED_TAG = tag("Finished", "green")


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


class EmailPresenter(Presenter):
    fields = ("to", "subject")

    @property
    def status_tag(self):
        email = self._record
        if email.status == Email.Status.FAILED:
            return WILL_RETRY_TAG if email.will_retry else GIVEN_UP_TAG
        return STATUS_TAGS[email.status]

    @property
    def queued(self):
        return date_time(self._record.queued_at)

    @property
    def detail(self):
        """What happened to the message, in words."""
        email = self._record
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


class SweepRunPresenter(Presenter):
    @property
    def on(self):
        return long_date(self._record.on)

    @property
    def started(self):
        return date_time(self._record.started_at)

    @property
    def finished(self):
        return date_time(self._record.finished_at) if self._record.finished_at else "Not finished"

    @property
    def status_tag(self):
        if self._record.finished_at is None:
            return NOT_FINISHED_TAG
        if self._record.errors:
            return PROBLEMS_TAG
        return FINISHED_TAG

    def lines(self):
        """One line for each sweeper, in the order they ran."""
        run = self._record
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


def emails_table(emails):
    """The outbox as `govukTable` parameters: when each email was queued, to whom, about what, and what happened."""
    rows = [
        [
            {"text": email.queued},
            {"text": email.to},
            {"text": email.subject},
            {"html": tag_html(email.status_tag)},
            {"text": email.detail, "classes": "govuk-body-s"},
        ]
        for email in map(EmailPresenter, emails)
    ]
    return {
        "caption": "Emails, newest first",
        "captionClasses": "govuk-visually-hidden",
        "head": [{"text": h} for h in ("Queued", "To", "Subject", "Status", "What happened")],
        "rows": rows,
    }


def sweeps_table(runs):
    """The last daily sweeps as `govukTable` parameters, each with a line for every sweeper."""
    rows = []
    for run in map(SweepRunPresenter, runs):
        items = Markup("").join(Markup("<li>{}</li>").format(line) for line in run.lines())
        lines = Markup('<ul class="govuk-list govuk-body-s">{}</ul>').format(items)
        rows.append(
            [
                {"text": run.on},
                {"text": run.started},
                {"text": run.finished},
                {"html": tag_html(run.status_tag)},
                {
                    "html": Markup('<ul class="govuk-list govuk-body-s">{}</ul>').format(lines),
                    "classes": "govuk-body-s",
                },
            ]
        )
    return {
        "caption": "The last daily sweeps, newest first",
        "captionClasses": "govuk-visually-hidden",
        "head": [{"text": h} for h in ("Swept for", "Started", "Finished", "Status", "What happened")],
        "rows": rows,
    }
