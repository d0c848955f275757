"""Every page of the app, walked as its users would, passes the page checks (valid HTML, title, ids, CSP nonce)."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from followthrough.testing.clock import server_date
from followthrough.testing.pages import assert_good_page, error_summary_links, text_of

from .. import services
from ..models import State, SuperComplaint
from .helpers import complaint_in, organisation
from .test_uploads import SMALL_PDF


@pytest.mark.django_db
def test_a_designated_body_user_can_lodge_a_complaint_one_question_at_a_time(signed_in_client, hestia_user):
    client = signed_in_client(hestia_user)
    assert_good_page(client.get(reverse("complaints:dashboard")))
    assert_good_page(client.get(reverse("complaints:start")))

    response = client.post(reverse("complaints:start"), {"title": "Underground lives"})
    complaint = SuperComplaint.internal.get(title="Underground lives")
    assert complaint.state == State.DRAFT and complaint.designated_body.code == "hestia"

    def url(name):
        return reverse(f"complaints:{name}", kwargs={"complaint_id": complaint.pk})

    assert response["Location"] == url("features")
    answers = [
        ("features", {"features_of_policing": "The police response to victims of modern slavery."}, "forces"),
        ("forces", {"scope": "chosen", "forces": ["warwickshire-police", "kent-police"]}, "harm"),
        ("harm", {"public_interest_harm": "Victims are not identified."}, "evidence"),
        ("evidence", {"evidence_description": "Our report, March 2019."}, "evidence-files"),
        ("contact", {"contact_name": "Harper Hestia", "contact_email": "harper@example.org.uk"}, "check-answers"),
    ]
    for step, data, following in answers:
        assert_good_page(client.get(url(step)))
        response = client.post(url(step), data)
        assert response.status_code == 302, step
        assert response["Location"] == url(following)

    assert_good_page(client.get(url("evidence-files")))
    response = client.post(url("evidence-files"), {"file": SimpleUploadedFile("Underground lives.pdf", SMALL_PDF)})
    assert response.status_code == 302
    document = assert_good_page(client.get(url("evidence-files")))
    assert "Underground lives.pdf has been uploaded" in text_of(document)
    evidence = complaint.evidence_files.get()
    assert_good_page(
        client.get(
            reverse("complaints:evidence-file-remove", kwargs={"complaint_id": complaint.pk, "file_id": evidence.pk})
        )
    )

    document = assert_good_page(client.get(url("check-answers")))
    text = text_of(document)
    assert "Kent Police" in text or "Kent" in text
    assert "Underground lives.pdf" in text
    change_links = {a.get("href") for a in document.iter("a") if "Change" in "".join(a.itertext())}
    assert url("harm") + "?change=yes" in change_links

    complaint.refresh_from_db()
    response = client.post(url("check-answers"), {"expected_version": complaint.version})
    assert response["Location"] == url("submitted")
    document = assert_good_page(client.get(url("submitted")))
    complaint.refresh_from_db()
    text = text_of(document)
    assert complaint.reference in text
    assert f"received your super-complaint on {datetime.date.today().day}" in text
    assert "HMICFRS must acknowledge it by" in text
    assert "not counting Saturdays, Sundays, Christmas Day, Good Friday or bank holidays in England and Wales" in text
    assert "Service target, not a legal deadline" in text

    document = assert_good_page(client.get(url("detail")))
    assert "Super-complaint received" in text_of(document)
    assert_good_page(client.get(reverse("complaints:dashboard")))
    assert_good_page(client.get(url("withdraw")))


@pytest.mark.django_db
def test_answering_a_question_from_check_your_answers_returns_there(signed_in_client, hestia_user):
    complaint = complaint_in("draft", organisation("hestia"))
    url = reverse("complaints:harm", kwargs={"complaint_id": complaint.pk}) + "?change=yes"
    response = signed_in_client(hestia_user).post(url, {"public_interest_harm": "A clearer explanation"})
    assert response["Location"] == reverse("complaints:check-answers", kwargs={"complaint_id": complaint.pk})


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("step", "data", "expected"),
    [
        ("title", {"title": ""}, [("Enter a title for the super-complaint", "#id_title")]),
        (
            "features",
            {"features_of_policing": ""},
            [("Enter the features of policing the complaint is about", "#id_features_of_policing")],
        ),
        ("forces", {}, [("Select whether the complaint is about all forces or the forces you choose", "#scope")]),
        ("forces", {"scope": "chosen"}, [("Select at least one police force", "#forces")]),
        (
            "contact",
            {"contact_name": "", "contact_email": "not an email"},
            [
                ("Name a person at your organisation we can contact", "#id_contact_name"),
                ("Enter an email address in the correct format, like name@example.com", "#id_contact_email"),
            ],
        ),
    ],
)
def test_question_pages_show_govuk_errors_that_link_to_the_field(signed_in_client, hestia_user, step, data, expected):
    complaint = complaint_in("draft", organisation("hestia"))
    url = reverse(f"complaints:{step}", kwargs={"complaint_id": complaint.pk})
    document = assert_good_page(signed_in_client(hestia_user).post(url, data))
    assert error_summary_links(document) == expected


@pytest.mark.django_db
def test_a_designated_body_user_can_withdraw_with_a_reason(signed_in_client, hestia_user):
    complaint = complaint_in("acknowledged", organisation("hestia"))
    client = signed_in_client(hestia_user)
    url = reverse("complaints:withdraw", kwargs={"complaint_id": complaint.pk})
    document = assert_good_page(client.post(url, {"expected_version": complaint.version, "reason": ""}))
    assert error_summary_links(document) == [("Enter why you are withdrawing the super-complaint", "#id_reason")]
    response = client.post(url, {"expected_version": complaint.version, "reason": "Resolved with the forces"})
    assert response.status_code == 302
    document = assert_good_page(client.get(response["Location"]))
    text = text_of(document)
    assert f"{complaint.reference} has been withdrawn" in text
    assert "Resolved with the forces" in text
    assert document.find(f".//a[@href='{url}']") is None  # no longer offered


@pytest.mark.django_db
@pytest.mark.parametrize("state", [s.value for s in State if s != State.DRAFT])
def test_every_casework_page_is_a_good_page_in_every_state(signed_in_client, caseworker, state):
    complaint = complaint_in(state, organisation("hestia"))
    client = signed_in_client(caseworker)
    reference = complaint.reference
    assert_good_page(client.get(reverse("complaints:inbox")))
    assert_good_page(client.get(reverse("complaints:casework-detail", kwargs={"reference": reference})))
    for action in ("acknowledge", "eligibility", "investigation", "progress-report"):
        assert_good_page(client.get(reverse(f"complaints:casework-{action}", kwargs={"reference": reference})))


@pytest.mark.django_db
def test_every_casework_action_shows_field_errors_on_an_empty_post(signed_in_client, caseworker):
    hestia = organisation("hestia")
    client = signed_in_client(caseworker)
    # Acknowledging asks only for an optional note: it takes today's date, so an empty post is complete.
    for state, action in (
        ("acknowledged", "eligibility"),
        ("eligible", "investigation"),
        ("eligible", "progress-report"),
    ):
        complaint = complaint_in(state, hestia, title=f"{state} {action}")
        url = reverse(f"complaints:casework-{action}", kwargs={"reference": complaint.reference})
        document = assert_good_page(client.post(url, {"expected_version": complaint.version}))
        assert error_summary_links(document), action


@pytest.mark.django_db
def test_the_casework_page_shows_the_full_timeline_with_who_acted(signed_in_client, caseworker):
    complaint = complaint_in("submitted", organisation("hestia"))
    with server_date(datetime.date(2019, 6, 6)):
        services.complaint_acknowledge(complaint=complaint, acknowledged_by=caseworker)
    url = reverse("complaints:casework-detail", kwargs={"reference": complaint.reference})
    text = text_of(assert_good_page(signed_in_client(caseworker).get(url)))
    assert f"Acknowledged by {caseworker.full_name}, 6 June 2019 at 12:00pm" in text
    assert "Super-complaint received by Follow Through, 31 May 2019" in text


@pytest.mark.django_db
def test_the_public_pages_are_good_pages():
    complaint = complaint_in("report-published", organisation("hestia"))
    assert_good_page(Client().get(reverse("complaints:public-list")))
    assert_good_page(Client().get(reverse("complaints:public-detail", kwargs={"reference": complaint.reference})))
