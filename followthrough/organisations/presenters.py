"""What the organisation pages show, worked out once so templates only lay it out (ADR 0011)."""

import datetime

from django.urls import reverse
from django.utils.html import format_html

from followthrough.core.formatting import long_date, plural
from followthrough.core.presenters import Presenter, tag, tag_html
from followthrough.core.provenance import NOT_KNOWN

from .models import FORCE_KINDS, OVERSEER_KIND, Kind, Oversight

CURRENT_TAG = tag("Current", "green")


def _link(organisation):
    href = reverse("organisations:detail", kwargs={"code": organisation.code})
    return format_html('<a class="govuk-link" href="{}">{}</a>', href, organisation.name)


def directory_table(organisations, overseers):
    """The directory as `govukTable` parameters: each organisation's name, type and who oversees it today."""
    organisations = list(organisations)
    rows = [
        [
            {
                "html": format_html('{} <span class="govuk-body-s">(Wales)</span>', _link(org))
                if org.is_welsh
                else _link(org)
            },
            {"text": org.get_kind_display()},
            {"text": overseers.get(org.pk, "")},
        ]
        for org in organisations
    ]
    return {
        "attributes": {"id": "organisations"},
        "caption": plural(len(organisations), "organisation"),
        "captionClasses": "govuk-table__caption--m",
        "head": [{"text": "Name"}, {"text": "Type"}, {"text": "Overseen today by"}],
        "rows": rows,
    }


class OrganisationPresenter(Presenter):
    fields = ("name", "code", "description")

    def __init__(self, organisation, *, today=None):
        super().__init__(organisation)
        self.today = today or datetime.date.today()

    @property
    def kind_caption(self):
        return self._record.get_kind_display()

    @property
    def record_url(self):
        return reverse("responses:organisation-record", kwargs={"code": self._record.code})

    def summary_rows(self):
        org = self._record
        rows = [{"key": {"text": "Type"}, "value": {"text": org.get_kind_display()}}]
        rows.append({"key": {"text": "Short code"}, "value": {"text": org.code}})
        if org.is_welsh:
            rows.append({"key": {"text": "Language"}, "value": {"text": "Publishes in Welsh and English"}})
        if org.is_force and org.kind in OVERSEER_KIND:
            body = org.overseen_by_on(self.today)
            rows.append(
                {"key": {"text": "Overseen today by"}, "value": {"text": body.name if body else "No body recorded"}}
            )
        if org.kind == Kind.DESIGNATED_BODY or org.designated_on:
            # A body whose designation no source dates says so, rather than leaving the row out (ADR 0021).
            designated = long_date(org.designated_on) if org.designated_on else f"Date {NOT_KNOWN}"
            rows.append({"key": {"text": "Designated"}, "value": {"text": designated}})
        if org.designation_revoked_on:
            rows.append(
                {"key": {"text": "Designation revoked"}, "value": {"text": long_date(org.designation_revoked_on)}}
            )
        if org.website:
            rows.append(
                {
                    "key": {"text": "Website"},
                    "value": {"html": format_html('<a class="govuk-link" href="{}">{}</a>', org.website, org.website)},
                }
            )
        return rows

    def oversight_history(self):
        """Periods of oversight, newest first, as table rows: for a force, who oversaw it; for a body, what. A start
        no source dates reads "Date not known" (ADR 0006), and each period names the source of its date, if any."""
        org = self._record
        if org.kind in FORCE_KINDS:
            periods = Oversight.objects.filter(force=org).select_related("body")
            other = "body"
        elif org.kind in OVERSEER_KIND.values():
            periods = Oversight.objects.filter(body=org).select_related("force")
            other = "force"
        else:
            return []
        return [
            {
                "organisation": getattr(p, other),
                "from": long_date(p.starts_on) if p.starts_on else f"Date {NOT_KNOWN}",
                "to": long_date(p.ends_on) if p.ends_on else "Continuing",
                "is_current": (p.starts_on is None or p.starts_on <= self.today)
                and (p.ends_on is None or p.ends_on >= self.today),
                "source": p,
            }
            for p in sorted(periods, key=lambda p: p.starts_on or datetime.date.min, reverse=True)
        ]

    def oversight_table(self):
        """Who oversaw this force, or which forces this body oversaw, as `govukTable` parameters; None if neither."""
        history = self.oversight_history()
        if not history:
            return None
        kind = self._record.kind
        force = kind in FORCE_KINDS
        sourced = any(row["source"].source_title for row in history)
        rows = [
            [
                {
                    "html": format_html("{} {}", _link(row["organisation"]), tag_html(CURRENT_TAG))
                    if row["is_current"]
                    else _link(row["organisation"])
                },
                {"text": row["from"]},
                {"text": row["to"]},
                *([_source_cell(row["source"])] if sourced else []),
            ]
            for row in history
        ]
        if not force:
            head = "Force"
        elif kind == Kind.TERRITORIAL_FORCE:
            head = "Local policing body"
        else:
            head = "Oversight body"
        return {
            "attributes": {"id": "oversight-history"},
            "caption": "Who has overseen this force" if force else "Forces this body has overseen",
            "captionClasses": "govuk-table__caption--m",
            "head": [{"text": head}, {"text": "From"}, {"text": "To"}, *([{"text": "Source"}] if sourced else [])],
            "rows": rows,
        }


def _source_cell(period):
    """Where a period's start date comes from: the source's name, linked where it is online."""
    if not period.source_title:
        return {"text": ""}
    if period.source_url:
        return {"html": format_html('<a class="govuk-link" href="{}">{}</a>', period.source_url, period.source_title)}
    return {"text": period.source_title}
