"""Progress returns: writing a draft return and its evidence."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect

from followthrough.core.formatting import long_date
from followthrough.core.forms import add_service_errors
from followthrough.core.once import once_per_submission
from followthrough.core.permissions import permission_required
from followthrough.core.views import page

from ... import services
from ...forms import ReturnForm
from ...models import State
from ...presenters.organisation import ObligationShown
from .evidence import evidence_add_page, evidence_remove_page
from .scope import VIEW, detail_url, own_obligation, own_return, posted


@permission_required(VIEW)
def return_edit(request, obligation_id, number):
    obligation = own_obligation(request, obligation_id)
    progress_return = own_return(obligation, number)
    back_url = detail_url(obligation, f"return-{number}")
    if progress_return.state != State.DRAFT:
        return redirect(back_url)
    form = ReturnForm(
        posted(request),
        initial={
            "status": progress_return.status,
            "narrative": progress_return.narrative,
            "expected_version": progress_return.version,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.return_save(progress_return=progress_return, saved_by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"Progress return {number} saved")
            return redirect(back_url)
    return page(
        request,
        "responses/organisation/return.jinja",
        f"Progress return {number}",
        forms=[form],
        form=form,
        obligation=ObligationShown(obligation),
        progress_return={"due": long_date(progress_return.due_on), "due_explanation": progress_return.due_explanation},
        back_url=back_url,
    )


@permission_required(VIEW)
@once_per_submission
def return_evidence_add(request, obligation_id, number):
    obligation = own_obligation(request, obligation_id)
    progress_return = own_return(obligation, number)
    back_url = detail_url(obligation, f"return-{number}")
    if progress_return.state != State.DRAFT:
        return redirect(back_url)
    rendered = evidence_add_page(request, obligation, lambda: progress_return, f"Progress return {number}", back_url)
    return redirect(back_url) if rendered is None else rendered


@permission_required(VIEW)
def return_evidence_remove(request, obligation_id, number, evidence_id):
    obligation = own_obligation(request, obligation_id)
    progress_return = own_return(obligation, number)
    evidence = get_object_or_404(progress_return.evidence.all(), pk=evidence_id)
    back_url = detail_url(obligation, f"return-{number}")
    if progress_return.state != State.DRAFT:
        return redirect(back_url)
    return evidence_remove_page(request, obligation, evidence, back_url)
