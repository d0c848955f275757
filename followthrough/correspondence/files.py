"""A letter's file: where it is kept, and checking it by what it contains rather than what it is called.

Files live under MEDIA_ROOT/correspondence with a random name, which the web server never serves. The only ways to
read one back are the casework download (for those who may see the original) and the public download of a published
letter whose clearer said the file itself could be published (ADR 0009).
"""

import os
from pathlib import Path

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.utils.functional import cached_property

# Detected content type -> the name endings a file of that type may have, and how the page names the type.
ACCEPTED_TYPES = {
    "application/pdf": ({".pdf"}, "PDF"),
    "application/msword": ({".doc"}, "Word document"),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ({".docx"}, "Word document"),
    "application/vnd.oasis.opendocument.text": ({".odt"}, "OpenDocument text"),
    "image/png": ({".png"}, "PNG image"),
    "image/jpeg": ({".jpg", ".jpeg"}, "JPEG image"),
}
ACCEPT_ATTRIBUTE = ".pdf,.doc,.docx,.odt,.png,.jpg,.jpeg"
SNIFF_BYTES = 8192  # filetype reads no further than this
DEFAULT_MAX_BYTES = 20 * 1024 * 1024

CHOOSE = "Select the letter's file"
EMPTY = "The selected file is empty"
WRONG_TYPE = "The selected file must be a PDF, Word document, OpenDocument text, PNG or JPEG"


def max_bytes():
    return int(getattr(settings, "CORRESPONDENCE_UPLOAD_MAX_BYTES", DEFAULT_MAX_BYTES))


def size_words(size):
    """A size in GOV.UK style: "20MB", "120KB", "100 bytes"."""
    megabytes, kilobytes = 1024 * 1024, 1024
    if size >= megabytes and size % megabytes == 0:
        return f"{size // megabytes}MB"
    if size >= megabytes:
        return f"{size / megabytes:.1f}MB"
    if size >= kilobytes:
        return f"{size // kilobytes}KB"
    return f"{size} bytes"


def type_words(content_type):
    return ACCEPTED_TYPES.get(content_type, (set(), "File"))[1]


def detect_content_type(upload):
    """The accepted content type of `upload`, or raise ValidationError with the GOV.UK message.

    A file whose name does not agree with its content is refused: a Word file called "letter.pdf" would open in the
    wrong program, and a program called "letter.pdf" is not a letter.
    """
    if upload is None:
        raise ValidationError(CHOOSE, code="required")
    if not upload.size:
        raise ValidationError(EMPTY, code="empty")
    limit = max_bytes()
    if upload.size > limit:
        raise ValidationError(f"The selected file must be smaller than {size_words(limit)}", code="too_large")
    extension = os.path.splitext(upload.name or "")[1].lower()
    upload.seek(0)
    head = upload.read(SNIFF_BYTES)
    upload.seek(0)
    kind = filetype.guess(head)
    if kind is not None and extension in ACCEPTED_TYPES.get(kind.mime, (set(), ""))[0]:
        return kind.mime
    raise ValidationError(WRONG_TYPE, code="wrong_type")


def clean_original_name(name):
    """The name to show and to offer on download: no folders, no control characters, at most 255 characters."""
    base = os.path.basename((name or "").replace("\\", "/"))
    base = "".join(ch for ch in base if ch.isprintable()).strip()
    if not base:
        base = "letter"
    stem, extension = os.path.splitext(base)
    return stem[: 255 - len(extension)] + extension


class LetterStorage(FileSystemStorage):
    @cached_property
    def base_location(self):
        # Read MEDIA_ROOT when first used (and again after a test overrides it), never at import time.
        return Path(settings.MEDIA_ROOT) / "correspondence"

    def url(self, name):
        raise ValueError("Letter files have no public address: serve them through the download views")


_storage = LetterStorage()


def letter_storage():
    """The storage for letter files (a callable, so migrations do not record a path)."""
    return _storage
