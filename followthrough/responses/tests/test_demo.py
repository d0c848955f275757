import datetime
import io

import pytest
from django.core.management import call_command

from followthrough.accounts.models import User
from followthrough.organisations.models import Membership, Organisation, Role
from followthrough.reports.demo import HESTIA_SLUG, R2_POINTS
from followthrough.reports.models import Obligation
from followthrough.responses import demo, presenters
from followthrough.responses.models import (
    Acceptance,
    Assessment,
    Collation,
    Event,
    Implementation,
    Outcome,
    PlannedAction,
    PointAnswer,
    ProgressReturn,
    Response,
    ResponseVersion,
    State,
)

pytestmark = pytest.mark.django_db


def load():
    call_command("load_demo", stdout=io.StringIO())


def obligations(number):
    return Obligation.casework.filter(
        recommendation__report__slug=HESTIA_SLUG,
        recommendation__kind="recommendation",
        recommendation__number=number,
    ).select_related("organisation", "recommendation__report")


def warwickshire_version(number):
    return ResponseVersion.public.get(
        response__obligation__in=obligations(number), response__obligation__organisation__code=demo.WARWICKSHIRE
    )


def counts():
    return {
        model.__name__: model._default_manager.count()
        for model in (
            Response,
            ResponseVersion,
            PointAnswer,
            PlannedAction,
            ProgressReturn,
            Assessment,
            Collation,
            Event,
            User,
            Membership,
        )
    } | {"published returns": ProgressReturn.casework.filter(state=State.PUBLISHED).count()}


def test_loading_the_demo_twice_creates_and_changes_nothing():
    load()
    before = counts()
    states = list(ResponseVersion.casework.order_by("pk").values_list("pk", "state", "published_on"))
    load()
    assert counts() == before
    assert list(ResponseVersion.casework.order_by("pk").values_list("pk", "state", "published_on")) == states
    assert before["ResponseVersion"] > 40
    assert before["Collation"] == 2


def test_warwickshire_responses_to_recommendations_2_3_and_4_are_published_in_its_own_words():
    load()
    r2, r3, r4 = (warwickshire_version(number) for number in (2, 3, 4))
    for version in (r2, r3, r4):
        assert version.state == State.PUBLISHED
        assert version.acceptance == Acceptance.ACCEPTED
        # The source gives no date of publication: not known, never late or on time (ADR 0016).
        assert version.published_on is None and version.source_title == demo.WARWICKSHIRE_SOURCE
        assert not version.is_example
        assert version.drafted_by.email == "editor@warwickshire.example.police.uk"
    assert (
        "Since 2020, Warwickshire Police have been delivering the national MSHT Specialist Investigators course and "
        "now have a total of 32 trained investigators across CID, proactive CID and CATE teams"
    ) in r3.done
    assert "The crime allocation procedure has an identified escalation procedure." in r3.done
    assert "It is anticipated this will include victims of MSHT." in r4.done
    assert "• Services to victims who have a questionable immigration status (not Refugees)" in r4.done
    answers = {a.position: a.answer for a in r2.point_answers.all()}
    # Word for word, the seed's own slips included ("Human Tracking").
    assert answers[1].startswith("Material regarding Modern Slavery & Human Tracking (MSHT) is available via")
    assert "all student officers are provided with ½ day MSHT training including victim identification." in answers[2]
    assert "Bitesize training programme on section 45 defences includes this concept" in answers[3]
    assert answers[7].endswith(
        "Additional training is planned for proactive investigation teams who most frequently encounter this within "
        "County-Lines cases."
    )


def test_warwickshire_recommendation_2_is_answered_point_by_point_in_point_order():
    load()
    version = warwickshire_version(2)
    answers = list(version.point_answers.order_by("position"))
    assert [a.position for a in answers] == list(range(1, 8))
    assert [a.point_text for a in answers] == R2_POINTS
    assert all(a.answer.strip() and a.addressed for a in answers)
    assert version.done == demo.R2_LEAD_IN
    # "Additional training is planned…" has no target date in the seed, so it is not a planned action.
    assert not version.actions.exists()


def test_warwickshires_first_returns_carry_its_monitoring_statement_and_say_the_status_is_our_reading():
    load()
    for number in (2, 3, 4):
        progress_return = ProgressReturn.public.get(
            obligation__in=obligations(number), obligation__organisation__code=demo.WARWICKSHIRE, number=1
        )
        assert progress_return.due_on == datetime.date(2021, 11, 26)
        assert progress_return.status == Implementation.IN_PROGRESS
        assert progress_return.narrative.startswith(
            "Report provided by Warwickshire Police to HMICFRS via their online monitoring portal.\n\n"
        )
        assert "reading of Warwickshire Police's published answers" in progress_return.narrative
        assert not progress_return.is_example
    # Every obligation of the report has its cycle of returns, the first due on the six-month date.
    for obligation in Obligation.casework.filter(recommendation__report__slug=HESTIA_SLUG, is_active=True):
        first = ProgressReturn.casework.filter(obligation=obligation).order_by("number").first()
        assert first is not None and first.due_on == datetime.date(2021, 11, 26)


def test_every_record_from_another_organisation_is_an_example_says_so_and_was_written_by_people_who_cannot_sign_in():
    load()
    others = ResponseVersion.casework.exclude(response__obligation__organisation__code=demo.WARWICKSHIRE)
    assert others.count() > 40
    for version in others:
        assert version.is_example
        assert version.done.startswith("Example:")
        if version.acceptance != Acceptance.ACCEPTED:
            assert version.acceptance_reason.startswith("Example:")
        if version.number > 1:
            assert version.change_note.startswith("Example:")
        assert all(a.answer.startswith("Example:") for a in version.point_answers.all())
        assert all(a.description.startswith("Example:") for a in version.actions.all())
    written = ProgressReturn.casework.exclude(obligation__organisation__code=demo.WARWICKSHIRE).exclude(narrative="")
    assert written.count() >= 8
    assert all(r.is_example and r.narrative.startswith("Example:") for r in written)
    collations = Collation.public.all()
    assert collations.count() == 2
    assert all(c.is_example and c.text.startswith("Example:") for c in collations)
    assert all(a.reasons.startswith("Example:") for a in Assessment.objects.all())

    # Written by example people, who cannot sign in.
    people = User.objects.filter(email__startswith="example-")
    assert people.count() >= 50
    assert not any(person.has_usable_password() for person in people)
    assert {m.role for m in Membership.objects.filter(user__in=people)} == {Role.EDITOR, Role.APPROVER}


def test_the_examples_include_late_responses_partial_and_refused_acceptance_claims_and_two_assessments():
    load()
    versions = ResponseVersion.public.filter(is_example=True, number=1)
    assert versions.filter(published_on__gt=datetime.date(2021, 7, 20)).exists()
    assert versions.filter(acceptance=Acceptance.PARTIALLY_ACCEPTED).exists()
    assert 1 <= versions.filter(acceptance=Acceptance.NOT_ACCEPTED).count() <= 2
    claims = ProgressReturn.public.filter(status=Implementation.IMPLEMENTED, state=State.PUBLISHED)
    assert 3 <= claims.count() <= 4
    assert sorted(Assessment.objects.values_list("outcome", flat=True)) == [Outcome.COMPLETE, Outcome.NOT_COMPLETE]
    assert {a.assessed_by.email for a in Assessment.objects.all()} == {"caseworker@example.gov.uk"}
    corrected = ResponseVersion.public.get(number=2)
    action = corrected.actions.get()
    assert action.is_revised
    assert (action.original_target_date, action.target_date) == (
        datetime.date(2021, 12, 31),
        datetime.date(2022, 6, 30),
    )


def test_the_matrix_numbers_for_recommendation_2_match_what_was_loaded():
    load()
    responded = {
        code
        for code in obligations(2).values_list("organisation__code", flat=True)
        if ResponseVersion.public.filter(
            response__obligation__in=obligations(2), response__obligation__organisation__code=code
        ).exists()
    }
    expected = {demo.WARWICKSHIRE} | {
        plan.code
        for plan in demo.example_plans(
            [code for code in obligations(2).values_list("organisation__code", flat=True) if code != demo.WARWICKSHIRE]
        )
        if 2 in plan.numbers
    }
    assert responded == expected

    summary = presenters.summary(presenters.statuses(obligations(2)))
    assert summary.addressees == 43
    assert summary.responded == len(expected)
    assert summary.overdue == 43 - len(expected)
    assert 20 <= summary.responded <= 26
    assert "Warwickshire Police" not in summary.overdue_names
    silent_forces = Organisation.objects.filter(obligations__in=obligations(2)).exclude(code__in=expected)
    assert sorted(summary.overdue_names) == sorted(silent_forces.values_list("name", flat=True))
    assert summary.accepted + summary.partially_accepted + summary.not_accepted == summary.responded
    assert summary.claimed == 3
    assert summary.assessed_complete == 1


def test_the_npcc_collation_carries_the_figures_as_they_stood_on_26_november_2021():
    load()
    collation = Collation.public.get(organisation__code="npcc")
    assert collation.organisation.code == "npcc"
    assert collation.recommendation.number == 2
    assert collation.published_on == datetime.date(2021, 11, 26)
    then = presenters.summary(presenters.statuses(obligations(2), on=datetime.date(2021, 11, 26)))
    assert collation.figures["responded"] == then.responded
    assert collation.figures["overdue"] == then.overdue
    assert collation.figures["claimed"] == 0
    assert collation.figures["words"] == f"{then.responded} of 43 have responded; {then.overdue} overdue"


def test_a_draft_waits_in_warwickshires_commissioners_queue_only_when_a_demonstration_user_works_there():
    load()
    body = Organisation.objects.get(code=demo.WARWICKSHIRE).overseen_by_on(datetime.date(2021, 5, 26))
    assert not Response.objects.filter(obligation__organisation=body).exists()

    editor = User.objects.create_user("editor@opcc.example.gov.uk", full_name="Ola Office")
    Membership.objects.create(user=editor, organisation=body, role=Role.EDITOR)
    load()
    version = ResponseVersion.casework.get(response__obligation__organisation=body)
    assert version.state == State.DRAFT
    assert version.is_example and version.done.startswith("Example:")
    assert version.response.obligation.recommendation.number == 4


def test_the_apcc_collates_local_policing_bodies_on_recommendation_4_as_a_labelled_example():
    load()
    collation = Collation.public.get(organisation__code="apcc")
    assert collation.is_example
    assert collation.text.startswith("Example: the Association of Police and Crime Commissioners has collated")
    assert collation.recommendation.number == 4
    assert collation.published_on == datetime.date(2021, 11, 26)
    # Counted over local policing bodies only: the 43 chief constables on the same recommendation are the NPCC's.
    assert collation.figures["words"].split(" of ")[1].startswith("43 have responded")
    load()
    assert Collation.public.filter(organisation__code="apcc").count() == 1
