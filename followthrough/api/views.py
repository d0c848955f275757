"""The read-only API at /api/v1/, described by OpenAPI at /api/v1/openapi.json (ADR 0007)."""

from django.urls import reverse
from ninja import NinjaAPI, Schema
from ninja.responses import Status

from followthrough.calendar import deadlines
from followthrough.calendar.forms import DeadlineQueryForm
from followthrough.calendar.services import current_calendar
from followthrough.core.forms import possible_slug
from followthrough.reports.models import Obligation, Report
from followthrough.responses.presenters import statuses

api = NinjaAPI(
    title="Follow Through API",
    version="1",
    description="Read-only open data about police super-complaints, reports and recommendations.",
    urls_namespace="api",
    docs_url=None,
)


class DeadlineOut(Schema):
    rule: str
    count: int
    start: str
    due: str
    explanation: str


class ErrorsOut(Schema):
    errors: dict[str, list[str]]


@api.get("/deadlines", response={200: DeadlineOut, 400: ErrorsOut}, url_name="deadlines", summary="Work out a deadline")
def deadline(request, rule: str | None = None, count: str | None = None, start: str | None = None):
    """The last day of a period counted by `rule` (working-days, calendar-days or months), with an explanation."""
    form = DeadlineQueryForm({"rule": rule, "count": count, "start": start})
    if not form.is_valid():
        return Status(400, {"errors": {field: list(messages) for field, messages in form.errors.items()}})
    try:
        result = deadlines.compute(calendar=current_calendar(), **form.cleaned_data)
    except deadlines.OutsideCalendar:
        return Status(400, {"errors": {"count": ["The period runs past the end of the bank holiday calendar"]}})
    return Status(
        200,
        {
            "rule": result.rule,
            "count": result.count,
            "start": result.start.isoformat(),
            "due": result.due.isoformat(),
            "explanation": result.explanation,
        },
    )


# Reports and who has answered them: the matrix as open data ---------------------------------------------------------


class ReportOut(Schema):
    slug: str
    title: str
    source: str
    published_on: str
    page: str
    obligations: str


class ObligationOut(Schema):
    recommendation: str
    kind: str
    number: int
    organisation_code: str
    organisation: str
    organisation_kind: str
    response_due: str | None
    recommendation_due: str | None
    state: str
    state_words: str
    acceptance: str | None
    response_published_on: str | None
    response_late: bool
    implementation: str
    no_update_received: int
    example: bool


def _iso(day):
    return day.isoformat() if day else None


@api.get("/reports", response=list[ReportOut], url_name="reports", summary="Published reports")
def reports(request):
    """Every published report, newest first, with the addresses of its page and of its obligations."""
    return [
        {
            "slug": report.slug,
            "title": report.title,
            "source": report.source,
            "published_on": report.published_on.isoformat(),
            "page": request.build_absolute_uri(reverse("reports:detail", kwargs={"slug": report.slug})),
            "obligations": request.build_absolute_uri(reverse("api:report-obligations", kwargs={"slug": report.slug})),
        }
        for report in Report.public.order_by("-published_on", "title")
    ]


@api.get(
    "/reports/{slug}/obligations",
    response={200: list[ObligationOut], 404: ErrorsOut},
    url_name="report-obligations",
    summary="Who owes what on a report, and what they have published",
)
def report_obligations(request, slug: str):
    """One row per recommendation per addressee, as on the report's matrix page: only published material counts."""
    report = Report.public.filter(slug=possible_slug(slug)).first()
    if report is None:
        return Status(404, {"errors": {"slug": ["No published report has this slug"]}})
    obligations = (
        Obligation.public.filter(recommendation__report=report)
        .select_related("recommendation", "organisation", "response_deadline", "recommendation_deadline")
        .order_by("-recommendation__kind", "recommendation__number", "organisation__name")
    )
    rows = []
    for status in statuses(obligations):
        obligation, response = status.obligation, status.response
        rows.append(
            {
                "recommendation": obligation.recommendation.title,
                "kind": obligation.recommendation.kind,
                "number": obligation.recommendation.number,
                "organisation_code": obligation.organisation.code,
                "organisation": obligation.organisation.name,
                "organisation_kind": obligation.organisation.kind,
                "response_due": _iso(status.response_due),
                "recommendation_due": _iso(status.recommendation_due),
                "state": status.key,
                "state_words": status.tag["text"],
                "acceptance": response.acceptance if response else None,
                "response_published_on": _iso(status.responded_on),
                "response_late": bool(status.is_response_late),
                "implementation": status.implementation_words,
                "no_update_received": len([r for r in status.returns if r.due_on < status.on and not r.is_published]),
                "example": status.is_example,
            }
        )
    return Status(200, rows)
