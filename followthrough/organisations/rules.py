import rules

rules.add_perm("organisations.view_directory", rules.always_allow)
