import rules

from followthrough.accounts.predicates import is_administrator

rules.add_perm("core.view_audit", is_administrator)
