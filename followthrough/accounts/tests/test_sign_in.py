import pytest
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from followthrough.accounts import services
from followthrough.organisations.models import Role
from followthrough.testing.factories import UserFactory, confirmed_totp_device, member
from followthrough.testing.pages import assert_good_page, error_summary_links, text_of

pytestmark = pytest.mark.django_db
PASSWORD = "correct horse battery staple"


def current_code(device):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def sign_in(client, email, password=PASSWORD):
    return client.post("/sign-in", {"email": email, "password": password})


def test_passwords_are_hashed_with_argon2_outside_tests(settings):
    assert settings.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.MD5PasswordHasher"  # test speed only
    from followthrough.settings import base

    assert base.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"


def test_someone_without_a_role_signs_in_with_email_and_password_and_sees_their_account():
    user = UserFactory()
    client = Client()
    response = sign_in(client, user.email.upper())
    assert response.status_code == 302
    assert response["Location"] == "/account"
    assert "Your roles" in text_of(assert_good_page(client.get("/account")))


def test_a_wrong_password_shows_one_error_and_keeps_the_email():
    user = UserFactory()
    response = sign_in(Client(), user.email, "wrong password")
    document = assert_good_page(response)
    assert error_summary_links(document) == [("Enter a correct email address and password", "#id_email")]
    assert f'value="{user.email}"' in response.content.decode()


def test_five_wrong_passwords_lock_the_account_even_with_the_right_one():
    user = UserFactory()
    client = Client()
    for _ in range(5):
        sign_in(client, user.email, "wrong password")
    response = sign_in(client, user.email)
    assert response.status_code == 429
    assert "Your account is locked" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_caseworker_without_a_device_must_set_one_up_then_gets_backup_codes():
    user = member(Role.CASEWORKER)
    client = Client()
    response = sign_in(client, user.email)
    assert response["Location"].startswith("/account/two-factor/set-up")
    # Private pages are closed until the second factor is done.
    assert client.get("/calendar/deadlines")["Location"].startswith("/account/two-factor/set-up")
    page = client.get("/account/two-factor/set-up")
    assert_good_page(page)
    assert 'src="data:image/svg+xml' in page.content.decode()
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    response = client.post("/account/two-factor/set-up", {"code": current_code(device)})
    assert "next=%2Fcasework%2Fsuper-complaints" in response["Location"]  # then on to the inbox
    assert response["Location"].startswith("/account/two-factor/backup-codes")
    codes_page = client.get(response["Location"])
    assert_good_page(codes_page)
    assert codes_page.content.decode().count("<code>") == services.BACKUP_CODE_COUNT
    assert client.get("/calendar/deadlines").status_code == 200


def test_a_wrong_set_up_code_is_refused_with_a_govuk_error():
    user = member(Role.CASEWORKER)
    client = Client()
    sign_in(client, user.email)
    client.get("/account/two-factor/set-up")
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    wrong = "000000" if current_code(device) != "000000" else "111111"
    document = assert_good_page(client.post("/account/two-factor/set-up", {"code": wrong}))
    assert error_summary_links(document)[0][0].startswith("The code is not right")
    device.refresh_from_db()
    assert not device.confirmed


def test_a_caseworker_with_a_device_enters_a_code_to_finish_signing_in():
    user = member(Role.CASEWORKER)
    device = confirmed_totp_device(user)
    client = Client()
    assert sign_in(client, user.email)["Location"].startswith("/account/two-factor/verify")
    response = client.post("/account/two-factor/verify?next=/calendar/deadlines", {"code": current_code(device)})
    assert response["Location"] == "/calendar/deadlines"
    assert client.get("/calendar/deadlines").status_code == 200


def test_a_backup_code_works_once():
    user = member(Role.ADMINISTRATOR)
    confirmed_totp_device(user)
    codes = services.backup_codes_replace(user=user)
    first = Client()
    sign_in(first, user.email)
    assert first.post("/account/two-factor/verify", {"code": codes[0]}).status_code == 302
    second = Client()
    sign_in(second, user.email)
    response = second.post("/account/two-factor/verify", {"code": codes[0]})
    assert response.status_code == 200
    assert "The code is not right" in response.content.decode()


def test_sign_in_does_not_redirect_to_other_websites():
    user = UserFactory()
    response = Client().post("/sign-in", {"email": user.email, "password": PASSWORD, "next": "https://evil.example/"})
    assert response["Location"] == "/account"


def test_sign_out_needs_a_post_and_ends_the_session():
    user = UserFactory()
    client = Client()
    sign_in(client, user.email)
    assert_good_page(client.get("/sign-out"))
    assert "_auth_user_id" in client.session
    client.post("/sign-out")
    assert "_auth_user_id" not in client.session
