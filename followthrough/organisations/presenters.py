"""What the organisation pages show, worked out once so templates only lay it out."""

import datetime

from followthrough.core.formatting import long_date
from followthrough.core.provenance import NOT_KNOWN

from .models import Kind, Oversight


class OrganisationPresenter:
    def __init__(self, organisation, *, today=None):
        self.organisation = organisation
        self.today = today or datetime.date.today()

    def summary_rows(self):
        org = self.organisation
        rows = [{"key": {"text": "Type"}, "value": {"text": org.get_kind_display()}}]
        rows.append({"key": {"text": "Short code"}, "value": {"text": org.code}})
        if org.is_welsh:
            rows.append({"key": {"text": "Language"}, "value": {"text": "Publishes in Welsh and English"}})
        if org.kind == Kind.TERRITORIAL_FORCE:
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
                    "value": {"html": f'<a class="govuk-link" href="{org.website}">{org.website}</a>'},
                }
            )
        return rows

    def oversight_history(self):
        """Periods of oversight, newest first, as table rows: for a force, who oversaw it; for a body, what."""
        org = self.organisation
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
