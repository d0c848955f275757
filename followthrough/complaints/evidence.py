"""Which evidence files a super-complaint accepts, checked by what they contain (core.uploads).

Binary formats are recognised from their first bytes, and the file's name must agree with what was found (a PDF
called "photo.png" is refused: it would open in the wrong program). CSV has no signature, so a file called "*.csv"
is accepted when it is UTF-8 text the csv module can read.
"""

from followthrough.core import uploads
from followthrough.core.uploads import CHOOSE as CHOOSE
from followthrough.core.uploads import CSV_TYPE as CSV_TYPE
from followthrough.core.uploads import EMPTY as EMPTY
from followthrough.core.uploads import SNIFF_BYTES as SNIFF_BYTES
from followthrough.core.uploads import size_words as size_words

from . import conf

WRONG_TYPE = "The selected file must be a PDF, Word, OpenDocument, spreadsheet, CSV, PNG or JPEG"

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


def too_large_message(limit=None):
    return uploads.too_large_message(limit or conf.upload_max_bytes())


def detect_content_type(upload):
    """The accepted content type of `upload`, or raise ValidationError with the GOV.UK message.

    Checks, in order: a file was chosen, it is not empty, it is not too large, its content is an accepted type,
    and its name agrees with that content.
    """
    return uploads.detect_content_type(
        upload,
        accepted_types=ACCEPTED_TYPES,
        max_bytes=conf.upload_max_bytes(),
        wrong_type=WRONG_TYPE,
        accept_csv=True,
        choose=CHOOSE,
    )


def clean_original_name(name):
    """The name to show and to offer on download: no folders, no control characters, at most 255 characters."""
    return uploads.clean_original_name(name, "evidence")
