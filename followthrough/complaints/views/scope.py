"""Loading a complaint for the person asking, and nobody else.

These are the `fn` of `permission_required`: they return None for anonymous visitors (who are then sent to sign
in) and raise Http404 for anything outside the user's scope, so a designated body user never learns whether another
body's complaint exists.
"""

from django.db.models import Q
from django.shortcuts import get_object_or_404

from followthrough.accounts.predicates import is_caseworker

from ..models import EvidenceFile, State, SuperComplaint


def own_complaint(request, complaint_id, **kwargs):
    if not request.user.is_authenticated:
        return None
    complaints = SuperComplaint.internal.for_designated_body_user(request.user).with_clocks()
    return get_object_or_404(complaints, pk=complaint_id)


def casework_complaint(request, reference, **kwargs):
    """A submitted complaint, for a caseworker. Anyone else gets None, so the permission check refuses them."""
    if not (request.user.is_authenticated and is_caseworker(request.user)):
        return None
    return get_object_or_404(SuperComplaint.internal.submitted().with_clocks(), reference=reference)


def visible_evidence(request, file_id, **kwargs):
    """An evidence file of the user's own organisation's complaint, or, for a caseworker, of a submitted one."""
    user = request.user
    if not user.is_authenticated:
        return None
    visible = Q(complaint__in=SuperComplaint.internal.for_designated_body_user(user))
    if is_caseworker(user):
        visible |= ~Q(complaint__state=State.DRAFT)
    return get_object_or_404(EvidenceFile.objects.select_related("complaint").filter(visible), pk=file_id)
