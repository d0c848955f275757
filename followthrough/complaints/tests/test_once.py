"""Each submission once (ADR 0014): a form sent twice, or twenty times at once, makes one record."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.urls import reverse

from followthrough.testing.client import signed_in
from followthrough.testing.once import assert_sent_twice_creates_once, key_in, routes_created_once, send_at_once

from ..models import Action, ProgressReport, SuperComplaint
from .helpers import complaint_in, draft, organisation
from .test_uploads import SMALL_PDF


def _date(name, day, month, year):
    return {f"{name}-day": str(day), f"{name}-month": str(month), f"{name}-year": str(year)}


def _start(hestia_user, caseworker):
    return (
        hestia_user,
        reverse("complaints:start"),
        lambda: {"title": "Underground lives"},
        SuperComplaint.internal.count,
    )


def _evidence_files(hestia_user, caseworker):
    complaint = draft(organisation("hestia"))
    return (
        hestia_user,
        reverse("complaints:evidence-files", kwargs={"complaint_id": complaint.pk}),
        lambda: {"file": SimpleUploadedFile("Underground lives.pdf", SMALL_PDF)},
        complaint.evidence_files.count,
    )


def _casework(state, slug, action, fields):
    def case(hestia_user, caseworker):
        complaint = complaint_in(state, organisation("hestia"))
        return (
            caseworker,
            reverse(f"complaints:casework-{slug}", kwargs={"reference": complaint.reference}),
            lambda: {"expected_version": complaint.version, **fields},
            complaint.events.filter(action=action).count,
        )

    return case


def _progress_report(hestia_user, caseworker):
    complaint = complaint_in("eligible", organisation("hestia"))
    return (
        caseworker,
        reverse("complaints:casework-progress-report", kwargs={"reference": complaint.reference}),
        lambda: {"expected_version": complaint.version, "summary": "Fieldwork begun.", **_date("sent_on", 2, 12, 2019)},
        ProgressReport.objects.filter(complaint=complaint).count,
    )


CASES = {
    "start": _start,
    "evidence-files": _evidence_files,
    "casework-acknowledge": _casework("submitted", "acknowledge", Action.ACKNOWLEDGE, _date("on", 6, 6, 2019)),
    "casework-eligibility": _casework(
        "acknowledged",
        "eligibility",
        Action.DECIDE_ELIGIBILITY,
        {
            "decision": "eligible",
            "reasons": "It meets regulation 4.",
            "agreed_by": ["hmicfrs", "iopc", "college-of-policing"],
            "repeats": "",
            **_date("on", 2, 9, 2019),
        },
    ),
    "casework-investigation": _casework(
        "eligible",
        "investigation",
        Action.RECORD_INVESTIGATION,
        {"lead_bodies": ["hmicfrs"], "planned_activities": "Fieldwork in six forces.", **_date("on", 1, 10, 2019)},
    ),
    "casework-progress-report": _progress_report,
}


def test_every_form_here_that_creates_a_record_is_sent_twice_below():
    assert sorted(CASES) == routes_created_once("complaints")


@pytest.mark.django_db
@pytest.mark.parametrize("route", sorted(CASES))
def test_a_form_sent_twice_makes_one_record(route, signed_in_client, hestia_user, caseworker):
    user, url, form, count = CASES[route](hestia_user, caseworker)
    assert_sent_twice_creates_once(signed_in_client(user), url, form, count)


@pytest.mark.django_db
def test_the_same_title_sent_twice_makes_one_draft_and_both_answers_go_to_its_next_question(
    signed_in_client, hestia_user
):
    client = signed_in_client(hestia_user)
    form = {"title": "Underground lives", "submission_key": key_in(client.get(reverse("complaints:start")).text)}

    first = client.post(reverse("complaints:start"), form)
    second = client.post(reverse("complaints:start"), form)

    assert SuperComplaint.internal.count() == 1
    complaint = SuperComplaint.internal.get()
    next_question = reverse("complaints:features", kwargs={"complaint_id": complaint.pk})
    assert first["Location"] == second["Location"] == next_question


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_twenty_copies_of_the_title_sent_at_the_same_moment_make_one_draft(hestia_user):
    clients = []
    for _ in range(20):
        clients.append(signed_in(hestia_user, raise_request_exception=False))

    answers = send_at_once(clients, reverse("complaints:start"), lambda: {"title": "Underground lives"})

    complaint = SuperComplaint.internal.get()
    next_question = reverse("complaints:features", kwargs={"complaint_id": complaint.pk})
    assert [(response.status_code, response["Location"]) for response, _ in answers] == [(302, next_question)] * 20
    if connection.vendor == "postgresql":
        # PostgreSQL makes each copy wait on the key's unique index, then answers it: nothing needs sending again.
        assert [tries for _, tries in answers] == [1] * 20
