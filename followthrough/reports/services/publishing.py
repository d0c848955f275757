"""Publishing a report: one obligation per addressee, each with its deadlines, and the version as published."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from followthrough.calendar.deadlines import Rule
from followthrough.calendar.services import current_calendar, deadline_store
from followthrough.complaints import services as complaint_services
from followthrough.core import audit
from followthrough.core.formatting import long_date, plural
from followthrough.core.models import AuditEntry

from ..models import DueRule, Obligation, RecommendationVersion, State
from ..notices import report_published_notify
from .common import PUBLISH, RECORDERS, actor_label, addressee_snapshot, report_workflow


def _deadline_for_recommendation(*, obligation, recommendation, report, calendar):
    """The date the recommendation itself is due, as its text states, or None if it sets no date."""
    rule = recommendation.due_rule
    if rule == DueRule.NONE:
        return None
    label = f"{recommendation.title} of {report.title}: {obligation.organisation.name}"[:255]
    if rule == DueRule.IMMEDIATELY:
        # "Immediately" is due on the day of publication.
        return deadline_store(
            label=label,
            rule=Rule.FIXED_DATE,
            start=report.published_on,
            fixed=report.published_on,
            owner=obligation,
            calendar=calendar,
        )
    if rule == DueRule.FIXED_DATE:
        return deadline_store(
            label=label,
            rule=Rule.FIXED_DATE,
            start=report.published_on,
            fixed=recommendation.due_date,
            owner=obligation,
            calendar=calendar,
        )
    return deadline_store(
        label=label,
        rule=Rule.CALENDAR_DAYS if rule == DueRule.WITHIN_DAYS else Rule.MONTHS,
        count=recommendation.due_count,
        start=report.published_on,
        owner=obligation,
        calendar=calendar,
    )


def _deadline_for_response(*, obligation, recommendation, report, calendar):
    if not report.response_applies_to_organisation(obligation.organisation):
        return None
    return deadline_store(
        label=f"Response to {recommendation.title} of {report.title}: {obligation.organisation.name}"[:255],
        rule=report.response_unit,
        count=report.response_count,
        start=report.published_on,
        owner=obligation,
        calendar=calendar,
    )


def deadlines_attach(*, obligations, recommendation, report, calendar):
    for obligation in obligations:
        args = {"obligation": obligation, "recommendation": recommendation, "report": report, "calendar": calendar}
        obligation.response_deadline = _deadline_for_response(**args)
        obligation.recommendation_deadline = _deadline_for_recommendation(**args)
    Obligation.casework.bulk_update(obligations, ["response_deadline", "recommendation_deadline"])


def obligations_create(*, recommendation, report, addressees, calendar, actor, reason):
    """One obligation for each addressee that has none yet; returns the new ones."""
    existing = set(recommendation.obligations.values_list("organisation_id", flat=True))
    new = [
        Obligation(recommendation=recommendation, organisation=organisation, group=group)
        for organisation, group in addressees.items()
        if organisation.pk not in existing
    ]
    for obligation in new:
        # The foreign keys are rows just read, and the (recommendation, organisation) and closed-with-reason
        # constraints are enforced by the database on insert: checking them here would cost five queries for each of
        # up to 86 obligations, so only the other fields are checked.
        obligation.full_clean(exclude=["recommendation", "organisation", "group"], validate_constraints=False)
    if not new:
        return []
    Obligation.casework.bulk_create(new)
    deadlines_attach(obligations=new, recommendation=recommendation, report=report, calendar=calendar)
    for obligation in new:
        audit.record(actor=actor, instance=obligation, action=AuditEntry.Action.CREATED, reason=reason)
    return new


def obligation_counts(report, on=None):
    """How many obligations publishing `report` on `on` would create, recommendation by recommendation."""
    on = on or report.counts_from
    recommendations = report.recommendations.prefetch_related("groups", "organisations")
    return [(recommendation, len(recommendation.resolve_addressees(on))) for recommendation in recommendations]


def _addressed_to(created):
    lines = [f"- {recommendation.title}: {plural(len(new), 'addressee')}" for recommendation, new in created.items()]
    return "Addressed to:\n\n" + "\n".join(lines) if lines else ""


@transaction.atomic
def report_publish(*, report, published_by, source=None, expected_version=None):
    """Publish a draft report today and create one obligation per addressee, resolved as the groups stand that day.

    A report published before the service held it is recorded from its `source` (`core.provenance.Source`), on the
    date the source gives, by a caseworker or administrator (or, with no `published_by`, the demonstration loader):
    ADR 0016. Either way it moves through `report_workflow`, which locks the row, refuses a form loaded before the
    draft last changed (`expected_version`), checks who is publishing for the inspectorate, stamps who and when, and
    writes the timeline row. Publishing an already-published report changes nothing, so a repeated request or a
    re-run demo is harmless.
    """
    if report_workflow.lock(report).state == State.PUBLISHED:
        report.refresh_from_db()
        return report
    if source is not None and source.on is None:
        raise ValidationError({"source_on": "Enter the date the source gives for publication"})
    on = timezone.localdate() if source is None else source.on
    # Addressees are resolved once, as the groups stand on the day of publication, for the timeline note and the
    # obligations alike.
    recommendations = list(report.recommendations.prefetch_related("groups", "organisations", "points"))
    addressees = {recommendation: recommendation.resolve_addressees(on) for recommendation in recommendations}
    note = _addressed_to({recommendation: list(found) for recommendation, found in addressees.items()})

    def dated(locked):
        locked.published_on = on

    try:
        if source is None:
            report = report_workflow.take(
                report, PUBLISH, user=published_by, expected_version=expected_version, note=note, change=dated
            )
        else:
            report = report_workflow.from_source(
                report,
                PUBLISH,
                source=source,
                roles=RECORDERS,
                user=published_by if published_by is not None and published_by.is_authenticated else None,
                note=note,
            )
    except ValidationError as error:
        if not hasattr(error, "error_dict"):
            raise
        # The publish form names the source's date `source_on`.
        raise ValidationError(
            {"source_on" if name == "source_date" else name: m for name, m in error.message_dict.items()}
        ) from None

    calendar = current_calendar()  # once: every deadline below is computed against the same table
    label = actor_label(published_by)
    created = {}
    for recommendation in recommendations:
        created[recommendation] = obligations_create(
            recommendation=recommendation,
            report=report,
            addressees=addressees[recommendation],
            calendar=calendar,
            actor=published_by,
            reason=f"{report.title} published on {long_date(on)}",
        )
    RecommendationVersion.objects.bulk_create(
        RecommendationVersion(
            recommendation=recommendation,
            number=recommendation.version,
            text=recommendation.text,
            points=[point.text for point in recommendation.points.all()],
            addressees=addressee_snapshot(recommendation),
            reason="As published",
            created_by=report.published_by,
            created_by_label=label,
        )
        for recommendation in recommendations
        if not recommendation.versions.exists()
    )
    total = sum(len(new) for new in created.values())
    audit.record(
        actor=published_by,
        instance=report,
        action=AuditEntry.Action.UPDATED,
        after=audit.snapshot(report),
        reason=f"Published on {long_date(on)}: {plural(total, 'obligation')} created",
    )
    if source is None:
        report_published_notify(report=report, obligations=[o for new in created.values() for o in new])
    if report.super_complaint_id:
        complaint_services.complaint_record_report_published(
            complaint=report.super_complaint, report=report, published_by=published_by, source=source
        )
    return report
