"""The one workflow's general extensions (ADR 0017), tested on a small table of its own over super-complaints: a step
taken at another organisation or any of several, a target the decision chooses, the service itself acting, a step's
own changes under the lock, the source on the history row, and a record type's own words."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction

from followthrough.complaints.models import Action, ComplaintEvent, State, SuperComplaint
from followthrough.complaints.tests.helpers import complaint_in, organisation
from followthrough.core.provenance import Source
from followthrough.core.workflow import HistoryRows, Refused, StaleForm, Transition, Words, Workflow
from followthrough.organisations.models import Role
from followthrough.testing.factories import member

DECIDE, WITHDRAW = Action.DECIDE_ELIGIBILITY, Action.WITHDRAW


def workflow(**options):
    return Workflow(
        {
            DECIDE: Transition(
                frozenset({State.SUBMITTED}),
                None,
                (Role.CASEWORKER,),
                "decide on it",
                "{What} decided",
                targets=frozenset({State.ELIGIBLE, State.NOT_ELIGIBLE}),
                at=lambda complaint: organisation("hmicfrs"),
            ),
            WITHDRAW: Transition(
                frozenset({State.SUBMITTED}), State.WITHDRAWN, (Role.DESIGNATED_BODY_USER,), "withdraw it", "Withdrawn"
            ),
        },
        organisation_of=lambda complaint: [complaint.designated_body, organisation("liberty")],
        history=HistoryRows(ComplaintEvent, record_field="complaint", step_field="action"),
        what=lambda complaint: "complaint",
        **options,
    )


def take(flow, complaint, name, **kwargs):
    with transaction.atomic():
        return flow.take(complaint, name, **kwargs)


@pytest.fixture
def submitted(db):
    return complaint_in("submitted", organisation("hestia"))


@pytest.mark.django_db
def test_a_decision_chooses_its_target_among_the_transitions_targets_and_nothing_else(submitted):
    caseworker = member(Role.CASEWORKER, organisation("hmicfrs"))
    flow = workflow()
    for wrong in (None, State.WITHDRAWN):
        with pytest.raises(ValidationError) as refused:
            take(flow, submitted, DECIDE, user=caseworker, target=wrong)
        assert refused.value.code == "target"
    decided = take(flow, submitted, DECIDE, user=caseworker, target=State.NOT_ELIGIBLE)
    assert decided.state == State.NOT_ELIGIBLE
    row = decided.events.first()
    assert (row.title, row.from_state, row.to_state) == ("Complaint decided", State.SUBMITTED, State.NOT_ELIGIBLE)


@pytest.mark.django_db
def test_a_step_at_another_organisation_is_taken_by_its_people_acting_for_it(submitted):
    hestia_user = member(Role.DESIGNATED_BODY_USER, organisation("hestia"))
    with pytest.raises(Refused) as refused:
        take(workflow(), submitted, DECIDE, user=hestia_user, target=State.ELIGIBLE)
    hmicfrs = organisation("hmicfrs").name
    assert refused.value.message == f"Only an inspectorate caseworker at {hmicfrs} can decide on it"
    caseworker = member(Role.CASEWORKER, organisation("hmicfrs"))
    decided = take(workflow(), submitted, DECIDE, user=caseworker, target=State.ELIGIBLE)
    assert decided.events.first().actor_organisation.code == "hmicfrs"


@pytest.mark.django_db
def test_a_record_of_several_organisations_is_acted_on_for_the_one_the_person_belongs_to(submitted):
    kent = member(Role.DESIGNATED_BODY_USER, organisation("kent-police"))
    with pytest.raises(Refused) as refused:
        take(workflow(), submitted, WITHDRAW, user=kent)
    assert refused.value.message == "Only an designated body user at Hestia or Liberty can withdraw it"
    liberty_user = member(Role.DESIGNATED_BODY_USER, organisation("liberty"))
    withdrawn = take(workflow(), submitted, WITHDRAW, user=liberty_user)
    assert withdrawn.events.first().actor_organisation_label == "Liberty"
    assert workflow().acted_for(withdrawn, liberty_user).code == "liberty"


@pytest.mark.django_db
def test_the_service_itself_may_act_only_where_the_workflow_says_so(submitted):
    with pytest.raises(Refused):
        take(workflow(), submitted, WITHDRAW, user=None)
    withdrawn = take(workflow(service_may_act=True), submitted, WITHDRAW, user=None)
    assert (withdrawn.state, withdrawn.events.first().actor_label) == (State.WITHDRAWN, "Follow Through")


@pytest.mark.django_db
def test_a_steps_own_changes_run_under_the_lock_after_the_checks_and_fill_in_its_history_row(submitted):
    ran = []

    def change(locked):
        ran.append(locked.state)
        locked.withdrawn_on = datetime.date(2019, 6, 3)
        return {"on": locked.withdrawn_on, "note": "Withdrawn by agreement", "title": "Withdrawn by Hestia"}

    flow = workflow(service_may_act=True)
    with pytest.raises(Refused):
        take(flow, complaint_in("withdrawn", organisation("hestia")), WITHDRAW, user=None, change=change)
    assert ran == []
    withdrawn = take(flow, submitted, WITHDRAW, user=None, change=change)
    assert ran == [State.WITHDRAWN] and withdrawn.withdrawn_on == datetime.date(2019, 6, 3)
    row = withdrawn.events.first()
    assert (row.title, row.note, row.on) == ("Withdrawn by Hestia", "Withdrawn by agreement", datetime.date(2019, 6, 3))


@pytest.mark.django_db
def test_a_change_that_refuses_leaves_the_record_and_its_history_as_they_were(submitted):
    def change(locked):
        raise ValidationError({"reason": "Enter why"})

    version, rows = submitted.version, submitted.events.count()
    with pytest.raises(ValidationError):
        take(workflow(service_may_act=True), submitted, WITHDRAW, user=None, change=change)
    unchanged = SuperComplaint.internal.get(pk=submitted.pk)
    assert (unchanged.state, unchanged.version, unchanged.events.count()) == (State.SUBMITTED, version, rows)


@pytest.mark.django_db
def test_the_history_row_of_a_historical_step_names_its_source(submitted):
    source = Source(" HMICFRS's published list ", url=" https://www.gov.uk/example ")
    withdrawn = take(workflow(service_may_act=True), submitted, WITHDRAW, user=None, source=source)
    row = withdrawn.events.first()
    assert (row.source_title, row.source_url) == ("HMICFRS's published list", "https://www.gov.uk/example")


@pytest.mark.django_db
def test_a_stale_form_says_who_changed_it_and_gives_the_version_it_has_now(submitted):
    class Plain(Words):
        after_change = "Look again"

    with pytest.raises(StaleForm) as stale:
        take(workflow(service_may_act=True, words=Plain()), submitted, WITHDRAW, user=None, expected_version=0)
    assert stale.value.version == submitted.version
    assert stale.value.message_for("Another caseworker").startswith("Another caseworker changed this complaint at ")
    assert stale.value.message.endswith(". Look again")


@pytest.mark.django_db
def test_a_record_types_own_words_say_why_a_step_is_not_possible(submitted):
    class Ours(Words):
        def not_now(self, record, what, doing):
            return f"{record.reference} cannot {doing} now"

    flow = workflow(service_may_act=True, words=Ours())
    withdrawn = take(flow, submitted, WITHDRAW, user=None)
    with pytest.raises(Refused) as refused:
        take(flow, withdrawn, WITHDRAW, user=None)
    assert refused.value.message == f"{withdrawn.reference} cannot withdraw it now"
