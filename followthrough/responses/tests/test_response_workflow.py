import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from followthrough.core.models import AuditEntry
from followthrough.responses import services
from followthrough.responses.models import Acceptance, Event, ResponseVersion, State
from followthrough.testing.clock import server_date

from .conftest import every_point_answered

pytestmark = pytest.mark.django_db

PUBLISHED_ON = datetime.date(2021, 7, 1)


def _ready(version, user, **fields):
    fields.setdefault("acceptance", Acceptance.ACCEPTED)
    fields.setdefault("done", "Bitesize training on modern slavery is available to all officers.")
    fields.setdefault("point_answers", every_point_answered(version))
    return services.response_save(version=version, saved_by=user, **fields)


def _publish(version, editor, approver, on=PUBLISHED_ON):
    services.response_submit(version=version, submitted_by=editor)
    services.response_approve(version=version, approved_by=approver)
    with server_date(on):
        return services.response_publish(version=version, published_by=approver)


def test_a_response_goes_from_draft_to_published_with_each_step_recorded(obligation, editor, approver):
    version = services.response_start(obligation=obligation(2), started_by=editor)
    _ready(version, editor)
    _publish(version, editor, approver)

    version.refresh_from_db()
    assert version.state == State.PUBLISHED
    assert version.published_on == PUBLISHED_ON
    assert (version.submitted_by, version.approved_by, version.published_by) == (editor, approver, approver)
    events = Event.objects.filter(obligation=obligation(2)).order_by("pk")
    titles = [e.title for e in events]
    assert titles == ["Response started", "Response sent for sign-off", "Response approved", "Response published"]
    assert (
        timezone.localtime(events.last().at).date() == PUBLISHED_ON
    )  # placed on the day of publication, not the day it was entered
    assert [e.is_public for e in events] == [False, False, False, True]
    assert AuditEntry.objects.filter(object_id=str(version.pk), content_type__model="responseversion").count() >= 4


def test_the_first_version_carries_the_recommendations_points_to_answer(obligation, editor):
    version = services.response_start(obligation=obligation(2), started_by=editor)
    assert [a.point_text for a in version.point_answers.all()] == ["identify possible victims;"]
    services.response_save(
        version=version, saved_by=editor, acceptance=Acceptance.ACCEPTED, point_answers={1: ("We train them.", True)}
    )
    assert version.point_answers.get().answer == "We train them."


def test_sending_for_sign_off_says_exactly_what_is_missing(obligation, editor):
    version = services.response_start(obligation=obligation(2), started_by=editor)
    services.response_save(version=version, saved_by=editor, acceptance=Acceptance.PARTIALLY_ACCEPTED)
    with pytest.raises(ValidationError) as error:
        services.response_submit(version=version, submitted_by=editor)
    assert set(error.value.message_dict) == {"acceptance_reason", "done", "point_1"}
    assert error.value.message_dict["point_1"] == ["Answer point 1, or say why it is not addressed"]


def test_the_drafter_cannot_approve_their_own_response(obligation, editor, approver, warwickshire):
    version = services.response_start(obligation=obligation(2), started_by=approver)
    _ready(version, approver)
    services.response_submit(version=version, submitted_by=approver)
    with pytest.raises(ValidationError, match="someone else at Warwickshire Police must approve it"):
        services.response_approve(version=version, approved_by=approver)


def test_an_organisation_can_allow_one_person_to_draft_and_approve(obligation, approver, warwickshire):
    warwickshire.allows_self_approval = True
    warwickshire.save()
    version = services.response_start(obligation=obligation(2), started_by=approver)
    _ready(version, approver)
    services.response_submit(version=version, submitted_by=approver)
    services.response_approve(version=version, approved_by=approver)
    assert version.state == State.APPROVED


def test_an_editor_cannot_approve_or_publish(obligation, editor, approver):
    version = services.response_start(obligation=obligation(2), started_by=editor)
    _ready(version, editor)
    services.response_submit(version=version, submitted_by=editor)
    with pytest.raises(ValidationError, match="Only an organisation approver"):
        services.response_approve(version=version, approved_by=editor)


def test_another_organisations_editor_cannot_touch_the_response(obligation, editor, other_editor):
    version = services.response_start(obligation=obligation(2), started_by=editor)
    with pytest.raises(ValidationError, match="at Warwickshire Police"):
        services.response_save(version=version, saved_by=other_editor, acceptance=Acceptance.ACCEPTED)
    with pytest.raises(ValidationError):
        services.response_start(obligation=obligation(2), started_by=other_editor)


def test_a_published_version_cannot_be_changed(obligation, editor, approver):
    version = _publish(
        _ready(services.response_start(obligation=obligation(2), started_by=editor), editor), editor, approver
    )
    version.done = "Something else"
    with pytest.raises(ValidationError, match="cannot be changed"):
        version.save()


def test_a_correction_is_a_new_version_and_the_earlier_one_stays(obligation, editor, approver):
    first = _publish(
        _ready(services.response_start(obligation=obligation(2), started_by=editor), editor), editor, approver
    )
    second = services.response_start(obligation=obligation(2), started_by=editor)
    assert second.number == 2 and second.done == first.done
    with pytest.raises(ValidationError) as error:
        services.response_submit(version=second, submitted_by=editor)
    assert "change_note" in error.value.message_dict
    _ready(second, editor, change_note="Added the date training started.")
    _publish(second, editor, approver, on=datetime.date(2022, 3, 3))
    numbers = list(ResponseVersion.public.filter(response=first.response).values_list("number", "published_on"))
    assert numbers == [(1, PUBLISHED_ON), (2, datetime.date(2022, 3, 3))]


def test_moving_a_published_target_date_needs_a_reason_and_keeps_the_original(obligation, editor, approver):
    version = services.response_start(obligation=obligation(2), started_by=editor)
    services.action_save(
        version=version,
        saved_by=editor,
        description="Train proactive investigation teams",
        owner_role="Head of crime",
        target_date=datetime.date(2022, 1, 31),
    )
    _publish(_ready(version, editor), editor, approver)
    correction = services.response_start(obligation=obligation(2), started_by=editor)
    action = correction.actions.get()
    with pytest.raises(ValidationError) as error:
        services.action_save(
            version=correction,
            saved_by=editor,
            action=action,
            description=action.description,
            owner_role=action.owner_role,
            target_date=datetime.date(2022, 6, 30),
        )
    assert "revision_reason" in error.value.message_dict
    moved = services.action_save(
        version=correction,
        saved_by=editor,
        action=action,
        description=action.description,
        owner_role=action.owner_role,
        target_date=datetime.date(2022, 6, 30),
        revision_reason="Trainers were not available until spring",
    )
    assert moved.original_target_date == datetime.date(2022, 1, 31)
    assert moved.is_revised


def test_sending_back_needs_a_note_and_returns_the_draft(obligation, editor, approver):
    version = services.response_start(obligation=obligation(2), started_by=editor)
    _ready(version, editor)
    services.response_submit(version=version, submitted_by=editor)
    with pytest.raises(ValidationError):
        services.response_send_back(version=version, sent_back_by=approver, note=" ")
    services.response_send_back(version=version, sent_back_by=approver, note="Say when training started")
    assert version.state == State.DRAFT and version.submitted_by is None


def test_two_approvers_acting_at_once_cannot_both_approve(obligation, editor, approver, warwickshire):
    from followthrough.organisations.models import Role
    from followthrough.testing.factories import member

    second = member(Role.APPROVER, warwickshire)
    version = services.response_start(obligation=obligation(2), started_by=editor)
    _ready(version, editor)
    services.response_submit(version=version, submitted_by=editor)
    stale = ResponseVersion.casework.get(pk=version.pk)
    services.response_approve(version=version, approved_by=approver)
    with pytest.raises(ValidationError, match="approved, not yet published"):
        services.response_approve(version=stale, approved_by=second)


def test_a_correction_starts_with_the_published_versions_evidence_and_removing_it_keeps_the_original(
    obligation, editor, approver
):
    version = services.response_start(obligation=obligation(2), started_by=editor)
    services.evidence_add(owner=version, added_by=editor, title="Training plan", url="https://example.org/plan")
    first = _publish(_ready(version, editor), editor, approver)
    correction = services.response_start(obligation=obligation(2), started_by=editor)
    copied = correction.evidence.get()
    assert (copied.title, copied.url) == ("Training plan", "https://example.org/plan")
    services.evidence_remove(evidence=copied, removed_by=editor)
    assert not correction.evidence.exists()
    assert first.evidence.get().title == "Training plan"


def test_evidence_refused_for_a_missing_title_leaves_no_file_on_disk(
    obligation, editor, settings, tmp_path, django_capture_on_commit_callbacks
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from followthrough.testing.files import pdf_bytes

    settings.MEDIA_ROOT = tmp_path
    version = services.response_start(obligation=obligation(2), started_by=editor)
    upload = SimpleUploadedFile("plan.pdf", pdf_bytes(), content_type="application/pdf")
    with pytest.raises(ValidationError) as error, django_capture_on_commit_callbacks(execute=True):
        services.evidence_add(owner=version, added_by=editor, title="  ", upload=upload)
    assert "title" in error.value.message_dict
    assert not [p for p in tmp_path.rglob("*") if p.is_file()]
    upload.seek(0)
    with django_capture_on_commit_callbacks(execute=True):
        services.evidence_add(owner=version, added_by=editor, title="Training plan", upload=upload)
    assert len([p for p in tmp_path.rglob("*") if p.is_file()]) == 1
