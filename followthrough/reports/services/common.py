"""What the report services share: who an event is from, the timeline and audit snapshots, slugs and points."""

from django.utils.text import slugify

from followthrough.core import audit
from followthrough.core.actors import SYSTEM, Actor
from followthrough.organisations.models import INSPECTORATE, Organisation

from ..models import RecommendationPoint, Report, ReportEvent


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
