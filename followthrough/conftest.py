import pytest
from django.test import Client

from followthrough.organisations.models import Role
from followthrough.testing.factories import OrganisationFactory, confirmed_totp_device, member


@pytest.fixture
def signed_in_client():
    """A client signed in as `user`; staff who need two-factor are marked as having passed it."""

    def make(user):
        client = Client()
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
