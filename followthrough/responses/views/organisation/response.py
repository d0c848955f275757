"""Writing the response: the draft (a first response or a correction) and its planned actions."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect

from followthrough.core.forms import add_service_errors
from followthrough.core.once import once_per_submission
from followthrough.core.permissions import permission_required
from followthrough.core.views import page

from ... import services
from ...forms import REASON_FIELDS, ActionForm, ConfirmForm, ResponseForm
from ...models import State
from ...presenters.organisation import ObligationShown
from ...presenters.public import RecommendationShown
from .scope import VIEW, detail_url, last_published_version, own_obligation, posted, working_version


def draft_or_redirect(obligation, working):
    """Drafts only: a version waiting for sign-off, or a closed obligation with nothing to finish, goes to its page."""
    if working is not None and working.state != State.DRAFT:
        return redirect(detail_url(obligation, "response"))
    if working is None and not obligation.is_active:
        return redirect(detail_url(obligation))
    return None


def draft_to_write(request, obligation):
    """The draft to write to: the one being worked on, or a new one (a first response or a correction)."""
    return services.response_start(obligation=obligation, started_by=request.user)


@permission_required(VIEW)
@once_per_submission
def response_edit(request, obligation_id):
    obligation = own_obligation(request, obligation_id)
    working = working_version(obligation)
    if (refusal := draft_or_redirect(obligation, working)) is not None:
        return refusal
    # A correction starts from the last published version, so only what changes needs typing.
    basis = working or last_published_version(obligation)
    if basis is not None:
        points = [(a.position, a.point_text) for a in basis.point_answers.all()]
    else:
        points = [(p.position, p.text) for p in obligation.recommendation.points.all()]
    correction = basis is not None and (working is None or working.number > 1)
    initial = ResponseForm.initial_for(basis)
    if working is None:
        initial.pop("change_note", None)  # a new correction says afresh what it changes
    form = ResponseForm(posted(request), points=points, correction=correction, initial=initial)
    if request.method == "POST" and form.is_valid():
        arguments = form.service_arguments()
        try:
            with transaction.atomic():
                version = draft_to_write(request, obligation)
                services.response_save(version=version, saved_by=request.user, **arguments)
        except ValidationError as error:
            add_service_errors(
                form, error, {"acceptance_reason": REASON_FIELDS.get(arguments["acceptance"], "acceptance")}
            )
        else:
            messages.success(request, "Your draft has been saved")
            return redirect(detail_url(obligation, "response"))
    title = "Correct your response" if correction else "Your response"
    return page(
        request,
        "responses/organisation/response.jinja",
        title,
        forms=[form],
        form=form,
        obligation=ObligationShown(obligation),
        recommendation=RecommendationShown(obligation.recommendation),
        version_number=working.number if working else (basis.number + 1 if basis else 1),
    )


def _action_form_page(request, obligation, form, title):
    return page(
        request,
        "responses/organisation/action.jinja",
        title,
        forms=[form],
        form=form,
        obligation=ObligationShown(obligation),
    )


@permission_required(VIEW)
@once_per_submission
def action_add(request, obligation_id):
    obligation = own_obligation(request, obligation_id)
    if (refusal := draft_or_redirect(obligation, working_version(obligation))) is not None:
        return refusal
    form = ActionForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                version = draft_to_write(request, obligation)
                services.action_save(version=version, saved_by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Planned action added")
            return redirect(detail_url(obligation, "response"))
    return _action_form_page(request, obligation, form, "Add a planned action")


def _working_action(obligation, action_id):
    working = working_version(obligation)
    if working is None:
        raise Http404("There is no draft response")
    return working, get_object_or_404(working.actions.all(), pk=action_id)


@permission_required(VIEW)
def action_change(request, obligation_id, action_id):
    obligation = own_obligation(request, obligation_id)
    working, action = _working_action(obligation, action_id)
    if (refusal := draft_or_redirect(obligation, working)) is not None:
        return refusal
    previous = last_published_version(obligation, before=working)
    published = previous.actions.filter(key=action.key).first() if previous else None
    form = ActionForm(
        posted(request),
        published_target_date=published.target_date if published else None,
        initial=ActionForm.initial_for(action),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.action_save(version=working, saved_by=request.user, action=action, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Planned action saved")
            return redirect(detail_url(obligation, "response"))
    return _action_form_page(request, obligation, form, "Change a planned action")


@permission_required(VIEW)
def action_remove(request, obligation_id, action_id):
    obligation = own_obligation(request, obligation_id)
    working, action = _working_action(obligation, action_id)
    if (refusal := draft_or_redirect(obligation, working)) is not None:
        return refusal
    form = ConfirmForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.action_remove(action=action, removed_by=request.user)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Planned action removed")
            return redirect(detail_url(obligation, "response"))
    return page(
        request,
        "responses/organisation/remove.jinja",
        "Are you sure you want to remove this planned action?",
        forms=[form],
        form=form,
        obligation=ObligationShown(obligation),
        thing=action.description,
        button="Remove action",
        keep="Keep the action",
        back_url=detail_url(obligation, "response"),
    )
