"""Progress returns: writing a draft return and its evidence."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect

from followthrough.core.forms import add_service_errors
from followthrough.core.once import once_per_submission
from followthrough.core.permissions import permission_required
from followthrough.core.views import page

from ... import services
from ...forms import ReturnForm
from ...models import State
from .evidence import _evidence_add_page, _evidence_remove_page
from .scope import VIEW, _detail, _obligation, _posted, _return


@permission_required(VIEW)
def return_edit(request, obligation_id, number):
    obligation = _obligation(request, obligation_id)
    progress_return = _return(obligation, number)
    back_url = _detail(obligation, f"return-{number}")
    if progress_return.state != State.DRAFT:
        return redirect(back_url)
    form = ReturnForm(
        _posted(request),
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
        obligation=obligation,
        progress_return=progress_return,
        back_url=back_url,
    )


@permission_required(VIEW)
@once_per_submission
def return_evidence_add(request, obligation_id, number):
    obligation = _obligation(request, obligation_id)
    progress_return = _return(obligation, number)
    back_url = _detail(obligation, f"return-{number}")
    if progress_return.state != State.DRAFT:
        return redirect(back_url)
    rendered = _evidence_add_page(request, obligation, lambda: progress_return, f"Progress return {number}", back_url)
    return redirect(back_url) if rendered is None else rendered


@permission_required(VIEW)
def return_evidence_remove(request, obligation_id, number, evidence_id):
    obligation = _obligation(request, obligation_id)
    progress_return = _return(obligation, number)
    evidence = get_object_or_404(progress_return.evidence.all(), pk=evidence_id)
    back_url = _detail(obligation, f"return-{number}")
    if progress_return.state != State.DRAFT:
        return redirect(back_url)
    return _evidence_remove_page(request, obligation, evidence, back_url)
