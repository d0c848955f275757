"""Checks every view test makes on an HTML page: valid markup, a title, unique ids, scripts with the CSP nonce."""

import re
from collections import Counter

import html5lib
from html5lib.constants import E as PARSE_ERRORS

# html5lib reports these for markup browsers accept and the GOV.UK Frontend macros emit; none affects users.
TOLERATED_PARSE_ERRORS = {"non-void-element-with-trailing-solidus"}


def assert_good_page(response, *, status=200):
    """Fail on invalid HTML, a missing title, duplicate ids, or a script without the page's CSP nonce."""
    assert response.status_code == status, f"Expected {status}, got {response.status_code}"
    html = response.content.decode()
    parser = html5lib.HTMLParser(strict=False, namespaceHTMLElements=False)
    document = parser.parse(html)
    errors = [
        f"line {pos[0]}: {PARSE_ERRORS.get(code, code) % (data or {})}"
        for pos, code, data in parser.errors
        if code not in TOLERATED_PARSE_ERRORS
    ]
    assert not errors, "Invalid HTML:\n" + "\n".join(errors)

    title = document.find(".//title")
    assert title is not None and (title.text or "").strip(), "The page has no title"
    assert "Follow Through" in title.text, f"The title does not name the service: {title.text!r}"

    ids = Counter(el.get("id") for el in document.iter() if el.get("id"))
    duplicates = [i for i, n in ids.items() if n > 1]
    assert not duplicates, f"Duplicate ids: {duplicates}"

    policy = response.headers.get("Content-Security-Policy", "")
    nonce_match = re.search(r"'nonce-([^']+)'", policy)
    assert nonce_match, "The page has no Content-Security-Policy nonce"
    for script in document.iter("script"):
        assert script.get("nonce") == nonce_match.group(1), "A script is missing the page's CSP nonce"
    return document


def error_summary_links(document):
    """The (text, href) pairs of the GOV.UK error summary on a parsed page."""
    summary = document.find(".//div[@class='govuk-error-summary']")
    if summary is None:
        return []
    return [("".join(a.itertext()).strip(), a.get("href")) for a in summary.iter("a")]


def text_of(document):
    return " ".join(" ".join(document.find(".//main").itertext()).split())
