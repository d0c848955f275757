"""Who may do what with responses, progress returns, assessments and collations.

Views also scope every lookup to the organisations the user acts for, so another organisation's draft is
"Page not found" before any of these rules is asked (ADR 0008).
"""

import rules

from followthrough.accounts.predicates import has_role, is_administrator, is_caseworker
from followthrough.organisations.models import Role

is_editor_or_approver = has_role(Role.EDITOR, Role.APPROVER)

rules.add_perm("responses.view_own_obligations", is_editor_or_approver)
rules.add_perm("responses.assess", is_caseworker)
rules.add_perm("responses.collate", has_role(Role.COLLATOR))
rules.add_perm("responses.record_from_source", is_caseworker | is_administrator)
