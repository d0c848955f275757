"""Settings this app reads, each with its default. They are service choices, not law (DOMAIN.md §2)."""

from django.conf import settings

DEFAULT_PUBLIC_TIMELINE_STATES = (
    "submitted",
    "acknowledged",
    "eligible",
    "not-eligible",
    "report-published",
    "withdrawn",
)


def eligibility_target_days():
    """Calendar days from receipt the authorities aim to decide eligibility in: a service target, not the law."""
    return int(getattr(settings, "SUPER_COMPLAINT_ELIGIBILITY_TARGET_DAYS", 90))


def progress_report_months():
    """Months between progress reports to the designated body during an investigation (reg 7 sets no cadence)."""
    return int(getattr(settings, "SUPER_COMPLAINT_PROGRESS_REPORT_MONTHS", 3))


def public_timeline_states():
    """States whose arrival the public timeline shows, with its date and without private notes."""
    return tuple(getattr(settings, "SUPER_COMPLAINT_PUBLIC_TIMELINE_STATES", DEFAULT_PUBLIC_TIMELINE_STATES))
