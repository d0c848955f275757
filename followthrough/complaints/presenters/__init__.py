"""What the complaint pages show. Templates lay it out; they never format a date or pick a colour."""

from .clocks import Clock
from .complaint import ComplaintPresenter, InboxRow
from .words import OVERDUE_TAG, QUESTIONS, authorities_sentence, state_tag, state_words

__all__ = [
    "OVERDUE_TAG",
    "QUESTIONS",
    "Clock",
    "ComplaintPresenter",
    "InboxRow",
    "authorities_sentence",
    "state_tag",
    "state_words",
]
