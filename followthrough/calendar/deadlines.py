"""Deadline rules as pure functions: each returns the date and the words that explain it (ADR 0005).

"Beginning with" a day means that day is day 1: a period of 56 days beginning with 26 May 2021 ends at the end of
20 July 2021. A period of working days beginning with a non-working day starts on the next working day.
Working days are as regulation 2 defines them (WORKING_DAY): Saturdays, Sundays, Christmas Day and Good Friday are
never working days, whatever the holiday table says; the bank holidays in the calendar given are not either
(ADR 0020).
"""

import calendar as month_calendar
import datetime
from dataclasses import dataclass, field

from dateutil.easter import easter  # python-dateutil, which the pinned `holidays` package is built on
from django.db import models

from followthrough.core.formatting import long_date, plural, weekday_date


class Rule(models.TextChoices):
    WORKING_DAYS = "working-days", "Working days beginning with a date"
    CALENDAR_DAYS = "calendar-days", "Calendar days beginning with a date"
    MONTHS = "months", "Calendar months from a date"
    FIXED_DATE = "fixed-date", "A fixed date"


# The Police Super-complaints (Designation and Procedure) Regulations 2018 (SI 2018/748), regulation 2(1), as made:
# https://www.legislation.gov.uk/uksi/2018/748/regulation/2/made
WORKING_DAY = (
    "“working day” means any day other than a Saturday, a Sunday, Christmas Day, Good Friday or a bank "
    "holiday in England and Wales under the Banking and Financial Dealings Act 1971"
)
WORKING_DAY_CITATION = (
    "Regulation 2(1) of the Police Super-complaints (Designation and Procedure) Regulations 2018 (SI 2018/748)"
)
WORKING_DAY_CITATION_URL = "https://www.legislation.gov.uk/uksi/2018/748/regulation/2/made"
NOT_WORKING_DAYS = "Saturdays, Sundays, Christmas Day, Good Friday or bank holidays in England and Wales"


def good_friday(year):
    return easter(year) - datetime.timedelta(days=2)


def excluded_by_regulation(day):
    """The day's name if it is Christmas Day or Good Friday, else None.

    Regulation 2 excludes both by name, so they are worked out here, never kept as holiday rows that an administrator
    could remove (ADR 0020).
    """
    if (day.month, day.day) == (12, 25):
        return "Christmas Day"
    if day == good_friday(day.year):
        return "Good Friday"
    return None


class OutsideCalendar(ValueError):
    """The computation needs days the holiday table does not cover."""


@dataclass(frozen=True)
class WorkingCalendar:
    """Which days are not working days, and why. Built from the holiday table."""

    holidays: dict = field(default_factory=dict)  # date -> name
    first_day: datetime.date = datetime.date(2015, 1, 1)
    last_day: datetime.date = datetime.date(2035, 12, 31)
    name: str = "England and Wales"

    def covers(self, day):
        return self.first_day <= day <= self.last_day

    def why_not_working(self, day):
        """None for a working day; otherwise the reason in words."""
        if day.weekday() >= 5:
            return "weekend"
        named = excluded_by_regulation(day)
        if named:
            return named
        if day in self.holidays:
            return f"bank holiday: {self.holidays[day]}"
        return None


@dataclass(frozen=True)
class Deadline:
    rule: str
    count: int | None
    start: datetime.date
    due: datetime.date
    explanation: str


def compute(*, rule, start, count=None, calendar=None, fixed=None):
    """The due date under `rule`, with its explanation."""
    if rule == Rule.WORKING_DAYS:
        return working_days(count=count, start=start, calendar=calendar)
    if rule == Rule.CALENDAR_DAYS:
        return calendar_days(count=count, start=start)
    if rule == Rule.MONTHS:
        return months(count=count, start=start)
    if rule == Rule.FIXED_DATE:
        due = fixed or start
        return Deadline(rule, None, start, due, f"A fixed date: {long_date(due)}.")
    raise ValueError(f"Unknown deadline rule {rule!r}")


def working_days(*, count, start, calendar):
    if count < 1:
        raise ValueError("A period must be at least 1 day")
    if not calendar.covers(start):
        raise OutsideCalendar(start)
    skipped = []
    day = start
    counted = 0
    while True:
        reason = calendar.why_not_working(day)
        if reason:
            skipped.append((day, reason))
        else:
            counted += 1
            if counted == count:
                break
        day += datetime.timedelta(days=1)
        if not calendar.covers(day):
            raise OutsideCalendar(day)
    words = [f"{plural(count, 'working day')} beginning with {weekday_date(start)}, not counting {NOT_WORKING_DAYS}."]
    if skipped and skipped[0][0] == start:
        words.append(f"{weekday_date(start)} is not a working day, so the count starts on the next working day.")
    if skipped:
        listed = "; ".join(f"{weekday_date(d)} ({reason})" for d, reason in skipped)
        words.append(f"Days not counted: {listed}.")
    else:
        words.append("No days were skipped.")
    words.append(f"The last day is {weekday_date(day)}.")
    return Deadline(Rule.WORKING_DAYS, count, start, day, " ".join(words))


def calendar_days(*, count, start):
    if count < 1:
        raise ValueError("A period must be at least 1 day")
    due = start + datetime.timedelta(days=count - 1)
    explanation = (
        f"{plural(count, 'calendar day')} beginning with {weekday_date(start)}, which counts as day 1. "
        f"Weekends, Christmas Day, Good Friday and bank holidays are counted. The last day is {weekday_date(due)}."
    )
    return Deadline(Rule.CALENDAR_DAYS, count, start, due, explanation)


def months(*, count, start):
    if count < 1:
        raise ValueError("A period must be at least 1 month")
    month_index = start.month - 1 + count
    year, month = start.year + month_index // 12, month_index % 12 + 1
    last = month_calendar.monthrange(year, month)[1]
    due = datetime.date(year, month, min(start.day, last))
    explanation = f"{plural(count, 'calendar month')} from {weekday_date(start)} is {weekday_date(due)}"
    if start.day > last:
        explanation += (
            f": {datetime.date(year, month, 1):%B %Y} has no day {start.day}, so the last day of that month is used."
        )
    else:
        explanation += ", the same day of the month."
    return Deadline(Rule.MONTHS, count, start, due, explanation)
