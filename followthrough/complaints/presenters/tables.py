"""The complaint lists as `govukTable` parameters: each row's words, links and tags worked out here."""

from django.urls import reverse
from django.utils.html import format_html

from followthrough.core.formatting import plural
from followthrough.core.presenters import tag_html


def _head(*headings):
    return [{"text": heading} for heading in headings]


def _with_tag(words):
    """A clock's words, with its tag after them when it has one."""
    if words["tag"]:
        return {"html": format_html("{} {}", words["text"], tag_html(words["tag"]))}
    return {"text": words["text"]}


def _clock_rows(inbox_rows, first_cell):
    """Each complaint's row: `first_cell(complaint)` names it, then its state, when received and its clocks."""
    return [
        [
            {"html": first_cell(row.presenter)},
            {"html": tag_html(row.state_tag)},
            {"text": row.received_text},
            _with_tag(row.acknowledgement),
            _with_tag(row.progress_report),
        ]
        for row in inbox_rows
    ]


CLOCK_HEADINGS = ("Super-complaint", "State", "Received", "Acknowledgement", "Next progress report")


def drafts_table(presenters):
    """A designated body's drafts: title, organisation, when started and state."""
    rows = [
        [
            {
                "html": format_html(
                    '<a class="govuk-link" href="{}">{}</a>',
                    reverse("complaints:detail", kwargs={"complaint_id": p.pk}),
                    p.heading,
                )
            },
            {"text": p.designated_body_name},
            {"text": p.started_text},
            {"html": tag_html(p.state_tag)},
        ]
        for p in presenters
    ]
    return {
        "attributes": {"aria-labelledby": "drafts"},
        "head": _head("Title", "Organisation", "Started", "State"),
        "rows": rows,
    }


def sent_table(inbox_rows):
    """A designated body's submitted complaints, with their clocks."""
    rows = _clock_rows(
        inbox_rows,
        lambda complaint: format_html(
            '<a class="govuk-link" href="{}">{}</a><br><span class="govuk-body-s">{}</span>',
            reverse("complaints:detail", kwargs={"complaint_id": complaint.pk}),
            complaint.heading,
            complaint.reference,
        ),
    )
    return {"attributes": {"aria-labelledby": "submitted"}, "head": _head(*CLOCK_HEADINGS), "rows": rows}


def inbox_table(inbox_rows):
    """The caseworkers' inbox: every submitted complaint with its clocks."""
    rows = _clock_rows(
        inbox_rows,
        lambda complaint: format_html(
            '<a class="govuk-link" href="{}">{}</a><br>{}<br><span class="govuk-body-s">{}</span>',
            reverse("complaints:casework-detail", kwargs={"reference": complaint.reference}),
            complaint.reference,
            complaint.heading,
            complaint.designated_body_name,
        ),
    )
    return {
        "caption": plural(len(rows), "super-complaint"),
        "captionClasses": "govuk-table__caption--m",
        "head": _head(*CLOCK_HEADINGS),
        "rows": rows,
    }


def public_table(presenters):
    """Complaints with an eligibility decision, as anyone may read them."""
    rows = [
        [
            {
                "html": format_html(
                    '<a class="govuk-link" href="{}">{}</a><br><span class="govuk-body-s">{}</span>',
                    reverse("complaints:public-detail", kwargs={"reference": p.reference}),
                    p.heading,
                    p.reference,
                )
            },
            {"text": p.designated_body_name},
            {"text": p.state_words},
            {"text": p.received_text},
            {"text": p.eligibility_decision_text},
            {"text": p.report_published_text or "Not yet"},
        ]
        for p in presenters
    ]
    return {
        "caption": "Super-complaints with an eligibility decision",
        "captionClasses": "govuk-table__caption--m",
        "head": _head(
            "Super-complaint", "Designated body", "State", "Received", "Eligibility decision", "Report published"
        ),
        "rows": rows,
    }
