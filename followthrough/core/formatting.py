"""Words and dates as GOV.UK style writes them: "26 May 2021", "Friday 31 May 2019"."""

import datetime

from django.utils import timezone
from markupsafe import Markup, escape


def long_date(value):
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value).date()
    return f"{value.day} {value:%B %Y}"


def weekday_date(value):
    return f"{value:%A} {long_date(value)}"


def short_date(value):
    if value is None:
        return ""
    return f"{value.day} {value:%b %Y}"


def date_time(value):
    if value is None:
        return ""
    local = timezone.localtime(value)
    hour = local.strftime("%I").lstrip("0") or "12"
    return f"{long_date(local.date())} at {hour}:{local:%M}{local:%p}".replace("AM", "am").replace("PM", "pm")


def time_and_date(value):
    """ "3:04pm on 2 December 2026": when something changed, as a message says it."""
    local = timezone.localtime(value)
    hour = local.strftime("%I").lstrip("0") or "12"
    return f"{hour}:{local:%M}{local:%p}".lower() + f" on {long_date(local.date())}"


def plural(count, singular, plural_form=None):
    word = singular if count == 1 else (plural_form or singular + "s")
    return f"{count} {word}"


def paragraphs(text):
    """Plain text with blank-line paragraphs and "- " bullet lists, as GOV.UK body HTML."""
    if not text:
        return ""
    blocks = [b.strip("\n") for b in str(text).replace("\r\n", "\n").split("\n\n") if b.strip()]
    html = []
    for block in blocks:
        lines = block.split("\n")
        if all(line.lstrip().startswith(("- ", "* ", "• ")) for line in lines):
            items = "".join(f"<li>{escape(line.lstrip()[2:].strip())}</li>" for line in lines)
            html.append(f'<ul class="govuk-list govuk-list--bullet">{items}</ul>')
        else:
            html.append(f'<p class="govuk-body">{"<br>".join(str(escape(line)) for line in lines)}</p>')
    return Markup("".join(html))  # noqa: S704 - every piece of text above is escaped
