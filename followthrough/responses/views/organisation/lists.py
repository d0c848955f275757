"""Your obligations, and one obligation's page: its response, its versions and its progress returns."""

from django.db.models import Prefetch
from django.utils import timezone

from followthrough.core.permissions import permission_required
from followthrough.core.presenters import TimelineEvent
from followthrough.core.views import page

from ...models import Assessment
from ...presenters.organisation import ReturnCard, grouped, obligation_rows, state_tag
from ...presenters.record import EXAMPLE_WARNING, evidence_words, target_date_words
from ...presenters.status import statuses
from .scope import VIEW, open_steps, own_obligation, own_obligations, own_organisations, steps_allowed, versions_of


@permission_required(VIEW)
def obligation_list(request):
    on = timezone.localdate()
    obligations = own_obligations(request.user).order_by(
        "-recommendation__report__published_on",
        "recommendation__report__title",
        "recommendation__report_id",
        "organisation__name",
        "-recommendation__kind",  # recommendations before actions
        "recommendation__number",
    )
    rows = obligation_rows(obligations.active(), on)
    closed = list(obligations.closed())
    return page(
        request,
        "responses/organisation/list.jinja",
        "Your obligations",
        reports=grouped(rows),
        closed=closed,
        organisations=list(own_organisations(request.user)),
    )


@permission_required(VIEW)
def obligation_detail(request, obligation_id):
    obligation = own_obligation(request, obligation_id)
    on = timezone.localdate()
    allowed = steps_allowed(request.user, obligation.organisation)
    versions = list(versions_of(obligation).order_by("number"))
    published = [v for v in versions if v.is_published]
    working = next((v for v in versions if not v.is_published), None)
    progress_returns = obligation.progress_returns.prefetch_related(
        "evidence", Prefetch("assessments", queryset=Assessment.objects.order_by("at", "pk"))
    ).order_by("-number")
    cards = [ReturnCard(r, open_steps(r, allowed), on) for r in progress_returns]
    recommendation = obligation.recommendation
    return page(
        request,
        "responses/organisation/detail.jinja",
        f"{recommendation.title}: {recommendation.report.title}",
        obligation=obligation,
        recommendation=recommendation,
        obligation_status=statuses([obligation], on=on)[0],
        working=working,
        working_tag=state_tag(working) if working else None,
        working_steps=open_steps(working, allowed),
        latest=published[-1] if published else None,
        earlier=list(reversed(published[:-1])),
        updates=[v for v in published if v.number > 1],
        returns=cards,
        events=[TimelineEvent.from_entry(e, public=False) for e in obligation.response_events.all()],
        is_example=any(v.is_example for v in versions) or any(c.progress_return.is_example for c in cards),
        example_warning=EXAMPLE_WARNING,
        evidence_words=evidence_words,
        target_date_words=target_date_words,
    )
