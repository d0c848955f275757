"""The public record cannot be bent: each hole found in the sign-off of responses, returns and national collations,
tried the way a user meets it (ADR 0016)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from followthrough.core.formatting import long_date
from followthrough.core.models import ContentEdit
from followthrough.organisations.models import Organisation, Role
from followthrough.responses import services
from followthrough.responses.models import Acceptance, Collation, Implementation, ResponseVersion, State
from followthrough.testing.factories import member
from followthrough.testing.pages import assert_good_page, error_summary_links, text_of

pytestmark = pytest.mark.django_db

DONE = "Bitesize training on modern slavery is available to all officers."


def own(name, obligation, **kwargs):
    return reverse(f"responses:{name}", kwargs={"obligation_id": obligation.pk, **kwargs})


def errors_of(response):
    return [text for text, _ in error_summary_links(assert_good_page(response))]


@pytest.fixture
def written(obligation, editor):
    """Warwickshire's editor has written a complete draft answering Recommendation 2 and its one point."""
    version = services.response_start(obligation=obligation(2), started_by=editor)
    return services.response_save(
        version=version,
        saved_by=editor,
        acceptance=Acceptance.ACCEPTED,
        done=DONE,
        point_answers={1: ("First response guides are on the intranet.", True)},
    )


# 1. An approver cannot publish text they wrote -----------------------------------------------------------------------


def test_an_approver_who_changed_the_text_cannot_then_approve_it(
    signed_in_client, obligation, editor, approver, written
):
    as_approver = signed_in_client(approver)
    changed = as_approver.post(
        own("response", obligation(2)),
        {"acceptance": Acceptance.ACCEPTED, "done": "Text the approver wrote.", "point_1": "Their own words."},
    )
    assert changed.status_code == 302
    services.response_submit(version=written, submitted_by=editor)

    refused = as_approver.post(own("response-approve", obligation(2)), {})

    assert errors_of(refused) == [
        "You wrote or changed this response, so someone else at Warwickshire Police must approve it"
    ]
    assert ResponseVersion.casework.get(pk=written.pk).state == State.SUBMITTED


def test_self_approval_where_the_organisation_allows_it_is_recorded_and_shown(
    client, obligation, editor, approver, written
):
    Organisation.objects.filter(code="warwickshire-police").update(allows_self_approval=True)
    services.response_save(
        version=written,
        saved_by=approver,
        acceptance=Acceptance.ACCEPTED,
        done=DONE + " Training started in June 2021.",
        point_answers={1: ("First response guides are on the intranet.", True)},
    )
    services.response_submit(version=written, submitted_by=editor)
    services.response_approve(version=written, approved_by=approver)
    services.response_publish(version=written, published_by=approver)

    written.refresh_from_db()
    assert written.self_approved
    report = obligation(2).recommendation.report
    page = text_of(
        assert_good_page(
            client.get(
                reverse("responses:organisation-response", kwargs={"slug": report.slug, "code": "warwickshire-police"})
            )
        )
    )
    assert "Approved by someone who also wrote it, as Warwickshire Police allows" in page


# 2. Nobody types a publication date ----------------------------------------------------------------------------------


def test_a_late_return_is_published_today_whatever_date_is_typed_and_shows_as_late(
    client, signed_in_client, obligation, editor, approver
):
    services.returns_schedule(obligations=[obligation(2)], until=datetime.date(2021, 12, 1))
    progress_return = obligation(2).progress_returns.get(number=1)
    services.return_save(
        progress_return=progress_return, saved_by=editor, status=Implementation.IN_PROGRESS, narrative="Started."
    )
    services.return_submit(progress_return=progress_return, submitted_by=editor)
    services.return_approve(progress_return=progress_return, approved_by=approver)
    typed = progress_return.due_on - datetime.timedelta(days=6)

    published = signed_in_client(approver).post(
        own("return-publish", obligation(2), number=1),
        {"published_on-day": typed.day, "published_on-month": typed.month, "published_on-year": typed.year},
    )

    assert published.status_code == 302
    progress_return.refresh_from_db()
    assert progress_return.published_on == timezone.localdate()
    assert progress_return.published_at is not None
    assert progress_return.is_late
    record = text_of(
        assert_good_page(
            client.get(
                reverse(
                    "responses:organisation-response",
                    kwargs={"slug": obligation(2).recommendation.report.slug, "code": "warwickshire-police"},
                )
            )
        )
    )
    assert long_date(typed) not in record
    assert (
        f"Published {long_date(timezone.localdate())} (late: it was due {long_date(progress_return.due_on)})"
        in (record)
        or "late" in record
    )


def test_a_record_from_a_source_with_no_date_is_neither_late_nor_on_time(obligation, editor):
    services.returns_schedule(obligations=[obligation(2)], until=datetime.date(2021, 12, 1))
    progress_return = obligation(2).progress_returns.get(number=1)
    services.return_save(
        progress_return=progress_return, saved_by=editor, status=Implementation.IN_PROGRESS, narrative="Started."
    )
    recorded = services.return_record_from_source(
        progress_return=progress_return, source_title="The force's annual report", published_on=None
    )
    assert recorded.state == State.PUBLISHED
    assert recorded.published_on is None and recorded.recorded_at is not None
    assert not recorded.is_late


def test_the_historical_path_needs_its_source(obligation, editor, written):
    with pytest.raises(Exception) as error:
        services.response_record_from_source(version=written, source_title="  ", published_on=None)
    assert "Enter the name of the document this is taken from" in str(error.value)
    assert ResponseVersion.casework.get(pk=written.pk).state == State.DRAFT


# 3. Every point has an answer or a reason before sign-off ------------------------------------------------------------


@pytest.mark.parametrize(
    ("not_addressed", "message"),
    [
        ("", "Answer point 1, or say why it is not addressed"),
        ("on", "Say why point 1 is not addressed"),
    ],
)
def test_a_point_left_blank_cannot_be_sent_for_sign_off(signed_in_client, obligation, editor, not_addressed, message):
    as_editor = signed_in_client(editor)
    form = {"acceptance": Acceptance.ACCEPTED, "done": DONE, "point_1": ""}
    if not_addressed:
        form["point_1_not_addressed"] = not_addressed
    assert as_editor.post(own("response", obligation(2)), form).status_code == 302

    refused = as_editor.post(own("response-submit", obligation(2)), {})

    assert errors_of(refused) == [message]
    assert ResponseVersion.casework.get(response__obligation=obligation(2)).state == State.DRAFT


def test_a_blank_point_is_checked_again_when_approved(obligation, editor, approver, written):
    services.response_submit(version=written, submitted_by=editor)
    written.point_answers.update(answer="")  # as a version sent before the rule would be

    with pytest.raises(Exception) as error:
        services.response_approve(version=written, approved_by=approver)

    assert "Answer point 1, or say why it is not addressed" in str(error.value)
    assert ResponseVersion.casework.get(pk=written.pk).state == State.SUBMITTED


# 4. A stale save cannot undo sign-off --------------------------------------------------------------------------------


def test_a_save_from_an_old_copy_cannot_turn_a_submitted_version_back_into_a_draft(obligation, editor, written):
    stale = ResponseVersion.casework.get(pk=written.pk)  # loaded before it was sent for sign-off
    services.response_submit(version=written, submitted_by=editor)

    with pytest.raises(Exception) as error:
        services.response_save(version=stale, saved_by=editor, acceptance=Acceptance.ACCEPTED, done="Old words.")

    assert "Send it back to draft before changing it" in str(error.value)
    stored = ResponseVersion.casework.get(pk=written.pk)
    assert (stored.state, stored.done) == (State.SUBMITTED, DONE)


def test_a_form_loaded_before_someone_else_saved_is_refused_and_keeps_what_was_typed(
    signed_in_client, obligation, editor, written
):
    loaded_version = written.version
    colleague = member(Role.EDITOR, Organisation.objects.get(code="warwickshire-police"))
    services.response_save(version=written, saved_by=colleague, acceptance=Acceptance.ACCEPTED, done="Newer words.")

    refused = signed_in_client(editor).post(
        own("response", obligation(2)),
        {"acceptance": Acceptance.ACCEPTED, "done": "Older words.", "expected_version": loaded_version},
    )

    messages = errors_of(refused)
    assert len(messages) == 1 and messages[0].startswith("Someone else changed this response at ")
    assert "Older words." in refused.content.decode()
    assert ResponseVersion.casework.get(pk=written.pk).done == "Newer words."


def test_who_changed_the_content_is_remembered_for_four_eyes(obligation, editor, written):
    assert set(ContentEdit.objects.for_object(written).values_list("actor", flat=True)) == {editor.pk}


# 6. A national collation is signed off, and its figures are the service's -------------------------------------------


def test_a_national_response_is_approved_by_another_collator_and_its_figures_are_worked_out_on_publication(
    signed_in_client, obligation, editor, approver, written, hestia_like
):
    npcc = Organisation.objects.get(code="npcc")
    writer, colleague = member(Role.COLLATOR, npcc), member(Role.COLLATOR, npcc)
    recommendation = obligation(2).recommendation
    detail = reverse(
        "responses:collation-detail",
        kwargs={"slug": hestia_like.slug, "kind": recommendation.kind, "number": recommendation.number},
    )

    def step(name):
        return reverse(
            "responses:collation-step",
            kwargs={
                "slug": hestia_like.slug,
                "kind": recommendation.kind,
                "number": recommendation.number,
                "code": "npcc",
                "step": name,
            },
        )

    saved = signed_in_client(writer).post(
        detail,
        {"organisation": "npcc", "npcc-text": "Forces are training officers.", "figures": '{"accepted": 43}'},
    )
    assert saved.status_code == 302
    assert errors_of(signed_in_client(writer).post(step("approve"), {})) == [
        "You wrote or changed this national response, so someone else at National Police Chiefs' Council must "
        "approve it"
    ]
    assert signed_in_client(colleague).post(step("publish"), {}).status_code == 200  # not approved yet
    assert not Collation.public.exists()

    assert signed_in_client(colleague).post(step("approve"), {}).status_code == 302
    services.response_submit(version=written, submitted_by=editor)
    services.response_approve(version=written, approved_by=approver)
    services.response_publish(version=written, published_by=approver)  # published after approval, before publication
    confirm = text_of(assert_good_page(signed_in_client(colleague).get(step("publish"))))
    assert "Responded 1 of 43" in confirm
    assert signed_in_client(colleague).post(step("publish"), {}).status_code == 302

    collation = Collation.public.get()
    assert collation.published_on == timezone.localdate()
    assert collation.figures["accepted"] == 1 and collation.figures["addressees"] == 43
    assert collation.approved_by == colleague and collation.published_by == colleague
