"""The public pages of responses, as their templates show them: an organisation's response to a report, its record
across reports, the matrix and the national responses.

Each presenter names what a page may show (ADR 0011). They are made from published material only (`statuses`,
`obligation_records` and the `public` managers), so they are safe for anyone to read.
"""

from django.urls import reverse
from django.utils.html import format_html

from followthrough.core.formatting import long_date, paragraphs
from followthrough.core.presenters import Presenter, tag_html
from followthrough.reports.presenters import SUMMARY_TAG

from ..models import Outcome
from .record import (
    assessment_record_words,
    figure_rows,
    implementation_record_words,
    response_record_words,
)
from .shown import AssessmentShown, EvidenceLink, VersionShown, example_tag, public_evidence_href


class ReportShown(Presenter):
    fields = ("pk", "slug", "title")

    def __init__(self, report):
        super().__init__(report)
        self.published = long_date(report.published_on)


class OrganisationShown(Presenter):
    fields = ("code", "name")

    def __init__(self, organisation):
        super().__init__(organisation)
        self.kind_words = organisation.get_kind_display()


class RecommendationShown(Presenter):
    """A recommendation or action: its title, its text and whether the text is the report's own words."""

    fields = ("kind", "number", "title", "text", "is_summary")

    def __init__(self, recommendation):
        super().__init__(recommendation)
        self.kind_words = recommendation.get_kind_display().lower()  # "recommendation", "action"
        self.anchor = f"{recommendation.kind}-{recommendation.number}"
        self.summary_tag = SUMMARY_TAG if recommendation.is_summary else None  # the report's words, summarised


# An organisation's response to a report -------------------------------------------------------------------------------


class ReturnShown(Presenter):
    """A progress return on the public page: what was said and when, or that nothing was received."""

    fields = ("number", "narrative")

    def __init__(self, item):
        record = item["record"]
        super().__init__(record)
        self.status = item["status"]
        self.when_key = item["when_key"]
        self.when = item["when"]
        self.received = item["received"]
        self.example_tag = example_tag(record) if item["received"] else None
        # Only a received return's evidence is read: a missed one may have a draft with files attached.
        self.evidence = (
            [EvidenceLink(e, public_evidence_href) for e in record.evidence.all()] if item["received"] else []
        )


class ClaimShown(Presenter):
    """A published claim of "implemented", with the inspectorate's assessments of it, oldest first."""

    fields = ("number",)

    def __init__(self, item):
        claim = item["claim"]
        super().__init__(claim)
        self.claimed = item["claimed"]
        self.status_words = claim.get_status_display()
        self.assessments = [AssessmentShown(a["record"], words=a["words"]) for a in item["assessments"]]
        records = [a["record"] for a in item["assessments"]]
        self.is_reopened = bool(records) and records[-1].outcome == Outcome.REOPENED


class RecordSection(Presenter):
    """Everything public about one obligation, for an organisation's response page (from an `ObligationRecord`)."""

    def __init__(self, record):
        super().__init__(record)
        obligation = record.obligation
        self.anchor = record.anchor
        self.recommendation = RecommendationShown(record.recommendation)
        self.is_active = obligation.is_active
        self.closed_reason = obligation.closed_reason
        self.latest = VersionShown(record.latest) if record.latest else None
        self.earlier = [VersionShown(v) for v in record.earlier]
        self.published_words = record.published_words
        self.self_approval_words = record.self_approval_words
        self.updates = record.updates
        self.no_response_words = record.no_response_words
        self.returns = [ReturnShown(item) for item in record.returns_shown]
        upcoming = record.status.next_return
        self.next_return_due = long_date(upcoming.due_on) if upcoming else ""
        self.claims = [ClaimShown(item) for item in record.claims]


def response_sections(records):
    return [RecordSection(r) for r in records]


# An organisation's record across reports ------------------------------------------------------------------------------


def _response_link(report, organisation, status, *, anchor, text, hidden):
    """A link to the part of an organisation's response page on one recommendation, with its Example tag."""
    href = reverse("responses:organisation-response", kwargs={"slug": report.slug, "code": organisation.code})
    tag = example_tag(status)
    return format_html(
        '<a class="govuk-link" href="{}#{}">{}<span class="govuk-visually-hidden">{}</span></a>{}',
        href,
        anchor,
        text,
        hidden,
        format_html(" {}", tag_html(tag)) if tag else "",
    )


def record_table(report, organisation, statuses):
    """One report's rows of an organisation's record, as `govukTable` parameters."""
    rows = []
    for status in statuses:
        recommendation = status.obligation.recommendation
        title = _response_link(
            report,
            organisation,
            status,
            anchor=f"{recommendation.kind}-{recommendation.number}",
            text=recommendation.title,
            hidden=f": {report.title}",
        )
        rows.append(
            [
                {"html": title},
                {"text": response_record_words(status)},
                {"text": implementation_record_words(status)},
                {"text": assessment_record_words(status)},
            ]
        )
    return {
        "caption": f"{organisation.name}’s record on {report.title}",
        "captionClasses": "govuk-visually-hidden",
        "firstCellIsHeader": True,
        "head": [{"text": h} for h in ("Recommendation", "Response", "Implementation", "Assessment")],
        "rows": rows,
    }


def record_reports(organisation, statuses):
    """[{report, table}] for each report with something addressed to `organisation`, in the order given."""
    by_report = {}
    for status in statuses:
        report = status.obligation.recommendation.report
        by_report.setdefault(report.pk, (report, []))[1].append(status)
    return [
        {"report": ReportShown(report), "table": record_table(report, organisation, rows)}
        for report, rows in by_report.values()
    ]


# The matrix and the national responses --------------------------------------------------------------------------------


class CollationShown(Presenter):
    """A published national response: who published it and when, its text, and its figures as they then stood."""

    fields = ("pk",)

    def __init__(self, collation):
        super().__init__(collation)
        self.organisation_name = collation.organisation.name
        self.published = long_date(collation.published_on)
        self.text_html = paragraphs(collation.text)
        self.example_tag = example_tag(collation)
        self.rows = figure_rows(collation.figures)


def matrix_table(report, section, statuses, *, is_filtered):
    """One recommendation's addressees on the matrix, as `govukTable` parameters."""
    total = section["total"]
    if is_filtered:
        caption = f"{len(statuses)} of {total} addressees match the filters"
    else:
        caption = f"{total} {'addressee' if total == 1 else 'addressees'}"
    rows = []
    for status in statuses:
        organisation = status.obligation.organisation
        name = _response_link(
            report,
            organisation,
            status,
            anchor=section["anchor"],
            text=organisation.name,
            hidden=f": response to {section['recommendation'].title}",
        )
        rows.append(
            [
                {"html": name},
                {"text": status.response_words},
                {"text": status.implementation_words},
                {"html": tag_html(status.tag)},
            ]
        )
    return {
        "caption": caption,
        "captionClasses": "govuk-table__caption--s",
        "firstCellIsHeader": True,
        "head": [{"text": h} for h in ("Organisation", "Response", "Implementation", "State")],
        "rows": rows,
    }
