"""Presenters that allow, not deny (ADR 0011).

A presenter names the fields a template may show. It keeps its record out of the template's reach (under `_record`)
and copies across only what it lists, already formatted, so a field added to a model later is private until someone
adds it here on purpose. Nothing falls through to the model: there is no `__getattr__`.

Also here, once for every app: the GOV.UK tag for a state (text and colour chosen in Python, never in a template),
the "Example" label, and the timeline entry the one timeline macro (`core/timeline.jinja`) lays out.
"""

import dataclasses

from django.core.paginator import Page
from django.db.models import Manager, Model, QuerySet
from django.forms import BaseForm, BaseFormSet
from markupsafe import Markup

from .formatting import date_time, long_date

# Tag colours GOV.UK Frontend provides, https://design-system.service.gov.uk/components/tag/ ("Additional colours").
TAG_COLOURS = frozenset(
    {"grey", "green", "turquoise", "blue", "light-blue", "purple", "pink", "red", "orange", "yellow"}
)


def tag(text, colour):
    """The parameters of a `govukTag`: `tag("Overdue", "red")` → `{"text": "Overdue", "classes": "govuk-tag--red"}`."""
    if colour not in TAG_COLOURS:
        raise ValueError(f"GOV.UK Frontend has no {colour!r} tag; choose one of {', '.join(sorted(TAG_COLOURS))}")
    return {"text": text, "classes": f"govuk-tag--{colour}"}


def tag_html(params):
    """A tag as HTML, for a table cell or summary list value that a macro takes as `html`."""
    return Markup('<strong class="govuk-tag {}">{}</strong>').format(params["classes"], params["text"])


class StateTags:
    """Each state of a workflow as a GOV.UK tag: `StateTags({State.DRAFT: ("Draft", "grey"), ...})`.

    Every state must have its tag, so a new state fails when the table is built, not on the page that first shows it.
    """

    def __init__(self, table, *, states=None):
        if states is not None:
            missing = [s for s in states if s not in table]
            if missing:
                raise ValueError(f"No tag for {', '.join(map(str, missing))}")
        self._tags = {state: tag(text, colour) for state, (text, colour) in table.items()}

    def __getitem__(self, state):
        return self._tags[state]

    def words(self, state):
        return self._tags[state]["text"]


# Records made up to show how the service works are labelled the same way on every page.
EXAMPLE_TAG = tag("Example", "grey")
EXAMPLE_WARNING = "Example: made up to show how the service works"


class Presenter:
    """What one record shows on a page.

    `fields` lists the record's attributes a template may read as they are; everything else is a property written
    on the subclass (formatted dates, tags, words). The record itself stays at `_record`, which templates never
    read (core/tests/test_templates.py refuses `._` in a template).
    """

    fields = ()

    def __init__(self, record):
        self._record = record
        for name in self.fields:
            setattr(self, name, getattr(record, name))


@dataclasses.dataclass(frozen=True)
class TimelineEvent:
    """One entry in a timeline: what happened, when in words (and as ISO for `<time>`), who, and any note."""

    title: str
    when: str
    when_iso: str = ""
    actor_label: str = ""
    note: str = ""

    @classmethod
    def recorded(cls, *, title, at, actor_label="", note=""):
        """Something that happened when it was recorded: shown with its time."""
        return cls(title=title, when=date_time(at), when_iso=at.isoformat(), actor_label=actor_label, note=note)

    @classmethod
    def on_day(cls, *, title, on, actor_label="", note=""):
        """Something that happened on a day: shown as the date alone."""
        return cls(title=title, when=long_date(on), when_iso=on.isoformat(), actor_label=actor_label, note=note)

    @classmethod
    def from_entry(cls, entry, *, public, title=None, note=None):
        """A history row (`core.history.HistoryEntry`) as a timeline entry. The public read who acted by organisation,
        never by name; `title` and `note` replace the row's own where the page words them differently."""
        return cls.recorded(
            title=entry.title if title is None else title,
            at=entry.at,
            actor_label=entry.actor_organisation_label if public else entry.actor_label,
            note=entry.note if note is None else note,
        )


# What a template may never be given -----------------------------------------------------------------------------------


class RecordInContext(TypeError):
    """A view tried to give a template a database record, queryset or manager instead of a presenter."""


def find_records(value, path="context", _seen=None):
    """Where `value` holds a model instance, queryset or manager, as paths like "context['rows'][2]"; [] if nowhere.

    Looks inside dicts, lists, tuples, sets, Paginator pages and presenters' own attributes. Forms are allowed: a
    Django form carries its instance, and its fields are laid out through `field_params`.
    """
    seen = _seen if _seen is not None else set()
    if isinstance(value, (str, bytes, int, float, bool, type(None))):
        return []
    if isinstance(value, (Model, QuerySet, Manager)):
        return [f"{path} ({type(value).__name__})"]
    if id(value) in seen:  # a structure that holds itself
        return []
    seen.add(id(value))
    if isinstance(value, (BaseForm, BaseFormSet)):
        return []
    found = []
    if isinstance(value, dict):
        for key, item in value.items():
            found += find_records(item, f"{path}[{key!r}]", seen)
    elif isinstance(value, (list, tuple, set, frozenset)):
        for index, item in enumerate(value):
            found += find_records(item, f"{path}[{index}]", seen)
    elif isinstance(value, Page):
        found += find_records(value.object_list, f"{path}.object_list", seen)
    elif isinstance(value, Presenter) or dataclasses.is_dataclass(value):
        for name, item in vars(value).items():
            if not name.startswith("_"):
                found += find_records(item, f"{path}.{name}", seen)
    return found


def refuse_records(template, context):
    """Raise `RecordInContext` if `context` gives `template` a record, naming where and what to do instead."""
    found = find_records(context)
    if found:
        raise RecordInContext(
            f"{template} was given database records at {', '.join(found)}. Pass a presenter that names the fields "
            "the page shows, or plain values, instead (docs/adr/0011-presenters-that-allow-not-deny.md)."
        )


# Core's own pages ----------------------------------------------------------------------------------------------------


def _change_words(entry):
    def shown(value):
        return "(none)" if value is None else value

    items = Markup("").join(
        Markup("<li>{}: {} → {}</li>").format(field, shown(old), shown(new)) for field, old, new in entry.changes
    )
    return Markup('<ul class="govuk-list govuk-body-s">{}</ul>').format(items)


def audit_table(entries):
    """The audit trail as `govukTable` parameters: when, who, which record, what changed and why."""
    rows = [
        [
            {"text": date_time(entry.at)},
            {"text": entry.actor_label},
            {"text": f"{entry.get_action_display()} {entry.content_type.name}: {entry.object_repr}"},
            {"html": _change_words(entry) if entry.action == "updated" else ""},
            {"text": entry.reason},
        ]
        for entry in entries
    ] or [[{"text": "No changes have been recorded yet.", "colspan": 5}]]
    return {
        "caption": "Changes to regulated records",
        "captionClasses": "govuk-visually-hidden",
        "head": [{"text": heading} for heading in ("When", "Who", "Record", "What changed", "Why")],
        "rows": rows,
    }


def pagination(page_of_results):
    """Links to the newer and older pages of a list, newest first; empty where there is none."""
    return {
        "newer": f"?page={page_of_results.previous_page_number()}" if page_of_results.has_previous() else "",
        "older": f"?page={page_of_results.next_page_number()}" if page_of_results.has_next() else "",
    }
