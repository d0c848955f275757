"""What the report pages show, worked out once so templates only lay it out (STYLE.md §7)."""

from django.db.models import Prefetch
from django.urls import reverse
from django.utils.html import format_html

from followthrough.calendar import deadlines
from followthrough.core.formatting import long_date, plural
from followthrough.core.presenters import Presenter, TimelineEvent, tag, tag_html
from followthrough.core.provenance import when_published

from .duties import SET_BY_THE_REPORT, response_due_basis, response_duty
from .models import DueRule, Obligation, Report

SECTIONS = [
    ("summary", "Summary"),
    ("findings", "Findings"),
    ("steps_taken", "Steps taken"),
    ("conclusions", "Conclusions"),
    ("further_action", "Further action"),
    ("material_excluded", "Material left out of the published report"),
]

SUMMARY_TAG = tag("Summary", "grey")
PUBLISHED_TAG = tag("Published", "green")
DRAFT_TAG = tag("Draft", "grey")
ADDRESSEE_TAG = tag("Addressee", "blue")
NO_LONGER_ADDRESSED_TAG = tag("No longer addressed", "grey")

# Where each summary row's "Change" link lands on the form that changes a draft, and what it changes (for screen
# readers, which read the link as "Change publication date").
CHANGE_LINKS = {
    "Published": ("planned_on-day", "planned publication date"),
    "By": ("id_authors", "who wrote the report"),
    "Source": ("source", "what the report is about"),
    "Responses due": ("id_response_count", "response period"),
    "Progress reported": ("id_progress_return_months", "how often progress is reported"),
}


def obligations_prefetch(queryset=None):
    queryset = queryset if queryset is not None else Obligation.casework.all()
    return Prefetch(
        "obligations",
        queryset=queryset.select_related(
            "organisation", "group", "response_deadline", "recommendation_deadline"
        ).order_by("organisation__name"),
    )


def recommendations_for_page(report):
    """The report's recommendations, then its actions, with everything their presenters read."""
    return (
        report.recommendations.order_by("-kind", "number")
        .prefetch_related("points", "versions", "groups", "organisations", obligations_prefetch())
        .select_related("report")
    )


def response_due(report):
    """The response period's last day, worked out from the report's rule (a pure calculation)."""
    return deadlines.compute(rule=report.response_unit, count=report.response_count, start=report.counts_from)


def response_period_words(report):
    unit = "day" if report.response_unit == Report.ResponseUnit.CALENDAR_DAYS else "month"
    words = plural(report.response_count, unit)
    if unit == "day":
        return f"{words} beginning with the day of publication"
    return f"{words} from the day of publication"


def _organisation_link(organisation):
    return {
        "name": organisation.name,
        "code": organisation.code,
        "url": reverse("organisations:detail", kwargs={"code": organisation.code}),
    }


class ReportPresenter(Presenter):
    fields = ("slug", "title", "authors", "document_url", "is_published", "counts_from")

    def __init__(self, report, *, public=True):
        super().__init__(report)
        self.public = public

    @property
    def has_document(self):
        return bool(self._record.document_file)

    @property
    def duty(self):
        """Who must respond to the report, and where the duty comes from (`duties.response_duty`)."""
        return response_duty(self._record)

    @property
    def published_on_text(self):
        return long_date(self._record.published_on)

    @property
    def counts_from_text(self):
        return long_date(self._record.counts_from)

    @property
    def super_complaint_reference(self):
        return self._record.super_complaint.reference if self._record.super_complaint_id else ""

    @property
    def source_caption(self):
        if self._record.source == Report.Source.SUPER_COMPLAINT:
            return "Report on a super-complaint"
        return "Inspection report"

    @property
    def state_tag(self):
        if self._record.is_published:
            return PUBLISHED_TAG
        return DRAFT_TAG

    @property
    def can_change(self):
        """Whether the page offers to change the report: a draft on the inspectorate's pages, never a published one."""
        return not self.public and not self._record.is_published

    @property
    def published_words(self):
        if self._record.is_published:
            return when_published(self._record)
        if self._record.planned_on is None:
            return "Not planned yet"
        return f"{long_date(self._record.planned_on)} (planned)"

    def summary_rows(self):
        report = self._record
        published = self.published_words
        if report.published_on_note:
            published = f"{published}. {report.published_on_note}"
        rows = [{"key": {"text": "Published"}, "value": {"text": published}}]
        if report.authors or self.can_change:
            rows.append({"key": {"text": "By"}, "value": {"text": report.authors or "Not given"}})
        rows.append({"key": {"text": "Source"}, "value": self._source_value()})
        if report.response_applies_to == Report.ResponseAppliesTo.NO_ONE:
            if self.can_change:
                rows.append({"key": {"text": "Responses due"}, "value": {"text": "The report sets no response period"}})
        else:
            due = response_due(report)
            who = (
                "every addressee"
                if report.response_applies_to == Report.ResponseAppliesTo.EVERY_ADDRESSEE
                else "chief officers and local policing bodies"
            )
            rows.append(
                {
                    "key": {"text": "Responses due"},
                    "value": {
                        "text": f"By {long_date(due.due)}, from {who}: {response_period_words(report)} "
                        f"({response_due_basis(report)})"
                    },
                }
            )
        rows.append(
            {
                "key": {"text": "Progress reported"},
                "value": {"text": f"Every {plural(report.progress_return_months, 'month')}"},
            }
        )
        if self.can_change:
            edit = reverse("reports:casework-edit", kwargs={"slug": report.slug})
            for row in rows:
                anchor, words = CHANGE_LINKS[row["key"]["text"]]
                row["actions"] = {
                    "items": [{"href": f"{edit}#{anchor}", "text": "Change", "visuallyHiddenText": words}]
                }
        return rows

    @property
    def counts_text(self):
        """How many recommendations and actions, from the counts the list views annotate when they have them."""
        recommendations = getattr(self._record, "recommendation_total", None)
        actions = getattr(self._record, "action_total", None)
        if recommendations is None or actions is None:
            recommendations = self._record.recommendations.recommendations().count()
            actions = self._record.recommendations.actions().count()
        parts = []
        if recommendations:
            parts.append(plural(recommendations, "recommendation"))
        if actions:
            parts.append(plural(actions, "action"))
        return " and ".join(parts) if parts else "Recommendations not recorded here yet"

    def _source_value(self):
        """The source in words; for a super-complaint, a link to the complaint's public page."""
        report = self._record
        complaint = report.super_complaint if report.super_complaint_id else None
        if complaint is None:
            return {"text": report.get_source_display()}
        words = f"made by {complaint.complainants_text}, received {long_date(complaint.received_on)}"
        href = reverse("complaints:public-detail", kwargs={"reference": complaint.reference})
        return {
            "html": format_html(
                'Super-complaint <a class="govuk-link" href="{}">{}</a> {}', href, complaint.reference, words
            )
        }

    def sections(self):
        return [
            {"id": field.replace("_", "-"), "heading": heading, "text": getattr(self._record, field)}
            for field, heading in SECTIONS
            if getattr(self._record, field)
        ]

    def events(self):
        """The report's timeline. The public see the steps marked public; the report's history names who acted."""
        events = [e for e in self._record.events.all() if e.is_public or not self.public]
        return [TimelineEvent.from_entry(e, public=False) for e in events]

    def recommendations(self):
        return [RecommendationPresenter(r) for r in recommendations_for_page(self._record)]


def casework_table(reports):
    """Every report, draft or published, as `govukTable` parameters for the inspectorate's list."""
    rows = []
    for report in (ReportPresenter(r, public=False) for r in reports):
        href = reverse("reports:casework-detail", kwargs={"slug": report.slug})
        rows.append(
            [
                {"html": format_html('<a class="govuk-link" href="{}">{}</a>', href, report.title)},
                {"text": report.counts_from_text},
                {"text": report.counts_text},
                {"html": tag_html(report.state_tag)},
            ]
        )
    return {
        "attributes": {"id": "reports"},
        "caption": "Draft and published reports",
        "captionClasses": "govuk-visually-hidden",
        "head": [
            {"text": "Report"},
            {"text": "Publication date"},
            {"text": "Recommendations and actions"},
            {"text": "Status"},
        ],
        "rows": rows,
    }


class RecommendationPresenter(Presenter):
    """A recommendation or action: its words, points, due date and the organisations it is addressed to."""

    fields = ("title", "text", "number", "kind", "is_summary")

    def __init__(self, recommendation):
        super().__init__(recommendation)
        self._report = recommendation.report

    @property
    def kind_words(self):
        """ "Recommendation" or "Action" """
        return self._record.get_kind_display()

    @property
    def url(self):
        return reverse(
            f"reports:{self._record.kind}", kwargs={"slug": self._report.slug, "number": self._record.number}
        )

    @property
    def anchor(self):
        return f"{self._record.kind}-{self._record.number}"

    @property
    def summary_tag(self):
        return SUMMARY_TAG if self._record.is_summary else None

    @property
    def source(self):
        """Where its words were taken from, when a published page rather than the report itself (ADR 0021)."""
        rec = self._record
        if not (rec.source_title or rec.source_url):
            return None
        return {"title": rec.source_title or rec.source_url, "url": rec.source_url}

    @property
    def points(self):
        return [point.text for point in self._record.points.all()]

    def _obligations(self):
        return list(self._record.obligations.all())

    def active_obligations(self):
        return [o for o in self._obligations() if o.is_active]

    def closed_obligations(self):
        return [ObligationPresenter(o) for o in self._obligations() if not o.is_active]

    def _due(self):
        """The recommendation's own due date, with its explanation, or None."""
        rec = self._record
        stored = next((o.recommendation_deadline for o in self.active_obligations() if o.recommendation_deadline), None)
        if stored is not None:
            return stored.due, stored.explanation
        start = self._report.counts_from
        if rec.due_rule == DueRule.IMMEDIATELY:
            return start, f"Due immediately: on the day of publication, {long_date(start)}."
        if rec.due_rule == DueRule.FIXED_DATE and rec.due_date:
            return rec.due_date, f"A fixed date: {long_date(rec.due_date)}."
        if rec.due_rule in (DueRule.WITHIN_DAYS, DueRule.WITHIN_MONTHS) and rec.due_count:
            rule = deadlines.Rule.CALENDAR_DAYS if rec.due_rule == DueRule.WITHIN_DAYS else deadlines.Rule.MONTHS
            result = deadlines.compute(rule=rule, count=rec.due_count, start=start)
            return result.due, result.explanation
        return None

    @property
    def due_text(self):
        rec = self._record
        due = self._due()
        if due is None:
            return "The report sets no date"
        date = long_date(due[0])
        if rec.due_rule == DueRule.IMMEDIATELY:
            return f"Immediately, from publication on {date}"
        if rec.due_rule == DueRule.WITHIN_DAYS:
            return f"Within {plural(rec.due_count, 'day')} of publication: by {date}"
        if rec.due_rule == DueRule.WITHIN_MONTHS:
            return f"Within {plural(rec.due_count, 'month')} of publication: by {date}"
        return f"By {date}"

    @property
    def due_explanation(self):
        due = self._due()
        if due is None:
            return ""
        if self._record.due_rule == DueRule.IMMEDIATELY:
            return f"Due immediately: on the day of publication, {long_date(due[0])}."
        return due[1]

    @property
    def due_basis(self):
        """Where the recommendation's own due date comes from, if it has one."""
        return SET_BY_THE_REPORT if self._record.due_rule != DueRule.NONE else ""

    @property
    def response_due_basis(self):
        return response_due_basis(self._report)

    @property
    def response_due_text(self):
        """When responses are due, if any addressee owes one."""
        stored = [o.response_deadline for o in self.active_obligations() if o.response_deadline]
        if not stored:
            return ""
        owing = plural(len(stored), "response")
        dates = sorted({d.due for d in stored})
        if len(dates) == 1:
            return f"{owing} due by {long_date(dates[0])}"
        return f"{owing} due between {long_date(dates[0])} and {long_date(dates[-1])}"

    @property
    def response_explanations(self):
        return sorted({o.response_deadline.explanation for o in self.active_obligations() if o.response_deadline})

    def addressee_groups(self):
        """Active obligations grouped as the report addressed them, largest first.

        Each group: name, count, label ("Chief constables of the territorial forces (43)") and its organisations.
        Organisations named directly are each their own entry.
        """
        groups = {}
        for obligation in self.active_obligations():
            if obligation.group_id is None:
                key, name = ("organisation", obligation.organisation_id), obligation.organisation.name
            else:
                key, name = ("group", obligation.group_id), obligation.group.name
            entry = groups.setdefault(key, {"name": name, "obligations": []})
            entry["obligations"].append(ObligationPresenter(obligation))
        result = []
        for (kind, _), entry in groups.items():
            obligations = sorted(entry["obligations"], key=lambda o: o.organisation["name"])
            count = len(obligations)
            result.append(
                {
                    "id": f"{self.anchor}-addressees-{len(result) + 1}",
                    "name": entry["name"],
                    "count": count,
                    "label": f"{entry['name']} ({count})" if kind == "group" and count > 1 else entry["name"],
                    "organisations": [o.organisation for o in obligations],
                    "obligations": obligations,
                    "single": count == 1,
                }
            )
        return sorted(result, key=lambda g: (-g["count"], g["name"]))

    @property
    def addressee_summary(self):
        """ "Chief constables of the territorial forces (43); Local policing bodies (43)" """
        return "; ".join(group["label"] for group in self.addressee_groups()) or self.planned_addressees_text

    @property
    def planned_addressees_text(self):
        """Who it is addressed to before publication turns the groups into organisations."""
        names = [g.name for g in self._record.groups.all()] + [o.name for o in self._record.organisations.all()]
        if not names:
            return "No one yet"
        return "; ".join(names) + " (organisations are worked out on publication)"

    @property
    def jointly_text(self):
        if not self._record.jointly:
            return ""
        return "Addressed jointly: these organisations are asked to act together."

    def corrections(self):
        """Each correction, oldest first, with why and the wording it replaced."""
        versions = list(self._record.versions.all())
        return [
            {
                "reason": version.reason,
                "text": f"Corrected on {long_date(version.created_at)}: {version.reason}",
                "previous": {"number": previous.number, "text": previous.text, "points": previous.points},
            }
            for previous, version in zip(versions, versions[1:], strict=False)
        ]

    def due_dates_tables(self):
        """For each group of addressees, a `govukTable` of each organisation's dates and a link to its response."""
        tables = []
        for group in self.addressee_groups():
            rows = []
            for obligation in group["obligations"]:
                response = reverse(
                    "responses:organisation-response",
                    kwargs={"slug": self._report.slug, "code": obligation.organisation["code"]},
                )
                rows.append(
                    [
                        {"html": obligation.organisation_link},
                        {"html": _with_source(obligation.response_due_text, obligation.response_due_basis)},
                        {"html": _with_source(obligation.recommendation_due_text, obligation.recommendation_due_basis)},
                        {
                            "html": format_html(
                                '<a class="govuk-link" href="{}#{}">Read<span class="govuk-visually-hidden"> the '
                                "response of {}</span></a>",
                                response,
                                self.anchor,
                                obligation.organisation["name"],
                            )
                        },
                    ]
                )
            tables.append(
                {
                    "attributes": {"id": f"{group['id']}-table"},
                    "caption": group["label"],
                    "captionClasses": "govuk-table__caption--s",
                    "head": [
                        {"text": "Organisation"},
                        {"text": "Response due"},
                        {"text": f"{self.kind_words} due"},
                        {"text": "Response"},
                    ],
                    "rows": rows,
                }
            )
        return tables

    def closed_table(self):
        """The organisations a correction removed, and why, as `govukTable` parameters; None if there are none."""
        closed = self.closed_obligations()
        if not closed:
            return None
        return {
            "caption": f"Organisations removed from this {self.kind_words.lower()} by a correction",
            "captionClasses": "govuk-visually-hidden",
            "head": [{"text": "Organisation"}, {"text": "Why"}],
            "rows": [
                [
                    {"html": format_html("{} {}", o.organisation_link, tag_html(o.status_tag))},
                    {"text": o.closed_text},
                ]
                for o in closed
            ],
        }


def _with_source(text, basis):
    """A due date, and where it comes from on a line of its own, for a table cell."""
    if not basis:
        return format_html("{}", text)
    return format_html(
        '{} <span class="govuk-!-display-block govuk-body-s govuk-!-margin-bottom-0">Source: {}</span>', text, basis
    )


class ObligationPresenter(Presenter):
    """One organisation's obligation on one recommendation."""

    def __init__(self, obligation):
        super().__init__(obligation)
        self.organisation = _organisation_link(obligation.organisation)

    @property
    def organisation_link(self):
        return format_html(
            '<a class="govuk-link" href="{}">{}</a>', self.organisation["url"], self.organisation["name"]
        )

    @property
    def status_tag(self):
        if self._record.is_active:
            return ADDRESSEE_TAG
        return NO_LONGER_ADDRESSED_TAG

    @property
    def response_due_text(self):
        deadline = self._record.response_deadline
        return long_date(deadline.due) if deadline else "No response period"

    @property
    def recommendation_due_text(self):
        deadline = self._record.recommendation_deadline
        return long_date(deadline.due) if deadline else "No date set"

    @property
    def response_due_basis(self):
        """Where the response's due date comes from, if there is one."""
        if not self._record.response_deadline:
            return ""
        return response_due_basis(self._record.recommendation.report)

    @property
    def recommendation_due_basis(self):
        return SET_BY_THE_REPORT if self._record.recommendation_deadline else ""

    @property
    def closed_text(self):
        if self._record.is_active:
            return ""
        return f"Closed on {long_date(self._record.closed_at)}. {self._record.closed_reason}"
