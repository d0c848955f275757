"""What the organisation pages show, worked out once so templates only lay it out (ADR 0011)."""

import datetime

from django.urls import reverse
from django.utils.html import format_html

from followthrough.core.formatting import long_date, plural
from followthrough.core.presenters import Presenter, tag, tag_html

from .models import Kind, Oversight

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
        if org.kind == Kind.TERRITORIAL_FORCE:
            body = org.overseen_by_on(self.today)
            rows.append(
                {"key": {"text": "Overseen today by"}, "value": {"text": body.name if body else "No body recorded"}}
            )
        if org.designated_on:
            rows.append({"key": {"text": "Designated"}, "value": {"text": long_date(org.designated_on)}})
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
        """Periods of oversight, newest first, as table rows: for a force, who oversaw it; for a body, what."""
        org = self._record
        if org.kind == Kind.TERRITORIAL_FORCE:
            periods = Oversight.objects.filter(force=org).select_related("body")
            other = "body"
        elif org.kind == Kind.LOCAL_POLICING_BODY:
            periods = Oversight.objects.filter(body=org).select_related("force")
            other = "force"
        else:
            return []
        return [
            {
                "organisation": getattr(p, other),
                "from": long_date(p.starts_on),
                "to": long_date(p.ends_on) if p.ends_on else "Continuing",
                "is_current": p.starts_on <= self.today and (p.ends_on is None or p.ends_on >= self.today),
            }
            for p in sorted(periods, key=lambda p: p.starts_on, reverse=True)
        ]

    def oversight_table(self):
        """Who oversaw this force, or which forces this body oversaw, as `govukTable` parameters; None if neither."""
        history = self.oversight_history()
        if not history:
            return None
        force = self._record.kind == Kind.TERRITORIAL_FORCE
        rows = [
            [
                {
                    "html": format_html("{} {}", _link(row["organisation"]), tag_html(CURRENT_TAG))
                    if row["is_current"]
                    else _link(row["organisation"])
                },
                {"text": row["from"]},
                {"text": row["to"]},
            ]
            for row in history
        ]
        return {
            "attributes": {"id": "oversight-history"},
            "caption": "Who has overseen this force" if force else "Forces this body has overseen",
            "captionClasses": "govuk-table__caption--m",
            "head": [{"text": "Local policing body" if force else "Force"}, {"text": "From"}, {"text": "To"}],
            "rows": rows,
        }
