"""A letter's file: where it is kept, and checking it by what it contains rather than what it is called (core.uploads).

Files live under MEDIA_ROOT/correspondence with a random name, which the web server never serves. The only ways to
read one back are the casework download (for those who may see the original) and the public download of a published
letter whose clearer said the file itself could be published (ADR 0009).
"""

from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.functional import cached_property

from followthrough.core import uploads
from followthrough.core.uploads import EMPTY as EMPTY
from followthrough.core.uploads import size_words as size_words

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
DEFAULT_MAX_BYTES = 20 * 1024 * 1024

CHOOSE = "Select the letter's file"
WRONG_TYPE = "The selected file must be a PDF, Word document, OpenDocument text, PNG or JPEG"


def max_bytes():
    return int(getattr(settings, "CORRESPONDENCE_UPLOAD_MAX_BYTES", DEFAULT_MAX_BYTES))


def type_words(content_type):
    return ACCEPTED_TYPES.get(content_type, (set(), "File"))[1]


def detect_content_type(upload):
    """The accepted content type of `upload`, or raise ValidationError with the GOV.UK message.

    A file whose name does not agree with its content is refused: a Word file called "letter.pdf" would open in the
    wrong program, and a program called "letter.pdf" is not a letter.
    """
    return uploads.detect_content_type(
        upload,
        accepted_types={content_type: endings for content_type, (endings, _) in ACCEPTED_TYPES.items()},
        max_bytes=max_bytes(),
        wrong_type=WRONG_TYPE,
        choose=CHOOSE,
    )


def clean_original_name(name):
    """The name to show and to offer on download: no folders, no control characters, at most 255 characters."""
    return uploads.clean_original_name(name, "letter")


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
