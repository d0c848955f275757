"""What the correspondence pages show, worked out once so templates only lay it out (STYLE.md §7, ADR 0011).

`LetterPresenter(letter, public=True)` never reads the original text or file: the public pages use it that way, so a
template cannot show what was redacted even by mistake. It names what a template may read; the letter itself stays out
of reach, so a field added to `Letter` later is private until it is named here.
"""

from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html

from followthrough.core import files
from followthrough.core.formatting import long_date, plural
from followthrough.core.presenters import Presenter, StateTags, TimelineEvent, tag, tag_html
from followthrough.core.uploads import size_words
from followthrough.reports.models import Recommendation, Report
from followthrough.reports.models import State as ReportState

from . import redaction
from .models import PUBLIC_STATES, Letter, ReplyRule, State

STATE_TAGS = StateTags(
    {
        State.DRAFT: ("Draft", "grey"),
        State.CLEARED: ("Cleared", "blue"),
        State.PUBLISHED: ("Published", "green"),
        State.WITHHELD: ("Withheld", "orange"),
    },
    states=State,
)
REPLY_OVERDUE_TAG = tag("Reply overdue", "red")

LETTER_RELATIONS = ("from_organisation", "to_organisation", "report", "reply_deadline", "in_reply_to")


def with_relations(queryset):
    return queryset.select_related(*LETTER_RELATIONS).prefetch_related(
        "also_from", "also_to", "recommendations__report", "replies"
    )


def _organisations(primary, others):
    return [
        {"name": o.name, "url": reverse("organisations:detail", kwargs={"code": o.code})}
        for o in [primary, *sorted(others, key=lambda o: o.name)]
    ]


def _names(primary, others):
    organisations = [primary, *sorted(others, key=lambda o: o.name)]
    names = [o.name for o in organisations]
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " and " + names[-1]


class LetterPresenter(Presenter):
    fields = ("pk", "subject", "from_office_holder", "to_office_holder")

    def __init__(self, letter, *, public=True, today=None):
        super().__init__(letter)
        self.public = public
        self.today = today or timezone.localdate()

    # State ----------------------------------------------------------------------------------------------------------

    @property
    def is_draft(self):
        return self._record.state == State.DRAFT

    @property
    def is_published(self):
        return self._record.state == State.PUBLISHED

    @property
    def public_text_heading(self):
        if self._record.state in (State.CLEARED, State.PUBLISHED):
            return "The published text"
        return "Preview of the published text"

    @property
    def withhold_action_text(self):
        return "Take the letter down" if self.is_published else "Withhold the letter"

    @property
    def withhold_effect_text(self):
        if self.is_published:
            return "The letter's text and file are taken off the public register at once."
        return "The letter will not be published."

    # Who recorded and cleared it (casework pages) -------------------------------------------------------------------

    @property
    def from_organisation_name(self):
        return self._record.from_organisation.name

    @property
    def recorded_by_text(self):
        recorded_by = self._record.recorded_by
        return recorded_by.full_name if recorded_by else "Follow Through (imported)"

    @property
    def cleared_text(self):
        """ "Ann Clearer, 3 June 2026", or "" before it is cleared."""
        letter = self._record
        return f"{letter.cleared_by.full_name}, {long_date(letter.cleared_at)}" if letter.cleared_by else ""

    @property
    def cleared_sentence(self):
        letter = self._record
        who = letter.cleared_by.full_name if letter.cleared_by else "Someone"
        return f"{who} cleared this letter on {long_date(letter.cleared_at)}."

    @property
    def file_is_public(self):
        return self._record.file_is_public

    @property
    def sent_on_iso(self):
        return self._record.sent_on.isoformat()

    # Who, when, what about ------------------------------------------------------------------------------------------

    @property
    def date_text(self):
        return long_date(self._record.sent_on)

    @property
    def from_text(self):
        return f"{self._record.from_office_holder}, {self.from_organisations_text}"

    @property
    def to_text(self):
        return f"{self._record.to_office_holder}, {self.to_organisations_text}"

    @property
    def from_organisations_text(self):
        return _names(self._record.from_organisation, self._record.also_from.all())

    @property
    def to_organisations_text(self):
        return _names(self._record.to_organisation, self._record.also_to.all())

    def from_organisations(self):
        return _organisations(self._record.from_organisation, self._record.also_from.all())

    def to_organisations(self):
        return _organisations(self._record.to_organisation, self._record.also_to.all())

    @property
    def state_tag(self):
        return STATE_TAGS[State(self._record.state)]

    @property
    def is_withheld(self):
        return self._record.state == State.WITHHELD

    @property
    def withheld_text(self):
        return f"Withheld: {self._record.withheld_reason}" if self.is_withheld else ""

    @property
    def public_url(self):
        return reverse("correspondence:detail", kwargs={"letter_id": self._record.pk})

    @property
    def casework_url(self):
        return reverse("correspondence:casework-detail", kwargs={"letter_id": self._record.pk})

    @property
    def url(self):
        return self.public_url if self.public else self.casework_url

    # The text ---------------------------------------------------------------------------------------------------------

    @property
    def text(self):
        """The text the page shows: on public pages only the stored public text, never for a withheld letter."""
        if self.public:
            return "" if self.is_withheld else self._record.public_body
        return self._record.body

    @property
    def preview(self):
        """The public text as it is, or (for a draft) as it would be if cleared now, with the passages it hides."""
        if self._record.state in (State.CLEARED, State.PUBLISHED):
            passages = redaction.redact(self._record.body).passages if not self.public else ()
            return {"text": self._record.public_body, "passages": passages, "count": self._record.redaction_count}
        try:
            result = redaction.redact(self._record.body)
        except ValueError as error:
            return {"text": "", "passages": (), "count": 0, "problem": str(error)}
        return {"text": result.public_text, "passages": result.passages, "count": result.count}

    @property
    def redaction_text(self):
        count = self._record.redaction_count
        if not count or self.is_withheld:
            return ""
        return f"{plural(count, 'passage')} of personal data {'has' if count == 1 else 'have'} been redacted."

    # The file ---------------------------------------------------------------------------------------------------------

    @property
    def file_available(self):
        if not self._record.has_file:
            return False
        if self.public:
            return self._record.state == State.PUBLISHED and self._record.file_is_public
        return True

    @property
    def file_url(self):
        if not self.file_available:
            return ""
        name = "correspondence:file" if self.public else "correspondence:casework-file"
        return reverse(name, kwargs={"letter_id": self._record.pk})

    @property
    def file_text(self):
        letter = self._record
        if not letter.has_file:
            return ""
        details = f"{files.type_words(letter.file_content_type)}, {size_words(letter.file_size or 0)}"
        if self.public:
            return f"Download the letter ({details})"
        return f"{letter.file_name} ({details})"

    @property
    def file_public_text(self):
        if not self._record.has_file:
            return "No file"
        if self._record.file_is_public:
            return "Published with the letter"
        return "Not published" if self._record.state != State.DRAFT else "Not published unless the clearer says so"

    # What it is about -------------------------------------------------------------------------------------------------

    def _report(self):
        report = self._record.report
        if report is None or (self.public and report.state != ReportState.PUBLISHED):
            return None
        return report

    def report(self):
        """The report it is about: its title, and its page once published (public pages: published only)."""
        report = self._report()
        if report is None:
            return None
        published = report.state == ReportState.PUBLISHED
        return {
            "title": report.title,
            "url": reverse("reports:detail", kwargs={"slug": report.slug}) if published else "",
        }

    def recommendations(self):
        """The recommendations and actions it discusses, each with its title and page (public pages: published only)."""
        items = []
        own_report = self._report()
        for rec in sorted(
            self._record.recommendations.all(), key=lambda r: (r.report_id, r.kind != "recommendation", r.number)
        ):
            published = rec.report.state == ReportState.PUBLISHED
            if self.public and not published:
                continue
            kind = "recommendation" if rec.kind == Recommendation.Kind.RECOMMENDATION else "action"
            href = (
                reverse(f"reports:{kind}", kwargs={"slug": rec.report.slug, "number": rec.number}) if published else ""
            )
            # Each names its report when that is not the letter's own.
            other_report = rec.report.title if own_report is None or rec.report_id != own_report.pk else ""
            items.append({"title": rec.title, "href": href, "report_title": other_report})
        return items

    # The reply --------------------------------------------------------------------------------------------------------

    def _replies(self):
        replies = list(self._record.replies.all())
        if self.public:
            replies = [r for r in replies if r.state in PUBLIC_STATES]
        return sorted(replies, key=lambda r: (r.sent_on, r.pk))

    @property
    def reply_rule_text(self):
        letter = self._record
        if letter.reply_rule == ReplyRule.CALENDAR_DAYS:
            return f"Within {plural(letter.reply_days, 'calendar day')} of the letter"
        if letter.reply_rule == ReplyRule.WORKING_DAYS:
            return f"Within {plural(letter.reply_days, 'working day')} of the letter"
        if letter.reply_rule == ReplyRule.FIXED_DATE:
            return "By a fixed date"
        return "No reply date set"

    @property
    def reply_due_text(self):
        deadline = self._record.reply_deadline
        if deadline is None:
            return ""
        return f"{self.reply_rule_text}: by {long_date(deadline.due)}"

    @property
    def reply_explanation(self):
        deadline = self._record.reply_deadline
        if deadline is None:
            return ""
        if self._record.reply_rule == ReplyRule.FIXED_DATE:
            return deadline.explanation
        sent_on = long_date(self._record.sent_on)
        return f"Counted from the day after the letter's date, {sent_on}. {deadline.explanation}"

    @property
    def is_reply_overdue(self):
        deadline = self._record.reply_deadline
        return deadline is not None and deadline.due < self.today and not self._record.replies.all()

    @property
    def reply_status(self):
        """Where the reply stands, in words, for the casework register."""
        replies = self._replies()
        if replies:
            return f"Replied on {long_date(replies[0].sent_on)}"
        deadline = self._record.reply_deadline
        if deadline is None:
            return "No reply date set"
        if deadline.due < self.today:
            days = (self.today - deadline.due).days
            return f"Reply overdue by {plural(days, 'day')}: it was due by {long_date(deadline.due)}"
        return f"Reply due by {long_date(deadline.due)}"

    @property
    def reply_status_tag(self):
        if self.is_reply_overdue:
            return REPLY_OVERDUE_TAG
        return None

    def in_reply_to(self):
        parent = self._record.in_reply_to
        if parent is None or (self.public and parent.state not in PUBLIC_STATES):
            return None
        return LetterPresenter(parent, public=self.public, today=self.today)

    def thread(self):
        """The replies, and their replies in turn, oldest first: [{"letter": presenter, "replies": [...]}, ...]."""
        seen = {self._record.pk}

        def branch(letter):
            items = []
            for reply in LetterPresenter(letter, public=self.public, today=self.today)._replies():
                if reply.pk in seen:
                    continue
                seen.add(reply.pk)
                items.append(
                    {"letter": LetterPresenter(reply, public=self.public, today=self.today), "replies": branch(reply)}
                )
            return items

        return branch(self._record)

    # History ----------------------------------------------------------------------------------------------------------

    def events(self):
        """Rows for core/timeline.jinja. Public pages show only publication and withholding, by organisation."""
        changes = self._record.history.all()
        if self.public:
            changes = changes.public()
        return [
            TimelineEvent.from_entry(
                change,
                public=self.public,
                note=change.note if (not self.public or change.to_state == State.WITHHELD) else "",
            )
            for change in changes
        ]

    def summary_rows(self):
        rows = [
            {"key": {"text": "From"}, "value": {"text": self.from_text}},
            {"key": {"text": "To"}, "value": {"text": self.to_text}},
            {"key": {"text": "Date"}, "value": {"text": self.date_text}},
        ]
        if self.reply_due_text:
            rows.append({"key": {"text": "Reply due"}, "value": {"text": self.reply_due_text}})
        return rows


def casework_rows(letters, today=None):
    return [LetterPresenter(letter, public=False, today=today) for letter in letters]


def casework_table(rows):
    """The register as caseworkers see it, newest first, as `govukTable` parameters."""

    def reply_cell(letter):
        if letter.reply_status_tag:
            return {"html": format_html("{}<br>{}", tag_html(letter.reply_status_tag), letter.reply_status)}
        return {"text": letter.reply_status}

    return {
        "attributes": {"id": "letters"},
        "caption": "Letters on the register, newest first",
        "captionClasses": "govuk-visually-hidden",
        "head": [{"text": "Date"}, {"text": "Letter"}, {"text": "Status"}, {"text": "Reply"}],
        "rows": [
            [
                {"text": letter.date_text},
                {
                    "html": format_html(
                        '<a class="govuk-link" href="{}">{}</a> <span class="govuk-body-s govuk-!-display-block">'
                        "From {} to {}</span>",
                        letter.casework_url,
                        letter.subject,
                        letter.from_organisations_text,
                        letter.to_organisations_text,
                    )
                },
                {"html": tag_html(letter.state_tag)},
                reply_cell(letter),
            ]
            for letter in rows
        ],
    }


def report_filter_items(selected_slug):
    """The options of the public register's report filter: published reports that have public letters."""
    reports = Report.public.filter(pk__in=Letter.public.values("report")) | Report.public.filter(
        pk__in=Letter.public.values("recommendations__report")
    )
    items = [{"value": "", "text": "All reports", "selected": not selected_slug}]
    for report in reports.distinct().order_by("-published_on", "title"):
        items.append({"value": report.slug, "text": report.title, "selected": report.slug == selected_slug})
    return items


def public_letters_about(*, report, recommendation=None):
    """The letters anyone may read about `report`, or about one of its recommendations, newest first: each one's
    subject, address, date and whether it was withheld.

    The report pages list them. Reports sits below correspondence (ADR 0015), so they find this function through
    settings.REPORT_PAGE_LETTERS instead of importing it.
    """
    letters = Letter.public.for_recommendation(recommendation) if recommendation else Letter.public.for_report(report)
    return [
        {
            "subject": letter.subject,
            "url": reverse("correspondence:detail", kwargs={"letter_id": letter.pk}),
            "date_text": long_date(letter.sent_on),
            "withheld": letter.state == State.WITHHELD,
        }
        for letter in letters.newest_first()
    ]
