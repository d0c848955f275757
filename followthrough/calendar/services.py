"""Changing the holiday table, storing deadlines, and moving stored deadlines when the table changes."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction

from followthrough.core import audit
from followthrough.core.formatting import long_date
from followthrough.core.models import AuditEntry

from . import deadlines
from .models import DeadlineChange, Holiday, StoredDeadline


def current_calendar():
    """The England and Wales working-day calendar as the holiday table stands now."""
    first_year, last_year = settings.CALENDAR_HOLIDAY_YEARS
    return deadlines.WorkingCalendar(
        holidays=dict(Holiday.objects.active().values_list("date", "name")),
        first_day=datetime.date(first_year, 1, 1),
        last_day=datetime.date(last_year, 12, 31),
    )


@transaction.atomic
def deadline_store(*, label, rule, start, count=None, fixed=None, owner=None, calendar=None):
    """Compute a deadline and keep it with its rule and inputs, so it can be recomputed and explained later."""
    result = deadlines.compute(
        rule=rule, start=start, count=count, fixed=fixed, calendar=calendar or current_calendar()
    )
    return StoredDeadline.objects.create(
        label=label,
        rule=result.rule,
        count=result.count,
        start=result.start,
        due=result.due,
        explanation=result.explanation,
        owner=owner,
    )


@transaction.atomic
def deadline_close(*, deadline):
    deadline.is_open = False
    deadline.save(update_fields=["is_open"])


@transaction.atomic
def holiday_add(*, date, name, added_by, reason):
    """Add a bank holiday (for example a one-off one) and move every open deadline it affects.

    Only bank holidays under the Banking and Financial Dealings Act 1971: Christmas Day and Good Friday are never
    working days by regulation 2 itself, so they are refused here (ADR 0020).
    """
    named = deadlines.excluded_by_regulation(date)
    if named:
        raise ValidationError(
            {
                "date": f"{long_date(date)} is {named}, which is never a working day under regulation 2. "
                "Enter the date of a bank holiday"
            }
        )
    holiday = Holiday.objects.filter(date=date).first()
    if holiday and holiday.is_active:
        raise ValidationError({"date": f"{long_date(date)} is already a bank holiday ({holiday.name})"})
    if holiday:
        before = audit.snapshot(holiday)
        holiday.name, holiday.is_active = name, True
        holiday.save()
        audit.record(actor=added_by, instance=holiday, action=AuditEntry.Action.UPDATED, before=before, reason=reason)
    else:
        holiday = Holiday(date=date, name=name, source=Holiday.Source.ADDED)
        holiday.full_clean()
        holiday.save()
        audit.record(actor=added_by, instance=holiday, action=AuditEntry.Action.CREATED, reason=reason)
    cause = f"{long_date(date)} was made a bank holiday ({name}): {reason}"
    deadlines_recompute(affected_day=date, changed_by=added_by, cause=cause)
    return holiday


@transaction.atomic
def holiday_remove(*, holiday, removed_by, reason):
    """Stop treating a day as a bank holiday, keeping its row, and move every open deadline it affects."""
    before = audit.snapshot(holiday)
    holiday.is_active = False
    holiday.save()
    audit.record(actor=removed_by, instance=holiday, action=AuditEntry.Action.UPDATED, before=before, reason=reason)
    cause = f"{long_date(holiday.date)} is no longer a bank holiday ({holiday.name}): {reason}"
    deadlines_recompute(affected_day=holiday.date, changed_by=removed_by, cause=cause)


def deadlines_recompute(*, affected_day, changed_by, cause):
    """Recompute open working-day deadlines whose period contains `affected_day`; record each that moves.

    A change outside a deadline's period [start, due] cannot move it, so only those are read.
    """
    calendar = current_calendar()
    moved = []
    candidates = StoredDeadline.objects.open().filter(
        rule=deadlines.Rule.WORKING_DAYS, start__lte=affected_day, due__gte=affected_day
    )
    for stored in candidates.select_for_update():
        result = deadlines.compute(rule=stored.rule, start=stored.start, count=stored.count, calendar=calendar)
        if result.due == stored.due:
            continue
        DeadlineChange.objects.create(
            deadline=stored,
            changed_by=changed_by,
            old_due=stored.due,
            new_due=result.due,
            old_explanation=stored.explanation,
            reason=cause,
        )
        stored.due, stored.explanation = result.due, result.explanation
        stored.save(update_fields=["due", "explanation"])
        moved.append(stored)
    return moved
