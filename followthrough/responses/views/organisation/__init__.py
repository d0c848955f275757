"""An organisation's own work: what is addressed to it, its responses and progress returns, and their sign-off.

Every page is for editors and approvers (`responses.view_own_obligations`) and reads through `own_obligations`: the
obligations of the organisations where the user is an editor or approver. Anything else is "Page not found", so
nobody learns whether another organisation's draft exists (ADR 0008). The services check the roles again, and
decide every workflow rule; these views only scope, call and show the refusal in the error summary.

The pages are split by use case: `scope` (what they share), `lists`, `response`, `evidence`, `sign_off` and
`returns`. This module exports the views `responses/urls.py` serves.
"""

from .evidence import evidence_download, response_evidence_add, response_evidence_remove
from .lists import obligation_detail, obligation_list
from .response import action_add, action_change, action_remove, response_edit
from .returns import return_edit, return_evidence_add, return_evidence_remove
from .sign_off import response_step, return_step

__all__ = [
    "action_add",
    "action_change",
    "action_remove",
    "evidence_download",
    "obligation_detail",
    "obligation_list",
    "response_edit",
    "response_evidence_add",
    "response_evidence_remove",
    "response_step",
    "return_edit",
    "return_evidence_add",
    "return_evidence_remove",
    "return_step",
]
