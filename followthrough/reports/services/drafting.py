"""Drafting a report: its details and its recommendations, changed freely until it is published."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import ProtectedError

from followthrough.calendar.deadlines import Rule
from followthrough.core import audit
from followthrough.core.models import AuditEntry

from ..models import DueRule, Recommendation, Report
from .common import (
    clean_points,
    draft_changed,
    event_add,
    lock_draft,
    points_replace,
    recommendation_snapshot,
    unique_slug,
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


@transaction.atomic
def report_create(
    *,
    created_by,
    title,
    source,
    planned_on=None,
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
        slug=unique_slug(title, slug),
        title=title.strip(),
        source=source,
        super_complaint=super_complaint,
        planned_on=planned_on,
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
    audit.record(actor=created_by, instance=report, action=AuditEntry.Action.CREATED, after=audit.snapshot(report))
    event_add(report=report, actor=created_by, title="Report drafted", is_public=False)
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
    "planned_on": "planned publication date",
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
    lock_draft(report, PUBLISHED_DETAILS)
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

    before = audit.snapshot(report)
    for name, value in fields.items():
        setattr(report, name, value)
    changed = _changed_words(before, audit.snapshot(report), REPORT_FIELD_WORDS)
    if not changed:
        return report
    report.full_clean()
    # A replaced document file stays in storage: the audit entry below names it, and a draft's file was never public.
    report.save()
    draft_changed(report, updated_by)
    audit.record(
        actor=updated_by,
        instance=report,
        action=AuditEntry.Action.UPDATED,
        before=before,
        after=audit.snapshot(report),
        reason="Changed while a draft",
    )
    event_add(
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
    lock_draft(report, "Recommendations can only be added to a draft report. Correct a published one instead")
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
    points_replace(recommendation, clean_points(points))
    audit.record(
        actor=added_by,
        instance=recommendation,
        action=AuditEntry.Action.CREATED,
        after=recommendation_snapshot(recommendation),
    )
    draft_changed(report, added_by)
    event_add(report=report, actor=added_by, title=f"{recommendation.title} added", is_public=False)
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
    report = lock_draft(recommendation.report, PUBLISHED_RECOMMENDATIONS.format("changed"))
    recommendation.refresh_from_db()
    before = recommendation_snapshot(recommendation)
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
        points = clean_points(points)
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
        points_replace(recommendation, points)
    audit.record(
        actor=updated_by,
        instance=recommendation,
        action=AuditEntry.Action.UPDATED,
        before=before,
        after=recommendation_snapshot(recommendation),
        reason="Changed while a draft",
    )
    note = f"Changed: {', '.join(changes)}."
    if recommendation.title != title:
        note += f" It is now {recommendation.title}."
    draft_changed(report, updated_by)
    event_add(report=report, actor=updated_by, title=f"{title} changed", note=note, is_public=False)
    return recommendation


@transaction.atomic
def recommendation_remove(*, recommendation, removed_by):
    """Take a recommendation or action, and its points, out of a draft report.

    Only a draft's: once published, what a recommendation asked stays on the record, and a correction closes the
    obligations of anyone it no longer addresses.
    """
    report = lock_draft(recommendation.report, PUBLISHED_RECOMMENDATIONS.format("removed"))
    recommendation.refresh_from_db()
    title, text = recommendation.title, recommendation.text
    audit.record(
        actor=removed_by,
        instance=recommendation,
        action=AuditEntry.Action.DELETED,
        before=recommendation_snapshot(recommendation),
        reason="Removed while a draft",
    )
    recommendation.points.all().delete()
    try:
        recommendation.delete()
    except ProtectedError:
        # Another app's record refers to it (a draft's recommendation rarely has one); the transaction rolls back.
        raise ValidationError(f"{title} cannot be removed because other records refer to it") from None
    draft_changed(report, removed_by)
    event_add(
        report=report, actor=removed_by, title=f"{title} removed", note=f"Its text was:\n\n{text}", is_public=False
    )
