import rules

from .predicates import is_signed_in

rules.add_perm("accounts.view_own_account", is_signed_in)
rules.add_perm("accounts.manage_own_two_factor", is_signed_in)
