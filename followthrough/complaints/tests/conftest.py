import pytest

from followthrough.organisations.models import Role
from followthrough.testing.factories import member

from .helpers import organisation


@pytest.fixture(autouse=True)
def evidence_folder(settings, tmp_path):
    """Each test keeps its uploaded files in its own folder: the private store's root (core.files)."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def hestia(db):
    return organisation("hestia")


@pytest.fixture
def liberty(db):
    return organisation("liberty")


@pytest.fixture
def hestia_user(hestia):
    return member(Role.DESIGNATED_BODY_USER, hestia, full_name="Harper Hestia")


@pytest.fixture
def liberty_user(liberty):
    return member(Role.DESIGNATED_BODY_USER, liberty, full_name="Lee Liberty")


@pytest.fixture
def second_caseworker(db):
    return member(Role.CASEWORKER, organisation("hmicfrs"), full_name="Sam Second")
