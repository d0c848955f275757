"""The read-only API at /api/v1/, described by OpenAPI at /api/v1/openapi.json (ADR 0007)."""

from ninja import NinjaAPI, Schema
from ninja.responses import Status

from followthrough.calendar import deadlines
from followthrough.calendar.forms import DeadlineQueryForm
from followthrough.calendar.services import current_calendar

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
