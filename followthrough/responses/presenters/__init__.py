"""Presenters for responses: an obligation's state in words (`status`), the public record (`record`), and an
organisation's own work (`organisation`).

This module re-exports what the rest of the service reads from `followthrough.responses.presenters`.
"""

from .collation import CollationDraft, collation_published_words
from .record import (
    EXAMPLE_WARNING,
    assessment_record_words,
    assessment_words,
    evidence_words,
    figure_rows,
    figures,
    implementation_record_words,
    obligation_records,
    public_history,
    record_counts,
    response_record_words,
    target_date_words,
)
from .status import STATE_CHOICES, ObligationStatus, statuses, summary

__all__ = [
    "CollationDraft",
    "collation_published_words",
    "EXAMPLE_WARNING",
    "STATE_CHOICES",
    "ObligationStatus",
    "assessment_record_words",
    "assessment_words",
    "evidence_words",
    "figure_rows",
    "figures",
    "implementation_record_words",
    "obligation_records",
    "public_history",
    "record_counts",
    "response_record_words",
    "statuses",
    "summary",
    "target_date_words",
]
