"""The foundation's journeys in a real browser, with axe run on every page they pass through."""

import datetime
import re
import time

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from followthrough.calendar import services as calendar_services
from followthrough.calendar.models import StoredDeadline

from .conftest import (
    assert_accessible,
    current_code,
    date_input,
    expect_error_summary,
    follow,
    sign_in,
    sign_in_as,
    submit,
    visit,
)


def wait_until_verify_is_allowed(device, timeout=5):
    """django-otp refuses every code for a while (1 second after one failure) after a wrong code."""
    deadline = time.monotonic() + timeout
    device.refresh_from_db()
    while not device.verify_is_allowed()[0]:
        assert time.monotonic() < deadline, "django-otp is still throttling the device"
        time.sleep(0.1)
        device.refresh_from_db()


def test_an_administrator_adds_a_bank_holiday_and_sees_a_stored_deadline_move(page, administrator):
    deadline = calendar_services.deadline_store(
        label="Acknowledge SC-2033-0001", rule="working-days", count=5, start=datetime.date(2033, 6, 6)
    )
    assert deadline.due == datetime.date(2033, 6, 10)

    # An administrator signs in with their email address, password and the code their authenticator app shows. They
    # have no inbox or list of their own, so they land on their account.
    sign_in_as(page, administrator, lands_on="Your account")
    expect(page.get_by_text("Administrator at")).to_be_visible()

    # They go to Bank holidays and choose to add one.
    follow(page, "Bank holidays")
    expect(page.get_by_role("heading", level=1)).to_have_text("Bank holidays in England and Wales")
    follow(page, "Add a bank holiday")
    expect(page.get_by_role("heading", level=1)).to_have_text("Add a bank holiday")

    # Sending the form empty shows what is missing.
    submit(page, "Add bank holiday")
    expect_error_summary(
        page,
        "Enter the date of the bank holiday",
        "Enter the name of the bank holiday",
        "Enter why you are adding this bank holiday",
    )

    # They add Wednesday 8 June 2033, which falls inside the stored deadline's period.
    date_input(page, "Date of the bank holiday", datetime.date(2033, 6, 8))
    page.get_by_label("Name of the bank holiday").fill("Coronation anniversary holiday")
    page.get_by_label("Why are you adding it?").fill("Proclaimed by the King on 1 March 2033")
    submit(page, "Add bank holiday")
    expect(page.get_by_text("8 June 2033 is now a bank holiday")).to_be_visible()
    expect(page.get_by_role("row", name=re.compile("Wednesday 8 June 2033"))).to_contain_text(
        "Coronation anniversary holiday"
    )

    # They open the open deadlines, and see the deadline moved from its old date to its new one, and why.
    follow(page, "See open deadlines")
    expect(page.get_by_role("heading", level=1)).to_have_text("Open deadlines")
    card = page.locator(f"#deadline-{deadline.pk}")
    expect(card.get_by_role("heading", name="Acknowledge SC-2033-0001")).to_be_visible()
    expect(card.locator(".govuk-summary-list__row", has_text="Due")).to_contain_text("13 June 2033")
    expect(card.locator(".govuk-summary-list__row", has_text="How it was worked out")).to_contain_text(
        "Days not counted: Wednesday 8 June 2033 (bank holiday: Coronation anniversary holiday)"
    )
    expect(card.locator(".govuk-summary-list__row", has_text="How it was worked out")).to_contain_text(
        "The last day is Monday 13 June 2033."
    )
    expect(card.locator(".govuk-summary-list__row", has_text="Changes")).to_contain_text(
        "moved from 10 June 2033 to 13 June 2033 because 8 June 2033 was made a bank holiday "
        "(Coronation anniversary holiday): Proclaimed by the King on 1 March 2033"
    )
    assert StoredDeadline.objects.get(pk=deadline.pk).due == datetime.date(2033, 6, 13)


def test_the_public_pages_have_no_accessibility_failures(page, hmicfrs):
    for path in ["/", "/organisations/", f"/organisations/{hmicfrs.code}/", "/sign-in", "/accessibility", "/privacy"]:
        visit(page, path)
        expect(page.get_by_role("heading", level=1)).to_be_visible()

    visit(page, "/this-page-does-not-exist", status=404)
    expect(page.get_by_role("heading", level=1)).to_have_text("Page not found")

    # The deadline calculator: empty, with errors, and with a result.
    visit(page, "/deadline-calculator")
    submit(page, "Work out the deadline")
    expect_error_summary(page, "Select how the period is counted", "Enter the length of the period")
    page.get_by_label("Working days beginning with the start date").check()
    page.get_by_label("Length of the period").fill("5")
    date_input(page, "Start date", datetime.date(2019, 5, 31))
    submit(page, "Work out the deadline")
    expect(page.locator("#result")).to_contain_text("6 June 2019")


NARROW_PAGES = ["/", "/sign-in", "/deadline-calculator", "/accessibility", "/privacy", "/no-such-page"]


def test_pages_fit_a_screen_320_pixels_wide_without_scrolling_sideways(new_context):
    """WCAG 2.2 success criterion 1.4.10 (reflow), as the accessibility statement says we test it."""
    page = new_context(viewport={"width": 320, "height": 640}).new_page()
    for path in NARROW_PAGES:
        page.goto(path)
        width = page.evaluate("() => document.documentElement.scrollWidth")
        assert width <= 320, f"{path} is {width} pixels wide on a 320 pixel screen"
    assert_accessible(page)


def press_tab_until(page, label):
    """Press Tab until the field labelled `label` has the focus, as someone using only a keyboard would."""
    field = page.get_by_label(label, exact=True)
    for _ in range(40):
        page.keyboard.press("Tab")
        if field.evaluate("element => element === document.activeElement"):
            return
    pytest.fail(f"Tab never reached the field labelled {label!r}")


def test_someone_signs_in_with_a_security_code_using_only_a_keyboard(page, administrator):
    visit(page, "/sign-in")
    press_tab_until(page, "Email address")
    page.keyboard.type(administrator.email)
    press_tab_until(page, "Password")
    page.keyboard.type(administrator.password)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Enter your security code")
    press_tab_until(page, "Code")
    page.keyboard.type(administrator.current_code())
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Your account")


def test_the_deadline_calculator_works_without_javascript(new_context):
    page = new_context(java_script_enabled=False).new_page()
    page.goto("/deadline-calculator")
    page.get_by_label("Working days beginning with the start date").check()
    page.get_by_label("Length of the period").fill("5")
    date_input(page, "Start date", datetime.date(2019, 5, 31))
    with page.expect_navigation():
        page.get_by_role("button", name="Work out the deadline").click()
    expect(page.locator("#result")).to_contain_text("6 June 2019")
    expect(page.locator("#result")).to_contain_text("is the last day of the period")


def test_an_administrator_sets_up_two_factor_authentication_the_first_time(page, new_administrator):
    sign_in(page, new_administrator.email)
    expect(page.get_by_role("heading", level=1)).to_have_text("Set up two-factor authentication")
    qr = page.get_by_role("img", name="QR code to add Follow Through to your authenticator app")
    expect(qr).to_be_visible()
    assert qr.get_attribute("src").startswith("data:image/svg+xml")

    # A wrong code is refused, with the error summary.
    page.get_by_label("Code from your authenticator app").fill("000000")
    device = TOTPDevice.objects.get(user=new_administrator.user, confirmed=False)
    if current_code(device) == "000000":  # one time in a million
        page.get_by_label("Code from your authenticator app").fill("999999")
    submit(page, "Continue")
    expect_error_summary(page, "The code is not right. Enter the 6-digit code your authenticator app shows now")

    # django-otp makes them wait a moment after a wrong code; then the code the app shows now is accepted.
    wait_until_verify_is_allowed(device)
    page.get_by_label("Code from your authenticator app").fill(current_code(device))
    submit(page, "Continue")
    expect(page.get_by_role("heading", level=1)).to_have_text("Your backup codes")
    expect(page.locator("#backup-codes li")).to_have_count(10)
    assert TOTPDevice.objects.get(pk=device.pk).confirmed

    follow(page, "Continue")
    expect(page.get_by_role("heading", level=1)).to_have_text("Your account")
    two_factor = page.locator(".govuk-summary-list__row", has_text="Two-factor authentication")
    expect(two_factor.locator(".govuk-summary-list__value")).to_have_text("Set up")
