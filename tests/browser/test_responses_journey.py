"""A response's life in a real browser, with axe run on every page it passes through (issue 4).

The inspectorate has published a report like *The hidden victims*. Warwickshire Police's editor writes the response
to Recommendation 2 point by point, with a planned action, and sends it for sign-off; the force's approver approves
and publishes it; the public reads it, sees Warwickshire counted on the report's matrix and on the force's record.
Then the force claims, in a progress return signed off through the pages, that Recommendation 3 is implemented, and
an inspectorate caseworker assesses the claim: the second key. The public page shows the claim and the assessment.

The report, its recommendations and the people are set up with the services; everything the people do, they do in
the browser. It runs on the reference data (the 43 territorial forces, the addressee groups and the bank holidays)
that the conftest's `reference_data` fixture loads.
"""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from followthrough.calendar import deadlines
from followthrough.core.formatting import long_date
from followthrough.organisations.models import AddresseeGroup, Organisation, Role
from followthrough.reports import services as reports
from followthrough.reports.models import Obligation, Report
from followthrough.responses import services as responses
from followthrough.responses.models import Acceptance
from followthrough.testing.factories import member

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

REPORT_TITLE = "The hidden victims"
WARWICKSHIRE = "Warwickshire Police"
RECOMMENDATION_2 = (
    "Assure themselves that police officers and staff (including non-specialist staff, as appropriate) are supported "
    "through access to learning, specialist policing resources and victim support arrangements, so that officers and "
    "staff are able to:"
)
POINT_1 = "easily access information and advice on modern slavery and human trafficking through their force systems;"
POINT_2 = "identify possible victims of modern slavery;"
RECOMMENDATION_3 = (
    "Assure themselves that their resources are being deployed to enable effective investigation of modern slavery "
    "offences. They should assure themselves that their crime allocation processes direct investigations to the most "
    "appropriately skilled individuals and teams."
)
DONE = "Material on modern slavery and human trafficking is on the force intranet for all officers and staff."
ANSWER_1 = "First response guides, investigator manuals and victim support information are on the force intranet."
ANSWER_2 = "All student officers have half a day of training on modern slavery, including identifying victims."
ACTION = "Train proactive investigation teams in the section 45 defence"
OWNER = "Head of crime"
CLAIM = "32 trained specialist investigators now work across CID, proactive CID and the CATE team."


# --- the people and the report, made with the services -------------------------------------------------------------


@pytest.fixture
def warwickshire(reference_data):
    return Organisation.objects.get(code="warwickshire-police")


@pytest.fixture
def editor(warwickshire):
    user = member(
        Role.EDITOR,
        warwickshire,
        email="eden.editor@warwickshire.police.uk",
        full_name="Eden Editor",
        password=PASSWORD,
    )
    return with_authenticator_app(user)


@pytest.fixture
def approver(warwickshire):
    user = member(
        Role.APPROVER,
        warwickshire,
        email="april.approver@warwickshire.police.uk",
        full_name="April Approver",
        password=PASSWORD,
    )
    return with_authenticator_app(user)


@pytest.fixture
def caseworker(reference_data):
    """An inspectorate caseworker with an authenticator app already set up."""
    user = member(
        Role.CASEWORKER,
        Organisation.objects.get(code="hmicfrs"),
        email="casey.caseworker@example.gov.uk",
        full_name="Casey Caseworker",
        password=PASSWORD,
    )
    return with_backup_codes(user)


@pytest.fixture
def report(caseworker):
    """The report, published today with Recommendations 2 and 3 to the chief constables of the territorial forces,
    and the first progress return of each of Warwickshire's obligations set up (due six months from today)."""
    today = timezone.localdate()
    chief_constables = [AddresseeGroup.objects.get(code="territorial-chief-constables")]
    report = reports.report_create(
        created_by=caseworker.user, title=REPORT_TITLE, source=Report.Source.INSPECTION, planned_on=today
    )
    reports.recommendation_add(
        report=report,
        added_by=caseworker.user,
        number=2,
        text=RECOMMENDATION_2,
        points=[POINT_1, POINT_2],
        groups=chief_constables,
    )
    reports.recommendation_add(
        report=report, added_by=caseworker.user, number=3, text=RECOMMENDATION_3, groups=chief_constables
    )
    reports.report_publish(report=report, published_by=caseworker.user)
    responses.returns_schedule(obligations=list(warwickshire_obligations(report)), until=today)
    return report


def warwickshire_obligations(report):
    return (
        Obligation.casework.select_related("recommendation__report", "organisation")
        .filter(recommendation__report=report, organisation__code="warwickshire-police")
        .order_by("recommendation__number")
    )


# --- finding things on a page ----------------------------------------------------------------------------------------


def heading(page):
    return page.get_by_role("heading", level=1)


def expect_success(page, text):
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text(text)


def summary_row(scope, key):
    """The summary list row whose key is exactly `key`, within `scope` (a page or a part of one)."""
    page = getattr(scope, "page", scope)  # a `has` locator is made from the page, and applies within the scope
    exact_key = page.locator(".govuk-summary-list__key", has_text=re.compile(rf"^\s*{re.escape(key)}\s*$"))
    return scope.locator(".govuk-summary-list__row", has=exact_key)


def card(page, title):
    """The GOV.UK summary card titled exactly `title`."""
    exact_title = page.locator(".govuk-summary-card__title", has_text=re.compile(rf"^\s*{re.escape(title)}\s*$"))
    return page.locator(".govuk-summary-card", has=exact_title)


def table_row(scope, name):
    """The table row whose header cell (the organisation or recommendation) starts with `name`."""
    return scope.get_by_role("row", name=re.compile(rf"^{re.escape(name)}\b"))


def step(words, what):
    """The name of a link whose last words are visually hidden, as in "Approve<span>: response</span>".

    The hidden span is positioned absolutely, so the accessible name Playwright computes has a space before the colon.
    """
    return re.compile(rf"^{re.escape(words)}\s*: {re.escape(what)}$")


def open_obligation(page, number):
    """From anywhere, through "Your obligations", to the page of the organisation's obligation on a recommendation."""
    follow(page, "Your obligations")
    expect(heading(page)).to_have_text("Your obligations")
    follow(page, f"Recommendation {number}")
    expect(heading(page)).to_have_text(f"Recommendation {number}: {REPORT_TITLE}")


# --- the journey -----------------------------------------------------------------------------------------------------


def test_a_force_responds_signs_off_claims_implementation_and_the_inspectorate_assesses_the_claim(
    new_context, report, editor, approver, caseworker
):
    today = timezone.localdate()
    forces = AddresseeGroup.objects.get(code="territorial-chief-constables").resolve(today).count()
    assert forces == 43, f"The reference data should put the 43 territorial forces in the group, not {forces}"
    response_due = deadlines.calendar_days(count=56, start=today).due
    first_return_due = deadlines.months(count=6, start=today).due

    editor_page = new_context().new_page()
    write_the_response(editor_page, editor, today=today, response_due=response_due, first_return_due=first_return_due)

    approver_page = new_context().new_page()
    sign_off_the_response(approver_page, approver, today=today)

    public_page = new_context().new_page()
    read_the_response(public_page, report, today=today, response_due=response_due, forces=forces)

    respond_to_recommendation_3(report, editor, approver, today=today)
    claim_implementation(editor_page, approver_page, today=today, due=first_return_due)

    assess_the_claim(new_context().new_page(), caseworker, today=today)
    read_the_assessment(public_page, report, today=today, forces=forces)


def write_the_response(page, person, *, today, response_due, first_return_due):
    """Warwickshire's editor finds Recommendation 2, writes the response point by point and sends it for sign-off."""
    sign_in_as(page, person, lands_on="Your obligations")
    follow(page, "Your obligations")
    expect(heading(page)).to_have_text("Your obligations")
    expect(page.get_by_role("heading", name=REPORT_TITLE, level=2)).to_be_visible()
    # Recommendation, response due, recommendation due, next progress return, your response, status.
    expect(table_row(page, "Recommendation 2").locator("td")).to_have_text(
        [long_date(response_due), "No date set", long_date(first_return_due), "Not started", "Response not yet due"]
    )
    expect(table_row(page, "Recommendation 3")).to_contain_text("Not started")

    follow(page, "Recommendation 2")
    expect(heading(page)).to_have_text(f"Recommendation 2: {REPORT_TITLE}")
    expect(summary_row(page, "Response due")).to_contain_text(long_date(response_due))
    expect(page.locator("#recommendation ~ ol li")).to_have_text([POINT_1, POINT_2])
    expect(page.get_by_text("You have not started a response.")).to_be_visible()

    # A draft is saved as typed, even empty; it is checked only when it is sent for sign-off.
    follow(page, "Start your response")
    expect(heading(page)).to_have_text("Your response")
    submit(page, "Save draft")
    expect_success(page, "Your draft has been saved")
    expect(page.locator("#response + p .govuk-tag")).to_have_text("Draft")
    follow(page, step("Send for sign-off", "response"))
    expect(heading(page)).to_have_text("Send your response for sign-off")
    submit(page, "Send for sign-off")
    expect_error_summary(
        page, "Select whether the recommendation is accepted", "Say what has been done, or add what will be done"
    )
    expect(heading(page)).to_have_text("Send your response for sign-off")

    # The error links to the question that is missing.
    follow(page, "Select whether the recommendation is accepted")
    expect(heading(page)).to_have_text("Your response")
    assert page.url.endswith("#acceptance"), page.url
    page.get_by_label("Accepted", exact=True).check()
    page.get_by_label("What has been done").fill(DONE)
    page.get_by_label(f"Point 1: {POINT_1}", exact=True).fill(ANSWER_1)
    page.get_by_label(f"Point 2: {POINT_2}", exact=True).fill(ANSWER_2)
    submit(page, "Save draft")
    expect_success(page, "Your draft has been saved")
    draft = card(page, "Draft response")
    expect(summary_row(draft, "Do you accept the recommendation?")).to_contain_text("Accepted")
    expect(summary_row(draft, "What has been done")).to_contain_text(DONE)
    expect(summary_row(draft, "Point 1")).to_contain_text(POINT_1)
    expect(summary_row(draft, "Point 1")).to_contain_text(ANSWER_1)
    expect(summary_row(draft, "Point 2")).to_contain_text(ANSWER_2)
    expect(summary_row(draft, "What will be done")).to_contain_text("No planned actions")

    target = deadlines.months(count=3, start=today).due
    follow(page, "Add a planned action (Draft response)")
    expect(heading(page)).to_have_text("Add a planned action")
    page.get_by_label("What will be done").fill(ACTION)
    page.get_by_label("Who owns the action").fill(OWNER)
    date_input(page, "Target date", target)
    submit(page, "Save action")
    expect_success(page, "Planned action added")
    action = summary_row(card(page, "Draft response"), "Planned action 1")
    expect(action).to_contain_text(ACTION)
    expect(action).to_contain_text(f"Owner: {OWNER}")
    expect(action).to_contain_text(f"Target date: {long_date(target)}")

    follow(page, step("Send for sign-off", "response"))
    expect(heading(page)).to_have_text("Send your response for sign-off")
    expect(summary_row(page.locator("#summary"), "Planned action 1")).to_contain_text(ACTION)
    submit(page, "Send for sign-off")
    expect_success(page, "Response sent for sign-off")
    expect(page.locator("#response + p .govuk-tag")).to_have_text("Waiting for sign-off")
    expect(page.get_by_text(f"Sent for sign-off on {long_date(today)}.")).to_be_visible()
    # The drafter cannot approve it: that is for an approver, the organisation's sign-off.
    expect(page.get_by_role("button", name=re.compile(r"^(Approve|Publish)"))).to_have_count(0)
    # Nor change it while it waits.
    expect(card(page, "Draft response")).to_contain_text(ACTION)
    expect(card(page, "Draft response").get_by_role("link", name=re.compile(r"^(Change|Add|Remove)"))).to_have_count(0)

    follow(page, "Your obligations")
    expect(table_row(page, "Recommendation 2")).to_contain_text("Response: waiting for sign-off")


def sign_off_the_response(page, person, *, today):
    """Warwickshire's approver sees the response waiting, approves it and publishes it with today's date."""
    sign_in_as(page, person, lands_on="Your obligations")
    follow(page, "Your obligations")
    expect(table_row(page, "Recommendation 2")).to_contain_text("Response: waiting for sign-off")
    follow(page, "Recommendation 2")
    expect(page.locator("#response + p .govuk-tag")).to_have_text("Waiting for sign-off")

    follow(page, step("Approve", "response"))
    expect(heading(page)).to_have_text("Approve the response")
    expect(page.get_by_text(f"It was sent for sign-off on {long_date(today)}.")).to_be_visible()
    summary = page.locator("#summary")
    expect(summary_row(summary, "Point 1")).to_contain_text(ANSWER_1)
    expect(summary_row(summary, "Planned action 1")).to_contain_text(ACTION)
    submit(page, "Approve")
    expect_success(page, "Response approved")
    expect(page.locator("#response + p .govuk-tag")).to_have_text("Approved, not yet published")

    follow(page, step("Publish", "response"))
    expect(heading(page)).to_have_text("Publish the response")
    expect(page.locator(".govuk-warning-text")).to_contain_text("Once published, it is public")
    expect(page.get_by_role("group", name="Publication date")).to_have_count(0)  # the date is the server's
    submit(page, "Publish")
    expect_success(page, "Response published")
    expect(page.get_by_text("Nothing has been published yet.")).to_have_count(0)
    published = card(page, f"Version 1, published {long_date(today)}")
    expect(published).to_be_visible()
    expect(summary_row(published, "Point 2")).to_contain_text(ANSWER_2)
    expect(page.get_by_role("button", name="Correct the published response")).to_be_visible()
    expect(page.get_by_role("list", name="History").locator(".app-timeline__title").first).to_have_text(
        "Response published"
    )

    follow(page, "Your obligations")
    expect(table_row(page, "Recommendation 2")).to_contain_text(f"Published {long_date(today)}")
    expect(table_row(page, "Recommendation 2")).to_contain_text("Responded")


def read_the_response(page, report, *, today, response_due, forces):
    """Anyone reads the response as Warwickshire published it, and finds it on the matrix and the force's record."""
    visit(page, f"/reports/{report.slug}/responses/warwickshire-police/")
    expect(heading(page)).to_have_text(f"{WARWICKSHIRE}'s response to {REPORT_TITLE}")

    # The recommendation's words, then the force's answer: accepted, what has been done, each point, the plan.
    section = page.locator("#recommendation-2")
    expect(section.get_by_role("heading", name="Recommendation 2", exact=True)).to_be_visible()
    expect(section.locator(".app-recommendation-text")).to_contain_text(RECOMMENDATION_2)
    expect(section.get_by_role("heading", name=f"{WARWICKSHIRE}’s response")).to_be_visible()
    expect(section.get_by_text(f"Published {long_date(today)}", exact=True)).to_be_visible()
    expect(summary_row(section, "Acceptance")).to_contain_text("Accepted")
    expect(section.locator("#recommendation-2-latest-done + p")).to_have_text(DONE)
    points = section.locator(".app-point-answers > li")
    expect(points).to_have_count(2)
    expect(points.nth(0)).to_contain_text(POINT_1)
    expect(points.nth(0)).to_contain_text(ANSWER_1)
    expect(points.nth(1)).to_contain_text(POINT_2)
    expect(points.nth(1)).to_contain_text(ANSWER_2)
    plan = section.get_by_role("table", name="What will be done")
    expect(plan.locator("tbody tr td")).to_have_text(
        [ACTION, OWNER, long_date(deadlines.months(count=3, start=today).due)]
    )
    # The recommendation before the answer, as the force's own published response reads.
    text_box = section.locator(".app-recommendation-text").bounding_box()
    answer_box = points.nth(0).bounding_box()
    assert text_box["y"] < answer_box["y"], "The recommendation's words should come before the answer"

    # Recommendation 3 has no response yet, and says when one is due.
    expect(page.locator("#recommendation-3")).to_contain_text(
        f"No response published yet. It is due by {long_date(response_due)}."
    )
    history = page.get_by_role("list", name="History").locator(".app-timeline__item")
    expect(history.first.locator(".app-timeline__title")).to_have_text("Recommendation 2: Response published")
    expect(history.first.locator(".app-timeline__meta")).to_contain_text(f"by {WARWICKSHIRE}")

    follow(page, "All responses to this report")
    expect(heading(page)).to_have_text(f"Responses to {REPORT_TITLE}")
    matrix = page.locator("#recommendation-2")
    expect(matrix.locator("h2 + p")).to_have_text(f"1 of {forces} have responded")
    warwickshire = table_row(matrix, WARWICKSHIRE)
    # Organisation, response, implementation, state in words.
    expect(warwickshire.locator("td")).to_have_text(
        [f"Accepted, published {long_date(today)}", "No progress return yet", "Responded"]
    )
    expect(table_row(matrix, "West Mercia Police").locator("td").nth(2)).to_have_text("Response not yet due")
    expect(page.locator("#recommendation-3 h2 + p")).to_have_text(f"0 of {forces} have responded")
    # Only the forces that have responded, when the matrix is filtered by state.
    page.get_by_label("State").select_option(label="Responded")
    submit(page, "Apply filters")
    expect(page.locator("#recommendation-2 tbody tr")).to_have_count(1)
    expect(page.locator("#recommendation-2 caption")).to_have_text(f"1 of {forces} addressees match the filters")
    expect(page.locator("#recommendation-3")).to_contain_text(f"None of the {forces} addressees match the filters.")

    follow(page, step(WARWICKSHIRE, "response to Recommendation 2"))
    expect(heading(page)).to_have_text(f"{WARWICKSHIRE}'s response to {REPORT_TITLE}")
    follow(page, f"{WARWICKSHIRE}’s record across all reports")
    expect(heading(page)).to_have_text(f"{WARWICKSHIRE}: record on recommendations")
    expect(page.locator("#record-counts")).to_have_text(
        "2 recommendations: 1 responded on time, 0 late, 0 overdue, 1 not yet due; 0 assessed complete"
    )
    record = page.get_by_role("table", name=f"{WARWICKSHIRE}’s record on {REPORT_TITLE}")
    expect(table_row(record, "Recommendation 2").locator("td")).to_have_text(
        [
            f"On time: accepted, published {long_date(today)} (due {long_date(response_due)})",
            "No progress return yet",
            "Not claimed as implemented",
        ]
    )
    expect(table_row(record, "Recommendation 3").locator("td").first).to_have_text(
        f"Not yet due: due {long_date(response_due)}"
    )


def respond_to_recommendation_3(report, editor, approver, *, today):
    """Warwickshire's response to Recommendation 3, published through the services to keep the journey short."""
    obligation = warwickshire_obligations(report).get(recommendation__number=3)
    version = responses.response_start(obligation=obligation, started_by=editor.user)
    responses.response_save(
        version=version,
        saved_by=editor.user,
        acceptance=Acceptance.ACCEPTED,
        done="Modern slavery investigations are allocated to local CID teams, with an escalation procedure.",
    )
    responses.response_submit(version=version, submitted_by=editor.user)
    responses.response_approve(version=version, approved_by=approver.user)
    responses.response_publish(version=version, published_by=approver.user)


def claim_implementation(editor_page, approver_page, *, today, due):
    """The editor writes progress return 1 on Recommendation 3, claiming it implemented; the approver publishes it."""
    page = editor_page
    open_obligation(page, 3)
    first_return = card(page, "Progress return 1")
    expect(summary_row(first_return, "Due")).to_contain_text(long_date(due))
    expect(summary_row(first_return, "State")).to_contain_text("Not started")
    follow(page, "Write the return (Progress return 1)")
    expect(heading(page)).to_have_text("Progress return 1")
    expect(page.get_by_text(f"Due {long_date(due)}.")).to_be_visible()
    page.get_by_label("Implemented (claimed)", exact=True).check()
    page.get_by_label("What progress has been made since the last return?").fill(CLAIM)
    submit(page, "Save draft")
    expect_success(page, "Progress return 1 saved")
    first_return = card(page, "Progress return 1")
    expect(summary_row(first_return, "How far it has been implemented")).to_have_text(
        re.compile(r"Implemented \(claimed\)")
    )
    expect(summary_row(first_return, "Progress")).to_contain_text(CLAIM)

    follow(page, step("Send for sign-off", "progress return 1"))
    expect(heading(page)).to_have_text("Send progress return 1 for sign-off")
    submit(page, "Send for sign-off")
    expect_success(page, "Progress return 1 sent for sign-off")
    expect(summary_row(card(page, "Progress return 1"), "State")).to_contain_text("Waiting for sign-off")
    expect(page.get_by_role("button", name=step("Approve", "progress return 1"))).to_have_count(0)

    page = approver_page
    open_obligation(page, 3)
    expect(summary_row(card(page, "Progress return 1"), "State")).to_contain_text("Waiting for sign-off")
    follow(page, step("Approve", "progress return 1"))
    expect(heading(page)).to_have_text("Approve progress return 1")
    expect(summary_row(page.locator("#summary"), "Progress")).to_contain_text(CLAIM)
    submit(page, "Approve")
    expect_success(page, "Progress return 1 approved")
    follow(page, step("Publish", "progress return 1"))
    expect(heading(page)).to_have_text("Publish progress return 1")
    submit(page, "Publish")
    expect_success(page, "Progress return 1 published")
    expect(summary_row(card(page, "Progress return 1"), "State")).to_contain_text(f"Published {long_date(today)}")


def assess_the_claim(page, person, *, today):
    """A caseworker signs in with two-factor, refuses an assessment without reasons, then assesses it complete."""
    sign_in_as(page, person, lands_on="Super-complaints")
    follow(page, "Assessments")
    expect(heading(page)).to_have_text("Claims of implementation to assess")
    waiting = page.get_by_role("table", name="Waiting for assessment")
    claim_name = f"{WARWICKSHIRE}: Recommendation 3"
    expect(waiting.get_by_role("row", name=re.compile(re.escape(claim_name))).locator("td")).to_have_text(
        [re.compile(re.escape(claim_name)), long_date(today), "Not assessed"]
    )
    expect(page.get_by_text("No claims have been assessed yet.")).to_be_visible()

    follow(page, claim_name)
    expect(heading(page)).to_have_text(f"Assess {WARWICKSHIRE}'s claim on Recommendation 3")
    claim = page.locator("#claim").locator("..")
    expect(summary_row(claim, "Claimed by")).to_contain_text(WARWICKSHIRE)
    expect(summary_row(claim, "Status claimed")).to_contain_text("Implemented (claimed)")
    expect(summary_row(claim, "Approved by")).to_contain_text(f"April Approver, {long_date(today)}")
    expect(summary_row(claim, "Published")).to_contain_text(f"{long_date(today)} by April Approver")
    expect(claim).to_contain_text(CLAIM)
    assessment = page.locator("#assessment").locator("..")
    expect(assessment).to_contain_text("Not assessed yet.")

    # "Not complete" needs reasons: the error says so, and the answer given is kept.
    page.get_by_label("Not complete", exact=True).check()
    submit(page, "Record and publish the assessment")
    expect_error_summary(page, "Give the reasons for the assessment")
    expect(page.get_by_label("Not complete", exact=True)).to_be_checked()
    expect(assessment).to_contain_text("Not assessed yet.")

    page.get_by_label("Complete", exact=True).check()
    submit(page, "Record and publish the assessment")
    expect_success(page, "Assessment recorded and published")
    expect(assessment.get_by_role("heading", level=3)).to_have_text(
        f"Assessed by Casey Caseworker on {long_date(today)}: assessed complete"
    )
    expect(summary_row(claim, "Status claimed")).to_contain_text("Implemented (claimed)")
    # The claim and the assessment sit side by side, the claim first.
    claim_box, assessment_box = claim.bounding_box(), assessment.bounding_box()
    assert claim_box["x"] + claim_box["width"] <= assessment_box["x"], (claim_box, assessment_box)
    assert abs(claim_box["y"] - assessment_box["y"]) < 1, (claim_box, assessment_box)
    expect(page.get_by_role("button", name="Reopen the assessment")).to_be_visible()

    follow(page, "All claims")
    assessed = page.get_by_role("table", name="Assessed")
    expect(assessed.get_by_role("row", name=re.compile(re.escape(claim_name))).locator("td").last).to_have_text(
        f"Assessed complete on {long_date(today)}"
    )
    expect(page.get_by_text("No claims are waiting for assessment.")).to_be_visible()


def read_the_assessment(page, report, *, today, forces):
    """The public response page shows the claim beside the inspectorate's assessment; the matrix counts it."""
    visit(page, f"/reports/{report.slug}/responses/warwickshire-police/")
    section = page.locator("#recommendation-3")
    progress = section.locator("#recommendation-3-return-1")
    expect(summary_row(progress, "Status")).to_contain_text("Implemented (claimed)")
    expect(summary_row(progress, "Published")).to_contain_text(long_date(today))
    expect(progress).to_contain_text(CLAIM)
    expect(
        section.get_by_role("heading", name="Claims of implementation and the inspectorate’s assessment")
    ).to_be_visible()
    claim = section.locator(".app-claim")
    expect(claim.get_by_role("heading", level=4)).to_have_text(
        [
            f"Claimed by {WARWICKSHIRE} on {long_date(today)}",
            f"Assessed by HMICFRS on {long_date(today)}: assessed complete",
        ]
    )
    # Public pages name the inspectorate, not the caseworker.
    expect(page.get_by_text("Casey Caseworker")).to_have_count(0)

    follow(page, "All responses to this report")
    matrix = page.locator("#recommendation-3")
    expect(matrix.locator("h2 + p")).to_have_text(f"1 of {forces} have responded")
    expect(table_row(matrix, WARWICKSHIRE).locator("td")).to_have_text(
        [f"Accepted, published {long_date(today)}", "Assessed complete", "Assessed complete"]
    )
