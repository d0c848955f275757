"""The daily sweep for responses: set up return cycles, record what is overdue, and queue reminders.

Reminders go to the organisation's editors and approvers before, and once after, each date it has to meet: its
response, each progress return, and the recommendation's own date where it sets one ("within six months").

Registered in settings.SWEEPERS and run by `python manage.py sweep_deadlines` (cron or the task worker, ADR 0010).
Running it twice for the same day changes nothing the second time: overdue marks are unique per thing and due date,
"No update received" is only recorded once, and each reminder's outbox key names the thing, its due date and the
stage, so it is queued once (notifications.reminders).
"""

import datetime

from django.conf import settings
from django.db.models import Exists, OuterRef
from django.urls import reverse

from followthrough.core.actors import SERVICE_NAME
from followthrough.core.formatting import long_date
from followthrough.notifications.reminders import OVERDUE, reminder_stage
from followthrough.notifications.services import link, reminders_queue
from followthrough.organisations.models import Role
from followthrough.reports.models import Obligation

from .models import Event, Implementation, OverdueRecord, ProgressReturn, ResponseVersion, State
from .services import returns_schedule

REMINDED = (Role.EDITOR, Role.APPROVER)
SWEEP_LABEL = SERVICE_NAME


def _overdue_catch_up_days():
    # An overdue reminder is for the day something becomes overdue. The window lets a sweep that missed a day or two
    # still send it, without emailing about things that went overdue long ago (for example when the service starts).
    return int(settings.REMINDER_OVERDUE_CATCH_UP_DAYS)


def _link(obligation):
    return link(reverse("responses:obligation", args=[obligation.pk]))


def _remind(*, obligation, what, due_on, on, key):
    stage = reminder_stage(due_on=due_on, on=on)
    if stage is None:
        return 0
    if stage == OVERDUE and (on - due_on).days > _overdue_catch_up_days():
        return 0
    recommendation = obligation.recommendation
    if stage == OVERDUE:
        subject = f"Overdue: {what} on {recommendation.title} of {recommendation.report.title}"
        opening = f"The {what} was due on {long_date(due_on)} and nothing has been published for it."
    else:
        subject = f"Due {long_date(due_on)}: {what} on {recommendation.title} of {recommendation.report.title}"
        opening = f"The {what} is due on {long_date(due_on)}."
    body = (
        f"{opening}\n\n"
        f"Organisation: {obligation.organisation.name}\n"
        f"Report: {recommendation.report.title}\n"
        f"{recommendation.title}\n\n"
        f"Write, sign off and publish it here:\n{_link(obligation)}\n\n"
        "You get this email because you are an editor or approver for your organisation on Follow Through."
    )
    return reminders_queue(
        organisation=obligation.organisation,
        roles=REMINDED,
        key=f"{key}:{due_on.isoformat()}:{stage}",
        subject=subject,
        body=body,
    )


def _mark_overdue(records):
    """Create the overdue marks not already made; return how many are new."""
    before = OverdueRecord.objects.count()
    OverdueRecord.objects.bulk_create(records, ignore_conflicts=True)
    return OverdueRecord.objects.count() - before


def _missed_returns(on):
    """Record "No update received" for each return whose due date has passed with nothing published."""
    missed = list(
        ProgressReturn.casework.filter(
            due_on__lt=on, no_update_recorded_on__isnull=True, obligation__is_active=True
        ).exclude(state=State.PUBLISHED)
    )
    if not missed:
        return 0
    ProgressReturn.casework.filter(pk__in=[r.pk for r in missed]).update(no_update_recorded_on=on)
    Event.objects.bulk_create(
        Event(
            obligation_id=r.obligation_id,
            actor_label=SWEEP_LABEL,
            actor_organisation_label=SWEEP_LABEL,
            title=f"No update received for progress return {r.number}",
            note=f"It was due on {long_date(r.due_on)}.",
            is_public=True,
        )
        for r in missed
    )
    _mark_overdue(
        OverdueRecord(
            obligation_id=r.obligation_id, what=OverdueRecord.What.PROGRESS_RETURN, due_on=r.due_on, recorded_on=on
        )
        for r in missed
    )
    return len(missed)


def run(*, on):
    """Sweep every active obligation of every published report for the day `on`."""
    published_response = ResponseVersion.casework.filter(response__obligation=OuterRef("pk"), state=State.PUBLISHED)
    claimed = ProgressReturn.casework.filter(
        obligation=OuterRef("pk"), state=State.PUBLISHED, status=Implementation.IMPLEMENTED
    )
    obligations = list(
        Obligation.casework.published()
        .active()
        .select_related("recommendation__report", "organisation", "response_deadline", "recommendation_deadline")
        .annotate(has_response=Exists(published_response), has_claim=Exists(claimed))
    )
    counts = {"return_cycles_set_up": returns_schedule(obligations=obligations, until=on)}
    counts["no_update_received"] = _missed_returns(on)

    overdue, reminders = [], 0
    for obligation in obligations:
        response_due = obligation.response_deadline.due if obligation.response_deadline else None
        if response_due and not obligation.has_response:
            if response_due < on:
                overdue.append(
                    OverdueRecord(
                        obligation=obligation, what=OverdueRecord.What.RESPONSE, due_on=response_due, recorded_on=on
                    )
                )
            reminders += _remind(
                obligation=obligation, what="response", due_on=response_due, on=on, key=f"response:{obligation.pk}"
            )
        recommendation_due = obligation.recommendation_deadline.due if obligation.recommendation_deadline else None
        if recommendation_due and not obligation.has_claim:
            if recommendation_due < on:
                overdue.append(
                    OverdueRecord(
                        obligation=obligation,
                        what=OverdueRecord.What.RECOMMENDATION,
                        due_on=recommendation_due,
                        recorded_on=on,
                    )
                )
            # The recommendation itself sets a date ("within six months"): remind until it is claimed done.
            reminders += _remind(
                obligation=obligation,
                what="implementation",
                due_on=recommendation_due,
                on=on,
                key=f"recommendation:{obligation.pk}",
            )
    counts["marked_overdue"] = _mark_overdue(overdue)

    # Reminders for the next return of each obligation, while nothing is published for it.
    window = on + datetime.timedelta(days=settings.REMINDER_DAYS_BEFORE)
    upcoming = (
        ProgressReturn.casework.filter(
            obligation__in=[o.pk for o in obligations],
            due_on__lte=window,
            due_on__gte=on - datetime.timedelta(days=_overdue_catch_up_days() + 1),
        )
        .exclude(state=State.PUBLISHED)
        .select_related("obligation__recommendation__report", "obligation__organisation")
    )
    for progress_return in upcoming:
        reminders += _remind(
            obligation=progress_return.obligation,
            what=f"progress return {progress_return.number}",
            due_on=progress_return.due_on,
            on=on,
            key=f"return:{progress_return.pk}",
        )
    counts["reminders_queued"] = reminders
    return counts
