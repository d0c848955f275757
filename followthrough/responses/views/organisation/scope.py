"""What every page of an organisation's own work shares: the scope, the roles, and the form and link helpers.

The underscored names are for this package's pages only; `__init__` exports the views.
"""

from django.forms import RadioSelect
from django.shortcuts import get_object_or_404
from django.urls import reverse

from followthrough.organisations.models import Membership, Organisation, Role
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


def _obligation(request, obligation_id):
    return get_object_or_404(own_obligations(request.user), pk=obligation_id)


def _versions(obligation):
    return ResponseVersion.casework.filter(response__obligation=obligation).prefetch_related(
        "point_answers", "actions", "evidence"
    )


def _working(obligation):
    return _versions(obligation).exclude(state=State.PUBLISHED).first()


def _last_published(obligation, before=None):
    versions = _versions(obligation).filter(state=State.PUBLISHED)
    if before is not None:
        versions = versions.filter(number__lt=before.number)
    return versions.order_by("-number").first()


def _return(obligation, number):
    return get_object_or_404(obligation.progress_returns.prefetch_related("evidence"), number=number)


def _roles(user, organisation):
    return set(Membership.objects.filter(user=user, organisation=organisation).values_list("role", flat=True))


def _steps(record, roles):
    """The sign-off steps this person may take on `record` now, in the order the workflow goes."""
    if record is None:
        return []
    return [step for step in STEP_ORDER if record.state in STEPS[step].sources and roles & set(STEPS[step].roles)]


# Helpers -------------------------------------------------------------------------------------------------------------


def _posted(request):
    """The submitted data on a POST (even an empty one, so its errors show), or None to show the form."""
    return request.POST if request.method == "POST" else None


def _anchor(form, name):
    """Where the error summary links for a field of `form`, as `core.forms.error_summary` does."""
    bound = form[name]
    if isinstance(bound.field.widget, RadioSelect):
        return bound.html_name
    return bound.id_for_label or bound.html_name


def _detail(obligation, anchor=""):
    return reverse("responses:obligation", kwargs={"obligation_id": obligation.pk}) + (f"#{anchor}" if anchor else "")


def _return_url(obligation, progress_return, name="return"):
    return reverse(f"responses:{name}", kwargs={"obligation_id": obligation.pk, "number": progress_return.number})
