import datetime

import pytest
from django.test import Client

from followthrough.calendar import services
from followthrough.calendar.models import Holiday
from followthrough.testing.factories import UserFactory
from followthrough.testing.pages import assert_good_page, error_summary_links, text_of

pytestmark = pytest.mark.django_db


def test_calculator_shows_the_due_date_and_explanation():
    query = "rule=working-days&count=5&start-day=31&start-month=5&start-year=2019"
    document = assert_good_page(Client().get(f"/deadline-calculator?{query}"))
    text = text_of(document)
    assert "6 June 2019 is the last day of the period" in text
    assert "Saturday 1 June 2019 (weekend)" in text


def test_calculator_shows_every_error_in_a_govuk_summary_and_keeps_what_was_typed():
    response = Client().get("/deadline-calculator?rule=months&count=abc&start-day=31&start-month=13&start-year=2019")
    document = assert_good_page(response)
    assert error_summary_links(document) == [
        ("Length must be a whole number, like 5", "#id_count"),
        ("The start date must be a real date", "#start-day"),
    ]
    html = response.content.decode()
    assert 'value="abc"' in html and 'value="13"' in html
    assert document.find(".//title").text.startswith("Error:")


def test_calculator_refuses_start_dates_the_holiday_table_does_not_cover():
    document = assert_good_page(
        Client().get("/deadline-calculator?rule=working-days&count=5&start-day=1&start-month=1&start-year=2040")
    )
    assert "between 1 January 2015 and 31 December 2035" in text_of(document)


def test_administrator_adds_a_bank_holiday_through_the_form(signed_in_client, administrator):
    client = signed_in_client(administrator)
    assert_good_page(client.get("/calendar/bank-holidays/add"))
    response = client.post(
        "/calendar/bank-holidays/add",
        {
            "date-day": "8",
            "date-month": "6",
            "date-year": "2033",
            "name": "Special bank holiday",
            "reason": "Proclamation",
        },
    )
    assert response.status_code == 302
    assert Holiday.objects.get(date=datetime.date(2033, 6, 8)).source == Holiday.Source.ADDED
    document = assert_good_page(client.get(response["Location"]))
    assert "8 June 2033 is now a bank holiday" in text_of(document)


def test_adding_a_bank_holiday_with_nothing_entered_shows_errors(signed_in_client, administrator):
    response = signed_in_client(administrator).post("/calendar/bank-holidays/add", {"name": "Kept"})
    document = assert_good_page(response)
    assert [text for text, _ in error_summary_links(document)] == [
        "Enter the date of the bank holiday",
        "Enter why you are adding this bank holiday",
    ]
    assert 'value="Kept"' in response.content.decode()


def test_administrator_removes_a_bank_holiday_with_a_reason(signed_in_client, administrator):
    holiday = Holiday.objects.get(date=datetime.date(2019, 5, 27))
    client = signed_in_client(administrator)
    document = assert_good_page(client.post(f"/calendar/bank-holidays/{holiday.pk}/remove", {"reason": ""}))
    assert error_summary_links(document) == [("Enter why you are removing this bank holiday", "#id_reason")]
    response = client.post(f"/calendar/bank-holidays/{holiday.pk}/remove", {"reason": "Entered in error"})
    assert response.status_code == 302
    holiday.refresh_from_db()
    assert not holiday.is_active


def test_open_deadlines_page_shows_a_moved_deadline_with_old_and_new_dates(signed_in_client, administrator):
    services.deadline_store(
        label="Acknowledge SC-2033-0001", rule="working-days", count=5, start=datetime.date(2033, 6, 6)
    )
    services.holiday_add(date=datetime.date(2033, 6, 8), name="Special", added_by=administrator, reason="Proclamation")
    text = text_of(assert_good_page(signed_in_client(administrator).get("/calendar/deadlines")))
    assert "Acknowledge SC-2033-0001" in text
    assert "moved from 10 June 2033 to 13 June 2033 because 8 June 2033 was made a bank holiday" in text


@pytest.mark.parametrize("year", ["999999999999999999999999", "0", "10000", "-1", "twenty"])
def test_a_year_no_date_can_have_shows_this_years_bank_holidays(signed_in_client, administrator, year):
    document = assert_good_page(signed_in_client(administrator).get(f"/calendar/bank-holidays?year={year}"))
    assert f"Bank holidays in {datetime.date.today().year}" in text_of(document)


@pytest.mark.parametrize("path", ["/calendar/bank-holidays", "/calendar/bank-holidays/add", "/calendar/deadlines"])
def test_holiday_pages_are_refused_to_people_without_the_role(signed_in_client, path):
    assert signed_in_client(UserFactory()).get(path).status_code == 403
    assert Client().get(path).status_code == 302


def test_administrator_without_a_verified_second_factor_is_sent_to_verify(administrator):
    from followthrough.testing.factories import confirmed_totp_device

    confirmed_totp_device(administrator)
    client = Client()
    client.force_login(administrator, backend="django.contrib.auth.backends.ModelBackend")
    response = client.get("/calendar/bank-holidays")
    assert response.status_code == 302
    assert response["Location"].startswith("/account/two-factor/verify?next=/calendar/bank-holidays")
