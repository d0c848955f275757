"""Browser tests: Debian's chromium driven by Playwright against pytest-django's live server, with axe on every page.

One browser is launched per test session; each test gets fresh browser contexts (so fresh cookies). Every request
to a host other than the live server is aborted and fails the test: the service makes no third-party requests.

The service's Content-Security-Policy stays in force, so pages are tested as people get them (an inline style or
script the policy blocks is blocked here too, and fails the test). axe is not inlined, which the policy would block:
the router answers a made-up path on the live server's origin with node_modules/axe-core/axe.min.js, and
`script-src 'self'` allows it. That is also about 0.25 seconds a page faster than `add_script_tag(content=...)`.
"""

import importlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in this thread; Django's ORM is used from the same thread by the tests.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

from django_otp.oath import totp  # noqa: E402
from django_otp.plugins.otp_totp.models import TOTPDevice  # noqa: E402
from playwright.sync_api import expect, sync_playwright  # noqa: E402

HERE = Path(__file__).resolve().parent
PROJECT_DIR = HERE.parent.parent
AXE_SOURCE_PATH = PROJECT_DIR / "node_modules" / "axe-core" / "axe.min.js"
AXE_PATH = "/__browser-tests__/axe.min.js"  # answered by the test's router, never by the service
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
TIMEOUT_MS = 10_000
PASSWORD = "a long browser-test password"


def pytest_collection_modifyitems(config, items):
    """Mark every test in this folder `browser`, with a transactional database the live server thread can see.

    A transactional test empties every table when it ends, so only the first browser test sees the reference data the
    migrations load (bank holidays, organisations): these tests make what they need, or ask for the `reference_data`
    fixture. pytest-django runs transactional tests after the others, so no other test loses that data. A test can
    also say `@pytest.mark.django_db(transaction=True, serialized_rollback=True)` (a test's or module's own marker is
    kept); that serialises the whole database once per session, so it fails while any installed app has models
    without migrations.
    """
    for item in items:
        if HERE in Path(item.path).resolve().parents:
            item.add_marker(pytest.mark.browser)
            if item.get_closest_marker("django_db") is None:
                item.add_marker(pytest.mark.django_db(transaction=True))


# --- the browser -------------------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def new_context(browser, live_server):
    """Make a browser context on the live server, with the service's Content-Security-Policy in force.

    At teardown the test fails if any page asked another host for anything, broke the service's own
    Content-Security-Policy, or threw a JavaScript error.
    """
    contexts = []
    third_party = []
    page_errors = []
    origin = live_server.url
    axe_url = f"{origin}{AXE_PATH}"

    def route(route):
        url = route.request.url
        if url == axe_url:
            # axe is served as if from the service's own origin, so `script-src 'self'` lets it run unaltered.
            route.fulfill(body=_axe_source(), content_type="text/javascript")
        elif url == origin or url.startswith(f"{origin}/") or url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            third_party.append(url)
            route.abort()

    def console(message):
        if message.type == "error" and "Content Security Policy" in message.text:
            page_errors.append(f"{message.page.url if message.page else ''}: {message.text}")

    def make(**options):
        context = browser.new_context(base_url=origin, **options)
        context.set_default_timeout(TIMEOUT_MS)
        context.route("**/*", route)
        context.on("console", console)
        context.on(
            "weberror", lambda error: page_errors.append(f"{error.page.url if error.page else ''}: {error.error}")
        )
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()
    assert not third_party, "The service asked another host for something:\n" + "\n".join(third_party)
    assert not page_errors, "A page broke its Content-Security-Policy or threw an error:\n" + "\n".join(page_errors)


@pytest.fixture
def page(new_context):
    return new_context().new_page()


# --- accessibility -----------------------------------------------------------------------------------------------

_AXE_RUN = """
async (tags) => {
  const results = await axe.run(document, {runOnly: {type: "tag", values: tags}});
  return results.violations
    .map((v) => ({...v, nodes: v.nodes.filter((n) => !isGovukConditionalRevealRadio(v, n))}))
    .filter((v) => v.nodes.length > 0)
    .map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      targets: v.nodes.map((n) => n.target.join(" ")),
    }));

  // GOV.UK Frontend's one known, deliberate axe failure: a radio that reveals a conditional question carries
  // aria-expanded, which ARIA does not yet allow on radios (w3c/aria#1404). The Design System keeps it because screen
  // readers announce it (alphagov/govuk-frontend#979, listed in #1280). Only that attribute on such a radio is let
  // through; anything else on the same element still fails.
  function isGovukConditionalRevealRadio(violation, node) {
    if (violation.id !== "aria-allowed-attr" || node.target.length !== 1) return false;
    const element = document.querySelector(node.target[0]);
    const attributes = [...node.any, ...node.all, ...node.none].flatMap((check) => check.data || []);
    return Boolean(element)
      && element.matches("input[type=radio].govuk-radios__input[aria-controls]")
      && attributes.length > 0
      && attributes.every((attribute) => String(attribute).startsWith("aria-expanded="));
  }
}
"""


def _axe_source():
    if not hasattr(_axe_source, "text"):
        _axe_source.text = AXE_SOURCE_PATH.read_text(encoding="utf-8")
    return _axe_source.text


def axe_violations(page):
    """The page's WCAG A and AA violations, as axe finds them. Needs JavaScript enabled in the page's context."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.add_script_tag(url=AXE_PATH)
    return page.evaluate(_AXE_RUN, WCAG_TAGS)


def assert_accessible(page):
    """Run axe (WCAG 2.0, 2.1 and 2.2 A and AA rules) on the page as it is now, and fail on any violation."""
    violations = axe_violations(page)
    if violations:
        lines = [f"axe found {len(violations)} accessibility violation(s) on {page.url} ({page.title()!r}):"]
        for v in violations:
            lines.append(f"- {v['id']} ({v['impact']}): {v['help']} <{v['helpUrl']}>")
            lines.extend(f"    {target}" for target in v["targets"])
        pytest.fail("\n".join(lines), pytrace=False)


def visit(page, path, *, status=None):
    """Go to `path`, check the response (any status below 400, unless `status` is given) and run axe."""
    response = page.goto(path)
    assert response is not None, f"No response for {path}"
    if status is None:
        assert response.status < 400, f"{path} answered {response.status}"
    else:
        assert response.status == status, f"{path} answered {response.status}, not {status}"
    assert_accessible(page)
    return response


def submit(page, button, *, status=None):
    """Press the button named `button`, wait for the page the form leads to, check its status and run axe."""
    with page.expect_navigation() as navigation:
        page.get_by_role("button", name=button, exact=True).click()
    response = navigation.value
    assert response is not None, f"No response after pressing {button!r}"
    if status is None:
        assert response.status < 400, f"Pressing {button!r} led to {response.status} at {page.url}"
    else:
        assert response.status == status, f"Pressing {button!r} led to {response.status}, not {status}"
    assert_accessible(page)
    return response


def follow(page, link, *, status=None):
    """Follow the link (or button-styled link) named `link`, check the page it leads to and run axe.

    GOV.UK Frontend gives a link styled as a button (`govukButton` with an `href`) the role "button", so a link is
    looked for under either role; a real <button> is left to `submit`.
    """
    as_link = page.get_by_role("link", name=link, exact=True)
    as_button = page.locator("a[href]").and_(page.get_by_role("button", name=link, exact=True))
    with page.expect_navigation() as navigation:
        as_link.or_(as_button).first.click()
    response = navigation.value
    assert response is not None, f"No response after following {link!r}"
    if status is None:
        assert response.status < 400, f"Following {link!r} led to {response.status} at {page.url}"
    else:
        assert response.status == status, f"Following {link!r} led to {response.status}, not {status}"
    assert_accessible(page)
    return response


def sign_in(page, email, password=PASSWORD):
    """Sign in with an email address and password, as far as the page that follows (a code page, for some)."""
    visit(page, "/sign-in")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password", exact=True).fill(password)
    submit(page, "Sign in")


def date_input(page, legend, date):
    """Fill in the GOV.UK date input whose fieldset's legend is `legend`."""
    group = page.get_by_role("group", name=legend)
    group.get_by_label("Day").fill(str(date.day))
    group.get_by_label("Month").fill(str(date.month))
    group.get_by_label("Year").fill(str(date.year))


def expect_error_summary(page, *messages):
    """The page shows the GOV.UK error summary, linking to each of `messages`, and its title starts "Error: "."""
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_visible()
    expect(summary.get_by_role("heading")).to_have_text("There is a problem")
    for message in messages:
        expect(summary.get_by_role("link", name=message)).to_be_visible()
    expect(page).to_have_title(re.compile(r"^Error: "))


# --- people ------------------------------------------------------------------------------------------------------


def current_code(device):
    """The 6-digit code an authenticator app holding `device`'s key would show now."""
    device.refresh_from_db()
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):0{device.digits}d}"


@dataclass
class Person:
    """Someone the test signs in as. Everyone who can change the public record has a second factor (ADR 0019): an
    authenticator app whose key the test knows, or backup codes, each of which works once."""

    user: object
    email: str
    password: str = PASSWORD
    device: TOTPDevice | None = None
    backup_codes: list = field(default_factory=list)

    def current_code(self):
        return current_code(self.device)

    def security_code(self):
        """The code to enter now: what their app shows, or their next unused backup code."""
        if self.device is not None:
            return self.current_code()
        assert self.backup_codes, f"{self.email} has no authenticator app and no backup codes left"
        return self.backup_codes.pop(0)


def with_authenticator_app(user):
    """`user` as a Person with an authenticator app already set up."""
    device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)
    return Person(user=user, email=user.email, device=device)


def with_backup_codes(user):
    """`user` as a Person who signs in with backup codes, as the demonstration accounts do."""
    from followthrough.accounts import services

    TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)
    return Person(user=user, email=user.email, backup_codes=services.backup_codes_replace(user=user))


def sign_in_as(page, person, *, lands_on):
    """Sign in with the person's password and a security code, and land on `lands_on`, the heading of their own work."""
    sign_in(page, person.email, person.password)
    expect(page.get_by_role("heading", level=1)).to_have_text("Enter your security code")
    page.get_by_label("Code", exact=True).fill(person.security_code())
    submit(page, "Continue")
    expect(page.get_by_role("heading", level=1)).to_have_text(lands_on)


@pytest.fixture
def hmicfrs(transactional_db):
    """The inspectorate, whether or not the reference organisations are loaded."""
    from followthrough.organisations.models import Kind, Organisation

    organisation, _ = Organisation.objects.get_or_create(
        code="hmicfrs",
        defaults={
            "name": "His Majesty's Inspectorate of Constabulary and Fire & Rescue Services",
            "kind": Kind.NATIONAL_BODY,
        },
    )
    return organisation


def _administrator(organisation, *, email, full_name):
    from followthrough.accounts.models import User
    from followthrough.organisations.models import Membership, Role

    user = User.objects.create_user(email, PASSWORD, full_name=full_name)
    Membership.objects.create(user=user, organisation=organisation, role=Role.ADMINISTRATOR)
    return user


@pytest.fixture
def administrator(hmicfrs):
    """An administrator with an authenticator app already set up: the test knows its key, so can make codes."""
    user = _administrator(hmicfrs, email="ada.admin@example.gov.uk", full_name="Ada Admin")
    device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)
    return Person(user=user, email=user.email, device=device)


@pytest.fixture
def new_administrator(hmicfrs):
    """An administrator who has not yet set up two-factor authentication."""
    user = _administrator(hmicfrs, email="nia.new@example.gov.uk", full_name="Nia New")
    return Person(user=user, email=user.email)


# The data migrations that load reference data, and the function in each that loads it.
REFERENCE_DATA_LOADERS = [
    ("followthrough.organisations.migrations.0002_load_reference_data", "load"),
    ("followthrough.calendar.migrations.0002_seed_england_and_wales_bank_holidays", "seed"),
    ("followthrough.calendar.migrations.0004_christmas_day_and_good_friday_are_the_rules_not_rows", "remove"),
]


@pytest.fixture
def reference_data(transactional_db):
    """The organisations, their oversight, addressee groups and bank holidays, loaded as the data migrations load them.

    It calls the migrations' own functions with the live app registry, so tests run on the service's real reference
    data. Both match existing rows, so it is harmless when the database still holds the migrated data.
    """
    from django.apps import apps

    for module, loader in REFERENCE_DATA_LOADERS:
        getattr(importlib.import_module(module), loader)(apps, None)


@pytest.fixture(autouse=True)
def fresh_content_type_cache():
    """Transactional tests empty and refill the content type table; cached ids from earlier tests would be stale."""
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.clear_cache()
    yield
    ContentType.objects.clear_cache()
