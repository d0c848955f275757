"""Writes for reports: one function per use case, each atomic, validated and audited (STYLE.md §3)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import ProtectedError
from django.utils import timezone
from django.utils.text import slugify

from followthrough.calendar.deadlines import Rule
from followthrough.calendar.services import current_calendar, deadline_close, deadline_store
from followthrough.core import audit
from followthrough.core.formatting import long_date, plural
from followthrough.core.models import AuditEntry

from .models import (
    DueRule,
    Obligation,
    Recommendation,
    RecommendationPoint,
    RecommendationVersion,
    Report,
    ReportEvent,
    State,
)

SYSTEM_LABEL = "Follow Through"


def actor_label(user):
    """How an event's author is named on the public timeline: their organisation, not their own name."""
    if user is None or not user.is_authenticated:
        return SYSTEM_LABEL
    membership = user.memberships.select_related("organisation").order_by("pk").first()
    return membership.organisation.name if membership else (user.full_name or user.email)


def _event(*, report, actor, title, note="", is_public=True):
    event = ReportEvent(
        report=report,
        actor=actor if actor is not None and actor.is_authenticated else None,
        actor_label=actor_label(actor),
        title=title,
        note=note,
        is_public=is_public,
    )
    event.full_clean()
    event.save()
    return event


# Words the casework addresses use after /casework/reports/, so no report can be given them as its slug.
RESERVED_SLUGS = {"new"}


def _unique_slug(title, slug=None):
    base = slugify(slug or title)[:90].strip("-") or "report"
    candidate, n = base, 1
    while candidate in RESERVED_SLUGS or Report.casework.filter(slug=candidate).exists():
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def _clean_points(points):
    return [p.strip() for p in points or () if p and p.strip()]


def _points_replace(recommendation, points):
    """Make `points` (already cleaned) the recommendation's points, in order."""
    recommendation.points.all().delete()
    RecommendationPoint.objects.bulk_create(
        RecommendationPoint(recommendation=recommendation, position=i, text=point)
        for i, point in enumerate(points, start=1)
    )


def _due_fields(due_rule, due_count, due_date):
    """The due rule with only the count or date it uses: a period's length, or a fixed date, never a leftover."""
    if due_rule not in (DueRule.WITHIN_DAYS, DueRule.WITHIN_MONTHS):
        due_count = None
    if due_rule != DueRule.FIXED_DATE:
        due_date = None
    return due_rule, due_count, due_date


def _check_number_free(*, report, kind, number, recommendation=None):
    """Refuse a number the report already gives another recommendation (or action), on the number field."""
    others = report.recommendations.filter(kind=kind, number=number)
    if recommendation is not None:
        others = others.exclude(pk=recommendation.pk)
    if others.exists():
        label = Recommendation.Kind(kind).label
        raise ValidationError({"number": f"{label} {number} is already in this report. Enter a different number"})


def _lock_draft(report, refusal):
    """Lock the report's row and refresh it, so it cannot be published while a draft change is being made."""
    Report.casework.select_for_update().filter(pk=report.pk).first()
    report.refresh_from_db()
    if report.is_published:
        raise ValidationError(refusal)
    return report


def _report_snapshot(report):
    # core.audit.snapshot stores field values as they are; a file is recorded by its stored name.
    data = audit.snapshot(report, exclude=("document_file",))
    data["document_file"] = report.document_file.name or ""
    return data


def _addressee_snapshot(recommendation):
    return {
        "groups": [{"code": g.code, "name": g.name} for g in recommendation.groups.order_by("name")],
        "organisations": [{"code": o.code, "name": o.name} for o in recommendation.organisations.order_by("name")],
        "jointly": recommendation.jointly,
    }


def _recommendation_snapshot(recommendation):
    data = audit.snapshot(recommendation)
    data["points"] = recommendation.points_list()
    data["addressees"] = _addressee_snapshot(recommendation)
    return data


@transaction.atomic
def report_create(
    *,
    created_by,
    title,
    source,
    published_on,
    authors="",
    summary="",
    findings="",
    steps_taken="",
    conclusions="",
    further_action="",
    material_excluded="",
    document_url="",
    document_file=None,
    super_complaint=None,
    response_count=56,
    response_unit=Rule.CALENDAR_DAYS.value,
    response_applies_to=Report.ResponseAppliesTo.CHIEF_OFFICERS_AND_LOCAL_POLICING_BODIES.value,
    progress_return_months=6,
    published_on_note="",
    slug=None,
):
    """Start a draft report. Nothing is public, and no one owes anything, until it is published."""
    report = Report(
        slug=_unique_slug(title, slug),
        title=title.strip(),
        source=source,
        super_complaint=super_complaint,
        published_on=published_on,
        published_on_note=published_on_note,
        authors=authors,
        summary=summary,
        findings=findings,
        steps_taken=steps_taken,
        conclusions=conclusions,
        further_action=further_action,
        material_excluded=material_excluded,
        document_url=document_url,
        document_file=document_file,
        response_count=response_count,
        response_unit=response_unit,
        response_applies_to=response_applies_to,
        progress_return_months=progress_return_months,
        created_by=created_by if created_by is not None and created_by.is_authenticated else None,
    )
    report.full_clean()
    report.save()
    audit.record(actor=created_by, instance=report, action=AuditEntry.Action.CREATED, after=_report_snapshot(report))
    _event(report=report, actor=created_by, title="Report drafted", is_public=False)
    return report


# A published report is public and people owe responses to it: its recommendations are corrected instead, with a
# published reason, and its other details stay as published.
PUBLISHED_DETAILS = "This report has been published, so its details cannot be changed"
PUBLISHED_RECOMMENDATIONS = "This report has been published, so its recommendations cannot be {}. Correct one instead"

# What a draft's change can touch, in the words its history uses: everything `report_create` takes except the slug,
# which stays as it is so the report's address (and any link already shared inside the inspectorate) keeps working.
REPORT_FIELD_WORDS = {
    "title": "title",
    "source": "what the report is about",
    "super_complaint": "super-complaint",
    "published_on": "publication date",
    "published_on_note": "note on the publication date",
    "authors": "who wrote the report",
    "summary": "summary",
    "findings": "findings",
    "steps_taken": "steps taken",
    "conclusions": "conclusions",
    "further_action": "further action",
    "material_excluded": "material left out",
    "document_url": "link to the report document",
    "document_file": "uploaded report document",
    "response_count": "response period",
    "response_unit": "response period",
    "response_applies_to": "who must publish a response",
    "progress_return_months": "how often progress is reported",
}


def _changed_words(before, after, words):
    changed = [words[name] for name in words if name in after and before.get(name) != after[name]]
    return list(dict.fromkeys(changed))  # in order, each once


@transaction.atomic
def report_update(*, report, updated_by, **fields):
    """Change a draft report's details before it is published.

    Takes the fields `report_create` takes, except the slug. Fields left out keep their values; `document_file=None`
    keeps the uploaded document and a new file replaces it. Once a report is published its details are public and
    its recommendations can only be corrected, with a reason, so a published report is refused. A change that
    changes nothing records nothing.
    """
    unknown = set(fields) - set(REPORT_FIELD_WORDS)
    if unknown:
        raise TypeError(f"report_update() cannot change: {', '.join(sorted(unknown))}")
    _lock_draft(report, PUBLISHED_DETAILS)
    if fields.get("document_file") is None:
        fields.pop("document_file", None)
    if "title" in fields:
        fields["title"] = fields["title"].strip()
    if fields.get("source", report.source) != Report.Source.SUPER_COMPLAINT:
        # Only a report on a super-complaint can be linked to one, so a report that is no longer one lets go.
        fields.setdefault("super_complaint", None)
    complaint = fields.get("super_complaint")
    if complaint is not None and Report.casework.filter(super_complaint=complaint).exclude(pk=report.pk).exists():
        raise ValidationError({"super_complaint": "That super-complaint already has a report. Select a different one"})

    before = _report_snapshot(report)
    for name, value in fields.items():
        setattr(report, name, value)
    changed = _changed_words(before, _report_snapshot(report), REPORT_FIELD_WORDS)
    if not changed:
        return report
    report.full_clean()
    # A replaced document file stays in storage: the audit entry below names it, and a draft's file was never public.
    report.save()
    audit.record(
        actor=updated_by,
        instance=report,
        action=AuditEntry.Action.UPDATED,
        before=before,
        after=_report_snapshot(report),
        reason="Changed while a draft",
    )
    _event(
        report=report,
        actor=updated_by,
        title="Report details changed",
        note=f"Changed: {', '.join(changed)}.",
        is_public=False,
    )
    return report


@transaction.atomic
def recommendation_add(
    *,
    report,
    added_by,
    number,
    text,
    kind=Recommendation.Kind.RECOMMENDATION,
    is_summary=False,
    points=(),
    groups=(),
    organisations=(),
    jointly=False,
    due_rule=DueRule.NONE,
    due_count=None,
    due_date=None,
):
    """Add a recommendation or action to a draft report, with the points a response must address."""
    if report.is_published:
        raise ValidationError("Recommendations can only be added to a draft report. Correct a published one instead")
    groups, organisations = list(groups or ()), list(organisations or ())
    if not groups and not organisations:
        raise ValidationError({"groups": "Select who it is addressed to"})
    _check_number_free(report=report, kind=kind, number=number)
    due_rule, due_count, due_date = _due_fields(due_rule, due_count, due_date)
    recommendation = Recommendation(
        report=report,
        kind=kind,
        number=number,
        text=text.strip(),
        is_summary=is_summary,
        jointly=jointly,
        due_rule=due_rule,
        due_count=due_count,
        due_date=due_date,
    )
    recommendation.full_clean()
    recommendation.save()
    recommendation.groups.set(groups)
    recommendation.organisations.set(organisations)
    _points_replace(recommendation, _clean_points(points))
    audit.record(
        actor=added_by,
        instance=recommendation,
        action=AuditEntry.Action.CREATED,
        after=_recommendation_snapshot(recommendation),
    )
    _event(report=report, actor=added_by, title=f"{recommendation.title} added", is_public=False)
    return recommendation


@transaction.atomic
def recommendation_update(
    *,
    recommendation,
    updated_by,
    kind=None,
    number=None,
    text=None,
    is_summary=None,
    points=None,
    groups=None,
    organisations=None,
    jointly=None,
    due_rule=None,
    due_count=None,
    due_date=None,
):
    """Change a recommendation or action while its report is a draft: nothing is owed on it until publication.

    Arguments left as None keep their values. `due_rule` brings `due_count` and `due_date` with it, as in
    `recommendation_add`. Points and addressees given replace the ones there were. A published report's
    recommendations are corrected instead (`recommendation_correct`), which keeps the published wording and the
    obligations. A change that changes nothing records nothing.
    """
    report = _lock_draft(recommendation.report, PUBLISHED_RECOMMENDATIONS.format("changed"))
    recommendation.refresh_from_db()
    before = _recommendation_snapshot(recommendation)
    title = recommendation.title
    changes = []

    kind = kind if kind is not None else recommendation.kind
    number = number if number is not None else recommendation.number
    if (kind, number) != (recommendation.kind, recommendation.number):
        _check_number_free(report=report, kind=kind, number=number, recommendation=recommendation)
        changes.append("number" if kind == recommendation.kind else "whether it is a recommendation or an action")
        recommendation.kind, recommendation.number = kind, number
    if text is not None and text.strip() != recommendation.text:
        recommendation.text = text.strip()
        changes.append("wording")
    if is_summary is not None and is_summary != recommendation.is_summary:
        recommendation.is_summary = is_summary
        changes.append("whether it is a summary")
    if points is not None:
        points = _clean_points(points)
        if points == recommendation.points_list():
            points = None
        else:
            changes.append("points")

    current_groups, current_organisations = set(recommendation.groups.all()), set(recommendation.organisations.all())
    new_groups = set(groups) if groups is not None else current_groups
    new_organisations = set(organisations) if organisations is not None else current_organisations
    if not new_groups and not new_organisations:
        raise ValidationError({"groups": "Select who it is addressed to"})
    jointly = jointly if jointly is not None else recommendation.jointly
    if (new_groups, new_organisations, jointly) != (current_groups, current_organisations, recommendation.jointly):
        recommendation.jointly = jointly
        changes.append("who it is addressed to")

    if due_rule is not None:
        due = _due_fields(due_rule, due_count, due_date)
        if due != (recommendation.due_rule, recommendation.due_count, recommendation.due_date):
            recommendation.due_rule, recommendation.due_count, recommendation.due_date = due
            changes.append("when it is due")

    if not changes:
        return recommendation
    recommendation.full_clean()
    recommendation.save()
    recommendation.groups.set(new_groups)
    recommendation.organisations.set(new_organisations)
    if points is not None:
        _points_replace(recommendation, points)
    audit.record(
        actor=updated_by,
        instance=recommendation,
        action=AuditEntry.Action.UPDATED,
        before=before,
        after=_recommendation_snapshot(recommendation),
        reason="Changed while a draft",
    )
    note = f"Changed: {', '.join(changes)}."
    if recommendation.title != title:
        note += f" It is now {recommendation.title}."
    _event(report=report, actor=updated_by, title=f"{title} changed", note=note, is_public=False)
    return recommendation


@transaction.atomic
def recommendation_remove(*, recommendation, removed_by):
    """Take a recommendation or action, and its points, out of a draft report.

    Only a draft's: once published, what a recommendation asked stays on the record, and a correction closes the
    obligations of anyone it no longer addresses.
    """
    report = _lock_draft(recommendation.report, PUBLISHED_RECOMMENDATIONS.format("removed"))
    recommendation.refresh_from_db()
    title, text = recommendation.title, recommendation.text
    audit.record(
        actor=removed_by,
        instance=recommendation,
        action=AuditEntry.Action.DELETED,
        before=_recommendation_snapshot(recommendation),
        reason="Removed while a draft",
    )
    recommendation.points.all().delete()
    try:
        recommendation.delete()
    except ProtectedError:
        # Another app's record refers to it (a draft's recommendation rarely has one); the transaction rolls back.
        raise ValidationError(f"{title} cannot be removed because other records refer to it") from None
    _event(report=report, actor=removed_by, title=f"{title} removed", note=f"Its text was:\n\n{text}", is_public=False)


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


def _attach_deadlines(*, obligations, recommendation, report, calendar):
    for obligation in obligations:
        args = {"obligation": obligation, "recommendation": recommendation, "report": report, "calendar": calendar}
        obligation.response_deadline = _deadline_for_response(**args)
        obligation.recommendation_deadline = _deadline_for_recommendation(**args)
    Obligation.casework.bulk_update(obligations, ["response_deadline", "recommendation_deadline"])


def _obligations_create(*, recommendation, report, addressees, calendar, actor, reason):
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
    _attach_deadlines(obligations=new, recommendation=recommendation, report=report, calendar=calendar)
    for obligation in new:
        audit.record(actor=actor, instance=obligation, action=AuditEntry.Action.CREATED, reason=reason)
    return new


def _close_deadlines(obligation):
    for deadline in (obligation.response_deadline, obligation.recommendation_deadline):
        if deadline is not None and deadline.is_open:
            deadline_close(deadline=deadline)


def obligation_counts(report, on=None):
    """How many obligations publishing `report` on `on` would create, recommendation by recommendation."""
    on = on or report.published_on
    recommendations = report.recommendations.prefetch_related("groups", "organisations")
    return [(recommendation, len(recommendation.resolve_addressees(on))) for recommendation in recommendations]


@transaction.atomic
def report_publish(*, report, published_by, on):
    """Publish a draft report and create one obligation per addressee, resolved as the groups stood on `on`.

    Publishing an already-published report changes nothing, so a repeated request or a re-run demo is harmless.
    """
    Report.casework.select_for_update().filter(pk=report.pk).first()
    report.refresh_from_db()
    if report.state == State.PUBLISHED:
        return report
    if on > timezone.localdate():
        # The public pages show a report from the moment it is published, so it cannot carry a date to come.
        raise ValidationError(
            {"published_on": f"The publication date ({long_date(on)}) is in the future. Publish the report on that day"}
        )
    before = _report_snapshot(report)
    report.state = State.PUBLISHED
    report.published_on = on
    report.published_at = timezone.now()
    report.published_by = published_by if published_by is not None and published_by.is_authenticated else None
    report.full_clean()
    report.save()

    calendar = current_calendar()  # once: every deadline below is computed against the same table
    recommendations = list(report.recommendations.prefetch_related("groups", "organisations", "points"))
    label = actor_label(published_by)
    created = {}
    for recommendation in recommendations:
        created[recommendation] = _obligations_create(
            recommendation=recommendation,
            report=report,
            addressees=recommendation.resolve_addressees(on),
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
            addressees=_addressee_snapshot(recommendation),
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
        before=before,
        after=_report_snapshot(report),
        reason=f"Published on {long_date(on)}: {plural(total, 'obligation')} created",
    )
    lines = [f"- {recommendation.title}: {plural(len(new), 'addressee')}" for recommendation, new in created.items()]
    note = f"Published on {long_date(on)}."
    if lines:
        note += " Addressed to:\n\n" + "\n".join(lines)
    _event(report=report, actor=published_by, title="Report published", note=note)

    if report.super_complaint_id:
        # Imported here: the complaints app depends on reports being publishable, not the other way round.
        from followthrough.complaints.services import complaint_record_report_published

        complaint_record_report_published(
            complaint=report.super_complaint, report=report, published_by=published_by, on=on
        )
    return report


@transaction.atomic
def recommendation_correct(
    *,
    recommendation,
    corrected_by,
    reason,
    text=None,
    points=None,
    groups=None,
    organisations=None,
    jointly=None,
):
    """Correct a published recommendation's wording, points or addressees, keeping every earlier version.

    Addressees are resolved again as of the publication date. New addressees get an obligation; removed ones have
    theirs closed with the reason, never deleted; addressees who stay keep theirs untouched, with anything attached.
    """
    Recommendation.casework.select_for_update().filter(pk=recommendation.pk).first()
    recommendation.refresh_from_db()
    report = recommendation.report
    if not report.is_published:
        raise ValidationError("Only a published recommendation can be corrected")
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": "Enter why the recommendation is being corrected"})

    before = _recommendation_snapshot(recommendation)
    changes = []
    if text is not None and text.strip() != recommendation.text:
        recommendation.text = text.strip()
        changes.append("wording")
    if points is not None:
        points = _clean_points(points)
        if points != recommendation.points_list():
            _points_replace(recommendation, points)
            changes.append("points")
    new_groups = set(groups) if groups is not None else set(recommendation.groups.all())
    new_organisations = set(organisations) if organisations is not None else set(recommendation.organisations.all())
    if not new_groups and not new_organisations:
        raise ValidationError({"groups": "Select who it is addressed to"})
    addressees_changed = False
    if new_groups != set(recommendation.groups.all()):
        recommendation.groups.set(new_groups)
        addressees_changed = True
    if new_organisations != set(recommendation.organisations.all()):
        recommendation.organisations.set(new_organisations)
        addressees_changed = True
    if jointly is not None and jointly != recommendation.jointly:
        recommendation.jointly = jointly
        addressees_changed = True
    if addressees_changed:
        changes.append("addressees")
    if not changes:
        raise ValidationError("Nothing has changed. Change the wording, the points or who it is addressed to")

    recommendation.version += 1
    recommendation.full_clean()
    recommendation.save()
    version = RecommendationVersion(
        recommendation=recommendation,
        number=recommendation.version,
        text=recommendation.text,
        points=recommendation.points_list(),
        addressees=_addressee_snapshot(recommendation),
        reason=reason,
        created_by=corrected_by if corrected_by is not None and corrected_by.is_authenticated else None,
        created_by_label=actor_label(corrected_by),
    )
    version.full_clean(validate_constraints=False)
    version.save()

    added, reopened, closed = _obligations_reconcile(
        recommendation=recommendation, report=report, corrected_by=corrected_by, reason=reason
    )
    audit.record(
        actor=corrected_by,
        instance=recommendation,
        action=AuditEntry.Action.UPDATED,
        before=before,
        after=_recommendation_snapshot(recommendation),
        reason=reason,
    )
    note = [reason, "", f"Changed: {', '.join(changes)}."]
    for label, obligations in (("Now addressed to", added + reopened), ("No longer addressed to", closed)):
        if obligations:
            names = ", ".join(o.organisation.name for o in obligations)
            note.append(f"{label}: {names}.")
    _event(report=report, actor=corrected_by, title=f"{recommendation.title} corrected", note="\n".join(note))
    return version


def _obligations_reconcile(*, recommendation, report, corrected_by, reason):
    """Bring the obligations into line with the corrected addressees. Returns (added, reopened, closed)."""
    addressees = recommendation.resolve_addressees(report.published_on)
    by_organisation = {addressee.pk: group for addressee, group in addressees.items()}
    existing = list(
        recommendation.obligations.select_related("organisation", "response_deadline", "recommendation_deadline")
    )
    calendar = current_calendar()
    why = f"Correction on {long_date(timezone.localdate())}: {reason}"

    closed, reopened, regrouped = [], [], []
    for obligation in existing:
        wanted = obligation.organisation_id in by_organisation
        if obligation.is_active and not wanted:
            before = audit.snapshot(obligation)
            obligation.is_active = False
            obligation.closed_reason = f"No longer an addressee. {why}"
            obligation.closed_at = timezone.now()
            obligation.closed_by = corrected_by if corrected_by is not None and corrected_by.is_authenticated else None
            obligation.full_clean(validate_constraints=False)
            obligation.save()
            _close_deadlines(obligation)
            audit.record(
                actor=corrected_by, instance=obligation, action=AuditEntry.Action.UPDATED, before=before, reason=why
            )
            closed.append(obligation)
        elif not obligation.is_active and wanted:
            # Named again: the same obligation comes back, with fresh deadlines; the closed ones stay as history.
            before = audit.snapshot(obligation)
            obligation.is_active = True
            obligation.closed_reason = ""
            obligation.closed_at = None
            obligation.closed_by = None
            obligation.group = by_organisation[obligation.organisation_id]
            obligation.full_clean(validate_constraints=False)
            obligation.save()
            _attach_deadlines(obligations=[obligation], recommendation=recommendation, report=report, calendar=calendar)
            audit.record(
                actor=corrected_by, instance=obligation, action=AuditEntry.Action.UPDATED, before=before, reason=why
            )
            reopened.append(obligation)
        elif wanted and obligation.group_id != getattr(by_organisation[obligation.organisation_id], "pk", None):
            # Still an addressee, now through a different group: only the grouping shown on the page changes.
            obligation.group = by_organisation[obligation.organisation_id]
            regrouped.append(obligation)
    if regrouped:
        Obligation.casework.bulk_update(regrouped, ["group"])
    added = _obligations_create(
        recommendation=recommendation,
        report=report,
        addressees=addressees,
        calendar=calendar,
        actor=corrected_by,
        reason=why,
    )
    return added, reopened, closed
