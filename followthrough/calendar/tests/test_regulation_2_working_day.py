"""A working day as regulation 2(1) of SI 2018/748 defines it: any day other than a Saturday, a Sunday, Christmas Day,
Good Friday or a bank holiday in England and Wales under the Banking and Financial Dealings Act 1971 (ADR 0020)."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from followthrough.calendar import deadlines, services
from followthrough.calendar.deadlines import WorkingCalendar
from followthrough.calendar.models import Holiday
from followthrough.testing.pages import assert_good_page, error_summary_links, text_of

D = datetime.date
NO_BANK_HOLIDAYS = WorkingCalendar(holidays={})


def test_regulation_2_christmas_day_is_not_a_working_day_even_with_no_bank_holidays_in_the_table():
    # Tuesday 24 December 2024 is day 1; Christmas Day is skipped by the rule; Boxing Day, a bank holiday, is not in
    # this table, so it counts.
    result = deadlines.working_days(count=2, start=D(2024, 12, 24), calendar=NO_BANK_HOLIDAYS)
    assert result.due == D(2024, 12, 26)
    assert "Wednesday 25 December 2024 (Christmas Day)" in result.explanation
    assert "bank holiday: Christmas" not in result.explanation


def test_regulation_2_good_friday_is_not_a_working_day_and_is_worked_out_from_easter():
    # Easter Sunday 2025 was 20 April, so Good Friday was 18 April; 2026's is 3 April.
    assert deadlines.good_friday(2025) == D(2025, 4, 18)
    assert deadlines.good_friday(2026) == D(2026, 4, 3)
    result = deadlines.working_days(count=2, start=D(2025, 4, 17), calendar=NO_BANK_HOLIDAYS)
    assert result.due == D(2025, 4, 21)  # Thursday, then Good Friday, the weekend, and Monday
    assert "Friday 18 April 2025 (Good Friday)" in result.explanation


def test_regulation_2_saturdays_and_sundays_are_not_working_days():
    assert NO_BANK_HOLIDAYS.why_not_working(D(2025, 6, 7)) == "weekend"
    assert NO_BANK_HOLIDAYS.why_not_working(D(2025, 6, 8)) == "weekend"
    assert NO_BANK_HOLIDAYS.why_not_working(D(2025, 6, 9)) is None


def test_regulation_2_bank_holidays_under_the_1971_act_come_from_the_table_and_are_named_as_bank_holidays():
    calendar = WorkingCalendar(holidays={D(2025, 5, 26): "Spring bank holiday"})
    assert calendar.why_not_working(D(2025, 5, 26)) == "bank holiday: Spring bank holiday"


def test_regulation_2_every_working_day_explanation_names_what_is_not_counted():
    result = deadlines.working_days(count=5, start=D(2025, 6, 2), calendar=NO_BANK_HOLIDAYS)
    assert "not counting Saturdays, Sundays, Christmas Day, Good Friday or bank holidays in England and Wales" in (
        result.explanation
    )


@pytest.mark.django_db
def test_regulation_2_christmas_day_and_good_friday_are_not_rows_in_the_holiday_table():
    assert not Holiday.objects.filter(date=D(2025, 12, 25)).exists()
    assert not Holiday.objects.filter(date=D(2025, 4, 18)).exists()
    assert Holiday.objects.filter(date=D(2025, 12, 26)).exists()  # Boxing Day is a 1971 Act bank holiday
    assert Holiday.objects.filter(date=D(2025, 4, 21)).exists()  # and so is Easter Monday
    assert Holiday.objects.filter(date=D(2022, 12, 27)).exists()  # the substitute day for a Sunday Christmas


@pytest.mark.django_db
def test_regulation_2_a_removed_christmas_day_still_does_not_count(administrator):
    # A Christmas Day row left from before (ADR 0020), removed by an administrator, changes nothing.
    holiday = Holiday.objects.create(date=D(2030, 12, 25), name="Christmas Day")
    deadline = services.deadline_store(
        label="Acknowledge SC-2030-0009", rule="working-days", count=2, start=D(2030, 12, 24)
    )
    services.holiday_remove(holiday=holiday, removed_by=administrator, reason="Tidying the table")
    deadline.refresh_from_db()
    assert deadline.due == D(2030, 12, 27)  # 24 December, then (25 and 26 skipped) Friday 27 December
    assert "Wednesday 25 December 2030 (Christmas Day)" in deadline.explanation
    assert services.current_calendar().why_not_working(D(2030, 12, 25)) == "Christmas Day"


@pytest.mark.django_db
def test_regulation_2_an_administrator_cannot_add_christmas_day_or_good_friday_as_a_bank_holiday(administrator):
    for day, name in [(D(2031, 12, 25), "Christmas Day"), (D(2031, 4, 11), "Good Friday")]:
        with pytest.raises(ValidationError) as refused:
            services.holiday_add(date=day, name=name, added_by=administrator, reason="Trying")
        assert f"is {name}, which is never a working day under regulation 2" in str(refused.value)
        assert not Holiday.objects.filter(date=day).exists()


@pytest.mark.django_db
def test_regulation_2_refusing_christmas_day_on_the_add_page_is_a_govuk_error(signed_in_client, administrator):
    client = signed_in_client(administrator)
    form = {"date-day": "25", "date-month": "12", "date-year": "2031", "name": "Christmas Day", "reason": "Trying"}
    document = assert_good_page(client.post("/calendar/bank-holidays/add", form))
    assert error_summary_links(document)[0][0].startswith("25 December 2031 is Christmas Day")


@pytest.mark.django_db
def test_regulation_2_is_quoted_with_its_citation_where_the_calendar_explains_a_deadline(client):
    query = "rule=working-days&count=5&start-day=24&start-month=12&start-year=2025"
    text = text_of(assert_good_page(client.get(f"/deadline-calculator?{query}")))
    assert deadlines.WORKING_DAY in text
    assert "Regulation 2(1) of the Police Super-complaints (Designation and Procedure) Regulations 2018" in text
    assert "Thursday 25 December 2025 (Christmas Day)" in text
