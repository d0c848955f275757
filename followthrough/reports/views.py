"""Report pages: public pages read only published reports; casework pages are for the inspectorate."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.module_loading import import_string

from followthrough.complaints.services import IllegalTransition
from followthrough.core.formatting import plural
from followthrough.core.forms import add_service_errors
from followthrough.core.once import once_per_submission
from followthrough.core.permissions import permission_required, public
from followthrough.core.views import page

from . import services
from .forms import ConfirmForm, CorrectionForm, PublishForm, RecommendationForm, ReportForm
from .models import Obligation, Recommendation, Report
from .presenters import RecommendationPresenter, ReportPresenter, casework_table, obligations_prefetch

MANAGE = "reports.manage_reports"
COUNTS = {
    "recommendation_total": Count(
        "recommendations", filter=Q(recommendations__kind=Recommendation.Kind.RECOMMENDATION)
    ),
    "action_total": Count("recommendations", filter=Q(recommendations__kind=Recommendation.Kind.ACTION)),
}


def public_letters_about(**subject):
    """Letters from the correspondence register, which sits above reports (ADR 0015): named in settings."""
    return import_string(settings.REPORT_PAGE_LETTERS)(**subject)


def _recommendation(queryset, report, kind, number):
    return get_object_or_404(
        queryset.filter(report=report).prefetch_related("points", "versions", "groups", "organisations"),
        kind=kind,
        number=number,
    )


# Public pages ------------------------------------------------------------------------------------------------------


@public
def report_list(request):
    reports = Report.public.annotate(**COUNTS).order_by("-published_on", "title")
    return page(request, "reports/list.jinja", "Reports", reports=[ReportPresenter(r) for r in reports])


@public
def report_detail(request, slug):
    report = get_object_or_404(Report.public, slug=slug)
    presenter = ReportPresenter(report)
    return page(
        request,
        "reports/detail.jinja",
        report.title,
        presenter=presenter,
        recommendations=presenter.recommendations(),
        letters=public_letters_about(report=report),
    )


@public
def recommendation_detail(request, slug, kind, number):
    report = get_object_or_404(Report.public, slug=slug)
    recommendation = get_object_or_404(
        Recommendation.public.filter(report=report)
        .select_related("report")
        .prefetch_related("points", "versions", "groups", "organisations", obligations_prefetch()),
        kind=kind,
        number=number,
    )
    presenter = RecommendationPresenter(recommendation)
    return page(
        request,
        "reports/recommendation.jinja",
        f"{recommendation.title}: {report.title}",
        report=ReportPresenter(report),
        recommendation=presenter,
        letters=public_letters_about(report=report, recommendation=recommendation),
    )


def _document_response(report):
    if not report.document_file:
        raise Http404("This report has no document")
    return FileResponse(report.document_file.open("rb"), content_type="application/pdf", filename=f"{report.slug}.pdf")


@public
def report_document(request, slug):
    return _document_response(get_object_or_404(Report.public, slug=slug))


# Casework pages ----------------------------------------------------------------------------------------------------


@permission_required(MANAGE)
def casework_list(request):
    reports = Report.casework.annotate(**COUNTS).order_by("state", "-published_on", "title")
    return page(request, "reports/casework/list.jinja", "Reports", table=casework_table(reports))


@permission_required(MANAGE)
@once_per_submission
def casework_create(request):
    form = ReportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            report = services.report_create(created_by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"Draft report created: {report.title}")
            return redirect("reports:casework-detail", slug=report.slug)
    return page(request, "reports/casework/create.jinja", "Add a report", forms=[form], form=form)


@permission_required(MANAGE)
def casework_detail(request, slug):
    report = get_object_or_404(Report.casework.select_related("super_complaint__designated_body"), slug=slug)
    presenter = ReportPresenter(report, public=False)
    return page(
        request,
        "reports/casework/detail.jinja",
        report.title,
        presenter=presenter,
        recommendations=presenter.recommendations(),
    )


@permission_required(MANAGE)
def casework_document(request, slug):
    return _document_response(get_object_or_404(Report.casework, slug=slug))


@permission_required(MANAGE)
@once_per_submission
def casework_recommendation_add(request, slug):
    report = get_object_or_404(Report.casework.drafts(), slug=slug)
    form = RecommendationForm(request.POST or None, report=report)
    if request.method == "POST" and form.is_valid():
        try:
            recommendation = services.recommendation_add(
                report=report, added_by=request.user, **form.service_arguments()
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"{recommendation.title} added")
            return redirect("reports:casework-detail", slug=report.slug)
    return page(
        request,
        "reports/casework/recommendation_add.jinja",
        "Add a recommendation or action",
        forms=[form],
        form=form,
        report=ReportPresenter(report, public=False),
    )


@permission_required(MANAGE)
def casework_edit(request, slug):
    report = get_object_or_404(Report.casework.drafts().select_related("super_complaint"), slug=slug)
    form = ReportForm(
        request.POST or None, request.FILES or None, report=report, initial=ReportForm.initial_for(report)
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.report_update(report=report, updated_by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Report details saved")
            return redirect("reports:casework-detail", slug=report.slug)
    return page(
        request,
        "reports/casework/edit.jinja",
        "Change report details",
        forms=[form],
        form=form,
        report=ReportPresenter(report, public=False),
    )


@permission_required(MANAGE)
def casework_recommendation_edit(request, slug, kind, number):
    report = get_object_or_404(Report.casework.drafts(), slug=slug)
    recommendation = _recommendation(Recommendation.casework, report, kind, number)
    title = recommendation.title
    form = RecommendationForm(
        request.POST or None,
        report=report,
        recommendation=recommendation,
        initial=RecommendationForm.initial_for(recommendation),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.recommendation_update(
                recommendation=recommendation, updated_by=request.user, **form.service_arguments()
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"{recommendation.title} saved")
            return redirect("reports:casework-detail", slug=report.slug)
    return page(
        request,
        "reports/casework/recommendation_edit.jinja",
        f"Change {title}",
        forms=[form],
        form=form,
        report=ReportPresenter(report, public=False),
    )


@permission_required(MANAGE)
def casework_recommendation_remove(request, slug, kind, number):
    report = get_object_or_404(Report.casework.drafts(), slug=slug)
    recommendation = _recommendation(Recommendation.casework, report, kind, number)
    form = ConfirmForm(request.POST if request.method == "POST" else None)  # it has no fields, so POST may be empty
    if request.method == "POST" and form.is_valid():
        try:
            services.recommendation_remove(recommendation=recommendation, removed_by=request.user)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"{recommendation.title} removed")
            return redirect("reports:casework-detail", slug=report.slug)
    return page(
        request,
        "reports/casework/recommendation_remove.jinja",
        f"Are you sure you want to remove {recommendation.title}?",
        forms=[form],
        form=form,
        report=ReportPresenter(report, public=False),
        recommendation=RecommendationPresenter(recommendation),
    )


@permission_required(MANAGE)
def casework_publish(request, slug):
    report = get_object_or_404(Report.casework.drafts(), slug=slug)
    form = PublishForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.report_publish(report=report, published_by=request.user, source=form.source())
        except (ValidationError, IllegalTransition) as error:  # a linked super-complaint's workflow may refuse
            add_service_errors(form, error)
        else:
            created = Obligation.casework.filter(recommendation__report=report).count()
            messages.success(request, f"Report published. {plural(created, 'obligation')} created")
            return redirect("reports:casework-detail", slug=report.slug)
    counts = services.obligation_counts(report)
    return page(
        request,
        "reports/casework/publish.jinja",
        "Publish the report",
        forms=[form],
        form=form,
        report=ReportPresenter(report, public=False),
        counts=[(recommendation.title, count) for recommendation, count in counts],
        total=sum(count for _, count in counts),
    )


@permission_required(MANAGE)
@once_per_submission
def casework_correct(request, slug, kind, number):
    report = get_object_or_404(Report.casework.published(), slug=slug)
    recommendation = _recommendation(Recommendation.casework, report, kind, number)
    form = CorrectionForm(request.POST or None, initial=CorrectionForm.initial_for(recommendation))
    if request.method == "POST" and form.is_valid():
        try:
            services.recommendation_correct(
                recommendation=recommendation, corrected_by=request.user, **form.service_arguments()
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"{recommendation.title} corrected")
            return redirect("reports:casework-detail", slug=report.slug)
    return page(
        request,
        "reports/casework/correct.jinja",
        f"Correct {recommendation.title}",
        forms=[form],
        form=form,
        report=ReportPresenter(report, public=False),
        recommendation=RecommendationPresenter(recommendation),
    )
