import pytest

from followthrough.organisations.models import Role
from followthrough.testing.client import FormClient
from followthrough.testing.factories import OrganisationFactory, confirmed_totp_device, member


@pytest.fixture
def client():
    """pytest-django's client, sending forms as the service renders them: each with a new submission key."""
    return FormClient()


@pytest.fixture
def signed_in_client():
    """A client signed in as `user`; staff who need two-factor are marked as having passed it."""

    def make(user):
        client = FormClient()
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        if user.requires_two_factor:
            device = confirmed_totp_device(user)
            session = client.session
            session["otp_device_id"] = device.persistent_id
            session.save()
        return client

    return make


@pytest.fixture
def administrator():
    return member(Role.ADMINISTRATOR, OrganisationFactory(code="hmicfrs", name="HMICFRS"))


@pytest.fixture
def caseworker():
    return member(Role.CASEWORKER, OrganisationFactory(code="hmicfrs", name="HMICFRS"))
