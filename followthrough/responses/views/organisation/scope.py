"""What every page of an organisation's own work shares: the scope, the sign-off steps, and the link helpers.

These are for this package's pages; `__init__` exports the views.
"""

from django.shortcuts import get_object_or_404
from django.urls import reverse

from followthrough.organisations.models import Organisation, Role
from followthrough.reports.models import Obligation

from ...models import ResponseVersion, State
from ...services.common import APPROVE, PUBLISH, SEND_BACK, STEPS, SUBMIT

VIEW = "responses.view_own_obligations"
DRAFTERS = (Role.EDITOR, Role.APPROVER)
STEP_ORDER = (SUBMIT, APPROVE, PUBLISH, SEND_BACK)


def own_organisations(user):
    """The organisations where `user` is an editor or approver."""
    return Organisation.objects.where_user_holds(user, *DRAFTERS)


def own_obligations(user):
    return Obligation.public.filter(organisation__in=own_organisations(user)).select_related(
        "recommendation__report", "organisation", "response_deadline", "recommendation_deadline"
    )


def own_obligation(request, obligation_id):
    return get_object_or_404(own_obligations(request.user), pk=obligation_id)


def versions_of(obligation):
    return ResponseVersion.casework.filter(response__obligation=obligation).prefetch_related(
        "point_answers", "actions", "evidence"
    )


def working_version(obligation):
    return versions_of(obligation).exclude(state=State.PUBLISHED).first()


def last_published_version(obligation, before=None):
    versions = versions_of(obligation).filter(state=State.PUBLISHED)
    if before is not None:
        versions = versions.filter(number__lt=before.number)
    return versions.order_by("-number").first()


def own_return(obligation, number):
    return get_object_or_404(obligation.progress_returns.prefetch_related("evidence"), number=number)


def may_take(user, organisation, step):
    """Whether `user` holds a role at `organisation` that may take the sign-off `step`."""
    return user.has_role_at(organisation, *STEPS[step].roles)


def steps_allowed(user, organisation):
    """The sign-off steps `user` may take for `organisation`, in the order the workflow goes."""
    return [step for step in STEP_ORDER if may_take(user, organisation, step)]


def open_steps(record, allowed):
    """Of the steps `allowed`, those `record` can take now."""
    if record is None:
        return []
    return [step for step in allowed if record.state in STEPS[step].sources]


# Helpers -------------------------------------------------------------------------------------------------------------


def posted(request):
    """The submitted data on a POST (even an empty one, so its errors show), or None to show the form."""
    return request.POST if request.method == "POST" else None


def detail_url(obligation, anchor=""):
    return reverse("responses:obligation", kwargs={"obligation_id": obligation.pk}) + (f"#{anchor}" if anchor else "")


def return_url(obligation, progress_return, name="return"):
    return reverse(f"responses:{name}", kwargs={"obligation_id": obligation.pk, "number": progress_return.number})
