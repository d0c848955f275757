"""Records published elsewhere first: a caseworker enters a response or progress return from its source.

The historical path (ADR 0016): a force or commissioner published its response or return on its own website before
the service held it. The caseworker chooses the report and the organisation, sees what the service holds for each
recommendation, and enters what is missing word for word, naming the document and the date it gives (or that it gives
none). The services refuse anything the organisation is already writing here, so nobody's draft is overwritten.
"""

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse

from followthrough.core.formatting import long_date
from followthrough.core.forms import add_service_errors
from followthrough.core.once import once_per_submission
from followthrough.core.permissions import permission_required
from followthrough.core.provenance import published_words
from followthrough.core.views import page
from followthrough.reports.models import Obligation
from followthrough.reports.models import State as ReportState

from .. import services
from ..forms_casework import PublishedElsewhereForm, ResponseFromSourceForm, ReturnFromSourceForm
from ..models import ProgressReturn, ResponseVersion, State

PERMISSION = "responses.record_from_source"
TITLE = "Enter responses and returns published elsewhere"


def _obligations():
    return Obligation.casework.filter(recommendation__report__state=ReportState.PUBLISHED).select_related(
        "organisation", "recommendation__report"
    )


def _back(obligation):
    """The list for the obligation's report and organisation, where the caseworker came from."""
    query = urlencode({"report": obligation.recommendation.report.slug, "organisation": obligation.organisation.code})
    return f"{reverse('responses:published-elsewhere')}?{query}"


def _response_row(obligation, versions):
    """What the service holds of `obligation`'s response (its `versions`, newest first), and whether a caseworker may
    enter one."""
    working = next((v for v in versions if v.state != State.PUBLISHED), None)
    latest = next((v for v in versions if v.state == State.PUBLISHED), None)
    if working is not None:
        words = f"{obligation.organisation.name} is writing one here ({working.get_state_display().lower()})"
    elif latest is not None:
        words = f"Version {latest.number}. {published_words(latest)}"
    else:
        words = "None recorded"
    can_enter = working is None and obligation.is_active
    return {
        "key": {"text": "Response"},
        "value": {"text": words},
        "actions": {
            "items": [
                {
                    "href": reverse("responses:response-from-source", kwargs={"obligation_id": obligation.pk}),
                    "text": "Enter a correction" if latest else "Enter",
                    "visuallyHiddenText": f"the response to {obligation.recommendation.title}",
                }
            ]
            if can_enter
            else []
        },
    }


def _return_row(progress_return, obligation):
    started = progress_return.state != State.DRAFT or progress_return.drafted_by_id is not None
    if progress_return.state == State.PUBLISHED:
        words = published_words(progress_return)
    elif started:
        words = f"{obligation.organisation.name} is writing it here ({progress_return.get_state_display().lower()})"
    else:
        words = "Not received"
    label = f"Return {progress_return.number}, due {long_date(progress_return.due_on)}"
    return {
        "key": {"text": label},
        "value": {"text": words},
        "actions": {
            "items": []
            if started
            else [
                {
                    "href": reverse("responses:return-from-source", kwargs={"return_id": progress_return.pk}),
                    "text": "Enter",
                    "visuallyHiddenText": f"{label.lower()} on {obligation.recommendation.title}",
                }
            ]
        },
    }


def _cards(report, organisation):
    """One summary card per recommendation the organisation was given in the report."""
    obligations = list(
        _obligations()
        .filter(recommendation__report=report, organisation=organisation)
        .order_by("recommendation__kind", "recommendation__number")
    )
    # Every version of every response on the page in one query, newest first, rather than two queries a row.
    versions = {}
    for version in (
        ResponseVersion.casework.filter(response__obligation__in=obligations)
        .select_related("response")
        .order_by("-number")
    ):
        versions.setdefault(version.response.obligation_id, []).append(version)
    returns = {}
    for progress_return in ProgressReturn.casework.filter(obligation__in=obligations).order_by("number"):
        returns.setdefault(progress_return.obligation_id, []).append(progress_return)
    return [
        {
            "title": obligation.recommendation.title,
            "rows": [
                _response_row(obligation, versions.get(obligation.pk, [])),
                *(_return_row(r, obligation) for r in returns.get(obligation.pk, [])),
            ],
        }
        for obligation in obligations
    ]


@permission_required(PERMISSION)
def published_elsewhere(request):
    # A link from a report's casework page chooses the report only: show it chosen, not as an error.
    if "organisation" in request.GET:
        form = PublishedElsewhereForm(request.GET)
    else:
        form = PublishedElsewhereForm(initial={"report": request.GET.get("report", "")})
    cards = chosen = None
    if form.is_valid():
        report, organisation = form.cleaned_data["report"], form.cleaned_data["organisation"]
        cards = _cards(report, organisation)
        chosen = f"{organisation.name}: {report.title}"
    return page(
        request,
        "responses/casework/published_elsewhere.jinja",
        TITLE,
        forms=[form],
        form=form,
        cards=cards,
        chosen=chosen,
    )


def _entry_page(request, template, title, obligation, form, **context):
    recommendation = obligation.recommendation
    return page(
        request,
        template,
        title,
        forms=[form],
        form=form,
        caption=f"{obligation.organisation.name}: {recommendation.title}, {recommendation.report.title}",
        recommendation_text=recommendation.text,
        recommendation_kind=recommendation.get_kind_display().lower(),
        back_url=_back(obligation),
        **context,
    )


@permission_required(PERMISSION)
@once_per_submission
def response_from_source(request, obligation_id):
    obligation = get_object_or_404(_obligations(), pk=obligation_id)
    points = [(p.position, p.text) for p in obligation.recommendation.points.all()]
    form = ResponseFromSourceForm(request.POST if request.method == "POST" else None, points=points)
    if request.method == "POST" and form.is_valid():
        arguments = form.service_arguments()
        try:
            services.response_enter_from_source(
                obligation=obligation,
                recorded_by=request.user,
                source=form.source(),
                acceptance=arguments["acceptance"],
                acceptance_reason=arguments["acceptance_reason"],
                done=arguments["done"],
                point_answers=arguments["point_answers"],
            )
        except ValidationError as error:
            reason = form.reason_field(arguments["acceptance"]) or "acceptance"
            add_service_errors(form, error, aliases={"acceptance_reason": reason, "source_date": "source_on"})
        else:
            messages.success(request, f"{obligation.organisation.name}'s response recorded from {form.source().title}")
            return redirect(_back(obligation))
    return _entry_page(
        request,
        "responses/casework/response_from_source.jinja",
        "Enter a response published elsewhere",
        obligation,
        form,
    )


@permission_required(PERMISSION)
@once_per_submission
def return_from_source(request, return_id):
    progress_return = get_object_or_404(
        ProgressReturn.casework.filter(obligation__in=_obligations()).select_related(
            "obligation__organisation", "obligation__recommendation__report"
        ),
        pk=return_id,
    )
    obligation = progress_return.obligation
    form = ReturnFromSourceForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.return_enter_from_source(
                progress_return=progress_return,
                recorded_by=request.user,
                source=form.source(),
                status=form.cleaned_data["status"],
                narrative=form.cleaned_data["narrative"],
            )
        except ValidationError as error:
            add_service_errors(form, error, aliases={"source_date": "source_on"})
        else:
            messages.success(request, f"Return {progress_return.number} recorded from {form.source().title}")
            return redirect(_back(obligation))
    return _entry_page(
        request,
        "responses/casework/return_from_source.jinja",
        f"Enter return {progress_return.number}, published elsewhere",
        obligation,
        form,
        due=f"Due {long_date(progress_return.due_on)}. {progress_return.due_explanation}",
    )
