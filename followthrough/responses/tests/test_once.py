"""Each submission once (ADR 0014): a form sent twice, or twenty times at once, makes one record."""

import datetime
from types import SimpleNamespace

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.urls import reverse

from followthrough.organisations.models import Organisation, Role
from followthrough.responses.models import (
    Assessment,
    Collation,
    Evidence,
    Implementation,
    PlannedAction,
    ProgressReturn,
    ResponseVersion,
)
from followthrough.testing.client import signed_in
from followthrough.testing.factories import member
from followthrough.testing.once import assert_sent_twice_creates_once, key_in, routes_created_once, send_at_once

from .test_organisation_pages import PDF, date_fields, own
from .test_public_pages import progress_return, publish_response, publish_return

ACTION = {
    "description": "Train proactive investigation teams",
    "owner_role": "Head of crime",
    **date_fields("target_date", datetime.date(2022, 1, 31)),
}


def _actions(obligation):
    return PlannedAction.objects.filter(version__response__obligation=obligation).count


def _response(people):
    ob = people.obligation(2)
    return (
        people.editor,
        own("response", ob),
        lambda: {"acceptance": "accepted", "done": "Bitesize training.", "point_1": "Guides are on the intranet."},
        ResponseVersion.casework.filter(response__obligation=ob).count,
    )


def _action_add(people):
    ob = people.obligation(2)
    return people.editor, own("action-add", ob), lambda: dict(ACTION), _actions(ob)


def _response_evidence_add(people):
    ob = people.obligation(2)
    return (
        people.editor,
        own("response-evidence-add", ob),
        lambda: {"title": "Training plan", "upload": SimpleUploadedFile("plan.pdf", PDF, "application/pdf")},
        Evidence.objects.filter(version__response__obligation=ob).count,
    )


def _return_evidence_add(people):
    ob = people.obligation(2)
    record = progress_return(ob)
    return (
        people.editor,
        own("return-evidence-add", ob, number=record.number),
        lambda: {"title": "Training register", "url": "https://www.example.gov.uk/register"},
        record.evidence.count,
    )


def _assessment(people):
    ob = people.obligation(2)
    publish_response(ob, people.editor, people.approver)
    claim = publish_return(
        ob,
        people.editor,
        people.approver,
        status=Implementation.IMPLEMENTED,
        narrative="Every officer has completed the training.",
        on=datetime.date(2021, 12, 1),
    )
    return (
        people.caseworker,
        reverse("responses:assessment", kwargs={"return_id": claim.pk}),
        lambda: {"action": "assess", "outcome": "complete", "reasons": ""},
        Assessment.objects.filter(progress_return=claim).count,
    )


def _collation(people):
    report = people.obligation(2).recommendation.report
    return (
        member(Role.COLLATOR, Organisation.objects.get(code="npcc")),
        reverse("responses:collation-detail", kwargs={"slug": report.slug, "kind": "recommendation", "number": 2}),
        lambda: {"organisation": "npcc", "npcc-text": "Forces are training officers to identify victims."},
        Collation.casework.count,  # the draft it saves: published only once approved by a second collator
    )


def _response_from_source(people):
    ob = people.obligation(2)
    return (
        people.caseworker,
        reverse("responses:response-from-source", kwargs={"obligation_id": ob.pk}),
        lambda: {
            "source_title": "Warwickshire's published response",
            "no_date": "on",
            "acceptance": "accepted",
            "done": "Bitesize training.",
            "point_1": "Guides are on the intranet.",
        },
        ResponseVersion.casework.filter(response__obligation=ob).count,
    )


def _return_from_source(people):
    record = progress_return(people.obligation(2))
    return (
        people.caseworker,
        reverse("responses:return-from-source", kwargs={"return_id": record.pk}),
        lambda: {
            "source_title": "Warwickshire's update",
            "no_date": "on",
            "status": "in-progress",
            "narrative": "Under way.",
        },
        ProgressReturn.casework.filter(pk=record.pk, state="published").count,
    )


CASES = {
    "response-from-source": _response_from_source,
    "return-from-source": _return_from_source,
    "response": _response,
    "action-add": _action_add,
    "response-evidence-add": _response_evidence_add,
    "return-evidence-add": _return_evidence_add,
    "assessment": _assessment,
    "collation-detail": _collation,
}


@pytest.fixture
def people(obligation, editor, approver, caseworker, settings, tmp_path):
    """Who each case needs, and the report's obligations; uploaded files go to the test's own folder."""
    settings.MEDIA_ROOT = tmp_path
    return SimpleNamespace(obligation=obligation, editor=editor, approver=approver, caseworker=caseworker)


def test_every_form_here_that_creates_a_record_is_sent_twice_below():
    assert sorted(CASES) == routes_created_once("responses")


@pytest.mark.django_db
@pytest.mark.parametrize("route", sorted(CASES))
def test_a_form_sent_twice_makes_one_record(route, signed_in_client, people):
    user, url, form, count = CASES[route](people)
    assert_sent_twice_creates_once(signed_in_client(user), url, form, count)


@pytest.mark.django_db
def test_the_same_planned_action_sent_twice_is_added_once_and_both_answers_go_to_the_response(
    signed_in_client, editor, obligation
):
    client = signed_in_client(editor)
    url = own("action-add", obligation(2))
    form = {**ACTION, "submission_key": key_in(client.get(url).text)}

    first = client.post(url, form)
    second = client.post(url, form)

    assert _actions(obligation(2))() == 1
    assert first["Location"] == second["Location"] == own("obligation", obligation(2)) + "#response"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_twenty_copies_of_a_planned_action_sent_at_the_same_moment_add_one(editor, obligation):
    clients = []
    for _ in range(20):
        clients.append(signed_in(editor, raise_request_exception=False))

    answers = send_at_once(clients, own("action-add", obligation(2)), lambda: dict(ACTION))

    assert _actions(obligation(2))() == 1
    response_section = own("obligation", obligation(2)) + "#response"
    assert [(response.status_code, response["Location"]) for response, _ in answers] == [(302, response_section)] * 20
    if connection.vendor == "postgresql":
        # PostgreSQL makes each copy wait on the key's unique index, then answers it: nothing needs sending again.
        assert [tries for _, tries in answers] == [1] * 20
