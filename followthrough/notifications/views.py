"""The outbox page: what the service has emailed, and what the daily sweep did. Administrators only."""

from django.core.paginator import Paginator
from django.db.models import Count

from followthrough.core.formatting import plural
from followthrough.core.permissions import permission_required
from followthrough.core.presenters import pagination
from followthrough.core.views import page

from .models import Email, SweepRun
from .presenters import emails_table, sweeps_table

EMAILS_PER_PAGE = 50
SWEEP_RUNS_SHOWN = 10


def _summary():
    by_status = dict(Email.objects.values_list("status").annotate(n=Count("pk")).order_by())
    given_up = Email.objects.given_up().count()
    parts = [
        f"{plural(by_status.get(Email.Status.QUEUED, 0), 'email')} waiting to send",
        f"{by_status.get(Email.Status.FAILED, 0) - given_up} to try again",
        f"{given_up} given up",
        f"{by_status.get(Email.Status.SENT, 0)} sent",
    ]
    return ", ".join(parts)


@permission_required("notifications.view_outbox")
def outbox(request):
    emails = Paginator(Email.objects.select_related("user"), EMAILS_PER_PAGE).get_page(request.GET.get("page"))
    runs = SweepRun.objects.all()[:SWEEP_RUNS_SHOWN]
    return page(
        request,
        "notifications/outbox.jinja",
        "Outbox",
        emails=emails_table(emails) if emails else None,
        pagination=pagination(emails),
        summary=_summary(),
        runs=sweeps_table(runs) if runs else None,
    )
