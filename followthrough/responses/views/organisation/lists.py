"""Your obligations, and one obligation's page: its response, its versions and its progress returns."""

from django.db.models import Prefetch
from django.utils import timezone

from followthrough.core.permissions import permission_required
from followthrough.core.presenters import TimelineEvent
from followthrough.core.views import page

from ...models import Assessment
from ...presenters.organisation import (
    ObligationDetail,
    ObligationShown,
    ReturnCard,
    WorkingVersion,
    obligation_rows,
    obligation_tables,
)
from ...presenters.shown import VersionShown, example_warning, own_evidence_href
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
    names = [o.name for o in own_organisations(request.user)]
    return page(
        request,
        "responses/organisation/list.jinja",
        "Your obligations",
        reports=obligation_tables(rows),
        closed=[ObligationShown(o) for o in obligations.closed()],
        names=", ".join(names),
        several_organisations=len(names) > 1,
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
    cards = [ReturnCard(r, open_steps(r, allowed), on, obligation_id=obligation.pk) for r in progress_returns]
    recommendation = obligation.recommendation
    evidence_href = own_evidence_href(obligation.pk)
    shown = [VersionShown(v, evidence_href=evidence_href) for v in published]
    return page(
        request,
        "responses/organisation/detail.jinja",
        f"{recommendation.title}: {recommendation.report.title}",
        obligation=ObligationDetail(obligation, statuses([obligation], on=on)[0]),
        working=WorkingVersion(working, organisation_name=obligation.organisation.name, evidence_href=evidence_href)
        if working
        else None,
        working_steps=open_steps(working, allowed),
        latest=shown[-1] if shown else None,
        earlier=list(reversed(shown[:-1])),
        updates=[f"Updated on {v.published}: {v.change_note}" for v in reversed(shown) if v.is_correction],
        returns=cards,
        events=[TimelineEvent.from_entry(e, public=False) for e in obligation.response_events.all()],
        example_warning_text=example_warning(any(v.is_example for v in versions) or any(c.is_example for c in cards)),
    )
