"""Predicates for `rules`, shared by every app's rules.py."""

import rules

from followthrough.organisations.models import Role


def has_role(*roles):
    @rules.predicate(name=f"has_role({', '.join(roles)})")
    def predicate(user):
        return user.is_authenticated and user.has_role(*roles)

    return predicate


is_signed_in = rules.is_authenticated
is_administrator = rules.is_superuser | has_role(Role.ADMINISTRATOR)
is_caseworker = has_role(Role.CASEWORKER)
