"""The public record: an organisation's response to a report, its record across reports, and evidence downloads.

Everything is made through the services, as an organisation and the inspectorate would make it.
"""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from followthrough.organisations.models import Organisation, Role
from followthrough.responses import services, sweep
from followthrough.responses.models import Acceptance, Implementation, Outcome, ProgressReturn
from followthrough.testing.clock import server_date
from followthrough.testing.factories import member
from followthrough.testing.pages import assert_good_page, text_of

from .conftest import every_point_answered

pytestmark = pytest.mark.django_db

RESPONDED_ON = datetime.date(2021, 7, 1)  # before the response deadline of 20 July 2021
CORRECTED_ON = datetime.date(2022, 3, 3)
FIRST_RETURN_DUE = datetime.date(2021, 11, 26)
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


# Making records through the services -------------------------------------------------------------------------------


def publish_response(obligation, editor, approver, *, on=RESPONDED_ON, actions=(), evidence=(), **fields):
    """Write, sign off and publish a response (or a correction of the published one)."""
    version = services.response_start(
        obligation=obligation, started_by=editor, is_example=fields.pop("is_example", False)
    )
    fields.setdefault("acceptance", Acceptance.ACCEPTED)
    fields.setdefault("done", "Bitesize training on modern slavery is available to all officers.")
    fields.setdefault("point_answers", every_point_answered(version))
    services.response_save(version=version, saved_by=editor, **fields)
    for action in actions:
        services.action_save(version=version, saved_by=editor, **action)
    for item in evidence:
        services.evidence_add(owner=version, added_by=editor, **item)
    services.response_submit(version=version, submitted_by=editor)
    services.response_approve(version=version, approved_by=approver)
    with server_date(on):
        return services.response_publish(version=version, published_by=approver)


def progress_return(obligation, number=1, until=FIRST_RETURN_DUE):
    services.returns_schedule(obligations=[obligation], until=until)
    return ProgressReturn.casework.get(obligation=obligation, number=number)


def publish_return(obligation, editor, approver, *, number=1, status, narrative, on, is_example=False):
    record = progress_return(obligation, number)
    services.return_save(
        progress_return=record, saved_by=editor, status=status, narrative=narrative, is_example=is_example
    )
    services.return_submit(progress_return=record, submitted_by=editor)
    services.return_approve(progress_return=record, approved_by=approver)
    with server_date(on):
        return services.return_publish(progress_return=record, published_by=approver)


def people(code):
    """An editor and an approver at the organisation with `code`."""
    organisation = Organisation.objects.get(code=code)
    return member(Role.EDITOR, organisation), member(Role.APPROVER, organisation)


def response_page(client, report, code):
    return client.get(reverse("responses:organisation-response", kwargs={"slug": report.slug, "code": code}))


def read(response):
    return text_of(assert_good_page(response))


# Fixtures ----------------------------------------------------------------------------------------------------------


@pytest.fixture
def warwickshire_answered(obligation, editor, approver, caseworker):
    """Warwickshire's response to Recommendation 2, corrected once, with a late claim the inspectorate assessed."""
    recommendation_2 = obligation(2)
    publish_response(
        recommendation_2,
        editor,
        approver,
        done="Material on modern slavery is on the force intranet.",
        point_answers={1: ("Student officers get half a day of training on identifying victims.", True)},
        actions=[
            {
                "description": "Train proactive investigation teams",
                "owner_role": "Head of crime",
                "target_date": datetime.date(2022, 1, 31),
            }
        ],
        evidence=[{"title": "Force training plan", "url": "https://example.org/training-plan"}],
    )
    correction = services.response_start(obligation=recommendation_2, started_by=editor)
    services.response_save(
        version=correction,
        saved_by=editor,
        acceptance=Acceptance.ACCEPTED,
        done="Material on modern slavery is on the force intranet. Bitesize training started in July 2021.",
        change_note="Added when bitesize training started.",
    )
    action = correction.actions.get()
    services.action_save(
        version=correction,
        saved_by=editor,
        action=action,
        description=action.description,
        owner_role=action.owner_role,
        target_date=datetime.date(2022, 6, 30),
        revision_reason="Trainers were not available until spring",
    )
    services.response_submit(version=correction, submitted_by=editor)
    services.response_approve(version=correction, approved_by=approver)
    with server_date(CORRECTED_ON):
        services.response_publish(version=correction, published_by=approver)
    claim = publish_return(
        recommendation_2,
        editor,
        approver,
        status=Implementation.IMPLEMENTED,
        narrative="Every officer has completed the bitesize training.",
        on=datetime.date(2021, 12, 1),
    )
    services.assessment_record(
        progress_return=claim,
        assessed_by=caseworker,
        outcome=Outcome.NOT_COMPLETE,
        reasons="Custody staff have not yet been trained.",
    )
    return recommendation_2


# The response page -------------------------------------------------------------------------------------------------


def test_the_response_page_reads_like_a_published_response(client, hestia_like, warwickshire_answered):
    text = read(response_page(client, hestia_like, "warwickshire-police"))

    assert "Warwickshire Police's response to The hidden victims" in text
    assert text.index("Recommendation 2") < text.index("The words of recommendation 2.")
    assert text.index("The words of recommendation 2.") < text.index("Bitesize training started in July 2021.")
    assert "identify possible victims; Student officers get half a day of training on identifying victims." in text
    assert "Train proactive investigation teams Head of crime" in text
    assert "31 January 2022 → 30 June 2022 (Trainers were not available until spring)" in text
    assert "Force training plan" in text


def test_a_correction_says_when_it_was_made_and_keeps_the_earlier_wording(client, hestia_like, warwickshire_answered):
    document = assert_good_page(response_page(client, hestia_like, "warwickshire-police"))
    text = text_of(document)

    assert "Published 1 July 2021" in text
    assert "Updated on 3 March 2022: Added when bitesize training started." in text
    earlier = document.find(".//details[@id='recommendation-2-version-1']")
    assert earlier is not None
    earlier_text = " ".join(" ".join(earlier.itertext()).split())
    assert "Version 1, published 1 July 2021 (replaced)" in earlier_text
    assert "Material on modern slavery is on the force intranet." in earlier_text
    assert "Bitesize training started in July 2021." not in earlier_text
    assert "31 January 2022" in earlier_text and "30 June 2022" not in earlier_text


def test_a_recommendation_with_nothing_published_says_so_and_that_it_is_overdue(client, hestia_like, editor):
    text = read(response_page(client, hestia_like, "warwickshire-police"))
    assert "No response published. It was due by 20 July 2021 and is overdue." in text
    assert text.count("No response published") == 2  # Recommendations 2 and 4: nothing is published for either


def test_a_summarised_action_is_labelled_as_a_summary(client, hestia_like):
    text = read(response_page(client, hestia_like, "college-of-policing"))
    assert "Action 1 Summary" in text
    assert "This is a summary of the action, not the report’s own words." in text


def test_the_claim_and_the_assessment_are_shown_side_by_side(client, hestia_like, warwickshire_answered):
    document = assert_good_page(response_page(client, hestia_like, "warwickshire-police"))
    claim = document.find(".//div[@class='govuk-grid-row app-claim']")
    columns = [" ".join(" ".join(c.itertext()).split()) for c in claim.findall("div")]

    assert columns[0].startswith("Claimed by Warwickshire Police on 1 December 2021")
    assert "Assessed by HMICFRS on" in columns[1]
    assert "assessed not complete" in columns[1]
    assert "Custody staff have not yet been trained." in columns[1]


def test_progress_returns_show_late_ones_and_no_update_received(client, hestia_like, warwickshire_answered, obligation):
    recommendation_4 = obligation(4)
    services.returns_schedule(obligations=[recommendation_4], until=FIRST_RETURN_DUE)
    sweep.run(on=datetime.date(2022, 2, 1))  # the sweep records the missed return

    text = read(response_page(client, hestia_like, "warwickshire-police"))

    assert "Published 1 December 2021 (received late: it was due 26 November 2021)" in text
    assert "Status No update received Was due 26 November 2021" in text  # Recommendation 4's, recorded by the sweep
    assert "Status No update received Was due 26 May 2022" in text  # Recommendation 2's second return


def test_the_public_history_names_each_recommendation(client, hestia_like, warwickshire_answered):
    text = read(response_page(client, hestia_like, "warwickshire-police"))
    history = text[text.index("History") :]
    assert "Recommendation 2: Response published" in history
    assert "Recommendation 2: Correction (version 2) published" in history
    assert "Recommendation 2: Progress return 1: assessed not complete" in history
    assert "sent for sign-off" not in history


def test_the_printable_response_lists_each_point_in_order_with_its_answer(
    client, make_report, add_recommendation, publish, editor, approver
):
    report = make_report(title="Points report")
    add_recommendation(
        report,
        1,
        groups=["territorial-chief-constables"],
        points=["easily access information;", "identify possible victims;", "make victims feel safe;"],
    )
    publish(report)
    from followthrough.reports.models import Obligation

    obligation = Obligation.casework.get(recommendation__report=report, organisation__code="warwickshire-police")
    publish_response(
        obligation,
        editor,
        approver,
        point_answers={
            1: ("Material is on the intranet.", True),
            2: ("Another team does this.", False),
            3: ("Places of safety.", True),
        },
    )

    response = response_page(client, report, "warwickshire-police")
    document = assert_good_page(response)
    items = document.findall(".//ol[@class='govuk-list govuk-list--number app-point-answers']/li")
    answers = [" ".join(" ".join(li.itertext()).split()) for li in items]

    assert answers == [
        "easily access information; Material is on the intranet.",
        "identify possible victims; Not addressed Another team does this.",
        "make victims feel safe; Places of safety.",
    ]
    assert 'href="/assets/responses/print.css" media="print"' in response.content.decode()


def test_an_example_response_is_labelled_on_every_page_showing_it(client, hestia_like, obligation, editor, approver):
    publish_response(obligation(2), editor, approver, is_example=True)
    pages = [
        response_page(client, hestia_like, "warwickshire-police"),
        client.get(reverse("responses:matrix", kwargs={"slug": hestia_like.slug})),
        client.get(reverse("responses:organisation-record", kwargs={"code": "warwickshire-police"})),
    ]
    for page in pages:
        assert "Example: made up to show how the service works" in read(page)
    assert "Example: made up" not in read(response_page(client, hestia_like, "west-mercia-police"))


def test_there_is_no_response_page_for_an_organisation_the_report_does_not_address(client, hestia_like):
    assert_good_page(response_page(client, hestia_like, "hestia"), status=404)
    assert_good_page(response_page(client, hestia_like, "no-such-organisation"), status=404)


def test_a_draft_reports_responses_are_not_public(client, make_report, add_recommendation):
    report = make_report(title="Not yet published")
    add_recommendation(report, 1, groups=["territorial-chief-constables"])
    assert_good_page(response_page(client, report, "warwickshire-police"), status=404)
    assert client.get(reverse("responses:matrix", kwargs={"slug": report.slug})).status_code == 404
    assert client.get(reverse("responses:national-responses", kwargs={"slug": report.slug})).status_code == 404


# Only published material, on every public page ----------------------------------------------------------------------

DRAFT_WORDS = "Draft words West Mercia has not signed off"
SUBMITTED_WORDS = "Submitted words waiting for West Mercia's approver"
DRAFT_RETURN_WORDS = "Draft progress West Mercia has not sent"


@pytest.fixture
def west_mercia_unpublished(hestia_like, obligation):
    """A draft response, a response waiting for sign-off and a draft progress return, all at West Mercia."""
    editor, _ = people("west-mercia-police")
    draft = services.response_start(obligation=obligation(2, "west-mercia-police"), started_by=editor)
    services.response_save(version=draft, saved_by=editor, acceptance=Acceptance.ACCEPTED, done=DRAFT_WORDS)
    services.evidence_add(
        owner=draft,
        added_by=editor,
        title="Draft evidence",
        upload=SimpleUploadedFile("draft.pdf", PDF, content_type="application/pdf"),
    )
    submitted = services.response_start(obligation=obligation(4, "west-mercia-police"), started_by=editor)
    services.response_save(
        version=submitted,
        saved_by=editor,
        acceptance=Acceptance.NOT_ACCEPTED,
        acceptance_reason=SUBMITTED_WORDS,
        done=SUBMITTED_WORDS,
    )
    services.response_submit(version=submitted, submitted_by=editor)
    draft_return = progress_return(obligation(4, "west-mercia-police"))
    services.return_save(
        progress_return=draft_return, saved_by=editor, status=Implementation.IMPLEMENTED, narrative=DRAFT_RETURN_WORDS
    )
    return draft


def test_drafts_and_responses_awaiting_sign_off_never_appear_on_a_public_page(
    client, hestia_like, warwickshire_answered, west_mercia_unpublished
):
    slug = hestia_like.slug
    addresses = [
        reverse("responses:organisation-response", kwargs={"slug": slug, "code": "west-mercia-police"}),
        reverse("responses:organisation-response", kwargs={"slug": slug, "code": "warwickshire-police"}),
        reverse("responses:matrix", kwargs={"slug": slug}),
        reverse("responses:matrix", kwargs={"slug": slug}) + "?state=claimed",
        reverse("responses:matrix", kwargs={"slug": slug}) + "?kind=territorial-force&state=not-accepted",
        reverse("responses:organisation-record", kwargs={"code": "west-mercia-police"}),
        reverse("responses:national-responses", kwargs={"slug": slug}),
        reverse("reports:detail", kwargs={"slug": slug}),
        reverse("reports:recommendation", kwargs={"slug": slug, "number": 2}),
    ]
    for address in addresses:
        html = client.get(address).content.decode()
        assert client.get(address).status_code == 200, address
        for words in (DRAFT_WORDS, SUBMITTED_WORDS, DRAFT_RETURN_WORDS, "Draft evidence"):
            assert words not in html, f"{words!r} is on {address}"

    west_mercia = read(client.get(addresses[0]))
    assert west_mercia.count("No response published") == 2
    assert "Implemented (claimed)" not in west_mercia


# Evidence ----------------------------------------------------------------------------------------------------------


def test_evidence_on_a_published_response_can_be_downloaded(
    client, hestia_like, obligation, editor, approver, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):  # the file is written when the response commits
        version = publish_response(
            obligation(2),
            editor,
            approver,
            evidence=[
                {
                    "title": "Training plan",
                    "upload": SimpleUploadedFile("plan.pdf", PDF, content_type="application/pdf"),
                }
            ],
        )
    evidence = version.evidence.get()
    text = read(response_page(client, hestia_like, "warwickshire-police"))
    assert f"Training plan (PDF, {len(PDF)} bytes)" in text

    response = client.get(reverse("responses:evidence", kwargs={"evidence_id": evidence.pk}))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="plan.pdf"')
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == PDF


def test_evidence_on_an_unpublished_response_is_not_found(client, west_mercia_unpublished):
    evidence = west_mercia_unpublished.evidence.get()
    response = client.get(reverse("responses:evidence", kwargs={"evidence_id": evidence.pk}))
    assert_good_page(response, status=404)


# The organisation's record page ------------------------------------------------------------------------------------


def test_the_record_page_counts_on_time_late_overdue_and_assessed(
    client, hestia_like, obligation, editor, approver, caseworker, make_report, add_recommendation, publish
):
    other = make_report(title="Safe to share", published_on=datetime.date(2020, 12, 17))
    add_recommendation(other, 1, groups=["territorial-chief-constables"])
    add_recommendation(other, 2, groups=["territorial-chief-constables"])
    publish(other)
    from followthrough.reports.models import Obligation

    on_other = {
        o.recommendation.number: o
        for o in Obligation.casework.filter(recommendation__report=other, organisation__code="warwickshire-police")
    }
    publish_response(on_other[1], editor, approver, on=datetime.date(2021, 1, 20))  # due 10 February 2021
    publish_response(obligation(2), editor, approver)
    publish_response(obligation(4), editor, approver, on=datetime.date(2021, 9, 1))  # due 20 July 2021: late
    claim = publish_return(
        obligation(2), editor, approver, status=Implementation.IMPLEMENTED, narrative="Done.", on=FIRST_RETURN_DUE
    )
    services.assessment_record(progress_return=claim, assessed_by=caseworker, outcome=Outcome.COMPLETE)

    response = client.get(reverse("responses:organisation-record", kwargs={"code": "warwickshire-police"}))
    document = assert_good_page(response)
    counts = " ".join(document.find(".//p[@id='record-counts']").itertext())
    text = text_of(document)

    assert counts == "4 recommendations: 2 responded on time, 1 late, 1 overdue; 1 assessed complete"
    assert text.index("The hidden victims") < text.index("Safe to share")  # the newest report first
    assert "Late: accepted, published 1 September 2021 (due 20 July 2021)" in text
    assert "Overdue: due 10 February 2021, nothing published" in text
    assert "Assessed complete on" in text


def test_the_record_page_of_an_organisation_with_nothing_addressed_to_it_says_so(client, hestia_like):
    response = client.get(reverse("responses:organisation-record", kwargs={"code": "hestia"}))
    assert "Nothing in a published report is addressed to Hestia." in read(response)
