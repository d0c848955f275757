"""Checking an uploaded evidence file by what it contains, not by what it is called.

Binary formats are recognised by the `filetype` library from their first bytes, and the file's name must agree with
what was found (a PDF called "photo.png" is refused: it would open in the wrong program). CSV has no signature, so a
file called "*.csv" is accepted when it is UTF-8 text the csv module can read.
"""

import csv
import io
import os

import filetype
from django.core.exceptions import ValidationError

from . import conf

WRONG_TYPE = "The selected file must be a PDF, Word, OpenDocument, spreadsheet, CSV, PNG or JPEG"
EMPTY = "The selected file is empty"
CHOOSE = "Select a file"

# Detected content type -> the name endings a file of that type may have.
ACCEPTED_TYPES = {
    "application/pdf": {".pdf"},
    "application/msword": {".doc"},
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": {".docx"},
    "application/vnd.oasis.opendocument.text": {".odt"},
    "application/vnd.oasis.opendocument.spreadsheet": {".ods"},
    "application/vnd.ms-excel": {".xls"},
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {".xlsx"},
    "image/png": {".png"},
    "image/jpeg": {".jpg", ".jpeg"},
}
CSV_TYPE = "text/csv"
SNIFF_BYTES = 8192  # filetype reads no further than this


def size_words(size):
    """A size limit in GOV.UK style: "20MB", "500KB", "100 bytes"."""
    megabytes, kilobytes = 1024 * 1024, 1024
    if size >= megabytes and size % megabytes == 0:
        return f"{size // megabytes}MB"
    if size >= megabytes:
        return f"{size / megabytes:.1f}MB"
    if size >= kilobytes:
        return f"{size // kilobytes}KB"
    return f"{size} bytes"


def too_large_message(limit=None):
    return f"The selected file must be smaller than {size_words(limit or conf.upload_max_bytes())}"


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


def detect_content_type(upload):
    """The accepted content type of `upload`, or raise ValidationError with the GOV.UK message.

    Checks, in order: a file was chosen, it is not empty, it is not too large, its content is an accepted type,
    and its name agrees with that content.
    """
    if upload is None:
        raise ValidationError(CHOOSE, code="required")
    if not upload.size:
        raise ValidationError(EMPTY, code="empty")
    limit = conf.upload_max_bytes()
    if upload.size > limit:
        raise ValidationError(too_large_message(limit), code="too_large")
    extension = os.path.splitext(upload.name or "")[1].lower()
    upload.seek(0)
    head = upload.read(SNIFF_BYTES)
    upload.seek(0)
    kind = filetype.guess(head)
    if kind is not None:
        if extension in ACCEPTED_TYPES.get(kind.mime, set()):
            return kind.mime
        raise ValidationError(WRONG_TYPE, code="wrong_type")
    if extension == ".csv" and _is_csv(upload):
        return CSV_TYPE
    raise ValidationError(WRONG_TYPE, code="wrong_type")


def clean_original_name(name):
    """The name to show and to offer on download: no folders, no control characters, at most 255 characters."""
    base = os.path.basename((name or "").replace("\\", "/"))
    base = "".join(ch for ch in base if ch.isprintable()).strip()
    if not base:
        base = "evidence"
    stem, extension = os.path.splitext(base)
    return stem[: 255 - len(extension)] + extension
