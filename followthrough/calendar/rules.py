import rules

from followthrough.accounts.predicates import is_administrator, is_caseworker

rules.add_perm("calendar.manage_holidays", is_administrator)
rules.add_perm("calendar.view_stored_deadlines", is_administrator | is_caseworker)
