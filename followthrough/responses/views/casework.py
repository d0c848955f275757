"""The inspectorate's second key: caseworkers assess published claims that a recommendation is implemented."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect

from followthrough.core.forms import add_service_errors
from followthrough.core.once import once_per_submission
from followthrough.core.permissions import permission_required
from followthrough.core.views import page

from .. import services
from ..forms_casework import ASSESS, REOPEN, AssessmentForm, ReopenForm
from ..models import Assessment, Outcome, ProgressReturn
from ..presenters.casework import ClaimForAssessment, assessed_table, waiting_table
from ..presenters.shown import example_warning

ASSESS_PERMISSION = "responses.assess"


def _claims():
    """Published claims of "implemented" on published reports, with what the pages show about each."""
    return (
        ProgressReturn.casework.published()
        .claims()
        .select_related("obligation__organisation", "obligation__recommendation__report", "published_by", "approved_by")
        .prefetch_related(
            "evidence",
            Prefetch("assessments", queryset=Assessment.objects.select_related("assessed_by").order_by("at", "pk")),
        )
    )


def _current(progress_return):
    assessments = list(progress_return.assessments.all())
    return assessments[-1] if assessments else None


def _is_assessed(progress_return):
    current = _current(progress_return)
    return current is not None and current.outcome != Outcome.REOPENED


@permission_required(ASSESS_PERMISSION)
def assessment_list(request):
    claims = sorted(_claims(), key=lambda r: (r.published_on, r.pk))
    awaiting = [r for r in claims if not _is_assessed(r)]
    assessed = [{"claim": r, "current": _current(r)} for r in claims if _is_assessed(r)]
    return page(
        request,
        "responses/casework/assessments.jinja",
        "Claims of implementation to assess",
        waiting_table=waiting_table(awaiting),
        assessed_table=assessed_table(assessed),
    )


@permission_required(ASSESS_PERMISSION)
@once_per_submission
def assessment_detail(request, return_id):
    claim = get_object_or_404(_claims(), pk=return_id)
    assessed = _is_assessed(claim)
    posted = request.POST.get("action") if request.method == "POST" else None
    assess_form = AssessmentForm(request.POST if posted == ASSESS else None)
    reopen_form = ReopenForm(request.POST if posted == REOPEN else None)
    form = assess_form if posted == ASSESS else reopen_form if posted == REOPEN else None
    if form is not None and form.is_valid():
        try:
            if posted == ASSESS:
                services.assessment_record(
                    progress_return=claim,
                    assessed_by=request.user,
                    outcome=form.cleaned_data["outcome"],
                    reasons=form.cleaned_data["reasons"],
                )
                done = "Assessment recorded and published"
            else:
                services.assessment_reopen(
                    progress_return=claim, reopened_by=request.user, reason=form.cleaned_data["reason"]
                )
                done = "Assessment reopened. The claim is waiting for a new assessment"
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, done)
            return redirect("responses:assessment", return_id=claim.pk)
    shown = ClaimForAssessment(claim)
    return page(
        request,
        "responses/casework/assessment.jinja",
        f"Assess {shown.organisation.name}'s claim on {shown.recommendation.title}",
        forms=[assess_form, reopen_form],
        claim=shown,
        example_warning_text=example_warning(claim.is_example),
        assessed=assessed,
        assess_form=assess_form,
        reopen_form=reopen_form,
    )
