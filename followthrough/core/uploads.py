"""Checking an uploaded file by what it contains, not by what it is called.

The caller says which content types are accepted, how large a file may be and what to say when a file is of the
wrong type (for private files, the rules of each use in settings.UPLOAD_RULES, read by core.files); the checks and
the other GOV.UK messages are the same everywhere.

Binary formats are recognised by the `filetype` library from their first bytes, and the file's name must agree with
what was found (a PDF called "photo.png" is refused: it would open in the wrong program, and a program called
"letter.pdf" is not a letter). CSV has no signature, so where an app accepts it a file called "*.csv" is accepted
when it is UTF-8 text the csv module can read.
"""

import csv
import io
import os

import filetype
from django.core.exceptions import ValidationError

CHOOSE = "Select a file"
EMPTY = "The selected file is empty"
CSV_TYPE = "text/csv"
SNIFF_BYTES = 8192  # filetype reads no further than this


def size_words(size):
    """A size in GOV.UK style: "20MB", "500KB", "100 bytes"."""
    megabytes, kilobytes = 1024 * 1024, 1024
    if size >= megabytes and size % megabytes == 0:
        return f"{size // megabytes}MB"
    if size >= megabytes:
        return f"{size / megabytes:.1f}MB"
    if size >= kilobytes:
        return f"{size // kilobytes}KB"
    return f"{size} bytes"


def too_large_message(limit):
    return f"The selected file must be smaller than {size_words(limit)}"


def _read_all(upload):
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    return data


def _is_csv(upload):
    try:
        text = _read_all(upload).decode("utf-8-sig")
    except UnicodeDecodeError:
        return False
    if "\x00" in text:
        return False
    try:
        rows = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error:
        return False
    return bool(rows)


def detect_content_type(upload, *, accepted_types, max_bytes, wrong_type, accept_csv=False, choose=CHOOSE):
    """The accepted content type of `upload`, or raise ValidationError with the GOV.UK message.

    `accepted_types` maps each accepted content type to the name endings (lower case, with the dot) a file of that
    type may have. Checks, in order: a file was chosen, it is not empty, it is no larger than `max_bytes`, its
    content is an accepted type (or CSV, when `accept_csv`), and its name agrees with that content.
    """
    if upload is None:
        raise ValidationError(choose, code="required")
    if not upload.size:
        raise ValidationError(EMPTY, code="empty")
    if upload.size > max_bytes:
        raise ValidationError(too_large_message(max_bytes), code="too_large")
    extension = os.path.splitext(upload.name or "")[1].lower()
    upload.seek(0)
    head = upload.read(SNIFF_BYTES)
    upload.seek(0)
    kind = filetype.guess(head)
    if kind is not None:
        if extension in accepted_types.get(kind.mime, ()):
            return kind.mime
        raise ValidationError(wrong_type, code="wrong_type")
    if accept_csv and extension == ".csv" and _is_csv(upload):
        return CSV_TYPE
    raise ValidationError(wrong_type, code="wrong_type")


def clean_original_name(name, default):
    """The name to show and to offer on download: no folders, no control characters, at most 255 characters.

    `default` is used when nothing printable is left, so a download always has a name.
    """
    base = os.path.basename((name or "").replace("\\", "/"))
    base = "".join(ch for ch in base if ch.isprintable()).strip()
    if not base:
        base = default
    stem, extension = os.path.splitext(base)
    return stem[: 255 - len(extension)] + extension
