"""Nobody but caseworkers and the sending organisation's approvers sees a draft or an original, by any address."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from followthrough.organisations.models import Role
from followthrough.testing.factories import member
from followthrough.testing.files import pdf_bytes
from followthrough.testing.pages import assert_good_page, text_of

from .. import services
from ..models import Letter, State
from .conftest import organisation

pytestmark = pytest.mark.django_db

CASEWORK_PAGES = [
    "casework-detail",
    "casework-edit",
    "casework-reply",
    "casework-upload",
    "casework-file",
    "casework-clear",
    "casework-publish",
    "casework-withhold",
]


def url(name, letter):
    return reverse(f"correspondence:{name}", kwargs={"letter_id": letter.pk})


@pytest.fixture
def draft_with_file(record_letter, caseworker, django_capture_on_commit_callbacks):
    letter = record_letter(body="Dear Minister,\n\nWrite to [[jo.secret@example.org]].")
    with django_capture_on_commit_callbacks(execute=True):  # the file is written when the upload commits
        services.letter_file_attach(
            letter=letter, attached_by=caseworker, upload=SimpleUploadedFile("letter.pdf", pdf_bytes())
        )
    return letter


def test_the_public_cannot_find_a_draft_or_a_cleared_letter(draft_with_file, second_caseworker, record_letter):
    cleared = record_letter(subject="Cleared, not yet published")
    services.letter_clear(letter=cleared, cleared_by=second_caseworker)
    client = Client()
    for letter in (draft_with_file, cleared):
        assert_good_page(client.get(url("detail", letter)), status=404)
        assert client.get(url("file", letter)).status_code == 404
    text = text_of(assert_good_page(client.get(reverse("correspondence:list"))))
    assert draft_with_file.subject not in text and "Cleared, not yet published" not in text


@pytest.mark.parametrize("name", CASEWORK_PAGES)
def test_casework_pages_send_the_public_to_sign_in(draft_with_file, name):
    response = Client().get(url(name, draft_with_file))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:sign-in"))


def test_the_casework_register_sends_the_public_to_sign_in():
    response = Client().get(reverse("correspondence:casework-list"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:sign-in"))


def test_the_public_never_sees_the_original_text_or_file_of_a_published_letter(draft_with_file, second_caseworker):
    services.letter_clear(letter=draft_with_file, cleared_by=second_caseworker, publish_now=True)
    client = Client()
    html = client.get(url("detail", draft_with_file)).content.decode()
    listing = client.get(reverse("correspondence:list")).content.decode()
    assert "jo.secret@example.org" not in html and "jo.secret@example.org" not in listing
    assert "Write to [redacted]." in html
    # The file was not cleared for publication, so it has no public address.
    assert url("file", draft_with_file) not in html
    assert client.get(url("file", draft_with_file)).status_code == 404
    assert client.get(url("casework-file", draft_with_file)).status_code == 302


def test_a_file_cleared_for_publication_can_be_downloaded(draft_with_file, second_caseworker):
    services.letter_clear(letter=draft_with_file, cleared_by=second_caseworker, publish_now=True, publish_file=True)
    html = Client().get(url("detail", draft_with_file)).content.decode()
    assert url("file", draft_with_file) in html
    response = Client().get(url("file", draft_with_file))
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_withheld_letter_shows_no_text_or_file_by_any_address(draft_with_file, second_caseworker):
    services.letter_clear(letter=draft_with_file, cleared_by=second_caseworker, publish_now=True, publish_file=True)
    services.letter_withhold(letter=draft_with_file, withheld_by=second_caseworker, reason="It names a victim.")
    client = Client()
    html = client.get(url("detail", draft_with_file)).content.decode()
    assert "Withheld: It names a victim." in html
    assert "Write to" not in html and "[redacted]" not in html
    assert client.get(url("file", draft_with_file)).status_code == 404


@pytest.mark.parametrize(
    ("role", "code"),
    [
        (Role.DESIGNATED_BODY_USER, "hestia"),
        (Role.APPROVER, "warwickshire-police"),  # another organisation's approver
        (Role.APPROVER, "home-office"),  # the recipient's approver
        (Role.EDITOR, "independent-anti-slavery-commissioner"),  # the sender, but not an approver
    ],
)
def test_other_users_cannot_find_a_draft_or_clear_it(signed_in_client, draft_with_file, role, code):
    client = signed_in_client(member(role, organisation(code)))
    for name in CASEWORK_PAGES:
        assert client.get(url(name, draft_with_file)).status_code in (403, 404), name
    assert client.post(url("casework-clear", draft_with_file), {"decision": "publish"}).status_code in (403, 404)
    assert Letter.casework.get(pk=draft_with_file.pk).state == State.DRAFT
    listing = client.get(reverse("correspondence:casework-list"))
    assert listing.status_code == 403 or draft_with_file.subject not in listing.content.decode()


def test_the_author_is_refused_the_clearance_page(signed_in_client, caseworker, draft_with_file):
    client = signed_in_client(caseworker)
    assert_good_page(client.get(url("casework-clear", draft_with_file)), status=403)
    client.post(url("casework-clear", draft_with_file), {"decision": "publish", "publish_file": "no"})
    assert Letter.casework.get(pk=draft_with_file.pk).state == State.DRAFT


def test_the_sending_organisations_approver_sees_and_clears_only_its_own_letters(signed_in_client, record_letter):
    approver = member(Role.APPROVER, organisation("independent-anti-slavery-commissioner"), full_name="Ida Approver")
    own = record_letter(subject="From the commissioner")
    other = record_letter(
        subject="From the Home Office",
        from_organisation=organisation("home-office"),
        to_organisation=organisation("independent-anti-slavery-commissioner"),
    )
    client = signed_in_client(approver)
    text = text_of(assert_good_page(client.get(reverse("correspondence:casework-list"))))
    assert "From the commissioner" in text and "From the Home Office" not in text
    assert client.get(url("casework-detail", other)).status_code == 404
    # An approver clears, but does not record, change or reply.
    document = assert_good_page(client.get(url("casework-detail", own)))
    hrefs = {a.get("href") for a in document.iter("a")}
    assert url("casework-clear", own) in hrefs
    assert url("casework-edit", own) not in hrefs and url("casework-reply", own) not in hrefs
    assert client.get(url("casework-edit", own)).status_code == 403
    assert client.get(reverse("correspondence:casework-add")).status_code == 403
    client.post(url("casework-clear", own), {"decision": "publish"})
    own.refresh_from_db()
    assert own.state == State.PUBLISHED and own.cleared_by == approver


def test_a_published_letter_cannot_be_changed_through_its_page(signed_in_client, caseworker, published_letter):
    client = signed_in_client(caseworker)
    assert client.get(url("casework-edit", published_letter)).status_code == 403
    response = client.post(url("casework-edit", published_letter), {"subject": "Changed after publication"})
    assert response.status_code == 403
    published_letter.refresh_from_db()
    assert published_letter.subject != "Changed after publication"


def test_replies_that_are_drafts_are_not_shown_on_the_public_thread(published_letter, record_letter):
    record_letter(sent_on=datetime.date(2021, 12, 9), subject="A draft reply", in_reply_to=published_letter)
    assert "A draft reply" not in Client().get(url("detail", published_letter)).content.decode()
