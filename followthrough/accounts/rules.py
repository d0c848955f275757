import rules

from .predicates import is_administrator, is_signed_in

rules.add_perm("accounts.view_own_account", is_signed_in)
rules.add_perm("accounts.manage_own_two_factor", is_signed_in)
# The audit trail is core's page, but who may read it is a question of roles, which core sits below (ADR 0015).
rules.add_perm("core.view_audit", is_administrator)
