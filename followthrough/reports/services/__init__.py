"""Writes for reports: one function per use case, each atomic, validated and audited (STYLE.md §3)."""

from .common import actor_label
from .corrections import recommendation_correct
from .drafting import recommendation_add, recommendation_remove, recommendation_update, report_create, report_update
from .publishing import obligation_counts, report_publish

__all__ = [
    "actor_label",
    "obligation_counts",
    "recommendation_add",
    "recommendation_correct",
    "recommendation_remove",
    "recommendation_update",
    "report_create",
    "report_publish",
    "report_update",
]
