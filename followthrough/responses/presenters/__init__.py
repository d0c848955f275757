"""Presenters for responses: an obligation's state in words (`status`), the public record in words (`record`), the
public pages (`public`), what several pages show of one record (`shown`), an organisation's own work
(`organisation`), the inspectorate's claims (`casework`) and national collation (`collation`).

Each presenter names the fields its page may show, on core's base (docs/adr/0011-presenters-that-allow-not-deny.md).

This module re-exports what the rest of the service reads from `followthrough.responses.presenters`.
"""

from .collation import CollationDraft, collation_published_words
from .record import (
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
