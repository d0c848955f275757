"""Who acted, once: a person and the organisation they acted for, chosen explicitly (ADR 0016).

A user can belong to more than one organisation (a caseworker who is also an administrator, a commissioner's officer
who also edits for the force). Every action is taken *for* one organisation, which the view knows from what is being
acted on (the obligation's organisation, the inspectorate for casework, the designated body of a complaint) and which
the service checks the user really holds a role at. Nothing ever guesses it from the user's memberships.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError

SERVICE_NAME = "Follow Through"


@dataclass(frozen=True)
class Actor:
    """A person acting for an organisation, or the service itself (both None)."""

    user: object = None
    organisation: object = None

    @property
    def label(self):
        if self.user is None:
            return SERVICE_NAME
        return self.user.full_name or self.user.email

    @property
    def organisation_label(self):
        if self.organisation is None:
            return SERVICE_NAME if self.user is None else ""
        return self.organisation.name

    @property
    def user_id(self):
        return getattr(self.user, "pk", None)

    def __bool__(self):
        return self.user is not None


SYSTEM = Actor()


def role_words(roles):
    """ "editor or approver" from role choices."""
    return " or ".join(str(getattr(role, "label", role)).lower() for role in roles)


def acting_for(user, organisation, *roles, doing):
    """The `Actor` for `user` acting for `organisation` in one of `roles`, or a ValidationError saying who may."""
    if getattr(user, "is_authenticated", False) and organisation is not None and user.has_role_at(organisation, *roles):
        return Actor(user=user, organisation=organisation)
    raise ValidationError(f"Only an {role_words(roles)} at {organisation} can {doing}")


def acting_for_one_of(user, places, *roles, doing):
    """The `Actor` for `user` holding one of `roles` where `places` ({role: organisation}) says that role is held: a
    letter is cleared by a caseworker at the inspectorate or by an approver at the organisation that sent it. Roles
    are tried in the order given; a ValidationError says who may."""
    if getattr(user, "is_authenticated", False):
        for role in roles:
            organisation = places.get(role)
            if organisation is not None and user.has_role_at(organisation, role):
                return Actor(user=user, organisation=organisation)
    who = " or ".join(
        f"{_article(role)} {str(getattr(role, 'label', role)).lower()} at {places[role]}"
        for role in roles
        if role in places
    )
    raise ValidationError(f"Only {who} can {doing}")


def _article(role):
    return "an" if str(getattr(role, "label", role))[:1].lower() in "aeiou" else "a"


def as_actor(value, organisation=None):
    """Accept an `Actor`, or a user with the organisation they act for, or None for the service itself."""
    if isinstance(value, Actor):
        return value
    if value is None or not getattr(value, "is_authenticated", False):
        return SYSTEM
    return Actor(user=value, organisation=organisation)
