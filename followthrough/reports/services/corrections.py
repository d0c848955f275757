"""Correcting a published recommendation: a new version, with its obligations brought into line."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from followthrough.calendar.services import current_calendar, deadline_close
from followthrough.core import audit
from followthrough.core.formatting import long_date
from followthrough.core.models import AuditEntry

from ..models import Obligation, Recommendation, RecommendationVersion
from .common import actor_label, addressee_snapshot, clean_points, event_add, points_replace, recommendation_snapshot
from .publishing import deadlines_attach, obligations_create


def _close_deadlines(obligation):
    for deadline in (obligation.response_deadline, obligation.recommendation_deadline):
        if deadline is not None and deadline.is_open:
            deadline_close(deadline=deadline)


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

    before = recommendation_snapshot(recommendation)
    changes = []
    if text is not None and text.strip() != recommendation.text:
        recommendation.text = text.strip()
        changes.append("wording")
    if points is not None:
        points = clean_points(points)
        if points != recommendation.points_list():
            points_replace(recommendation, points)
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
        addressees=addressee_snapshot(recommendation),
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
        after=recommendation_snapshot(recommendation),
        reason=reason,
    )
    note = [reason, "", f"Changed: {', '.join(changes)}."]
    for label, obligations in (("Now addressed to", added + reopened), ("No longer addressed to", closed)):
        if obligations:
            names = ", ".join(o.organisation.name for o in obligations)
            note.append(f"{label}: {names}.")
    event_add(report=report, actor=corrected_by, title=f"{recommendation.title} corrected", note="\n".join(note))
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
            deadlines_attach(obligations=[obligation], recommendation=recommendation, report=report, calendar=calendar)
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
    added = obligations_create(
        recommendation=recommendation,
        report=report,
        addressees=addressees,
        calendar=calendar,
        actor=corrected_by,
        reason=why,
    )
    return added, reopened, closed
