"""What the correspondence pages show, worked out once so templates only lay it out (STYLE.md §7).

`LetterPresenter(letter, public=True)` never reads the original text or file: the public pages use it that way, so a
template cannot show what was redacted even by mistake.
"""

from django.urls import reverse
from django.utils import timezone

from followthrough.core import files
from followthrough.core.formatting import long_date, plural
from followthrough.core.presenters import TimelineEvent
from followthrough.core.uploads import size_words
from followthrough.reports.models import Recommendation, Report
from followthrough.reports.models import State as ReportState

from . import redaction
from .models import PUBLIC_STATES, Letter, ReplyRule, State

STATE_TAGS = {
    State.DRAFT: {"text": "Draft", "classes": "govuk-tag--grey"},
    State.CLEARED: {"text": "Cleared", "classes": "govuk-tag--blue"},
    State.PUBLISHED: {"text": "Published", "classes": "govuk-tag--green"},
    State.WITHHELD: {"text": "Withheld", "classes": "govuk-tag--orange"},
}

# What a public page must never read from a letter: the original text and where the original file is kept.
PRIVATE_FIELDS = {"body", "file", "file_name"}

LETTER_RELATIONS = ("from_organisation", "to_organisation", "report", "reply_deadline", "in_reply_to")


def with_relations(queryset):
    return queryset.select_related(*LETTER_RELATIONS).prefetch_related(
        "also_from", "also_to", "recommendations__report", "replies"
    )


def _names(primary, others):
    organisations = [primary, *sorted(others, key=lambda o: o.name)]
    names = [o.name for o in organisations]
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " and " + names[-1]


class LetterPresenter:
    def __init__(self, letter, *, public=True, today=None):
        self.letter = letter
        self.public = public
        self.today = today or timezone.localdate()

    def __getattr__(self, name):
        if self.public and name in PRIVATE_FIELDS:
            raise AttributeError(f"{name} is private: public pages show only the public text")
        return getattr(self.letter, name)

    # Who, when, what about ------------------------------------------------------------------------------------------

    @property
    def date_text(self):
        return long_date(self.letter.sent_on)

    @property
    def from_text(self):
        return f"{self.letter.from_office_holder}, {self.from_organisations_text}"

    @property
    def to_text(self):
        return f"{self.letter.to_office_holder}, {self.to_organisations_text}"

    @property
    def from_organisations_text(self):
        return _names(self.letter.from_organisation, self.letter.also_from.all())

    @property
    def to_organisations_text(self):
        return _names(self.letter.to_organisation, self.letter.also_to.all())

    def from_organisations(self):
        return [self.letter.from_organisation, *sorted(self.letter.also_from.all(), key=lambda o: o.name)]

    def to_organisations(self):
        return [self.letter.to_organisation, *sorted(self.letter.also_to.all(), key=lambda o: o.name)]

    @property
    def state_tag(self):
        return STATE_TAGS[State(self.letter.state)]

    @property
    def is_withheld(self):
        return self.letter.state == State.WITHHELD

    @property
    def withheld_text(self):
        return f"Withheld: {self.letter.withheld_reason}" if self.is_withheld else ""

    @property
    def public_url(self):
        return reverse("correspondence:detail", kwargs={"letter_id": self.letter.pk})

    @property
    def casework_url(self):
        return reverse("correspondence:casework-detail", kwargs={"letter_id": self.letter.pk})

    @property
    def url(self):
        return self.public_url if self.public else self.casework_url

    # The text ---------------------------------------------------------------------------------------------------------

    @property
    def text(self):
        """The text the page shows: on public pages only the stored public text, never for a withheld letter."""
        if self.public:
            return "" if self.is_withheld else self.letter.public_body
        return self.letter.body

    @property
    def preview(self):
        """The public text as it is, or (for a draft) as it would be if cleared now, with the passages it hides."""
        if self.letter.state in (State.CLEARED, State.PUBLISHED):
            passages = redaction.redact(self.letter.body).passages if not self.public else ()
            return {"text": self.letter.public_body, "passages": passages, "count": self.letter.redaction_count}
        try:
            result = redaction.redact(self.letter.body)
        except ValueError as error:
            return {"text": "", "passages": (), "count": 0, "problem": str(error)}
        return {"text": result.public_text, "passages": result.passages, "count": result.count}

    @property
    def redaction_text(self):
        count = self.letter.redaction_count
        if not count or self.is_withheld:
            return ""
        return f"{plural(count, 'passage')} of personal data {'has' if count == 1 else 'have'} been redacted."

    # The file ---------------------------------------------------------------------------------------------------------

    @property
    def file_available(self):
        if not self.letter.has_file:
            return False
        if self.public:
            return self.letter.state == State.PUBLISHED and self.letter.file_is_public
        return True

    @property
    def file_url(self):
        if not self.file_available:
            return ""
        name = "correspondence:file" if self.public else "correspondence:casework-file"
        return reverse(name, kwargs={"letter_id": self.letter.pk})

    @property
    def file_text(self):
        letter = self.letter
        if not letter.has_file:
            return ""
        details = f"{files.type_words(letter.file_content_type)}, {size_words(letter.file_size or 0)}"
        if self.public:
            return f"Download the letter ({details})"
        return f"{letter.file_name} ({details})"

    @property
    def file_public_text(self):
        if not self.letter.has_file:
            return "No file"
        if self.letter.file_is_public:
            return "Published with the letter"
        return "Not published" if self.letter.state != State.DRAFT else "Not published unless the clearer says so"

    # What it is about -------------------------------------------------------------------------------------------------

    def report(self):
        report = self.letter.report
        if report is None:
            return None
        if self.public and report.state != ReportState.PUBLISHED:
            return None
        return report

    def recommendations(self):
        """The recommendations and actions it discusses, each with its title and page (public pages: published only)."""
        items = []
        for rec in sorted(
            self.letter.recommendations.all(), key=lambda r: (r.report_id, r.kind != "recommendation", r.number)
        ):
            published = rec.report.state == ReportState.PUBLISHED
            if self.public and not published:
                continue
            kind = "recommendation" if rec.kind == Recommendation.Kind.RECOMMENDATION else "action"
            href = (
                reverse(f"reports:{kind}", kwargs={"slug": rec.report.slug, "number": rec.number}) if published else ""
            )
            items.append({"title": rec.title, "href": href, "report": rec.report})
        return items

    # The reply --------------------------------------------------------------------------------------------------------

    def _replies(self):
        replies = list(self.letter.replies.all())
        if self.public:
            replies = [r for r in replies if r.state in PUBLIC_STATES]
        return sorted(replies, key=lambda r: (r.sent_on, r.pk))

    @property
    def reply_rule_text(self):
        letter = self.letter
        if letter.reply_rule == ReplyRule.CALENDAR_DAYS:
            return f"Within {plural(letter.reply_days, 'calendar day')} of the letter"
        if letter.reply_rule == ReplyRule.WORKING_DAYS:
            return f"Within {plural(letter.reply_days, 'working day')} of the letter"
        if letter.reply_rule == ReplyRule.FIXED_DATE:
            return "By a fixed date"
        return "No reply date set"

    @property
    def reply_due_text(self):
        deadline = self.letter.reply_deadline
        if deadline is None:
            return ""
        return f"{self.reply_rule_text}: by {long_date(deadline.due)}"

    @property
    def reply_explanation(self):
        deadline = self.letter.reply_deadline
        if deadline is None:
            return ""
        if self.letter.reply_rule == ReplyRule.FIXED_DATE:
            return deadline.explanation
        return f"Counted from the day after the letter's date, {long_date(self.letter.sent_on)}. {deadline.explanation}"

    @property
    def is_reply_overdue(self):
        deadline = self.letter.reply_deadline
        return deadline is not None and deadline.due < self.today and not self.letter.replies.all()

    @property
    def reply_status(self):
        """Where the reply stands, in words, for the casework register."""
        replies = self._replies()
        if replies:
            return f"Replied on {long_date(replies[0].sent_on)}"
        deadline = self.letter.reply_deadline
        if deadline is None:
            return "No reply date set"
        if deadline.due < self.today:
            days = (self.today - deadline.due).days
            return f"Reply overdue by {plural(days, 'day')}: it was due by {long_date(deadline.due)}"
        return f"Reply due by {long_date(deadline.due)}"

    @property
    def reply_status_tag(self):
        if self.is_reply_overdue:
            return {"text": "Reply overdue", "classes": "govuk-tag--red"}
        return None

    def in_reply_to(self):
        parent = self.letter.in_reply_to
        if parent is None or (self.public and parent.state not in PUBLIC_STATES):
            return None
        return LetterPresenter(parent, public=self.public, today=self.today)

    def thread(self):
        """The replies, and their replies in turn, oldest first: [{"letter": presenter, "replies": [...]}, ...]."""
        seen = {self.letter.pk}

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

        return branch(self.letter)

    # History ----------------------------------------------------------------------------------------------------------

    def events(self):
        """Rows for core/timeline.jinja. Public pages show only publication and withholding, by organisation."""
        changes = self.letter.history.all()
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
    """The letters anyone may read about `report`, or about one of its recommendations, newest first.

    The report pages list them. Reports sits below correspondence (ADR 0015), so they find this function through
    settings.REPORT_PAGE_LETTERS instead of importing it.
    """
    letters = Letter.public.for_recommendation(recommendation) if recommendation else Letter.public.for_report(report)
    return letters.newest_first()
