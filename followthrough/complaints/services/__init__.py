"""Every change to a super-complaint, one function per use case (STYLE.md 3).

Each step goes through the service's one workflow (`complaints.workflow`, `core.workflow.Workflow.take`): it locks
the complaint's row, refuses anything the workflow does not allow (IllegalTransition, in plain English), refuses a
stale form (ConcurrentChange, when `expected_version` is not the current version), bumps `version`, writes an
immutable ComplaintEvent for the timeline and an audit entry. `actor=None` is the service itself (the demonstration
loader, or another app's service acting on the inspectorate's behalf).
"""

from ..workflow import STATE_PHRASES
from .common import (
    ConcurrentChange,
    IllegalTransition,
    Incomplete,
    Problem,
    missing_information,
)
from .drafts import complaint_start, complaint_update_draft, evidence_file_add, evidence_file_remove
from .transitions import (
    complaint_acknowledge,
    complaint_decide_eligibility,
    complaint_record_investigation,
    complaint_record_progress_report,
    complaint_record_report_published,
    complaint_submit,
    complaint_withdraw,
)

__all__ = [
    "STATE_PHRASES",
    "ConcurrentChange",
    "IllegalTransition",
    "Incomplete",
    "Problem",
    "complaint_acknowledge",
    "complaint_decide_eligibility",
    "complaint_record_investigation",
    "complaint_record_progress_report",
    "complaint_record_report_published",
    "complaint_start",
    "complaint_submit",
    "complaint_update_draft",
    "complaint_withdraw",
    "evidence_file_add",
    "evidence_file_remove",
    "missing_information",
]
