"""Who may do what with super-complaints.

Views also scope every lookup to the user (models.SuperComplaintQuerySet), so a designated body user asking for
another body's complaint gets "Page not found" before any of these rules is asked.
"""

import rules

from followthrough.accounts.predicates import has_role, is_caseworker
from followthrough.organisations.models import Role

from .models import Action, EvidenceFile, State, SuperComplaint
from .workflow import complaint_workflow


def _complaint_of(obj):
    if isinstance(obj, EvidenceFile):
        return obj.complaint
    if isinstance(obj, SuperComplaint):
        return obj
    return None


def acts_for_designated_body(user, organisation):
    return user is not None and user.is_authenticated and user.has_role_at(organisation, Role.DESIGNATED_BODY_USER)


def acts_for_a_complainant(user, complaint):
    """Whether the user acts, as a designated body user, for one of the bodies making the complaint (the lead or a
    joint complainant: ADR 0017)."""
    return (
        user is not None
        and user.is_authenticated
        and user.memberships.filter(
            role=Role.DESIGNATED_BODY_USER, organisation__in=[body.pk for body in complaint.complainants]
        ).exists()
    )


@rules.predicate
def is_own_designated_body_complaint(user, obj):
    """The complaint (or evidence file) was made by an organisation the user acts for as a designated body user,
    alone or jointly."""
    complaint = _complaint_of(obj)
    return complaint is not None and acts_for_a_complainant(user, complaint)


@rules.predicate
def is_draft(user, obj):
    complaint = _complaint_of(obj)
    return complaint is not None and complaint.state == State.DRAFT


@rules.predicate
def is_submitted(user, obj):
    complaint = _complaint_of(obj)
    return complaint is not None and complaint.state != State.DRAFT


@rules.predicate
def can_be_withdrawn(user, obj):
    complaint = _complaint_of(obj)
    return complaint is not None and complaint_workflow.may(complaint, Action.WITHDRAW)


is_designated_body_user = has_role(Role.DESIGNATED_BODY_USER)


# Designated body users: lodge and follow their own organisation's complaints.
rules.add_perm("complaints.lodge", is_designated_body_user)
rules.add_perm("complaints.view_own_complaints", is_designated_body_user)
rules.add_perm("complaints.view_own_complaint", is_own_designated_body_complaint)
rules.add_perm("complaints.change_draft", is_own_designated_body_complaint & is_draft)
rules.add_perm("complaints.withdraw", is_own_designated_body_complaint & can_be_withdrawn)

# Inspectorate caseworkers: everything submitted, never a body's draft.
rules.add_perm("complaints.view_casework", is_caseworker)
rules.add_perm("complaints.act_on_complaint", is_caseworker & is_submitted)

# Evidence: the body that sent it, and caseworkers once it has been submitted.
rules.add_perm("complaints.download_evidence", is_own_designated_body_complaint | (is_caseworker & is_submitted))
