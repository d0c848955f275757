"""National collation: NPCC sees the forces' responses rolled up, APCC the local policing bodies', and each can
publish a collated national response on a recommendation.

A collator sees only the kinds of body their own organisation collates (`services.collated_kinds`); a collator at
any other organisation sees nothing to collate.
"""

from collections import defaultdict

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse

from followthrough.core.formatting import long_date
from followthrough.core.forms import add_service_errors
from followthrough.core.once import once_per_submission
from followthrough.core.permissions import permission_required
from followthrough.core.views import page
from followthrough.organisations.models import Kind, Organisation, Role
from followthrough.reports.models import Obligation, Recommendation, Report

from .. import presenters, services
from ..forms import ConfirmForm
from ..forms_casework import CollationForm
from ..models import Collation
from ..presenters.public import CollationShown, OrganisationShown, RecommendationShown, ReportShown

COLLATE_PERMISSION = "responses.collate"


def _collating_organisations(user):
    """The organisations the user is a collator at that collate someone, each with the kinds it collates."""
    organisations = Organisation.objects.where_user_holds(user, Role.COLLATOR)
    return [(o, services.collated_kinds(o)) for o in organisations.order_by("name")]


KIND_WORDS = {
    Kind.TERRITORIAL_FORCE: "territorial police forces",
    Kind.OTHER_FORCE: "other police forces",
    Kind.LOCAL_POLICING_BODY: "local policing bodies",
}


def _kinds_words(kinds):
    """ "territorial police forces and other police forces" """
    return " and ".join(KIND_WORDS.get(k, Kind(k).label.lower()) for k in kinds)


def _obligations(kinds):
    return Obligation.public.filter(organisation__kind__in=kinds).select_related(
        "organisation", "recommendation__report", "response_deadline", "recommendation_deadline"
    )


@permission_required(COLLATE_PERMISSION)
def collation_list(request):
    """For each collating organisation, each published recommendation addressed to the bodies it collates."""
    sections = []
    for organisation, kinds in _collating_organisations(request.user):
        if not kinds:
            sections.append({"organisation": OrganisationShown(organisation), "kinds_words": "", "reports": []})
            continue
        obligations = _obligations(kinds).order_by(
            "-recommendation__report__published_on",
            "recommendation__report__title",
            "-recommendation__kind",
            "recommendation__number",
            "organisation__name",
        )
        grouped = defaultdict(list)
        for status in presenters.statuses(obligations):
            grouped[status.obligation.recommendation].append(status)
        latest = {}
        for collation in Collation.public.filter(organisation=organisation).order_by("-created_at"):
            latest.setdefault(collation.recommendation_id, collation)
        reports = {}
        for recommendation, statuses in grouped.items():
            summary = presenters.summary(statuses)
            report = recommendation.report
            reports.setdefault(report.pk, {"report": ReportShown(report), "recommendations": []})[
                "recommendations"
            ].append(
                {
                    "recommendation": RecommendationShown(recommendation),
                    "summary_words": summary.words,
                    "rows": presenters.figure_rows(presenters.figures(summary)),
                    "latest_published": long_date(latest[recommendation.pk].published_on)
                    if recommendation.pk in latest
                    else "",
                }
            )
        sections.append(
            {
                "organisation": OrganisationShown(organisation),
                "kinds_words": _kinds_words(kinds),
                "reports": list(reports.values()),
            }
        )
    return page(request, "responses/collation/index.jinja", "National collation", sections=sections)


def _recommendation(slug, kind, number):
    if kind not in Recommendation.Kind.values:
        raise Http404("No such kind of recommendation")
    report = get_object_or_404(Report.public, slug=slug)
    return report, get_object_or_404(Recommendation.public.filter(report=report), kind=kind, number=number)


def _detail_url(recommendation):
    return reverse(
        "responses:collation-detail",
        kwargs={"slug": recommendation.report.slug, "kind": recommendation.kind, "number": recommendation.number},
    )


STEPS = {
    # step: (heading, button, done, service)
    "approve": ("Approve the national response", "Approve", "approved", services.collation_approve),
    "send-back": (
        "Send the national response back to draft",
        "Send back to draft",
        "sent back to draft",
        services.collation_send_back,
    ),
    "publish": ("Publish the national response", "Publish", "published", services.collation_publish),
}
STEP_ARGUMENT = {"approve": "approved_by", "send-back": "sent_back_by", "publish": "published_by"}


@permission_required(COLLATE_PERMISSION)
@once_per_submission
def collation_detail(request, slug, kind, number):
    """One recommendation's roll-up for each body the user collates for, with the national response being drafted:
    write it, then a second collator approves it, then it is published with the figures as they then stand."""
    report, recommendation = _recommendation(slug, kind, number)
    panels = []
    for organisation, kinds in _collating_organisations(request.user):
        if not kinds:
            continue
        statuses = presenters.statuses(
            _obligations(kinds).filter(recommendation=recommendation).order_by("organisation__name")
        )
        if not statuses:
            continue
        summary = presenters.summary(statuses)
        working = Collation.casework.working().filter(recommendation=recommendation, organisation=organisation).first()
        prefix = organisation.code
        posted = request.method == "POST" and request.POST.get("organisation") == organisation.code
        initial = {"text": working.text, "expected_version": working.version} if working else {}
        form = CollationForm(request.POST if posted else None, prefix=prefix, initial=initial)
        if posted and form.is_valid():
            try:
                services.collation_save(
                    recommendation=recommendation,
                    organisation=organisation,
                    saved_by=request.user,
                    text=form.cleaned_data["text"],
                    expected_version=form.cleaned_data["expected_version"],
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, f"{organisation.name}'s national response on {recommendation.title} saved")
                return redirect(_detail_url(recommendation))
        panels.append(
            {
                "organisation": OrganisationShown(organisation),
                "kinds_words": _kinds_words(kinds),
                "summary_words": summary.words,
                "rows": presenters.figure_rows(presenters.figures(summary)),
                "form": form,
                "working": presenters.CollationDraft(working, request.user) if working else None,
                "published": [
                    CollationShown(c)
                    for c in Collation.public.filter(recommendation=recommendation, organisation=organisation)
                    .select_related("organisation")
                    .order_by("-created_at")
                ],
            }
        )
    if not panels:
        raise Http404("This recommendation is not addressed to anyone your organisation collates")
    return page(
        request,
        "responses/collation/detail.jinja",
        f"National response on {recommendation.title}",
        forms=[panel["form"] for panel in panels],
        report=ReportShown(report),
        recommendation=RecommendationShown(recommendation),
        panels=panels,
    )


@permission_required(COLLATE_PERMISSION)
def collation_step(request, slug, kind, number, code, step):
    """Approve, send back or publish a national response, after a page that shows it and asks to confirm."""
    if step not in STEPS:
        raise Http404("No such step")
    report, recommendation = _recommendation(slug, kind, number)
    organisations = {o.code: o for o, kinds in _collating_organisations(request.user) if kinds}
    if code not in organisations:
        raise Http404("Your organisation does not collate for this one")
    organisation = organisations[code]
    collation = get_object_or_404(
        Collation.casework.working(), recommendation=recommendation, organisation=organisation
    )
    heading, button, done, service = STEPS[step]
    form = ConfirmForm(
        request.POST if request.method == "POST" else None, initial={"expected_version": collation.version}
    )
    if request.method == "POST" and form.is_valid():
        try:
            service(
                collation=collation,
                expected_version=form.cleaned_data["expected_version"],
                **{STEP_ARGUMENT[step]: request.user},
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"{organisation.name}'s national response on {recommendation.title} {done}")
            return redirect(_detail_url(recommendation))
    figures = services.collation_figures(recommendation=recommendation, organisation=organisation)
    return page(
        request,
        "responses/collation/step.jinja",
        heading,
        forms=[form],
        form=form,
        recommendation=RecommendationShown(recommendation),
        organisation=OrganisationShown(organisation),
        collation=presenters.CollationDraft(collation, request.user),
        rows=presenters.figure_rows(figures),
        step=step,
        button=button,
        back_url=_detail_url(recommendation),
    )
