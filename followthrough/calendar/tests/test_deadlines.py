"""The deadline rules, as pure functions over a calendar."""

import datetime

import pytest

from followthrough.calendar import deadlines
from followthrough.calendar.deadlines import Rule, WorkingCalendar

D = datetime.date
ENGLAND_2019_TO_2023 = WorkingCalendar(
    holidays={
        D(2019, 5, 27): "Spring Bank Holiday",
        D(2019, 8, 26): "Late Summer Bank Holiday",
        D(2019, 12, 25): "Christmas Day",
        D(2019, 12, 26): "Boxing Day",
        D(2020, 1, 1): "New Year's Day",
        D(2022, 9, 19): "State Funeral of Queen Elizabeth II",
    }
)


def test_five_working_days_beginning_with_friday_31_may_2019_ends_thursday_6_june():
    result = deadlines.working_days(count=5, start=D(2019, 5, 31), calendar=ENGLAND_2019_TO_2023)
    assert result.due == D(2019, 6, 6)
    assert "beginning with Friday 31 May 2019" in result.explanation
    assert "Saturday 1 June 2019 (weekend)" in result.explanation
    assert "The last day is Thursday 6 June 2019" in result.explanation


def test_working_days_received_on_a_saturday_count_from_the_next_working_day():
    result = deadlines.working_days(count=5, start=D(2019, 6, 1), calendar=ENGLAND_2019_TO_2023)
    assert result.due == D(2019, 6, 7)  # Monday 3 June is day 1
    assert "is not a working day, so the count starts on the next working day" in result.explanation


def test_working_days_skip_bank_holidays_and_say_which():
    result = deadlines.working_days(count=5, start=D(2019, 12, 23), calendar=ENGLAND_2019_TO_2023)
    # 23, 24, (25, 26 holidays), 27, (28, 29 weekend), 30, 31
    assert result.due == D(2019, 12, 31)
    assert "Wednesday 25 December 2019 (Christmas Day)" in result.explanation
    assert "Thursday 26 December 2019 (bank holiday: Boxing Day)" in result.explanation


def test_a_one_off_bank_holiday_moves_a_working_day_deadline():
    without = WorkingCalendar(holidays={})
    start = D(2022, 9, 15)  # Thursday
    assert deadlines.working_days(count=3, start=start, calendar=without).due == D(2022, 9, 19)
    assert deadlines.working_days(count=3, start=start, calendar=ENGLAND_2019_TO_2023).due == D(2022, 9, 20)


def test_one_working_day_beginning_with_a_working_day_is_that_day():
    assert deadlines.working_days(count=1, start=D(2019, 6, 3), calendar=ENGLAND_2019_TO_2023).due == D(2019, 6, 3)


def test_56_days_beginning_with_26_may_2021_end_on_20_july_2021():
    result = deadlines.calendar_days(count=56, start=D(2021, 5, 26))
    assert result.due == D(2021, 7, 20)
    assert "counts as day 1" in result.explanation


def test_six_months_from_26_may_2021_is_26_november_2021():
    result = deadlines.months(count=6, start=D(2021, 5, 26))
    assert result.due == D(2021, 11, 26)
    assert "same day of the month" in result.explanation


def test_months_from_the_31st_clamp_to_the_end_of_a_shorter_month():
    result = deadlines.months(count=6, start=D(2021, 8, 31))
    assert result.due == D(2022, 2, 28)
    assert "February 2022 has no day 31" in result.explanation
    assert deadlines.months(count=6, start=D(2023, 8, 31)).due == D(2024, 2, 29)


def test_months_cross_the_year_end():
    assert deadlines.months(count=12, start=D(2021, 5, 26)).due == D(2022, 5, 26)
    assert deadlines.months(count=1, start=D(2021, 12, 15)).due == D(2022, 1, 15)


def test_a_fixed_date_is_itself():
    result = deadlines.compute(rule=Rule.FIXED_DATE, start=D(2024, 9, 1), fixed=D(2024, 11, 22))
    assert result.due == D(2024, 11, 22)
    assert "22 November 2024" in result.explanation


def test_working_days_refuse_to_run_past_the_calendar():
    short = WorkingCalendar(holidays={}, first_day=D(2019, 1, 1), last_day=D(2019, 6, 5))
    with pytest.raises(deadlines.OutsideCalendar):
        deadlines.working_days(count=10, start=D(2019, 6, 3), calendar=short)


@pytest.mark.parametrize("rule", [Rule.WORKING_DAYS, Rule.CALENDAR_DAYS, Rule.MONTHS])
def test_a_period_of_zero_is_refused(rule):
    with pytest.raises(ValueError):
        deadlines.compute(rule=rule, count=0, start=D(2021, 5, 26), calendar=ENGLAND_2019_TO_2023)
