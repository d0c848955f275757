import rules

from followthrough.accounts.predicates import is_caseworker

# The inspectorate drafts, publishes and corrects reports. Published reports are public (views marked `public`).
rules.add_perm("reports.manage_reports", is_caseworker)
