"""The time of record, and the historical path (ADR 0016).

The time something happened in the service is the server's: nobody types the date they published. Some records were
published elsewhere before the service held them (the demonstration data, a force's response on its own website, a
move from today's portal). A caseworker or administrator enters those through a separate path that needs the source:
a document's name or a link, and the date the source gives, or none where it gives none. Public pages then say
"Published on 26 November 2021, according to <source>; recorded here on 2 December 2026", and a record whose source
gives no date says the date is not known, and is never shown as late or on time.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from .formatting import long_date

NOT_KNOWN = "not known"


@dataclass(frozen=True)
class Source:
    """A published document a historical record is entered from, and the date it gives (None: it gives none)."""

    title: str
    on: object = None
    url: str = ""

    def check(self, *, today=None):
        check_source(source_title=self.title, source_url=self.url, on=self.on, today=today)
        return self


class SourceNamed(models.Model):
    """A step or record that may have been entered from a published source: its name and link."""

    source_title = models.CharField(
        max_length=255, blank=True, help_text="The published document this was entered from: its name."
    )
    source_url = models.URLField(max_length=500, blank=True, help_text="Where the source is published, if online.")

    class Meta:
        abstract = True


class Sourced(SourceNamed):
    """A record that may have been entered from a published source rather than published in the service."""

    recorded_at = models.DateTimeField(null=True, blank=True, help_text="When it was recorded here: server time.")

    class Meta:
        abstract = True

    @property
    def is_from_source(self):
        return bool(self.source_title)

    @property
    def source_name(self):
        return self.source_title or self.source_url


def check_source(*, source_title, source_url, on, today=None):
    """Refuse a historical entry without its source, or with a date after today. `on` may be None: not known."""
    errors = {}
    if not (source_title or "").strip():
        errors["source_title"] = "Enter the name of the document this is taken from"
    if on is not None and on > (today or timezone.localdate()):
        errors["source_date"] = "The date from the source must be today or in the past"
    if errors:
        raise ValidationError(errors)


def when_published(record, *, on_field="published_on"):
    """When `record` was published, as a page says it after "Published": the service's own date, or its source's,
    said as such ("26 November 2021, according to …; recorded here on 2 December 2026")."""
    on = getattr(record, on_field)
    if not getattr(record, "source_title", ""):
        return long_date(on)
    recorded = long_date(record.recorded_at) if record.recorded_at else NOT_KNOWN
    date = long_date(on) if on else f"date {NOT_KNOWN}"
    return f"{date}, according to {record.source_title}; recorded here on {recorded}"


def published_words(record, *, on_field="published_on", verb="Published"):
    """ "Published 26 November 2021", or "Published: date not known, according to …; recorded here on …"."""
    when = when_published(record, on_field=on_field)
    if not when:
        return ""
    return (
        f"{verb}: {when}" if getattr(record, "source_title", "") and not getattr(record, on_field) else f"{verb} {when}"
    )
