"""Who may do what in the correspondence register (ADR 0009).

Caseworkers record letters, replies and files, and change drafts. A letter is cleared (published or withheld) by a
caseworker who neither recorded nor changed it, or by an approver at the organisation that sent it. Drafts, the
original text and the original file are seen only by caseworkers and the sending organisation's approvers. Published
and withheld letters are public (views marked `public`), without the original.

Object predicates receive None when the view's loader found no letter for an anonymous visitor: they refuse it.
"""

import rules

from followthrough.accounts.predicates import has_role, is_caseworker
from followthrough.organisations.models import Role

from .models import State


@rules.predicate
def is_approver_at_sender(user, letter):
    if letter is None or not user.is_authenticated:
        return False
    return user.has_role_at(letter.from_organisation_id, Role.APPROVER)


@rules.predicate
def recorded_or_changed_it(user, letter):
    return letter is not None and letter.is_author(user)


@rules.predicate
def is_draft(user, letter):
    return letter is not None and letter.state == State.DRAFT


@rules.predicate
def is_cleared(user, letter):
    return letter is not None and letter.state == State.CLEARED


@rules.predicate
def is_published(user, letter):
    return letter is not None and letter.state == State.PUBLISHED


may_see_original = is_caseworker | is_approver_at_sender

rules.add_perm("correspondence.view_register", is_caseworker | has_role(Role.APPROVER))
rules.add_perm("correspondence.record_letter", is_caseworker)
rules.add_perm("correspondence.view_letter", may_see_original)
rules.add_perm("correspondence.view_original_file", may_see_original)
rules.add_perm("correspondence.change_letter", is_caseworker & is_draft)
rules.add_perm("correspondence.reply_to_letter", is_caseworker)
rules.add_perm("correspondence.clear_letter", is_draft & may_see_original & ~recorded_or_changed_it)
rules.add_perm("correspondence.publish_letter", is_cleared & may_see_original)
rules.add_perm("correspondence.withhold_letter", (is_cleared | is_published) & may_see_original)
