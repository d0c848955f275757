"""Each submission once (ADR 0014): the mechanism itself, on a small view that creates a group per form sent."""

import datetime
import time

import pytest
from django.contrib.auth.models import AnonymousUser, Group
from django.contrib.sessions.backends.db import SessionStore
from django.core import signing
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template import engines
from django.test import RequestFactory
from django.utils import timezone

from followthrough.core import once
from followthrough.core.models import Submission
from followthrough.testing.factories import UserFactory

from .test_architecture import our_patterns

pytestmark = pytest.mark.django_db

PATH = "/groups/new"


@once.once_per_submission
def add_group(request):
    """Creates a group for each form sent and sends the person to it. A blank name is refused and the form shown
    again, after the view has written something that must not be kept."""
    if request.method == "POST":
        name = request.POST.get("name", "")
        if name:
            group = Group.objects.create(name=f"{name} {Group.objects.count() + 1}")
            return redirect(f"/groups/{group.pk}")
        Group.objects.create(name="written before the form was refused")
    return HttpResponse("The form, with its errors")


@once.once_per_submission
def add_group_then_fail(request):
    Group.objects.create(name="made before the failure")
    raise Http404("Gone")


def post(data, *, user=None, session=None, path=PATH, view=add_group):
    request = RequestFactory().post(path, data)
    request.user = user or AnonymousUser()
    request.session = session or SessionStore()
    return view(request)


@pytest.fixture
def user():
    return UserFactory()


def test_every_rendered_form_carries_a_new_key_beside_its_csrf_token():
    request = RequestFactory().get("/")
    template = engines["jinja2"].from_string("<form>{{ csrf_input }}</form><form>{{ csrf_input }}</form>")
    html = template.render({}, request)
    keys = [part.split('"')[0] for part in html.split(f'name="{once.FIELD}" value="')[1:]]
    assert html.count('name="csrfmiddlewaretoken"') == 2
    assert len(keys) == 2 and keys[0] != keys[1]
    assert all(once.is_current(key) for key in keys)


def test_the_same_form_sent_twice_creates_once_and_both_answers_go_to_the_same_place(user):
    key = once.new_key()
    first = post({"name": "Editors", once.FIELD: key}, user=user)
    second = post({"name": "Editors", once.FIELD: key}, user=user)
    assert first.status_code == second.status_code == 302
    assert second.url == first.url == f"/groups/{Group.objects.get().pk}"
    assert Submission.objects.get().result_url == first.url


def test_two_forms_sent_with_their_own_keys_create_two_records(user):
    post({"name": "Editors", once.FIELD: once.new_key()}, user=user)
    post({"name": "Editors", once.FIELD: once.new_key()}, user=user)
    assert Group.objects.count() == 2


def test_someone_not_signed_in_is_recognised_by_their_session():
    session = SessionStore()
    key = once.new_key()
    first = post({"name": "Visitors", once.FIELD: key}, session=session)
    second = post({"name": "Visitors", once.FIELD: key}, session=session)
    assert second.url == first.url
    assert Group.objects.count() == 1
    assert Submission.objects.get().session_key == session.session_key


def test_a_refused_form_keeps_nothing_so_its_key_can_still_be_used(user):
    key = once.new_key()
    refused = post({"name": "", once.FIELD: key}, user=user)
    assert refused.status_code == 200
    assert not Group.objects.exists() and not Submission.objects.exists()
    accepted = post({"name": "Editors", once.FIELD: key}, user=user)
    assert accepted.status_code == 302 and Group.objects.count() == 1


def test_a_view_that_fails_keeps_nothing_it_wrote_and_not_the_key(user):
    key = once.new_key()
    with pytest.raises(Http404):
        post({once.FIELD: key}, user=user, view=add_group_then_fail)
    assert not Group.objects.exists() and not Submission.objects.exists()


def _expired_key(monkeypatch):
    too_old = time.time() - datetime.timedelta(days=15).total_seconds()
    with monkeypatch.context() as patched:
        patched.setattr(signing.time, "time", lambda: too_old)
        return once.new_key()


@pytest.mark.parametrize(
    "key",
    [None, "", "made-up", "x" * 500, signing.TimestampSigner(salt="another purpose").sign("abc"), "expired"],
    ids=["missing", "empty", "made up", "too long", "signed for something else", "expired"],
)
def test_a_form_without_a_key_the_service_made_is_refused_and_makes_nothing(key, user, monkeypatch):
    if key == "expired":
        key = _expired_key(monkeypatch)
    data = {"name": "Editors"} if key is None else {"name": "Editors", once.FIELD: key}
    response = post(data, user=user)
    assert response.status_code == 400
    assert b"Go back to the form" in response.content
    assert not Group.objects.exists() and not Submission.objects.exists()


def test_another_persons_key_does_not_show_them_where_the_first_form_went(user):
    key = once.new_key()
    post({"name": "Editors", once.FIELD: key}, user=user)
    response = post({"name": "Editors", once.FIELD: key}, user=UserFactory())
    assert response.status_code == 400
    assert Group.objects.count() == 1


def test_a_key_sent_to_another_address_is_refused(user):
    key = once.new_key()
    post({"name": "Editors", once.FIELD: key}, user=user)
    response = post({"name": "Editors", once.FIELD: key}, user=user, path="/teams/new")
    assert response.status_code == 400
    assert Group.objects.count() == 1


def test_showing_the_form_needs_no_key():
    request = RequestFactory().get(PATH)
    request.user, request.session = AnonymousUser(), SessionStore()
    assert add_group(request).status_code == 200


def test_a_wrapped_view_says_so_for_the_architecture_test():
    assert add_group.once_per_submission is True


def test_the_sweep_forgets_submissions_whose_keys_can_no_longer_be_sent(user):
    today = timezone.localdate()
    old = Submission.objects.create(key="old", user=user, path=PATH, result_url="/a")
    recent = Submission.objects.create(key="recent", user=user, path=PATH, result_url="/b")
    Submission.objects.filter(pk=old.pk).update(created_at=timezone.now() - datetime.timedelta(days=15))
    Submission.objects.filter(pk=recent.pk).update(created_at=timezone.now() - datetime.timedelta(days=13))
    assert once.sweep(on=today) == {"submissions_forgotten": 1}
    assert list(Submission.objects.values_list("key", flat=True)) == ["recent"]
    assert once.sweep(on=today) == {"submissions_forgotten": 0}


def test_a_sweep_run_for_a_day_in_the_future_still_keeps_keys_that_can_be_sent(user):
    Submission.objects.create(key="recent", user=user, path=PATH, result_url="/b")
    assert once.sweep(on=timezone.localdate() + datetime.timedelta(days=30)) == {"submissions_forgotten": 0}


# Across the service: every form that creates a record is wrapped -------------------------------------------------

# The routes whose forms create a record, pinned so that wrapping another view, or unwrapping one, is done on purpose.
# Each app's tests/test_once.py sends each of its forms twice with one key and checks that one record was made.
CREATE_ROUTES = {
    "your-super-complaints/new/title",
    "your-super-complaints/<int:complaint_id>/evidence-files",
    "casework/super-complaints/<slug:reference>/acknowledge",
    "casework/super-complaints/<slug:reference>/eligibility",
    "casework/super-complaints/<slug:reference>/investigation",
    "casework/super-complaints/<slug:reference>/progress-report",
    "casework/reports/new",
    "casework/reports/<slug:slug>/recommendations/new",
    "casework/reports/<slug:slug>/recommendations/<int:number>/correct",
    "casework/reports/<slug:slug>/actions/<int:number>/correct",
    "your-obligations/<int:obligation_id>/response",
    "your-obligations/<int:obligation_id>/response/actions/new",
    "your-obligations/<int:obligation_id>/response/evidence/new",
    "your-obligations/<int:obligation_id>/returns/<int:number>/evidence/new",
    "casework/assessments/<int:return_id>",
    "casework/published-elsewhere/obligations/<int:obligation_id>/response",
    "casework/published-elsewhere/returns/<int:return_id>",
    "collation/<slug:slug>/<slug:kind>/<int:number>",
    "casework/correspondence/new",
    "casework/correspondence/<int:letter_id>/reply",
    "calendar/bank-holidays/add",
}


def _wrapped_routes():
    return {route for route, pattern in our_patterns() if getattr(pattern.callback, "once_per_submission", False)}


def test_the_forms_that_create_a_record_are_the_ones_pinned_here():
    assert _wrapped_routes() == CREATE_ROUTES


def test_a_page_for_something_new_is_wrapped_so_it_makes_one_record_per_form_sent():
    # Pages that add something have "new", "add" or "reply" in their address: a new one is caught here by that alone.
    adding = {route for route, _ in our_patterns() if {"new", "add", "reply"} & set(route.split("/"))}
    assert len(adding) >= 9
    assert adding - _wrapped_routes() == set()


def test_the_two_forms_found_making_duplicates_are_among_them():
    assert {
        "your-super-complaints/new/title",
        "your-obligations/<int:obligation_id>/response/actions/new",
    } <= _wrapped_routes()
