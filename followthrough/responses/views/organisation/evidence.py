"""Evidence, for a draft response or a draft progress return, and downloading an evidence file."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect

from followthrough.core import files
from followthrough.core.forms import add_service_errors
from followthrough.core.once import once_per_submission
from followthrough.core.permissions import permission_required
from followthrough.core.uploads import size_words
from followthrough.core.views import page

from ... import services
from ...forms import ConfirmForm, EvidenceForm
from ...models import Evidence
from ...presenters.organisation import ObligationShown
from .response import draft_or_redirect, draft_to_write
from .scope import VIEW, detail_url, own_obligation, posted, working_version


def evidence_add_page(request, obligation, owner_for_post, caption, back_url):
    """Add a link or a file, or None once added. `owner_for_post` gives the draft to attach it to; it runs inside
    the transaction, so a refused file does not leave a new empty draft behind."""
    form = EvidenceForm(posted(request), request.FILES if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                services.evidence_add(
                    owner=owner_for_post(),
                    added_by=request.user,
                    title=form.cleaned_data["title"],
                    url=form.cleaned_data["url"],
                    upload=form.cleaned_data["upload"] or None,
                )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"Evidence added: {form.cleaned_data['title']}")
            return None
    return page(
        request,
        "responses/organisation/evidence_add.jinja",
        "Add evidence",
        forms=[form],
        form=form,
        obligation=ObligationShown(obligation),
        caption=caption,
        back_url=back_url,
        max_size=size_words(files.rules(Evidence.UPLOAD_USE).max_bytes),
    )


def evidence_remove_page(request, obligation, evidence, back_url):
    form = ConfirmForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.evidence_remove(evidence=evidence, removed_by=request.user)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"Evidence removed: {evidence.title}")
            return redirect(back_url)
    return page(
        request,
        "responses/organisation/remove.jinja",
        f"Are you sure you want to remove {evidence.title}?",
        forms=[form],
        form=form,
        obligation=ObligationShown(obligation),
        thing=evidence.title,
        button="Remove evidence",
        keep="Keep the evidence",
        back_url=back_url,
    )


@permission_required(VIEW)
@once_per_submission
def response_evidence_add(request, obligation_id):
    obligation = own_obligation(request, obligation_id)
    if (refusal := draft_or_redirect(obligation, working_version(obligation))) is not None:
        return refusal
    back_url = detail_url(obligation, "response")
    rendered = evidence_add_page(
        request, obligation, lambda: draft_to_write(request, obligation), "Your response", back_url
    )
    return redirect(back_url) if rendered is None else rendered


@permission_required(VIEW)
def response_evidence_remove(request, obligation_id, evidence_id):
    obligation = own_obligation(request, obligation_id)
    working = working_version(obligation)
    if working is None:
        raise Http404("There is no draft response")
    evidence = get_object_or_404(working.evidence.all(), pk=evidence_id)
    if (refusal := draft_or_redirect(obligation, working)) is not None:
        return refusal
    return evidence_remove_page(request, obligation, evidence, detail_url(obligation, "response"))


@permission_required(VIEW)
def evidence_download(request, obligation_id, evidence_id):
    """Send an evidence file as a download, never shown in the browser, whatever it claims to be."""
    obligation = own_obligation(request, obligation_id)
    of_obligation = Q(version__response__obligation=obligation) | Q(progress_return__obligation=obligation)
    evidence = get_object_or_404(Evidence.objects.filter(of_obligation).exclude(file=""), pk=evidence_id)
    response = FileResponse(
        evidence.file.open("rb"),
        as_attachment=True,
        filename=evidence.original_name or "evidence",
        content_type=evidence.content_type or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
