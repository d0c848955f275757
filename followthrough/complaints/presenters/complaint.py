"""What the complaint pages show, worked out once: templates lay it out and never format a date or pick a colour.

Every piece of text that came from a person is escaped here before it is put into HTML for a macro.
"""

from django.core.exceptions import ObjectDoesNotExist
from django.urls import reverse
from django.utils import timezone
from markupsafe import Markup

from followthrough.core.formatting import date_time, long_date, paragraphs, weekday_date
from followthrough.core.presenters import Presenter, TimelineEvent, tag_html

from .. import conf
from ..models import AUTHORITY_CODES, State
from . import clocks
from .words import (
    DATE_NOT_KNOWN,
    PUBLIC_EVENT_TITLES,
    QUESTIONS,
    authorities_sentence,
    date_or_unknown,
    decision_text,
    row,
    size_words,
    state_tag,
    state_words,
)


class ComplaintPresenter(Presenter):
    fields = ("pk", "reference", "title", "is_draft")

    def __init__(self, complaint, *, today=None):
        super().__init__(complaint)
        self.today = today or timezone.localdate()

    @property
    def designated_body_name(self):
        return self._record.designated_body.name

    @property
    def offers_report(self):
        """Whether the casework page says how the report gets published: once the complaint is eligible."""
        return self._record.state == State.ELIGIBLE

    # Headline -------------------------------------------------------------------------------------------------------

    @property
    def state_tag(self):
        return state_tag(self._record)

    @property
    def state_words(self):
        return state_words(self._record)

    @property
    def heading(self):
        return self._record.title or "Untitled super-complaint"

    @property
    def received_text(self):
        return long_date(self._record.received_on)

    @property
    def started_text(self):
        return long_date(self._record.created_at)

    @property
    def eligibility_decision_text(self):
        c = self._record
        if not c.eligibility_decision:
            return ""
        return date_or_unknown(c.eligibility_decided_on)

    @property
    def report_published_text(self):
        return long_date(self._record.report_published_on)

    # Clocks ---------------------------------------------------------------------------------------------------------

    @property
    def acknowledgement_clock(self):
        return clocks.acknowledgement_clock(self._record, self.today)

    @property
    def eligibility_clock(self):
        return clocks.eligibility_clock(self._record, self.today)

    @property
    def progress_report_clock(self):
        return clocks.progress_report_clock(self._record, self.today)

    @property
    def reference_panel_html(self):
        return Markup("Your reference<br><strong>{}</strong>").format(self._record.reference)

    @property
    def acknowledgement_due_text(self):
        deadline = self._record.acknowledgement_deadline
        return weekday_date(deadline.due) if deadline else ""

    def clocks(self):
        return [c for c in (self.acknowledgement_clock, self.eligibility_clock, self.progress_report_clock) if c]

    def clock_rows(self):
        return [clock.row() for clock in self.clocks()]

    @property
    def is_overdue(self):
        return any(clock.is_overdue for clock in self.clocks())

    # The complaint itself -------------------------------------------------------------------------------------------

    def forces_text(self):
        c = self._record
        if c.all_section_29a_forces:
            return "All forces within section 29A"
        names = [f.name for f in c.forces.all()]
        return ", ".join(names) if names else ""

    def answer_rows(self, *, change_url=None):
        """The answers to the questions. `change_url(slug)` gives each row a Change link."""
        c = self._record

        def link(slug):
            return change_url(slug) if change_url else None

        def text_or_missing(value):
            return {"html": paragraphs(value)} if value.strip() else {"text": "Not answered"}

        rows = []
        for slug, key in QUESTIONS:
            if slug == "title":
                value = {"text": c.title or "Not answered"}
            elif slug == "features":
                value = text_or_missing(c.features_of_policing)
            elif slug == "forces":
                value = {"text": self.forces_text() or "Not answered"}
            elif slug == "harm":
                value = text_or_missing(c.public_interest_harm)
            elif slug == "evidence":
                value = text_or_missing(c.evidence_description)
            elif slug == "evidence-files":
                names = [f.original_name for f in c.evidence_files.all()]
                value = (
                    {
                        "html": Markup('<ul class="govuk-list">{}</ul>').format(
                            Markup("").join(Markup("<li>{}</li>").format(n) for n in names)
                        )
                    }
                    if names
                    else {"text": "No files uploaded"}
                )
            else:
                value = {"html": self.contact_html()} if c.contact_name else {"text": "Not answered"}
            row = {"key": {"text": key}, "value": value}
            href = link(slug)
            if href:
                row["actions"] = {"items": [{"href": href, "text": "Change", "visuallyHiddenText": key.lower()}]}
            rows.append(row)
        return rows

    def contact_html(self):
        c = self._record
        lines = [c.contact_name, c.contact_role, c.contact_email, c.contact_phone]
        return Markup("<br>").join(Markup("{}").format(line) for line in lines if line)

    def record_rows(self):
        """Reference, organisation, dates and decisions: the facts of the complaint's progress."""
        c = self._record
        rows = []
        if c.reference:
            rows.append(row("Reference", text=c.reference))
        rows.append(row("Designated body", text=c.designated_body.name))
        rows.append(row("State", html=tag_html(self.state_tag)))
        if c.received_on:
            rows.append(row("Received", text=long_date(c.received_on)))
        if c.is_acknowledged:
            rows.append(row("Acknowledged", text=long_date(c.acknowledged_on) or DATE_NOT_KNOWN))
        if c.eligibility_decision:
            rows.append(
                row(
                    "Eligibility decision",
                    text=decision_text(c),
                )
            )
            rows.append(row("Reasons", html=paragraphs(c.eligibility_reasons)))
            agreed = [code for code in AUTHORITY_CODES if self._agreed(code)]
            rows.append(row("Agreed by", text=authorities_sentence(agreed)))
            if c.repeats_id:
                changed = (
                    "circumstances have materially changed"
                    if c.circumstances_materially_changed
                    else ("circumstances have not materially changed")
                )
                rows.append(row("Repeats", text=f"{c.repeats.reference}: {c.repeats.title} ({changed})"))
        if c.investigation_recorded_on:
            leads = authorities_sentence(c.investigation_leads.values_list("code", flat=True))
            rows.append(row("Investigation led by", text=leads))
            rows.append(row("Planned activities", html=paragraphs(c.investigation_plan)))
        if c.report_published_on:
            rows.append(row("Report published", text=long_date(c.report_published_on)))
        if c.withdrawn_on:
            rows.append(row("Withdrawn", text=long_date(c.withdrawn_on)))
            rows.append(row("Reason for withdrawal", html=paragraphs(c.withdrawal_reason)))
        return rows

    def _agreed(self, code):
        c = self._record
        return {
            "hmicfrs": c.agreed_by_hmicfrs,
            "iopc": c.agreed_by_iopc,
            "college-of-policing": c.agreed_by_college_of_policing,
        }[code]

    def evidence_rows(self, *, remove_url=None):
        """Each evidence file with a Download link, and a Remove link when `remove_url(file)` is given (drafts)."""
        rows = []
        for evidence in self._record.evidence_files.all():
            href = reverse("complaints:evidence-download", kwargs={"file_id": evidence.pk})
            items = [{"href": href, "text": "Download", "visuallyHiddenText": evidence.original_name}]
            if remove_url:
                items.append(
                    {"href": remove_url(evidence), "text": "Remove", "visuallyHiddenText": evidence.original_name}
                )
            rows.append(
                {
                    "key": {"text": evidence.original_name},
                    "value": {"text": f"{size_words(evidence.size)}, uploaded {date_time(evidence.uploaded_at)}"},
                    "actions": {"items": items},
                }
            )
        return rows

    def progress_report_rows(self):
        return [
            {"key": {"text": long_date(report.sent_on)}, "value": {"html": paragraphs(report.summary)}}
            for report in self._record.progress_reports.all()
        ]

    # Timelines ------------------------------------------------------------------------------------------------------

    def timeline(self):
        """Every event, newest first, with who acted and their notes: for the body and the inspectorate only."""
        return [_event(e, public=False) for e in self._record.events.all()]

    def public_timeline(self):
        """State changes into the states the public may see, with dates, without who acted or private notes."""
        events = self._record.events.state_changes_into(conf.public_timeline_states())
        return [_event(e, public=True) for e in events]

    # Public page ----------------------------------------------------------------------------------------------------

    def public_rows(self):
        c = self._record
        rows = [
            row("Reference", text=c.reference),
            row("Made by", text=c.designated_body.name),
            row("State", text=self.state_words),
            row("Received", text=long_date(c.received_on)),
        ]
        if c.eligibility_decision:
            rows.append(
                row(
                    "Eligibility decision",
                    text=decision_text(c),
                )
            )
        if c.report_published_on:
            rows.append(row("Report published", text=long_date(c.report_published_on)))
        rows.append(row("Forces concerned", text=self.forces_text() or "Not recorded"))
        rows.append(row("Features of policing", html=paragraphs(c.features_of_policing)))
        return rows

    @property
    def report_link(self):
        """A link to the published report on this complaint, once there is one; otherwise None."""
        if self._record.state != State.REPORT_PUBLISHED:
            return None
        try:
            report = self._record.report
        except ObjectDoesNotExist:
            return None
        return {"href": reverse("reports:detail", kwargs={"slug": report.slug}), "text": report.title}


def _event(event, *, public):
    """A timeline entry. `when` is the date the step took effect; a step recorded later says so."""
    recorded = timezone.localtime(event.at).date()
    if event.on is None:
        when = f"date not known (recorded {long_date(recorded)})" if not public else DATE_NOT_KNOWN
        when_iso = ""
    elif event.on == recorded:
        when = long_date(event.on) if public else date_time(event.at)
        when_iso = event.on.isoformat() if public else event.at.isoformat()
    else:
        when = long_date(event.on) if public else f"{long_date(event.on)} (recorded {long_date(recorded)})"
        when_iso = event.on.isoformat()
    if event.source_title:
        # Entered from a published source: say whose date it is, and when it was recorded here (ADR 0016).
        date = long_date(event.on) if event.on else DATE_NOT_KNOWN
        when = f"{date}, according to {event.source_title}; recorded here on {long_date(recorded)}"
    if public:
        return TimelineEvent(
            title=PUBLIC_EVENT_TITLES.get(State(event.to_state), event.title), when=when, when_iso=when_iso
        )
    return TimelineEvent(
        title=event.title, when=when, when_iso=when_iso, actor_label=event.actor_label, note=event.note
    )


class InboxRow(Presenter):
    """One complaint in the caseworkers' inbox (or the designated body's list)."""

    def __init__(self, complaint, *, today=None):
        super().__init__(complaint)
        self.presenter = ComplaintPresenter(complaint, today=today)
        self.state_tag = state_tag(complaint)
        self.received_text = long_date(complaint.received_on)

    @property
    def acknowledgement(self):
        clock = self.presenter.acknowledgement_clock
        if clock is None:
            return {"text": "", "tag": None}
        if self._record.is_acknowledged:
            when = long_date(self._record.acknowledged_on) or "(date not known)"
            return {"text": f"Acknowledged {when}", "tag": None}
        if not self._record.acknowledgement_deadline.is_open:
            return {"text": "Not needed", "tag": None}
        return {"text": f"Due {clock.due_text}", "tag": clock.tag}

    @property
    def progress_report(self):
        clock = self.presenter.progress_report_clock
        if clock is None or clock.due is None:
            return {"text": "", "tag": None}
        return {"text": f"Due {clock.due_text}", "tag": clock.tag}

    @property
    def is_overdue(self):
        return self.presenter.is_overdue
