"""An organisation's own pages: what is addressed to it, writing and signing off its response and progress returns."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from followthrough.core.formatting import long_date
from followthrough.organisations.models import Organisation, Role
from followthrough.responses import services
from followthrough.responses.models import Acceptance, Implementation, ProgressReturn, ResponseVersion, State
from followthrough.testing.clock import server_date
from followthrough.testing.factories import member
from followthrough.testing.pages import assert_good_page, error_summary_links, text_of

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"


def own(name, obligation, **kwargs):
    return reverse(f"responses:{name}", kwargs={"obligation_id": obligation.pk, **kwargs})


def links(document):
    return {a.get("href") for a in document.iter("a")}


def sent(client, url, data=None):
    """Post a form and follow where it leads, as a browser does; the page it lands on must be good too."""
    response = client.post(url, data or {}, follow=True)
    document = assert_good_page(response)
    assert response.redirect_chain, f"{url} did not accept the form: {error_summary_links(document)}"
    return document


def date_fields(prefix, day):
    return {f"{prefix}-day": str(day.day), f"{prefix}-month": str(day.month), f"{prefix}-year": str(day.year)}


@pytest.fixture
def draft(obligation, editor):
    """Warwickshire's draft on Recommendation 2, partly written, with a planned action and a link."""
    version = services.response_start(obligation=obligation(2), started_by=editor)
    services.response_save(
        version=version,
        saved_by=editor,
        acceptance=Acceptance.PARTIALLY_ACCEPTED,
        acceptance_reason="Victim navigators depend on national funding.",
        done="Bitesize training on modern slavery is available to all officers.",
        point_answers={1: ("First response guides are on the intranet.", True)},
    )
    services.action_save(
        version=version,
        saved_by=editor,
        description="Train proactive investigation teams",
        owner_role="Head of crime",
        target_date=datetime.date(2022, 1, 31),
    )
    services.evidence_add(
        owner=version, added_by=editor, title="Training plan", url="https://www.example.gov.uk/plan.pdf"
    )
    return version


@pytest.fixture
def ready(draft, editor):
    """The draft, complete and sent for sign-off."""
    services.response_save(version=draft, saved_by=editor, acceptance=Acceptance.ACCEPTED, done=draft.done)
    return services.response_submit(version=draft, submitted_by=editor)


@pytest.fixture
def first_return(obligation, editor):
    services.returns_schedule(obligations=[obligation(2)], until=datetime.date(2021, 12, 1))
    progress_return = obligation(2).progress_returns.get(number=1)
    services.return_save(
        progress_return=progress_return,
        saved_by=editor,
        status=Implementation.IN_PROGRESS,
        narrative="Training has started.",
    )
    services.evidence_add(
        owner=progress_return, added_by=editor, title="Training register", url="https://www.example.gov.uk/register"
    )
    return progress_return


# Your obligations ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["editor", "approver"])
def test_your_obligations_lists_what_is_addressed_to_the_organisation_with_its_dates(
    request, role, signed_in_client, obligation
):
    document = assert_good_page(signed_in_client(request.getfixturevalue(role)).get(reverse("responses:obligations")))
    text = text_of(document)
    assert "The hidden victims" in text
    assert "Recommendation 2" in text and "Recommendation 4" in text
    assert "Recommendation 1" not in text  # addressed to the Home Office
    assert "20 July 2021" in text  # 56 days beginning with 26 May 2021
    assert "days overdue" in text and "Response overdue" in text
    assert "Not started" in text
    assert own("obligation", obligation(2)) in links(document)
    assert own("obligation", obligation(2, "west-mercia-police")) not in links(document)


def test_your_obligations_shows_where_each_response_is_up_to_and_the_next_return(
    signed_in_client, editor, ready, obligation
):
    services.returns_schedule(obligations=[obligation(2)], until=timezone.localdate())
    text = text_of(assert_good_page(signed_in_client(editor).get(reverse("responses:obligations"))))
    assert "Response: waiting for sign-off" in text
    upcoming = obligation(2).progress_returns.filter(due_on__gte=timezone.localdate()).order_by("number").first()
    assert long_date(upcoming.due_on) in text
    assert "returns overdue" in text


def test_someone_at_two_organisations_sees_each_organisations_obligations_under_its_name(
    signed_in_client, approver, obligation
):
    from followthrough.organisations.models import Membership

    Membership.objects.create(
        user=approver, organisation=Organisation.objects.get(code="warwickshire-pcc"), role=Role.EDITOR
    )
    document = assert_good_page(signed_in_client(approver).get(reverse("responses:obligations")))
    headings = [" ".join("".join(h.itertext()).split()) for h in document.iter("h3")]
    assert "Warwickshire Police" in headings
    assert any("Warwickshire" in h and h != "Warwickshire Police" for h in headings)
    assert own("obligation", obligation(4, "warwickshire-pcc")) in links(document)


def test_obligations_no_longer_addressed_are_listed_separately(signed_in_client, editor, obligation):
    closed = obligation(4)
    closed.is_active, closed.closed_reason = False, "The recommendation was corrected to name commissioners only."
    closed.save()
    document = assert_good_page(signed_in_client(editor).get(reverse("responses:obligations")))
    closed_list = document.find(".//h2[@id='closed']")
    assert closed_list is not None and closed_list.text == "No longer addressed to you"
    assert "The recommendation was corrected to name commissioners only." in text_of(document)
    table_links = {a.get("href") for table in document.iter("table") for a in table.iter("a")}
    assert own("obligation", closed) not in table_links


def test_an_obligation_no_longer_addressed_says_why_and_offers_no_new_response(signed_in_client, editor, obligation):
    closed = obligation(4)
    closed.is_active, closed.closed_reason = False, "The recommendation was corrected to name commissioners only."
    closed.save()
    document = assert_good_page(signed_in_client(editor).get(own("obligation", closed)))
    text = text_of(document)
    assert "This is no longer addressed to Warwickshire Police." in text
    assert "The recommendation was corrected to name commissioners only." in text
    assert own("response", closed) not in links(document)
    assert signed_in_client(editor).get(own("response", closed))["Location"] == own("obligation", closed)


def test_example_responses_are_labelled_as_made_up(signed_in_client, editor, obligation):
    services.response_start(obligation=obligation(2), started_by=editor, is_example=True)
    for url in [own("obligation", obligation(2)), own("response-submit", obligation(2))]:
        assert "Example: made up to show how the service works" in text_of(
            assert_good_page(signed_in_client(editor).get(url))
        )


def test_a_user_without_organisation_obligations_sees_an_empty_list(signed_in_client):
    user = member(Role.EDITOR, Organisation.objects.get(code="warwickshire-police"))
    text = text_of(assert_good_page(signed_in_client(user).get(reverse("responses:obligations"))))
    assert "Nothing is addressed to Warwickshire Police at the moment." in text


# The obligation's page -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["editor", "approver"])
def test_the_obligation_page_shows_the_recommendation_its_dates_and_how_they_were_worked_out(
    request, role, signed_in_client, obligation
):
    document = assert_good_page(signed_in_client(request.getfixturevalue(role)).get(own("obligation", obligation(2))))
    text = text_of(document)
    assert "The words of recommendation 2." in text
    assert "identify possible victims;" in text
    assert "20 July 2021" in text and obligation(2).response_deadline.explanation in text
    assert "Start your response" in text
    assert "No progress returns have been set up yet" in text
    assert f"/reports/{obligation(2).recommendation.report.slug}/" in links(document)


def test_the_draft_shows_with_links_to_change_each_part(signed_in_client, editor, draft, obligation):
    document = assert_good_page(signed_in_client(editor).get(own("obligation", obligation(2))))
    text = text_of(document)
    for words in [
        "Partially accepted",
        "Victim navigators depend on national funding.",
        "First response guides are on the intranet.",
        "Train proactive investigation teams",
        "Head of crime",
        "31 January 2022",
        "Training plan",
    ]:
        assert words in text
    action = draft.actions.get()
    assert own("action-change", obligation(2), action_id=action.pk) in links(document)
    assert own("response-evidence-add", obligation(2)) in links(document)
    assert own("response-submit", obligation(2)) in links(document)
    assert own("response-approve", obligation(2)) not in links(document)


def test_editors_do_not_see_approve_or_publish_but_approvers_do(signed_in_client, editor, approver, ready, obligation):
    for_editor = links(assert_good_page(signed_in_client(editor).get(own("obligation", obligation(2)))))
    for_approver = links(assert_good_page(signed_in_client(approver).get(own("obligation", obligation(2)))))
    approve, send_back = own("response-approve", obligation(2)), own("response-send-back", obligation(2))
    assert approve not in for_editor and send_back not in for_editor
    assert approve in for_approver and send_back in for_approver
    assert_good_page(signed_in_client(editor).get(approve), status=403)
    services.response_approve(version=ready, approved_by=approver)
    publish = own("response-publish", obligation(2))
    assert publish not in links(assert_good_page(signed_in_client(editor).get(own("obligation", obligation(2)))))
    assert publish in links(assert_good_page(signed_in_client(approver).get(own("obligation", obligation(2)))))
    assert_good_page(signed_in_client(editor).get(publish), status=403)


# Every page renders --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["editor", "approver"])
def test_every_drafting_page_renders_for_editors_and_approvers(
    request, role, signed_in_client, draft, first_return, obligation
):
    client = signed_in_client(request.getfixturevalue(role))
    ob = obligation(2)
    action, evidence = draft.actions.get(), draft.evidence.get()
    return_evidence = first_return.evidence.get()
    pages = [
        reverse("responses:obligations"),
        own("obligation", ob),
        own("response", ob),
        own("action-add", ob),
        own("action-change", ob, action_id=action.pk),
        own("action-remove", ob, action_id=action.pk),
        own("response-evidence-add", ob),
        own("response-evidence-remove", ob, evidence_id=evidence.pk),
        own("response-submit", ob),
        own("return", ob, number=1),
        own("return-evidence-add", ob, number=1),
        own("return-evidence-remove", ob, number=1, evidence_id=return_evidence.pk),
        own("return-submit", ob, number=1),
    ]
    for url in pages:
        assert_good_page(client.get(url))


def test_every_sign_off_page_renders_for_an_approver(
    signed_in_client, editor, approver, ready, first_return, obligation
):
    client = signed_in_client(approver)
    ob = obligation(2)
    services.return_submit(progress_return=first_return, submitted_by=editor)
    for name in ["response-approve", "response-send-back"]:
        text = text_of(assert_good_page(client.get(own(name, ob))))
        assert "Bitesize training on modern slavery is available to all officers." in text
    for name in ["return-approve", "return-send-back"]:
        text = text_of(assert_good_page(client.get(own(name, ob, number=1))))
        assert "Training has started." in text
    services.response_approve(version=ready, approved_by=approver)
    services.return_approve(progress_return=first_return, approved_by=approver)
    document = assert_good_page(client.get(own("response-publish", ob)))
    assert document.find(".//input[@name='published_on-year']") is None  # the date of publication is the server's
    assert_good_page(client.get(own("return-publish", ob, number=1)))


def test_a_step_that_does_not_apply_now_goes_back_to_the_obligation(signed_in_client, approver, draft, obligation):
    response = signed_in_client(approver).get(own("response-publish", obligation(2)))
    assert response.status_code == 302
    assert response["Location"] == own("obligation", obligation(2)) + "#response"


# Writing the response ------------------------------------------------------------------------------------------------


def test_the_reason_for_not_fully_accepting_can_be_given_without_javascript(signed_in_client, editor, obligation):
    document = assert_good_page(signed_in_client(editor).get(own("response", obligation(2))))
    conditionals = document.findall(".//div[@class='govuk-radios__conditional govuk-radios__conditional--hidden']")
    # Hidden only where GOV.UK Frontend's JavaScript runs; without it, both boxes show and work.
    assert [c.find(".//textarea").get("name") for c in conditionals] == [
        "partially_accepted_reason",
        "not_accepted_reason",
    ]
    assert document.find(".//textarea[@name='point_1']") is not None
    assert document.find(".//input[@name='point_1_not_addressed']") is not None
    assert document.find(".//textarea[@name='change_note']") is None  # only a correction says what changed


def test_saving_a_draft_keeps_everything_typed_even_if_it_is_not_finished(signed_in_client, editor, obligation):
    client = signed_in_client(editor)
    response = client.post(
        own("response", obligation(2)),
        {
            "acceptance": "not-accepted",
            "not_accepted_reason": "We are still deciding",
            "point_1": "Half an answer",
            "point_1_not_addressed": "on",
        },
    )
    assert response.status_code == 302
    version = ResponseVersion.casework.get(response__obligation=obligation(2))
    assert (version.state, version.acceptance, version.acceptance_reason, version.done) == (
        State.DRAFT,
        Acceptance.NOT_ACCEPTED,
        "We are still deciding",
        "",
    )
    answer = version.point_answers.get()
    assert (answer.answer, answer.addressed) == ("Half an answer", False)
    document = assert_good_page(client.get(own("response", obligation(2))))
    assert document.find(".//textarea[@name='not_accepted_reason']").text.strip() == "We are still deciding"
    assert document.find(".//input[@name='point_1_not_addressed']").get("checked") is not None


def test_sending_an_unfinished_draft_for_sign_off_says_what_is_missing_and_links_to_it(
    signed_in_client, editor, obligation
):
    client = signed_in_client(editor)
    client.post(own("response", obligation(2)), {"acceptance": "partially-accepted", "done": ""})
    document = assert_good_page(client.post(own("response-submit", obligation(2))))
    edit = own("response", obligation(2))
    assert error_summary_links(document) == [
        ("Explain why the recommendation is not fully accepted", f"{edit}#id_partially_accepted_reason"),
        ("Say what has been done, or add what will be done", f"{edit}#id_done"),
        ("Answer point 1, or say why it is not addressed", f"{edit}#id_point_1"),
    ]
    assert ResponseVersion.casework.get(response__obligation=obligation(2)).state == State.DRAFT


def test_a_bad_target_date_shows_the_error_and_keeps_what_was_typed(signed_in_client, editor, obligation):
    response = signed_in_client(editor).post(
        own("action-add", obligation(2)),
        {
            "description": "Appoint a modern slavery lead in every team",
            "owner_role": "Head of crime",
            "target_date-day": "31",
            "target_date-month": "2",
            "target_date-year": "2022",
        },
    )
    document = assert_good_page(response)
    assert error_summary_links(document) == [("The target date must be a real date", "#target_date-day")]
    assert (
        document.find(".//textarea[@name='description']").text.strip() == "Appoint a modern slavery lead in every team"
    )
    assert document.find(".//input[@name='target_date-day']").get("value") == "31"
    assert not ResponseVersion.casework.filter(response__obligation=obligation(2)).exists()


def test_evidence_needs_a_link_or_a_file_and_keeps_the_title(signed_in_client, editor, draft, obligation):
    document = assert_good_page(
        signed_in_client(editor).post(own("response-evidence-add", obligation(2)), {"title": "Training slides"})
    )
    assert error_summary_links(document) == [("Enter a link or choose a file", "#id_url")]
    assert document.find(".//input[@name='title']").get("value") == "Training slides"


def test_a_file_of_the_wrong_type_is_refused_by_the_service_and_shown(signed_in_client, editor, draft, obligation):
    upload = SimpleUploadedFile("slides.pdf", b"not really a pdf", content_type="application/pdf")
    document = assert_good_page(
        signed_in_client(editor).post(
            own("response-evidence-add", obligation(2)), {"title": "Slides", "upload": upload}
        )
    )
    assert [href for _, href in error_summary_links(document)] == ["#id_upload"]
    assert draft.evidence.count() == 1


def test_uploaded_evidence_downloads_as_an_attachment(
    signed_in_client, editor, draft, obligation, django_capture_on_commit_callbacks
):
    client = signed_in_client(editor)
    upload = SimpleUploadedFile("training-plan.pdf", PDF, content_type="application/pdf")
    form = own("response-evidence-add", obligation(2))
    with django_capture_on_commit_callbacks(execute=True):  # the file is written when the upload commits
        assert client.post(form, {"title": "Training plan file", "upload": upload}).status_code == 302
    evidence = draft.evidence.get(title="Training plan file")
    response = client.get(own("obligation-evidence", obligation(2), evidence_id=evidence.pk))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="training-plan.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == PDF
    link = draft.evidence.get(title="Training plan")
    assert client.get(own("obligation-evidence", obligation(2), evidence_id=link.pk)).status_code == 404


def test_planned_actions_and_evidence_can_be_removed_from_a_draft(signed_in_client, editor, draft, obligation):
    client = signed_in_client(editor)
    action, evidence = draft.actions.get(), draft.evidence.get()
    assert client.post(own("action-remove", obligation(2), action_id=action.pk)).status_code == 302
    assert client.post(own("response-evidence-remove", obligation(2), evidence_id=evidence.pk)).status_code == 302
    assert not draft.actions.exists() and not draft.evidence.exists()


def test_a_version_waiting_for_sign_off_cannot_be_edited(signed_in_client, editor, ready, obligation):
    response = signed_in_client(editor).post(own("response", obligation(2)), {"done": "Changed after sending"})
    assert response.status_code == 302
    assert ResponseVersion.casework.get(pk=ready.pk).done != "Changed after sending"


# Sign-off ------------------------------------------------------------------------------------------------------------


def test_the_whole_response_goes_from_draft_to_published_through_the_pages(
    signed_in_client, editor, approver, obligation
):
    writer, signer = signed_in_client(editor), signed_in_client(approver)
    ob = obligation(2)
    sent(
        writer,
        own("response", ob),
        {
            "acceptance": "accepted",
            "done": "Bitesize training on modern slavery is available to all officers.",
            "point_1": "First response guides are on the intranet.",
        },
    )
    sent(
        writer,
        own("action-add", ob),
        {
            "description": "Train proactive teams",
            "owner_role": "Head of crime",
            **date_fields("target_date", datetime.date(2022, 1, 31)),
        },
    )
    upload = SimpleUploadedFile("plan.pdf", PDF, content_type="application/pdf")
    sent(writer, own("response-evidence-add", ob), {"title": "Training plan", "upload": upload})
    text = text_of(assert_good_page(writer.get(own("response-submit", ob))))
    assert "Train proactive teams" in text and "Training plan" in text
    sent(writer, own("response-submit", ob))

    text = text_of(assert_good_page(signer.get(own("response-approve", ob))))
    assert "Bitesize training on modern slavery is available to all officers." in text
    assert "First response guides are on the intranet." in text
    sent(signer, own("response-approve", ob))
    published_on = datetime.date(2021, 7, 1)
    with server_date(published_on):  # the server's clock says 1 July 2021 when the approver publishes
        sent(signer, own("response-publish", ob))

    version = ResponseVersion.casework.get(response__obligation=ob)
    assert (version.state, version.published_on) == (State.PUBLISHED, published_on)
    assert (version.drafted_by, version.submitted_by, version.approved_by) == (editor, editor, approver)
    document = assert_good_page(writer.get(own("obligation", ob)))
    text = text_of(document)
    assert "Version 1, published 1 July 2021" in text
    assert "Correct the published response" in text
    for title in ["Response started", "Response sent for sign-off", "Response approved", "Response published"]:
        assert title in text


def test_a_correction_moves_a_target_date_with_a_reason_and_keeps_the_earlier_version(
    signed_in_client, editor, approver, ready, obligation
):
    ob = obligation(2)
    services.response_approve(version=ready, approved_by=approver)
    with server_date(datetime.date(2021, 7, 1)):
        services.response_publish(version=ready, published_by=approver)
    writer, signer = signed_in_client(editor), signed_in_client(approver)

    form = assert_good_page(writer.get(own("response", ob)))
    assert "Correct your response" in text_of(form)
    assert form.find(".//textarea[@name='done']").text.strip() == ready.done
    sent(
        writer,
        own("response", ob),
        {
            "acceptance": "accepted",
            "done": ready.done,
            "change_note": "Moved a date.",
            "point_1": "First response guides are on the intranet.",
        },
    )
    correction = ResponseVersion.casework.get(response__obligation=ob, number=2)
    action = correction.actions.get()
    change = own("action-change", ob, action_id=action.pk)
    moved = {
        "description": action.description,
        "owner_role": action.owner_role,
        **date_fields("target_date", datetime.date(2022, 6, 30)),
    }
    document = assert_good_page(writer.post(change, moved))
    assert error_summary_links(document) == [
        ("Say why the target date is moving from 31 January 2022", "#id_revision_reason")
    ]
    sent(writer, change, {**moved, "revision_reason": "Trainers were not available until spring"})
    sent(writer, own("response-submit", ob))
    sent(signer, own("response-approve", ob))
    with server_date(datetime.date(2022, 3, 3)):
        sent(signer, own("response-publish", ob))

    text = text_of(assert_good_page(writer.get(own("obligation", ob))))
    assert "Updated on 3 March 2022: Moved a date." in text
    assert "31 January 2022 → 30 June 2022 (Trainers were not available until spring)" in text
    assert "Version 2, published 3 March 2022" in text and "Version 1, published 1 July 2021" in text


def test_the_person_who_drafted_a_response_is_told_someone_else_must_approve_it(signed_in_client, approver, obligation):
    client = signed_in_client(approver)
    sent(
        client,
        own("response", obligation(2)),
        {"acceptance": "accepted", "done": "Training is in place.", "point_1": "Guides are on the intranet."},
    )
    sent(client, own("response-submit", obligation(2)))
    document = assert_good_page(client.post(own("response-approve", obligation(2))))
    assert error_summary_links(document) == [
        ("You wrote or changed this response, so someone else at Warwickshire Police must approve it", "#main-content")
    ]
    assert ResponseVersion.casework.get(response__obligation=obligation(2)).state == State.SUBMITTED


def test_sending_back_needs_a_note_and_returns_the_draft(signed_in_client, approver, ready, obligation):
    client = signed_in_client(approver)
    document = assert_good_page(client.post(own("response-send-back", obligation(2)), {"note": " "}))
    assert error_summary_links(document) == [("Say what needs to change", "#id_note")]
    client.post(own("response-send-back", obligation(2)), {"note": "Say when training started"})
    assert ResponseVersion.casework.get(pk=ready.pk).state == State.DRAFT


def test_a_typed_publication_date_is_not_the_date_of_record(signed_in_client, approver, ready, obligation):
    client = signed_in_client(approver)
    services.response_approve(version=ready, approved_by=approver)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    sent(client, own("response-publish", obligation(2)), date_fields("published_on", tomorrow))
    published = ResponseVersion.casework.get(pk=ready.pk)
    assert (published.state, published.published_on) == (State.PUBLISHED, timezone.localdate())


# Progress returns ----------------------------------------------------------------------------------------------------


def test_a_progress_return_is_written_signed_off_and_published_through_the_pages(
    signed_in_client, editor, approver, obligation
):
    ob = obligation(2)
    services.returns_schedule(obligations=[ob], until=datetime.date(2021, 12, 1))
    writer, signer = signed_in_client(editor), signed_in_client(approver)
    document = assert_good_page(writer.get(own("obligation", ob)))
    assert own("return", ob, number=1) in links(document)
    assert "26 November 2021" in text_of(document)

    sent(writer, own("return", ob, number=1), {"status": "implemented", "narrative": "Every officer is trained."})
    sent(
        writer,
        own("return-evidence-add", ob, number=1),
        {"title": "Training figures", "url": "https://www.example.gov.uk/figures"},
    )
    sent(writer, own("return-submit", ob, number=1))
    text = text_of(assert_good_page(signer.get(own("return-approve", ob, number=1))))
    assert "Every officer is trained." in text and "Training figures" in text
    sent(signer, own("return-approve", ob, number=1))
    with server_date(datetime.date(2021, 12, 1)):  # the server's clock says 1 December 2021: after it was due
        sent(signer, own("return-publish", ob, number=1))

    published = ProgressReturn.casework.get(obligation=ob, number=1)
    assert (published.state, published.status, published.published_on) == (
        State.PUBLISHED,
        Implementation.IMPLEMENTED,
        datetime.date(2021, 12, 1),
    )
    assert published.evidence.get().title == "Training figures"
    text = text_of(assert_good_page(writer.get(own("obligation", ob))))
    assert "Published 1 December 2021 (late: it was due 26 November 2021)" in text


def test_an_unfinished_return_cannot_be_sent_and_the_errors_link_to_its_questions(signed_in_client, editor, obligation):
    ob = obligation(2)
    services.returns_schedule(obligations=[ob], until=datetime.date(2021, 12, 1))
    document = assert_good_page(signed_in_client(editor).post(own("return-submit", ob, number=1)))
    edit = own("return", ob, number=1)
    assert error_summary_links(document) == [
        ("Select how far the recommendation has been implemented", f"{edit}#status"),
        ("Describe the progress made since the last return", f"{edit}#id_narrative"),
    ]


def test_a_return_that_fell_due_with_nothing_received_says_so(signed_in_client, editor, obligation):
    ob = obligation(2)
    services.returns_schedule(obligations=[ob], until=datetime.date(2021, 12, 1))
    ProgressReturn.casework.filter(obligation=ob, number=1).update(no_update_recorded_on=datetime.date(2021, 11, 27))
    text = text_of(assert_good_page(signed_in_client(editor).get(own("obligation", ob))))
    assert "No update received: nothing was published by 26 November 2021" in text


def test_a_return_waiting_for_sign_off_cannot_be_edited(signed_in_client, editor, approver, first_return, obligation):
    services.return_submit(progress_return=first_return, submitted_by=editor)
    response = signed_in_client(editor).post(own("return", obligation(2), number=1), {"narrative": "Changed"})
    assert response.status_code == 302
    assert ProgressReturn.casework.get(pk=first_return.pk).narrative == "Training has started."
