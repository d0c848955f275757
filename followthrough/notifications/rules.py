import rules

from followthrough.accounts.predicates import is_administrator

# The outbox shows who was emailed what: administrators only.
rules.add_perm("notifications.view_outbox", is_administrator)
