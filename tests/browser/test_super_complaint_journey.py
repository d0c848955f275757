"""A super-complaint's life in a real browser, with axe run on every page it passes through.

A designated body lodges it, an inspectorate caseworker acknowledges it, records the joint eligibility decision and
the investigation plan, then drafts the report on it, adds two recommendations and publishes them; a member of the
public finds the complaint and reads the report, its addressees and their due dates.

The journey runs on the reference data the migrations load (Hestia, the three authorities, the 43 territorial forces,
the Home Office, the addressee groups and the bank holidays), loaded again by the conftest's `reference_data` fixture.
"""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from followthrough.accounts.models import User
from followthrough.calendar import deadlines
from followthrough.calendar.services import current_calendar
from followthrough.core.formatting import long_date, weekday_date
from followthrough.notifications.models import Email
from followthrough.organisations.models import AddresseeGroup, Membership, Organisation, Role

from .conftest import (
    PASSWORD,
    date_input,
    expect_error_summary,
    follow,
    sign_in_as,
    submit,
    visit,
    with_authenticator_app,
    with_backup_codes,
)

TITLE = "Underground lives: police responses to victims of modern slavery"
REPORT_TITLE = "The hidden victims: report on the super-complaint on modern slavery"
EVIDENCE_NAME = "underground-lives.pdf"
PROGRESS, CLOCKS = "#progress + .govuk-summary-list", "#clocks + .govuk-summary-list"  # on a complaint's pages


def small_pdf():
    """A one-page PDF with a correct cross-reference table: real enough for a PDF reader, and for `filetype`."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
    ]
    pdf = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    pdf += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(pdf)


@pytest.fixture(autouse=True)
def evidence_folder(settings, tmp_path):
    """Uploaded evidence goes to this test's own folder, not the shared test-uploads one."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def hestia_user(reference_data):
    """A designated body user at Hestia, which the reference data designates."""
    hestia = Organisation.objects.get(code="hestia")
    user = User.objects.create_user("harper.hestia@example.org.uk", PASSWORD, full_name="Harper Hestia")
    Membership.objects.create(user=user, organisation=hestia, role=Role.DESIGNATED_BODY_USER)
    return with_backup_codes(user)


@pytest.fixture
def caseworker(reference_data):
    """An inspectorate caseworker with an authenticator app already set up."""
    hmicfrs = Organisation.objects.get(code="hmicfrs")
    user = User.objects.create_user("casey.caseworker@example.gov.uk", PASSWORD, full_name="Casey Caseworker")
    Membership.objects.create(user=user, organisation=hmicfrs, role=Role.CASEWORKER)
    return with_authenticator_app(user)


def heading(page):
    return page.get_by_role("heading", level=1)


def expect_success(page, text):
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text(text)


def summary_row(page, key, *, within="main"):
    """The summary list row whose key is exactly `key`, in the part of the page `within` selects."""
    exact_key = page.locator(".govuk-summary-list__key", has_text=re.compile(rf"^\s*{re.escape(key)}\s*$"))
    return page.locator(within).locator(".govuk-summary-list__row", has=exact_key)


def test_a_super_complaint_goes_from_lodging_to_a_published_report_the_public_can_read(
    new_context, hestia_user, caseworker
):
    today = timezone.localdate()
    reference = f"SC-{today.year}-0001"
    acknowledgement = deadlines.working_days(count=5, start=today, calendar=current_calendar())
    chief_constables = AddresseeGroup.objects.get(code="territorial-chief-constables").resolve(today).count()
    assert chief_constables > 1, "The reference data should put the territorial forces in the group"

    lodge(new_context().new_page(), hestia_user, today=today, reference=reference, acknowledgement=acknowledgement)

    casework_page = new_context().new_page()
    decide(casework_page, caseworker, today=today, reference=reference, acknowledgement=acknowledgement)
    slug = publish_report(casework_page, today=today, reference=reference, chief_constables=chief_constables)

    read_as_the_public(
        new_context().new_page(), today=today, reference=reference, slug=slug, chief_constables=chief_constables
    )

    # Each step the inspectorate owed the complainant was told to them once, through the outbox (ADR 0022).
    told = list(
        Email.objects.filter(to=hestia_user.email, subject__contains=reference).values_list("subject", flat=True)
    )
    assert len(told) == len(set(told)), told
    assert {
        f"Received: super-complaint {reference}",
        f"Acknowledged: super-complaint {reference}",
        f"Eligibility decided: super-complaint {reference}",
        f"Report published: super-complaint {reference}",
    } <= set(told), told


def lodge(page, person, *, today, reference, acknowledgement):
    """Hestia's user answers the questions one page at a time, uploads a PDF, checks the answers and submits."""
    sign_in_as(page, person, lands_on="Your super-complaints")
    follow(page, "Your super-complaints")
    expect(heading(page)).to_have_text("Your super-complaints")
    expect(page.get_by_text("You have no drafts.")).to_be_visible()

    follow(page, "Start a new super-complaint")
    expect(heading(page)).to_have_text("What is the title of your super-complaint?")
    page.get_by_label("What is the title of your super-complaint?").fill(TITLE)
    submit(page, "Save and continue")

    expect(heading(page)).to_have_text("What features of policing is the complaint about?")
    page.get_by_label("What features of policing is the complaint about?").fill(
        "How forces identify and respond to victims of modern slavery.\n\nVictims are treated as offenders."
    )
    submit(page, "Save and continue")

    expect(heading(page)).to_have_text("Which police forces is the complaint about?")
    page.get_by_label("Choose forces", exact=True).check()
    page.get_by_label("Warwickshire Police", exact=True).check()
    page.get_by_label("West Mercia Police", exact=True).check()
    submit(page, "Save and continue")

    expect(heading(page)).to_have_text("Why do these features significantly harm the interests of the public?")
    page.get_by_label("Why do these features significantly harm the interests of the public?").fill(
        "Victims are not identified, so they are not protected and offenders are not prosecuted."
    )
    submit(page, "Save and continue")

    expect(heading(page)).to_have_text("What is your evidence?")
    page.get_by_label("What is your evidence?").fill("Our report Underground lives, from interviews with victims.")
    submit(page, "Save and continue")

    expect(heading(page)).to_have_text("Upload your evidence")
    page.get_by_label("Upload a file").set_input_files(
        {"name": EVIDENCE_NAME, "mimeType": "application/pdf", "buffer": small_pdf()}
    )
    submit(page, "Upload file")
    expect_success(page, f"{EVIDENCE_NAME} has been uploaded")
    expect(summary_row(page, EVIDENCE_NAME)).to_contain_text(f"{len(small_pdf())} bytes")
    follow(page, "Continue")

    expect(heading(page)).to_have_text("Who can we contact about the super-complaint?")
    page.get_by_label("Full name").fill("Harper Hestia")
    page.get_by_label("Role (optional)").fill("Head of policy")
    page.get_by_label("Email address").fill("harper.hestia@example.org.uk")
    submit(page, "Save and continue")

    expect(heading(page)).to_have_text("Check your answers before submitting your super-complaint")
    expect(summary_row(page, "Title")).to_contain_text(TITLE)
    expect(summary_row(page, "Forces concerned")).to_contain_text("Warwickshire Police, West Mercia Police")
    expect(summary_row(page, "Evidence files")).to_contain_text(EVIDENCE_NAME)
    expect(summary_row(page, "Person to contact")).to_contain_text("Head of policy")
    submit(page, "Submit super-complaint")

    expect(heading(page)).to_have_text("Super-complaint submitted")
    expect(page.locator(".govuk-panel__body")).to_contain_text("Your reference")
    expect(page.locator(".govuk-panel__body strong")).to_have_text(reference)
    expect(page.get_by_text(f"HMICFRS received your super-complaint on {long_date(today)}.")).to_be_visible()
    expect(page.get_by_text(f"HMICFRS must acknowledge it by {weekday_date(acknowledgement.due)}.")).to_be_visible()
    explanation = page.locator(".app-explanation").first
    expect(explanation).to_contain_text(
        f"The law (regulation 5) gives 5 working days beginning with {weekday_date(today)}, not counting Saturdays, "
        "Sundays, Christmas Day, Good Friday or bank holidays in England and Wales."
    )
    expect(explanation).to_contain_text(f"The last day is {weekday_date(acknowledgement.due)}.")


def decide(page, person, *, today, reference, acknowledgement):
    """A caseworker acknowledges the complaint, records the joint eligibility decision and the investigation plan."""
    sign_in_as(page, person, lands_on="Super-complaints")
    follow(page, "Casework")
    expect(heading(page)).to_have_text("Super-complaints")
    row = page.get_by_role("row", name=re.compile(reference))
    expect(row).to_contain_text(TITLE)
    expect(row).to_contain_text("Received")
    expect(row).to_contain_text(f"Due {long_date(acknowledgement.due)}")
    follow(page, reference)

    expect(heading(page)).to_have_text(TITLE)
    expect(summary_row(page, "Reference")).to_contain_text(reference)
    # The caseworker can read the evidence the body sent, byte for byte.
    with page.expect_download() as download:
        page.get_by_role("link", name=f"Download {EVIDENCE_NAME}").click()
    assert download.value.suggested_filename == EVIDENCE_NAME
    with open(download.value.path(), "rb") as evidence:
        assert evidence.read() == small_pdf()

    follow(page, "Acknowledge the super-complaint")
    expect(heading(page)).to_have_text("Acknowledge the super-complaint")
    expect(page.locator(".govuk-inset-text")).to_contain_text(f"Due by {weekday_date(acknowledgement.due)}")
    submit(page, "Record acknowledgement")
    expect_success(page, f"{reference} has been acknowledged")
    expect(summary_row(page, "Acknowledgement", within=CLOCKS)).to_contain_text(
        f"Acknowledged on {long_date(today)}, within the deadline of {long_date(acknowledgement.due)}"
    )

    # The three authorities decide together: a decision only two of them agreed is refused.
    follow(page, "Record the eligibility decision")
    expect(heading(page)).to_have_text("Record the eligibility decision")
    page.get_by_label("Eligible", exact=True).check()
    page.get_by_label("Reasons for the decision").fill("It meets regulation 4 and repeats no earlier complaint.")
    page.get_by_label("HMICFRS", exact=True).check()
    page.get_by_label("The IOPC", exact=True).check()
    submit(page, "Record decision")
    expect_error_summary(
        page, "Select all three authorities: HMICFRS, the IOPC and the College of Policing decide jointly"
    )
    expect(page.get_by_label("Reasons for the decision")).to_have_value(
        "It meets regulation 4 and repeats no earlier complaint."
    )
    page.get_by_label("The College of Policing", exact=True).check()
    submit(page, "Record decision")
    expect_success(page, f"{reference} eligibility decision has been recorded")
    expect(summary_row(page, "Eligibility decision", within=PROGRESS)).to_contain_text(f"Eligible, {long_date(today)}")
    expect(summary_row(page, "Agreed by", within=PROGRESS)).to_contain_text(
        "HMICFRS, the IOPC and the College of Policing"
    )

    follow(page, "Record the investigation plan")
    expect(heading(page)).to_have_text("Record the investigation plan")
    page.get_by_label("His Majesty's Inspectorate of Constabulary and Fire & Rescue Services").check()
    page.get_by_label("Planned activities").fill("Fieldwork in four forces and interviews with support services.")
    submit(page, "Record investigation plan")
    expect_success(page, f"{reference} investigation plan has been recorded")
    expect(summary_row(page, "Investigation led by")).to_contain_text("HMICFRS")


def publish_report(page, *, today, reference, chief_constables):
    """From the eligible complaint's page, the caseworker drafts its report, adds two recommendations and publishes."""
    follow(page, "Add the report on this super-complaint")
    # The form opens with this complaint already chosen as the report's source.
    assert page.url.endswith(f"/casework/reports/new?super-complaint={reference}"), page.url
    expect(heading(page)).to_have_text("Add a report")
    page.get_by_label("Title of the report").fill(REPORT_TITLE)
    expect(page.get_by_label("Super-complaint", exact=True)).to_be_checked()
    chosen = page.get_by_label("Which super-complaint?")
    expect(chosen.locator("option:checked")).to_have_text(f"{reference} (Hestia): {TITLE}")
    date_input(page, "Planned publication date", today)
    page.get_by_label("Who wrote the report").fill("HMICFRS, the College of Policing and the IOPC")
    page.get_by_label("Summary", exact=True).fill("Forces do not identify victims of modern slavery well enough.")
    page.get_by_label("Findings", exact=True).fill("- Victims are missed.\n- Training is patchy.")
    submit(page, "Save draft report")
    expect_success(page, f"Draft report created: {REPORT_TITLE}")
    expect(heading(page)).to_have_text(REPORT_TITLE)
    slug = page.url.rstrip("/").rsplit("/", 1)[-1]
    assert slug, f"No report slug in {page.url}"

    follow(page, "Add a recommendation or action")
    expect(heading(page)).to_have_text("Add a recommendation or action")
    page.get_by_label("Number", exact=True).fill("1")
    page.get_by_label("Text", exact=True).fill("Chief constables should train every officer to identify victims.")
    groups = page.get_by_role("group", name="Groups it is addressed to")
    expect(groups).to_contain_text(f"{chief_constables} organisations on {long_date(today)}")
    groups.get_by_label("Chief constables of the territorial forces", exact=True).check()
    page.get_by_label("Within a number of months of publication").check()
    page.get_by_label("Number of months", exact=True).fill("6")
    submit(page, "Add to the report")
    expect_success(page, "Recommendation 1 added")

    follow(page, "Add a recommendation or action")
    page.get_by_label("Number", exact=True).fill("2")
    page.get_by_label("Text", exact=True).fill("The Home Office should fund a national victim support service.")
    page.get_by_role("group", name="National bodies").get_by_label("Home Office", exact=True).check()
    page.get_by_label("Within a number of days of publication").check()
    page.get_by_label("Number of days", exact=True).fill("28")
    submit(page, "Add to the report")
    expect_success(page, "Recommendation 2 added")
    expect(page.get_by_role("heading", name="Recommendation 1", exact=True)).to_be_visible()
    expect(page.get_by_role("heading", name="Recommendation 2", exact=True)).to_be_visible()

    follow(page, "Publish report")
    expect(heading(page)).to_have_text("Publish the report")
    total = chief_constables + 1
    expect(page.locator("#obligation-total")).to_have_text(f"This will create {total} obligations:")
    expect(page.locator("#obligation-counts li")).to_have_text(
        [
            f"This will create {chief_constables} obligations for Recommendation 1",
            "This will create 1 obligation for Recommendation 2",
        ]
    )
    expect(page.get_by_text(f"The super-complaint {reference} will be recorded as having")).to_be_visible()
    submit(page, "Publish report")
    expect_success(page, f"Report published. {total} obligations created")
    expect(page.locator(".govuk-tag", has_text="Published")).to_be_visible()

    # The complaint's own record now says its report is published.
    follow(page, "Casework")
    expect(page.get_by_role("row", name=re.compile(reference))).to_contain_text("Report published")
    return slug


def read_as_the_public(page, *, today, reference, slug, chief_constables):
    """Anyone finds the complaint, its decision and its report, with each recommendation's addressees and dates."""
    visit(page, "/super-complaints/")
    expect(heading(page)).to_have_text("Super-complaints")
    row = page.get_by_role("row", name=re.compile(reference))
    # Super-complaint, designated body, state, received, eligibility decision, report published.
    expect(row.get_by_role("cell")).to_have_text(
        [
            re.compile(re.escape(TITLE)),
            "Hestia",
            "Report published",
            long_date(today),
            long_date(today),
            long_date(today),
        ]
    )

    follow(page, TITLE)
    expect(heading(page)).to_have_text(TITLE)
    expect(summary_row(page, "Eligibility decision")).to_contain_text(f"Eligible, {long_date(today)}")
    expect(summary_row(page, "Forces concerned")).to_contain_text("Warwickshire Police, West Mercia Police")
    # The caseworkers' record of the investigation stays off the public page.
    expect(page.get_by_text("Fieldwork in four forces")).to_have_count(0)

    follow(page, f"Read the report: {REPORT_TITLE}")
    assert page.url.endswith(f"/reports/{slug}/"), page.url
    expect(heading(page)).to_have_text(REPORT_TITLE)
    expect(summary_row(page, "Source")).to_contain_text(f"Super-complaint {reference} made by Hestia")

    responses_due = deadlines.calendar_days(count=56, start=today).due
    first = page.locator("#recommendation-1")
    expect(first.get_by_role("heading", name="Recommendation 1", exact=True)).to_be_visible()
    expect(first).to_contain_text("Chief constables should train every officer to identify victims.")
    expect(first.locator(".govuk-details__summary")).to_have_text(
        f"Chief constables of the territorial forces ({chief_constables})"
    )
    six_months = deadlines.months(count=6, start=today).due
    expect(first).to_contain_text(f"Within 6 months of publication: by {long_date(six_months)}")
    expect(first).to_contain_text(f"Responses: {chief_constables} responses due by {long_date(responses_due)}")

    second = page.locator("#recommendation-2")
    expect(second.get_by_role("heading", name="Recommendation 2", exact=True)).to_be_visible()
    expect(second).to_contain_text("The Home Office should fund a national victim support service.")
    expect(second.get_by_role("link", name="Home Office", exact=True)).to_be_visible()
    four_weeks = deadlines.calendar_days(count=28, start=today).due
    expect(second).to_contain_text(f"Within 28 days of publication: by {long_date(four_weeks)}")
    expect(second).not_to_contain_text("Responses:")  # the Home Office is not a chief officer or policing body

    follow(page, "Due dates for each addressee of Recommendation 1")
    expect(heading(page)).to_have_text("Recommendation 1")
    expect(page.get_by_role("row", name=re.compile("^Warwickshire Police"))).to_have_text(
        # Each due date says where it comes from (ADR 0018): a super-complaint report sets its own.
        re.compile(
            rf"Warwickshire Police\s*{long_date(responses_due)} Source: set by the report"
            rf"\s*{long_date(six_months)} Source: set by the report"
        )
    )
    expect(page.locator("tbody tr")).to_have_count(chief_constables)
