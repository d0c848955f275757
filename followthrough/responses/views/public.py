"""What anyone may read: published responses, progress returns, assessments and national collations.

Every query here goes through a `public` manager (or `presenters.statuses`, which reads only published material),
so a draft, a response waiting for sign-off or an unpublished report never reaches these pages.
"""

from collections import defaultdict

from django.db.models import Q
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404

from followthrough.core.permissions import public
from followthrough.core.views import page
from followthrough.organisations.models import Organisation
from followthrough.reports.models import Obligation, Recommendation, Report

from .. import presenters
from ..forms_casework import MatrixFilterForm
from ..models import Collation, Evidence, ProgressReturn, ResponseVersion, State
from ..presenters.public import (
    CollationShown,
    OrganisationShown,
    RecommendationShown,
    ReportShown,
    matrix_table,
    record_reports,
    response_sections,
)
from ..presenters.shown import example_warning

# Recommendations before actions, each in number order: the report's own order.
REPORT_ORDER = ("-recommendation__kind", "recommendation__number")


def _obligations():
    return Obligation.public.select_related(
        "organisation", "recommendation__report", "response_deadline", "recommendation_deadline"
    )


def _latest_collations(report):
    """The latest published national response from each collating body, by recommendation."""
    latest = {}
    for collation in (
        Collation.public.filter(recommendation__report=report).select_related("organisation").order_by("-created_at")
    ):
        latest.setdefault((collation.recommendation_id, collation.organisation_id), collation)
    by_recommendation = defaultdict(list)
    for (recommendation_id, _), collation in latest.items():
        by_recommendation[recommendation_id].append(collation)
    return by_recommendation


@public
def organisation_response(request, slug, code):
    """An organisation's published response to a report, recommendation by recommendation, with its history."""
    report = get_object_or_404(Report.public, slug=slug)
    organisation = get_object_or_404(Organisation, code=code)
    obligations = list(
        _obligations()
        .filter(recommendation__report=report, organisation=organisation)
        .prefetch_related("recommendation__points")
        .order_by(*REPORT_ORDER)
    )
    if not obligations:
        raise Http404("Nothing in this report is addressed to this organisation")
    records = presenters.obligation_records(obligations)
    return page(
        request,
        "responses/public/response.jinja",
        f"{organisation.name}'s response to {report.title}",
        report=ReportShown(report),
        organisation=OrganisationShown(organisation),
        records=response_sections(records),
        history=presenters.public_history(records),
        example_warning_text=example_warning(any(r.is_example for r in records)),
    )


@public
def evidence_download(request, evidence_id):
    """A file attached to a published response or progress return of a published report."""
    published = Q(version__in=ResponseVersion.public.all()) | Q(
        progress_return__in=ProgressReturn.public.filter(state=State.PUBLISHED)
    )
    evidence = get_object_or_404(Evidence.objects.filter(published).exclude(file=""), pk=evidence_id)
    response = FileResponse(
        evidence.file.open("rb"),
        as_attachment=True,
        filename=evidence.original_name,
        content_type=evidence.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@public
def matrix(request, slug):
    """Every recommendation × every addressee, with its state in words, filtered by kind of body and state."""
    report = get_object_or_404(Report.public, slug=slug)
    form = MatrixFilterForm(request.GET or None)
    kind, state = form.values()
    recommendations = list(Recommendation.public.filter(report=report).order_by("-kind", "number"))
    obligations = _obligations().filter(recommendation__report=report).order_by("organisation__name")
    by_recommendation = defaultdict(list)
    for status in presenters.statuses(obligations):
        by_recommendation[status.obligation.recommendation_id].append(status)
    collations = _latest_collations(report)
    sections = []
    for recommendation in recommendations:
        all_statuses = by_recommendation[recommendation.pk]
        shown = [
            s
            for s in all_statuses
            if (not kind or s.obligation.organisation.kind == kind) and (not state or s.key == state)
        ]
        section = {
            "recommendation": RecommendationShown(recommendation),
            "anchor": f"{recommendation.kind}-{recommendation.number}",
            "summary_words": presenters.summary(all_statuses).words,
            "total": len(all_statuses),
            "collations": [CollationShown(c) for c in collations[recommendation.pk]],
            "is_example": any(s.is_example for s in shown),
        }
        section["table"] = matrix_table(report, section, shown, is_filtered=form.is_filtered) if shown else None
        sections.append(section)
    return page(
        request,
        "responses/public/matrix.jinja",
        f"Responses to {report.title}",
        report=ReportShown(report),
        form=form,
        sections=sections,
        example_warning_text=example_warning(
            any(s["is_example"] or any(c.example_tag for c in s["collations"]) for s in sections)
        ),
    )


@public
def organisation_record(request, code):
    """Everything addressed to one organisation across published reports, and what it has done about each."""
    organisation = get_object_or_404(Organisation, code=code)
    obligations = (
        _obligations()
        .filter(organisation=organisation)
        .order_by("-recommendation__report__published_on", "recommendation__report__title", *REPORT_ORDER)
    )
    statuses = presenters.statuses(obligations)
    return page(
        request,
        "responses/public/record.jinja",
        f"{organisation.name}: record on recommendations",
        organisation=OrganisationShown(organisation),
        counts_words=presenters.record_counts(statuses).words,
        reports=record_reports(organisation, statuses),
        example_warning_text=example_warning(any(s.is_example for s in statuses)),
    )


@public
def national_responses(request, slug):
    """The national responses NPCC and APCC have published on a report's recommendations, newest first."""
    report = get_object_or_404(Report.public, slug=slug)
    collations = (
        Collation.public.filter(recommendation__report=report)
        .select_related("organisation", "recommendation")
        .order_by("-recommendation__kind", "recommendation__number", "-published_on", "-created_at")
    )
    sections = {}
    for collation in collations:
        recommendation = collation.recommendation
        sections.setdefault(
            recommendation.pk,
            {"recommendation": RecommendationShown(recommendation), "collations": []},
        )["collations"].append(CollationShown(collation))
    return page(
        request,
        "responses/public/national_responses.jinja",
        f"National responses to {report.title}",
        report=ReportShown(report),
        sections=list(sections.values()),
        example_warning_text=example_warning(any(c.is_example for c in collations)),
    )
