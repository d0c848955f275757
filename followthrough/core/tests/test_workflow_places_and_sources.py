"""The one workflow (core.workflow): roles held at different organisations, what a taking brings, and the historical
path that names its source (ADR 0016, ADR 0018). Built on a report and a letter, the records that first needed them."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from followthrough.core.actors import SYSTEM, acting_for_one_of
from followthrough.core.models import AuditEntry
from followthrough.core.provenance import Source
from followthrough.core.workflow import Transition, Workflow
from followthrough.organisations.models import Organisation, Role
from followthrough.reports import services as report_services
from followthrough.reports.models import Report, ReportEvent
from followthrough.reports.services.common import PUBLISH, RECORDERS, report_workflow
from followthrough.testing.factories import member

pytestmark = pytest.mark.django_db


def organisation(code):
    return Organisation.objects.get(code=code)


@pytest.fixture
def draft(caseworker):
    return report_services.report_create(
        created_by=caseworker, title="A draft", source=Report.Source.INSPECTION, planned_on=datetime.date(2021, 5, 26)
    )


# Roles held at different organisations -------------------------------------------------------------------------------


def test_a_role_counts_only_at_the_organisation_the_record_says_it_is_held_at():
    places = {Role.CASEWORKER: organisation("hmicfrs"), Role.APPROVER: organisation("home-office")}
    approver = member(Role.APPROVER, organisation("home-office"))
    elsewhere = member(Role.APPROVER, organisation("hmicfrs"))
    actor = acting_for_one_of(approver, places, Role.CASEWORKER, Role.APPROVER, doing="clear it")
    assert actor.organisation == organisation("home-office")
    with pytest.raises(ValidationError) as error:
        acting_for_one_of(elsewhere, places, Role.CASEWORKER, Role.APPROVER, doing="clear it")
    assert error.value.messages == [
        "Only an inspectorate caseworker at His Majesty's Inspectorate of Constabulary and Fire & Rescue Services or "
        "an organisation approver at Home Office can clear it"
    ]


def test_a_workflow_whose_roles_are_held_at_different_organisations_names_the_one_acted_for(draft):
    approver = member(Role.APPROVER, organisation("home-office"))
    places = Workflow(
        {},
        organisation_of=lambda record: {
            Role.CASEWORKER: organisation("hmicfrs"),
            Role.APPROVER: organisation("home-office"),
        },
        history=None,
    )
    assert places.actor(draft, approver, (Role.APPROVER,), doing="approve it").organisation == organisation(
        "home-office"
    )
    with pytest.raises(ValidationError, match="Only an inspectorate caseworker at"):
        places.actor(draft, approver, (Role.CASEWORKER,), doing="approve it")


# What a taking brings ------------------------------------------------------------------------------------------------


def test_a_takings_own_effect_runs_under_the_lock_and_its_refusal_saves_nothing(draft, caseworker):
    def refuse(locked):
        raise ValidationError({"summary": "Enter a summary"})

    with pytest.raises(ValidationError) as error:
        report_workflow.take(draft, PUBLISH, user=caseworker, change=refuse)
    assert error.value.message_dict == {"summary": ["Enter a summary"]}
    draft.refresh_from_db()
    assert (draft.state, draft.version) == ("draft", 1)

    report_workflow.take(draft, PUBLISH, user=caseworker, change=lambda locked: setattr(locked, "summary", "Brought"))
    draft.refresh_from_db()
    assert (draft.state, draft.summary, draft.version, draft.published_by) == ("published", "Brought", 2, caseworker)


# The historical path -------------------------------------------------------------------------------------------------


def test_the_historical_path_dates_the_record_as_its_source_does_and_names_the_source_in_its_history(draft):
    administrator = member(Role.ADMINISTRATOR, organisation("hmicfrs"))
    source = Source("The report as published", on=datetime.date(2021, 5, 26), url="https://example.gov.uk/report")
    report_workflow.from_source(draft, PUBLISH, source=source, roles=RECORDERS, user=administrator, note="Loaded.")
    draft.refresh_from_db()
    assert (draft.state, draft.published_on, draft.published_by) == ("published", source.on, administrator)
    assert (draft.source_title, draft.source_url, draft.version) == (source.title, source.url, 2)
    assert draft.recorded_at is not None and draft.recorded_at.date() == timezone.localdate()
    row = ReportEvent.objects.get(report=draft, title="Report published")
    assert row.note == "Published on 26 May 2021, according to The report as published. Loaded."
    assert row.actor == administrator and row.is_public
    assert AuditEntry.objects.for_object(draft).filter(reason="Loaded.").exists()


def test_the_service_itself_may_take_the_historical_path_but_not_a_date_after_today(draft):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        report_workflow.from_source(draft, PUBLISH, source=Source("A press release", on=tomorrow), roles=RECORDERS)
    assert "source_date" in error.value.message_dict
    draft.refresh_from_db()
    assert draft.state == "draft"

    report_workflow.from_source(draft, PUBLISH, source=Source("A press release", on=None), roles=RECORDERS)
    draft.refresh_from_db()
    assert (draft.state, draft.published_on, draft.published_by) == ("published", None, None)
    assert ReportEvent.objects.get(report=draft, title="Report published").actor_label == SYSTEM.label


def test_the_historical_path_keeps_the_transitions_rules_of_state_and_of_who_may(draft, editor_elsewhere):
    with pytest.raises(ValidationError, match="Only an"):
        report_workflow.from_source(
            draft, PUBLISH, source=Source("The report", on=None), roles=RECORDERS, user=editor_elsewhere
        )
    report_workflow.from_source(draft, PUBLISH, source=Source("The report", on=None), roles=RECORDERS)
    with pytest.raises(ValidationError, match="This report is published, so you cannot record it from a source"):
        report_workflow.from_source(draft, PUBLISH, source=Source("The report", on=None), roles=RECORDERS)


@pytest.fixture
def editor_elsewhere():
    return member(Role.EDITOR, organisation("warwickshire-police"))


def test_a_transition_declared_without_a_stamp_takes_no_date_from_its_source(draft):
    bare = Workflow(
        {"publish": Transition(frozenset({"draft"}), "published", RECORDERS, "publish it", "Published")},
        organisation_of=lambda record: organisation("hmicfrs"),
        history=lambda **row: None,
    )
    bare.from_source(draft, "publish", source=Source("The report", on=datetime.date(2020, 1, 1)), roles=RECORDERS)
    draft.refresh_from_db()
    assert (draft.state, draft.published_on, draft.source_title) == ("published", None, "The report")
