"""Checks for forms that create a record: each submission makes it once (ADR 0014)."""

import re
import threading
import time

from django.db import connection
from django.urls import get_resolver

from followthrough.core import once

MOST_TRIES = 50


def routes_created_once(namespace):
    """The names of `namespace`'s routes whose views are wrapped in `once_per_submission`, from the URL resolver."""
    _, resolver = get_resolver().namespace_dict[namespace]
    return sorted(
        {pattern.name for pattern in resolver.url_patterns if getattr(pattern.callback, "once_per_submission", False)}
    )


def key_in(html):
    """The submission key a rendered form carries ("" if it carries none)."""
    found = re.search(rf'name="{once.FIELD}" value="([^"]+)"', html)
    return found.group(1) if found else ""


def assert_sent_twice_creates_once(client, url, form, count):
    """Send the same form twice, as a double click or a retry does, and check it made one record and that both
    answers send the person to the same place.

    `form()` gives the form's fields (a new dict each time, so a file can be read again); `count()` counts the records
    the form makes.
    """
    before = count()
    key = once.new_key()
    first = client.post(url, {**form(), once.FIELD: key})
    assert first.status_code == 302, f"The form was not accepted: {first.status_code}"
    assert count() == before + 1
    second = client.post(url, {**form(), once.FIELD: key})
    assert second.status_code == 302, f"Sending it again answered {second.status_code}, not the first redirect"
    assert second["Location"] == first["Location"]
    assert count() == before + 1, "Sending the same form again made another record"
    return first


def send_at_once(clients, url, form):
    """Send the same form (one key) from every client at the same moment, as parallel scripted requests do.

    Each client runs in its own thread with its own database connection. A request that fails with a server error is
    sent again with the same key, as a browser or script retries after an error: PostgreSQL makes a second writer
    wait, but SQLite's in-memory test database turns it away at once. Returns (answer, tries) for each client.
    """
    key = once.new_key()
    start = threading.Barrier(len(clients))
    answers = []

    def send(client):
        try:
            start.wait()
            for tries in range(1, MOST_TRIES + 1):
                response = client.post(url, {**form(), once.FIELD: key})
                if response.status_code < 500:
                    break
                time.sleep(0.01 * tries)
            answers.append((response, tries))
        finally:
            connection.close()

    threads = [threading.Thread(target=send, args=(client,)) for client in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return answers
