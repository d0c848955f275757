import pytest

from followthrough.organisations.models import Role
from followthrough.testing.client import FormClient, signed_in
from followthrough.testing.factories import OrganisationFactory, member


@pytest.fixture
def client():
    """pytest-django's client, sending forms as the service renders them: each with a new submission key."""
    return FormClient()


@pytest.fixture
def signed_in_client():
    """A client signed in as `user`; people who need two-factor are marked as having passed it."""
    return signed_in


@pytest.fixture
def administrator():
    return member(Role.ADMINISTRATOR, OrganisationFactory(code="hmicfrs", name="HMICFRS"))


@pytest.fixture
def caseworker():
    return member(Role.CASEWORKER, OrganisationFactory(code="hmicfrs", name="HMICFRS"))
