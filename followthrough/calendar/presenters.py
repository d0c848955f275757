"""What the calendar pages show, worked out once so templates only lay it out (ADR 0011)."""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.html import format_html

from followthrough.core.formatting import date_time, long_date, weekday_date
from followthrough.core.presenters import tag, tag_html

from .models import Holiday

REMOVED_TAG = tag("Removed", "grey")
ADDED_TAG = tag("Added", "blue")
PUBLISHED_TAG = tag("Published", "green")


def calculator_result(result):
    """A worked-out deadline (`deadlines.Deadline`): its last day, how it was worked out, and its JSON address."""
    query = urlencode({"rule": result.rule, "count": result.count, "start": result.start.isoformat()})
    return {
        "due_text": long_date(result.due),
        "explanation": result.explanation,
        "json_url": f"{reverse('api:deadlines')}?{query}",
    }


def holiday_tag(holiday):
    if not holiday.is_active:
        return REMOVED_TAG
    return ADDED_TAG if holiday.source == Holiday.Source.ADDED else PUBLISHED_TAG


def holiday_text(holiday):
    """ "Monday 25 December 2028: Christmas Day" """
    return f"{weekday_date(holiday.date)}: {holiday.name}"


def holidays_table(holidays, year):
    """One year's bank holidays as `govukTable` parameters, each active one with a link to remove it."""
    rows = []
    for holiday in holidays:
        remove = ""
        if holiday.is_active:
            href = reverse("calendar:holiday-remove", kwargs={"holiday_id": holiday.pk})
            remove = format_html(
                '<a class="govuk-link" href="{}">Remove<span class="govuk-visually-hidden"> {} {}</span></a>',
                href,
                holiday.name,
                long_date(holiday.date),
            )
        rows.append(
            [
                {"text": weekday_date(holiday.date)},
                {"text": holiday.name},
                {"html": tag_html(holiday_tag(holiday))},
                {"html": remove},
            ]
        )
    return {
        "caption": f"Bank holidays in {year}",
        "captionClasses": "govuk-table__caption--m",
        "head": [
            {"text": "Date"},
            {"text": "Name"},
            {"text": "Status"},
            {"html": format_html('<span class="govuk-visually-hidden">{}</span>', "Action")},
        ],
        "rows": rows or [[{"text": f"There are no bank holidays in the table for {year}.", "colspan": 4}]],
    }


def stored_deadline(deadline):
    """An open deadline: what is due, when, how it was worked out, and each time it moved."""
    return {
        "id": f"deadline-{deadline.pk}",
        "label": deadline.label,
        "due_text": long_date(deadline.due),
        "explanation": deadline.explanation,
        "changes": [
            f"{date_time(c.at)}: moved from {long_date(c.old_due)} to {long_date(c.new_due)} because {c.reason}"
            for c in deadline.changes.all()
        ],
    }
