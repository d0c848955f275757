"""The holiday table as data: seeded, amended by administrators, and moving stored deadlines with a record."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from followthrough.calendar import services
from followthrough.calendar.models import DeadlineChange, Holiday
from followthrough.core.models import AuditEntry

D = datetime.date
pytestmark = pytest.mark.django_db


def test_the_table_is_seeded_with_england_and_wales_bank_holidays_2015_to_2035():
    assert Holiday.objects.filter(date=D(2019, 5, 27)).exists()
    assert Holiday.objects.filter(date=D(2022, 9, 19)).exists()  # one-off: State Funeral
    assert Holiday.objects.filter(date=D(2023, 5, 8)).exists()  # one-off: Coronation
    assert Holiday.objects.filter(date__year=2015).exists()
    assert Holiday.objects.filter(date__year=2035).exists()
    assert not Holiday.objects.filter(date=D(2019, 3, 18)).exists()  # St Patrick's Day: Northern Ireland only
    assert not Holiday.objects.filter(date=D(2019, 8, 5)).exists()  # Scotland's summer holiday


def test_adding_a_bank_holiday_moves_an_open_deadline_and_records_why(administrator):
    deadline = services.deadline_store(
        label="Acknowledge SC-2033-0001", rule="working-days", count=5, start=D(2033, 6, 6)
    )
    assert deadline.due == D(2033, 6, 10)
    services.holiday_add(date=D(2033, 6, 8), name="Special bank holiday", added_by=administrator, reason="Proclamation")
    deadline.refresh_from_db()
    assert deadline.due == D(2033, 6, 13)
    assert "Wednesday 8 June 2033 (bank holiday: Special bank holiday)" in deadline.explanation
    change = DeadlineChange.objects.get(deadline=deadline)
    assert (change.old_due, change.new_due) == (D(2033, 6, 10), D(2033, 6, 13))
    assert "8 June 2033 was made a bank holiday (Special bank holiday): Proclamation" in change.reason
    assert change.changed_by == administrator


def test_removing_a_bank_holiday_moves_a_deadline_back_and_keeps_the_row(administrator):
    deadline = services.deadline_store(label="Acknowledge", rule="working-days", count=5, start=D(2019, 5, 24))
    assert deadline.due == D(2019, 5, 31)  # Spring Bank Holiday 27 May skipped
    holiday = Holiday.objects.get(date=D(2019, 5, 27))
    services.holiday_remove(holiday=holiday, removed_by=administrator, reason="Entered in error")
    deadline.refresh_from_db()
    assert deadline.due == D(2019, 5, 30)
    holiday.refresh_from_db()
    assert holiday.is_active is False


def test_closed_deadlines_and_deadlines_outside_the_change_never_move(administrator):
    closed = services.deadline_store(label="Closed", rule="working-days", count=5, start=D(2033, 6, 6))
    services.deadline_close(deadline=closed)
    later = services.deadline_store(label="Later", rule="working-days", count=5, start=D(2033, 6, 20))
    calendar_days = services.deadline_store(label="Calendar", rule="calendar-days", count=56, start=D(2033, 6, 1))
    services.holiday_add(date=D(2033, 6, 8), name="Special", added_by=administrator, reason="Proclamation")
    for stored, due in ((closed, D(2033, 6, 10)), (later, D(2033, 6, 24)), (calendar_days, D(2033, 7, 26))):
        stored.refresh_from_db()
        assert stored.due == due
    assert not DeadlineChange.objects.exists()


def test_adding_a_day_that_is_already_a_bank_holiday_is_refused(administrator):
    with pytest.raises(ValidationError) as error:
        services.holiday_add(date=D(2019, 5, 27), name="Again", added_by=administrator, reason="Test")
    assert "already a bank holiday" in str(error.value)


def test_holiday_changes_are_audited_with_the_reason(administrator):
    services.holiday_add(date=D(2033, 6, 8), name="Special", added_by=administrator, reason="Proclamation")
    entry = AuditEntry.objects.get(content_type__model="holiday")
    assert entry.actor == administrator
    assert entry.reason == "Proclamation"
    assert entry.after["date"] == "2033-06-08"


def test_a_removed_holiday_can_be_added_back(administrator):
    holiday = Holiday.objects.get(date=D(2019, 5, 27))
    services.holiday_remove(holiday=holiday, removed_by=administrator, reason="Error")
    services.holiday_add(date=D(2019, 5, 27), name="Spring Bank Holiday", added_by=administrator, reason="Restored")
    holiday.refresh_from_db()
    assert holiday.is_active
