import pytest

from followthrough.notifications import services


@pytest.fixture
def queue():
    """Queue a message with sensible defaults; tests name only what they are about."""

    def make(key="reminder:1", **fields):
        fields.setdefault("to", "editor@example.gov.uk")
        fields.setdefault("subject", "Your response is due in 14 days")
        fields.setdefault("body", "Your response to recommendation 2 is due by 20 July 2021.")
        return services.email_queue(key=key, **fields)

    return make
