"""Two-factor sign-in for everyone who can change the public record, by app, by email or by backup code (ADR 0019),
and where each person lands once they are in."""

import datetime
import io

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticToken

from followthrough.accounts import demo, services
from followthrough.accounts.models import EmailCodeDevice, User
from followthrough.organisations.models import Role
from followthrough.testing.factories import confirmed_totp_device, member
from followthrough.testing.pages import assert_good_page, error_summary_links

pytestmark = pytest.mark.django_db
PASSWORD = "correct horse battery staple"

RECORD_CHANGING_ROLES = [
    Role.EDITOR,
    Role.APPROVER,
    Role.DESIGNATED_BODY_USER,
    Role.COLLATOR,
    Role.CASEWORKER,
    Role.ADMINISTRATOR,
]


def sign_in(client, email, **extra):
    return client.post("/sign-in", {"email": email, "password": PASSWORD, **extra})


def with_backup_codes(role):
    user = member(role)
    confirmed_totp_device(user)
    return user, services.backup_codes_replace(user=user)


def emailed_code(user):
    """The code in the latest security-code email the outbox holds for `user`."""
    # The outbox's messages, through the user (accounts sits below notifications, ADR 0015).
    email = user.emails.filter(key__startswith="security-code:").order_by("-pk").first()
    assert email is not None, "No security code was queued"
    return email.body.split()[0]


@pytest.mark.parametrize("role", RECORD_CHANGING_ROLES)
def test_everyone_who_can_change_the_public_record_must_set_up_two_factor(role):
    user = member(role)
    client = Client()
    assert sign_in(client, user.email)["Location"].startswith("/account/two-factor/set-up")
    assert client.get("/account")["Location"].startswith("/account/two-factor/set-up")


def test_a_support_organisation_user_who_changes_nothing_signs_in_with_a_password_alone():
    user = member(Role.SUPPORT)
    assert sign_in(Client(), user.email)["Location"] == "/account"


@pytest.mark.parametrize(
    ("role", "own_work"),
    [
        (Role.EDITOR, "/your-obligations"),
        (Role.APPROVER, "/your-obligations"),
        (Role.CASEWORKER, "/casework/super-complaints"),
        (Role.DESIGNATED_BODY_USER, "/your-super-complaints/"),
        (Role.COLLATOR, "/collation"),
    ],
)
def test_after_the_second_factor_each_person_lands_on_their_own_work(role, own_work):
    user, codes = with_backup_codes(role)
    client = Client()
    verify = sign_in(client, user.email)["Location"]
    response = client.post(verify, {"code": codes[0]})
    assert response["Location"] == own_work
    assert client.get(own_work).status_code == 200


def test_a_safe_next_still_wins_over_the_persons_own_work():
    user, codes = with_backup_codes(Role.EDITOR)
    client = Client()
    verify = sign_in(client, user.email, next="/account")["Location"]
    assert client.post(verify, {"code": codes[0]})["Location"] == "/account"


def test_someone_who_cannot_use_an_app_sets_up_codes_by_email_sent_through_the_outbox(
    django_capture_on_commit_callbacks,
):
    user = member(Role.DESIGNATED_BODY_USER)
    client = Client()
    set_up = sign_in(client, user.email)["Location"]
    assert "Get security codes by email" in client.get(set_up).content.decode()
    assert_good_page(client.get("/account/two-factor/set-up/email"))
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/account/two-factor/set-up/email", {"send": "code"})
    email = user.emails.get(key__startswith="security-code:")
    assert email.to == user.email and email.subject == "Your Follow Through security code"
    assert email.status == "sent"  # sent at once by the task worker, not left for the next sweep
    assert mail.outbox[-1].to == [user.email]
    code = emailed_code(user)
    assert len(code) == 6 and code.isdigit()

    page = assert_good_page(client.get("/account/two-factor/set-up/email"))
    assert page.find(".//input[@name='code']") is not None
    response = client.post("/account/two-factor/set-up/email", {"code": code})
    assert response["Location"].startswith("/account/two-factor/backup-codes")
    assert EmailCodeDevice.objects.get(user=user).confirmed
    assert client.get("/your-super-complaints/").status_code == 200


def test_a_wrong_emailed_code_at_set_up_is_refused_with_a_govuk_error():
    user = member(Role.EDITOR)
    client = Client()
    sign_in(client, user.email)
    client.post("/account/two-factor/set-up/email", {"send": "code"})
    wrong = "000000" if emailed_code(user) != "000000" else "111111"
    document = assert_good_page(client.post("/account/two-factor/set-up/email", {"code": wrong}))
    assert error_summary_links(document)[0][0].startswith("The code is not right or has expired")
    assert not EmailCodeDevice.objects.get(user=user).confirmed


def email_user(role=Role.APPROVER):
    user = member(role)
    device = EmailCodeDevice.objects.create(user=user, name="Email", confirmed=True)
    return user, device


def test_someone_with_codes_by_email_is_sent_one_on_signing_in():
    user, _ = email_user()
    client = Client()
    verify = sign_in(client, user.email)["Location"]
    assert verify.startswith("/account/two-factor/verify")
    assert "We email a security code to" in client.get(verify).content.decode()
    assert client.post(verify, {"code": emailed_code(user)})["Location"] == "/your-obligations"


def test_an_emailed_code_works_once():
    user, _ = email_user()
    confirmed_totp_device(user)  # with an app too, signing in sends no new code that would replace the old one
    first = Client()
    sign_in(first, user.email)
    first.post("/account/two-factor/verify", {"send": "code"})
    code = emailed_code(user)
    assert first.post("/account/two-factor/verify", {"code": code}).status_code == 302
    second = Client()
    sign_in(second, user.email)
    response = second.post("/account/two-factor/verify", {"code": code})
    assert response.status_code == 200
    assert "The code is not right" in response.content.decode()


def test_an_emailed_code_stops_working_when_it_expires():
    user, device = email_user()
    client = Client()
    sign_in(client, user.email)
    code = emailed_code(user)
    EmailCodeDevice.objects.filter(pk=device.pk).update(valid_until=timezone.now() - datetime.timedelta(seconds=1))
    response = client.post("/account/two-factor/verify", {"code": code})
    assert response.status_code == 200
    assert "_auth_user_id" in client.session and not client.session.get("otp_device_id")


def test_a_new_code_is_not_sent_moments_after_the_last_one():
    user, _ = email_user()
    client = Client()
    sign_in(client, user.email)
    response = client.post("/account/two-factor/verify", {"send": "code"}, follow=True)
    assert "We sent you a code moments ago" in response.content.decode()
    assert user.emails.count() == 1


def test_five_wrong_codes_lock_the_account_and_sign_the_person_out():
    user, codes = with_backup_codes(Role.EDITOR)
    client = Client()
    sign_in(client, user.email)
    for _ in range(4):
        assert client.post("/account/two-factor/verify", {"code": "not-a-code"}).status_code == 200
    response = client.post("/account/two-factor/verify", {"code": "not-a-code"})
    assert response.status_code == 429
    assert "Your account is locked" in response.content.decode()
    assert "_auth_user_id" not in client.session
    # The right password and a right code no longer get in.
    again = Client()
    assert sign_in(again, user.email).status_code == 429
    assert "_auth_user_id" not in again.session
    assert StaticToken.objects.filter(device__user=user, token=codes[0]).exists()


def test_the_demo_data_prints_each_persons_own_backup_codes_each_working_once():
    out = io.StringIO()
    demo.load(out)
    printed = out.getvalue()
    assert "Each backup code works once" in printed
    for email, *_ in demo.DEMO_USERS:
        user = User.objects.get(email=email)
        assert user.requires_two_factor
        assert ", ".join(demo.demo_backup_codes(email)) in printed
    caseworker_code = demo.demo_backup_codes("caseworker@example.gov.uk")[0]
    client = Client()
    client.post("/sign-in", {"email": "caseworker@example.gov.uk", "password": demo.DEMO_PASSWORD})
    assert client.post("/account/two-factor/verify", {"code": caseworker_code})["Location"] == (
        "/casework/super-complaints"
    )
    second = Client()
    second.post("/sign-in", {"email": "caseworker@example.gov.uk", "password": demo.DEMO_PASSWORD})
    assert second.post("/account/two-factor/verify", {"code": caseworker_code}).status_code == 200
