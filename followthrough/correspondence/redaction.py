"""Marking personal data in a letter's text, and the public text that replaces each marked passage (ADR 0009).

The person entering a letter puts `[[` and `]]` around each passage that must not be published, such as a named
official's email address. No JavaScript is needed to mark text, and the marks survive copying and pasting. The
original, marks and all, is kept privately; the public text is worked out from it when the letter is cleared.
"""

import re
from dataclasses import dataclass

OPEN = "[["
CLOSE = "]]"
REDACTED = "[redacted]"

_MARK = re.compile(r"\[\[(.*?)\]\]", re.DOTALL)

NOT_CLOSED = "A passage marked for redaction has no ]] at its end. Put ]] after the words to redact"
NOT_OPENED = "There is a ]] with no [[ before it. Put [[ before the words to redact"
NESTED = "A passage marked for redaction starts inside another. Close each passage with ]] before starting the next"
EMPTY = "A passage marked for redaction is empty. Put the words to redact between [[ and ]]"


@dataclass(frozen=True)
class Redaction:
    public_text: str
    passages: tuple

    @property
    def count(self):
        return len(self.passages)


def problems(text):
    """What is wrong with the marks in `text`, in words, or an empty list if they are all well formed."""
    found = []
    position = 0
    text = text or ""
    while True:
        start = text.find(OPEN, position)
        stray_close = text.find(CLOSE, position)
        if stray_close != -1 and (start == -1 or stray_close < start):
            found.append(NOT_OPENED)
            break
        if start == -1:
            break
        end = text.find(CLOSE, start + len(OPEN))
        if end == -1:
            found.append(NOT_CLOSED)
            break
        inner = text[start + len(OPEN) : end]
        if OPEN in inner:
            found.append(NESTED)
            break
        if not inner.strip():
            found.append(EMPTY)
            break
        position = end + len(CLOSE)
    return found


def redact(text):
    """The public text, with each marked passage replaced by "[redacted]", and the passages replaced.

    Raises ValueError if the marks are not well formed: a text that cannot be read reliably is never published.
    """
    text = text or ""
    errors = problems(text)
    if errors:
        raise ValueError(errors[0])
    passages = tuple(match.group(1) for match in _MARK.finditer(text))
    return Redaction(public_text=_MARK.sub(REDACTED, text), passages=passages)
