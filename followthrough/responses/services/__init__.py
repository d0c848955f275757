"""Writes for responses, progress returns, assessments and collations: one function per use case (STYLE.md §3).

Each is keyword-only and atomic, checks that the person acting holds the right role at the right organisation,
refuses what the workflow does not allow with a `ValidationError` saying why, and records an audit entry.
"""

from .assessments import assessment_record, assessment_reopen
from .collations import (
    collated_kinds,
    collation_approve,
    collation_figures,
    collation_publish,
    collation_record_from_source,
    collation_save,
    collation_send_back,
)
from .common import acts_for
from .evidence import evidence_add, evidence_remove
from .historical import response_enter_from_source, return_enter_from_source
from .responses import (
    action_remove,
    action_save,
    response_approve,
    response_publish,
    response_record_from_source,
    response_save,
    response_send_back,
    response_start,
    response_submit,
)
from .returns import (
    return_approve,
    return_due,
    return_publish,
    return_record_from_source,
    return_save,
    return_send_back,
    return_submit,
    returns_schedule,
)

__all__ = [
    "action_remove",
    "action_save",
    "acts_for",
    "assessment_record",
    "assessment_reopen",
    "collated_kinds",
    "collation_approve",
    "collation_figures",
    "collation_publish",
    "collation_record_from_source",
    "collation_save",
    "collation_send_back",
    "evidence_add",
    "evidence_remove",
    "response_approve",
    "response_enter_from_source",
    "response_publish",
    "response_record_from_source",
    "response_save",
    "response_send_back",
    "response_start",
    "response_submit",
    "return_approve",
    "return_enter_from_source",
    "return_due",
    "return_publish",
    "return_record_from_source",
    "return_save",
    "return_send_back",
    "return_submit",
    "returns_schedule",
]
