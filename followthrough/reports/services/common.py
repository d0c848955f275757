"""What the report services share: the report's workflow, who an event is from, the timeline and audit snapshots,
slugs and points."""

from django.core.exceptions import ValidationError
from django.utils.text import slugify

from followthrough.core import audit
from followthrough.core.actors import SYSTEM, Actor, as_actor
from followthrough.core.formatting import long_date
from followthrough.core.workflow import Transition, Workflow
from followthrough.organisations.models import INSPECTORATE, Organisation, Role

from ..models import RecommendationPoint, Report, ReportEvent, State

# Who publishes a report, and who may enter one published before the service held it (ADR 0016, ADR 0018).
PUBLISHERS = (Role.CASEWORKER,)
RECORDERS = (Role.CASEWORKER, Role.ADMINISTRATOR)
PUBLISH = "publish"


def for_the_inspectorate(user):
    """The `Actor` for a caseworker's step on a report: the user, acting for the inspectorate (never a guess from
    their memberships). The service itself, for the demonstration data, when there is no user."""
    if user is None or not user.is_authenticated:
        return SYSTEM
    return Actor(user=user, organisation=Organisation.objects.get(code=INSPECTORATE))


def actor_label(user):
    """How a step's author is named on public pages: the organisation they acted for, not their own name."""
    return for_the_inspectorate(user).organisation_label


def event_add(*, report, actor, title, note="", is_public=True):
    """Add an entry to the report's timeline: the caseworker, acting for the inspectorate."""
    event = ReportEvent(report=report, title=title, note=note, is_public=is_public)
    event.set_actor(for_the_inspectorate(actor))
    event.full_clean()
    event.save()
    return event


def _inspectorate(report):
    return Organisation.objects.get(code=INSPECTORATE)


def _history(*, record, actor, title, note, from_state, public, source=None, **_):
    """The report's timeline row for a step of its workflow. Publication says the day, and the source it is taken
    from for a report published before the service held it; `note` lists who it is addressed to."""
    if from_state == State.DRAFT and record.state == State.PUBLISHED:
        said = f"Published on {long_date(record.published_on)}"
        said += f", according to {source.title}." if source is not None else "."
        note = f"{said} {note}".strip()
    row = ReportEvent(report=record, title=title, note=note, is_public=public)
    row.set_actor(as_actor(actor, _inspectorate(record)))
    row.full_clean()
    row.save()
    return row


# A report is drafted, then published: by the server's clock, or from its source (ADR 0016). Every change to a draft
# takes the row lock (`lock_draft`) and bumps the version the publish page carries (`draft_changed`), so a report is
# never published in a form its publisher did not see.
report_workflow = Workflow(
    {
        PUBLISH: Transition(
            frozenset({State.DRAFT}),
            State.PUBLISHED,
            PUBLISHERS,
            "publish it",
            "Report published",
            stamp="published",
            public=True,
        ),
    },
    organisation_of=_inspectorate,
    history=_history,
    editable=(State.DRAFT,),
    what=lambda report: "report",
)


def lock_draft(report, refusal, *, expected_version=None):
    """Lock the report's row and read it afresh, so it cannot be published while a draft change is being made;
    refuse a published report with `refusal`, and a form loaded before someone else changed the report."""
    locked = report_workflow.lock(report, expected_version)
    if locked.state != State.DRAFT:
        raise ValidationError(refusal)
    report.refresh_from_db()
    return report


def draft_changed(report, user):
    """A draft's details or recommendations changed: its version goes up, so a publish page loaded before the change
    is refused, and who changed it is remembered."""
    return report_workflow.touched(report, user=user if user is not None and user.is_authenticated else None)


# Words the casework addresses use after /casework/reports/, so no report can be given them as its slug.
RESERVED_SLUGS = {"new"}


def unique_slug(title, slug=None):
    base = slugify(slug or title)[:90].strip("-") or "report"
    candidate, n = base, 1
    while candidate in RESERVED_SLUGS or Report.casework.filter(slug=candidate).exists():
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def clean_points(points):
    return [p.strip() for p in points or () if p and p.strip()]


def points_replace(recommendation, points):
    """Make `points` (already cleaned) the recommendation's points, in order."""
    recommendation.points.all().delete()
    RecommendationPoint.objects.bulk_create(
        RecommendationPoint(recommendation=recommendation, position=i, text=point)
        for i, point in enumerate(points, start=1)
    )


def addressee_snapshot(recommendation):
    return {
        "groups": [{"code": g.code, "name": g.name} for g in recommendation.groups.order_by("name")],
        "organisations": [{"code": o.code, "name": o.name} for o in recommendation.organisations.order_by("name")],
        "jointly": recommendation.jointly,
    }


def recommendation_snapshot(recommendation):
    data = audit.snapshot(recommendation)
    data["points"] = recommendation.points_list()
    data["addressees"] = addressee_snapshot(recommendation)
    return data
