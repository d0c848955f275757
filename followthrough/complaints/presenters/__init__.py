"""What the complaint pages show. Templates lay it out; they never format a date or pick a colour."""

from .clocks import Clock
from .complaint import ComplaintPresenter, InboxRow
from .tables import drafts_table, inbox_table, public_table, sent_table
from .words import OVERDUE_TAG, QUESTIONS, authorities_sentence, state_tag, state_words

__all__ = [
    "OVERDUE_TAG",
    "QUESTIONS",
    "Clock",
    "ComplaintPresenter",
    "InboxRow",
    "authorities_sentence",
    "drafts_table",
    "inbox_table",
    "public_table",
    "sent_table",
    "state_tag",
    "state_words",
]
