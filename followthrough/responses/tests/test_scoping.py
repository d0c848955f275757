"""An organisation's drafts are its own: nobody else reaches them by any route, and refusals change nothing.

The routes are read from the URL resolver (every `responses` pattern served by a module of `views/organisation/`), so
a route added later is tried here without anyone having to remember to list it.
"""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import get_resolver, reverse

from followthrough.core.models import AuditEntry
from followthrough.organisations.models import Membership, Organisation, Role
from followthrough.responses import services
from followthrough.responses.models import (
    Acceptance,
    Event,
    Evidence,
    Implementation,
    PlannedAction,
    ProgressReturn,
    ResponseVersion,
)
from followthrough.responses.views import organisation as organisation_views
from followthrough.testing.factories import UserFactory, member
from followthrough.testing.pages import assert_good_page, text_of

from .test_organisation_pages import PDF

PRIVATE_WORDS = "Victim navigators depend on national funding."


def organisation_routes():
    """(URL name, the route's parameters) for every page of an organisation's own work."""
    _, resolver = get_resolver().namespace_dict["responses"]
    return [
        (pattern.name, tuple(pattern.pattern.converters))
        for pattern in resolver.url_patterns
        if pattern.callback.__module__.startswith(f"{organisation_views.__name__}.")
    ]


ROUTES = organisation_routes()
ROUTE_IDS = [name for name, _ in ROUTES]
WITH_IDS = [(name, parameters) for name, parameters in ROUTES if parameters]
WITHOUT_IDS = [name for name, parameters in ROUTES if not parameters]

# Everything a form on these pages could take, so a missing scope check would have something to change.
EVERYTHING = {
    "acceptance": "accepted",
    "done": "Changed by someone at another force",
    "change_note": "Changed",
    "point_1": "Changed",
    "description": "Changed",
    "owner_role": "Changed",
    "target_date-day": "1",
    "target_date-month": "1",
    "target_date-year": "2023",
    "revision_reason": "Changed",
    "title": "Planted evidence",
    "url": "https://www.example.com/planted",
    "published_on-day": "1",
    "published_on-month": "7",
    "published_on-year": "2021",
    "note": "Changed",
    "status": "implemented",
    "narrative": "Changed",
}


def test_the_routes_are_found_so_the_checks_below_mean_something():
    names = set(ROUTE_IDS)
    assert {"obligations", "obligation", "response", "obligation-evidence", "return"} <= names
    assert {f"response-{step}" for step in ("submit", "approve", "publish", "send-back")} <= names
    assert {f"return-{step}" for step in ("submit", "approve", "publish", "send-back")} <= names
    assert len(ROUTES) >= 20
    assert WITHOUT_IDS == ["obligations"]


def test_every_route_served_by_an_organisation_view_is_found():
    _, resolver = get_resolver().namespace_dict["responses"]
    views = {getattr(organisation_views, name) for name in organisation_views.__all__}
    assert [pattern.name for pattern in resolver.url_patterns if pattern.callback in views] == ROUTE_IDS


def _work(obligation, user, words=PRIVATE_WORDS):
    """A draft response with a planned action and an uploaded file, and a draft progress return with a file."""
    version = services.response_start(obligation=obligation, started_by=user)
    services.response_save(
        version=version,
        saved_by=user,
        acceptance=Acceptance.PARTIALLY_ACCEPTED,
        acceptance_reason=words,
        done="Training is in place.",
    )
    action = services.action_save(
        version=version,
        saved_by=user,
        description="Train proactive investigation teams",
        owner_role="Head of crime",
        target_date=datetime.date(2022, 1, 31),
    )
    evidence = services.evidence_add(
        owner=version, added_by=user, title="Private plan", upload=SimpleUploadedFile("plan.pdf", PDF)
    )
    services.returns_schedule(obligations=[obligation], until=datetime.date(2021, 12, 1))
    progress_return = obligation.progress_returns.get(number=1)
    services.return_save(
        progress_return=progress_return, saved_by=user, status=Implementation.IN_PROGRESS, narrative=words
    )
    return_evidence = services.evidence_add(
        owner=progress_return, added_by=user, title="Private register", upload=SimpleUploadedFile("r.pdf", PDF)
    )
    return {
        "obligation_id": obligation.pk,
        "action_id": action.pk,
        "response_evidence_id": evidence.pk,
        "return_evidence_id": return_evidence.pk,
        "number": progress_return.number,
    }


@pytest.fixture
def warwickshire_work(obligation, editor, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):  # its evidence files are written when the work commits
        return _work(obligation(2), editor)


def url_for(name, parameters, ids):
    """The route filled with `ids`: evidence is the return's on a return's pages, the response's elsewhere."""
    kwargs = {}
    for parameter in parameters:
        if parameter == "evidence_id":
            kwargs[parameter] = ids["return_evidence_id" if "return" in name else "response_evidence_id"]
        else:
            kwargs[parameter] = ids[parameter]
    return reverse(f"responses:{name}", kwargs=kwargs)


def snapshot():
    """Everything the pages could change, so a refused request can be shown to have changed nothing."""
    return {
        "audit": AuditEntry.objects.count(),
        "events": Event.objects.count(),
        "versions": list(ResponseVersion.casework.order_by("pk").values()),
        "actions": list(PlannedAction.objects.order_by("pk").values()),
        "evidence": list(Evidence.objects.order_by("pk").values_list("pk", "title", "url", "file")),
        "returns": list(ProgressReturn.casework.order_by("pk").values()),
    }


@pytest.mark.django_db
@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize(("name", "parameters"), WITH_IDS, ids=[name for name, _ in WITH_IDS])
def test_an_editor_at_another_force_gets_page_not_found_on_every_route(
    signed_in_client, other_editor, warwickshire_work, name, parameters, method
):
    before = snapshot()
    response = getattr(signed_in_client(other_editor), method)(url_for(name, parameters, warwickshire_work), EVERYTHING)
    document = assert_good_page(response, status=404)
    assert PRIVATE_WORDS not in text_of(document)
    assert snapshot() == before


@pytest.mark.django_db
@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize(
    ("name", "parameters"),
    [(n, p) for n, p in ROUTES if {"action_id", "evidence_id"} & set(p)],
    ids=[n for n, p in ROUTES if {"action_id", "evidence_id"} & set(p)],
)
def test_another_forces_action_or_evidence_cannot_be_reached_through_ones_own_obligation(
    signed_in_client, other_editor, warwickshire_work, obligation, name, parameters, method
):
    own_work = _work(obligation(2, "west-mercia-police"), other_editor, words="West Mercia's own draft")
    ids = {
        **own_work,
        "action_id": warwickshire_work["action_id"],
        "response_evidence_id": warwickshire_work["response_evidence_id"],
        "return_evidence_id": warwickshire_work["return_evidence_id"],
    }
    before = snapshot()
    response = getattr(signed_in_client(other_editor), method)(url_for(name, parameters, ids), EVERYTHING)
    assert_good_page(response, status=404)
    assert snapshot() == before


@pytest.mark.django_db
@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize("name", WITHOUT_IDS)
def test_pages_that_take_no_ids_show_nothing_of_another_force(
    signed_in_client, other_editor, warwickshire_work, name, method
):
    before = snapshot()
    document = assert_good_page(getattr(signed_in_client(other_editor), method)(reverse(f"responses:{name}")))
    assert snapshot() == before
    hrefs = {a.get("href") for a in document.iter("a")}
    assert reverse("responses:obligation", kwargs={"obligation_id": warwickshire_work["obligation_id"]}) not in hrefs
    assert "West Mercia Police" in text_of(document)


@pytest.mark.django_db
def test_another_role_at_an_organisation_does_not_open_its_drafts(signed_in_client, editor, warwickshire_work):
    """Someone who edits for West Mercia and is an analyst at Warwickshire acts for West Mercia only."""
    user = member(Role.EDITOR, Organisation.objects.get(code="west-mercia-police"))
    Membership.objects.create(
        user=user, organisation=Organisation.objects.get(code="warwickshire-police"), role=Role.ANALYST
    )
    client = signed_in_client(user)
    detail = reverse("responses:obligation", kwargs={"obligation_id": warwickshire_work["obligation_id"]})
    assert_good_page(client.get(detail), status=404)
    text = text_of(assert_good_page(client.get(reverse("responses:obligations"))))
    assert "Warwickshire Police" not in text


@pytest.mark.django_db
@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize(("name", "parameters"), ROUTES, ids=ROUTE_IDS)
def test_anonymous_visitors_are_sent_to_sign_in(warwickshire_work, name, parameters, method):
    url = url_for(name, parameters, warwickshire_work)
    before = snapshot()
    response = getattr(Client(), method)(url, EVERYTHING)
    assert response.status_code == 302
    assert response["Location"].startswith(f"/sign-in?next={url}")
    assert snapshot() == before


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["caseworker", "someone with no role"])
@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize(("name", "parameters"), ROUTES, ids=ROUTE_IDS)
def test_people_who_are_not_editors_or_approvers_are_refused(
    request, signed_in_client, warwickshire_work, name, parameters, method, who
):
    user = request.getfixturevalue("caseworker") if who == "caseworker" else UserFactory()
    before = snapshot()
    response = getattr(signed_in_client(user), method)(url_for(name, parameters, warwickshire_work), EVERYTHING)
    document = assert_good_page(response, status=403)
    assert PRIVATE_WORDS not in text_of(document)
    assert snapshot() == before


@pytest.mark.django_db
def test_the_owning_organisation_can_reach_what_the_others_cannot(signed_in_client, approver, warwickshire_work):
    """The refusals above are about who is asking: the same ids work for Warwickshire's own approver."""
    client = signed_in_client(approver)
    detail = reverse("responses:obligation", kwargs={"obligation_id": warwickshire_work["obligation_id"]})
    assert PRIVATE_WORDS in text_of(assert_good_page(client.get(detail)))
    download = url_for("obligation-evidence", ("obligation_id", "evidence_id"), warwickshire_work)
    assert client.get(download).status_code == 200
