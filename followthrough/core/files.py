"""One private store for uploaded files: complaint evidence, response evidence and letters (ADR 0012).

Files live under MEDIA_ROOT, which the web server never serves, each under a random name in a folder named for its
use ("complaint-evidence/3f2a…"). The store has no public address: a file is read back only through a view that
checks who is asking. The name the person gave the file is kept in its row, cleaned by `uploads.clean_original_name`.

Each use has its rules in `settings.UPLOAD_RULES`: the content types it accepts with the name endings each may have,
the largest size, and what to say when no file is chosen or a file is of the wrong type. `store` checks an upload
against them and keeps it.

A file is written only when the transaction that saves its row commits. Until then it waits outside MEDIA_ROOT, in a
temporary file that belongs to the transaction's commit callbacks, so a transaction that rolls back (a refused form,
a later check in the service, a failure in an enclosing block) writes nothing and leaves nothing behind.
"""

import re
import tempfile
import uuid
from dataclasses import dataclass
from functools import partial

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, SuspiciousFileOperation
from django.core.files import File
from django.core.files.storage import FileSystemStorage
from django.db import transaction
from django.db.transaction import TransactionManagementError

from . import uploads

USE = re.compile(r"[a-z]+(-[a-z]+)*")
RANDOM_NAME = re.compile(r"[a-z]+(-[a-z]+)*/[0-9a-f]{32}")
# An upload up to this size waits for the commit in memory; a larger one in a temporary file, deleted when closed.
SPOOL_BYTES = 1024 * 1024

# How a page names a file's type: "Download the letter (PDF, 120KB)".
TYPE_WORDS = {
    "application/pdf": "PDF",
    "application/msword": "Word document",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word document",
    "application/vnd.oasis.opendocument.text": "OpenDocument text",
    "image/png": "PNG image",
    "image/jpeg": "JPEG image",
}


class PrivateStorage(FileSystemStorage):
    """Files under MEDIA_ROOT (read when first used, and again after a test overrides it), with no public address."""

    def url(self, name):
        raise ValueError("Private files have no public address: serve them through a view that checks access")

    def get_available_name(self, name, max_length=None):
        # Names are random, so the store never renames a file to make room: a name that is not random, or one that
        # is already taken, is a mistake to stop at rather than work around.
        if not RANDOM_NAME.fullmatch(name):
            raise SuspiciousFileOperation(f"The private file store keeps files under random names only, not {name!r}")
        if self.exists(name):
            raise FileExistsError(f"A private file called {name} already exists")
        return name


_storage = PrivateStorage()


def private_storage():
    """The private store, for `FileField(storage=private_storage)`: a callable, so migrations do not record a path."""
    return _storage


@dataclass(frozen=True)
class Rules:
    """What one use accepts, from `settings.UPLOAD_RULES`."""

    use: str
    accepted_types: dict  # content type -> the name endings (lower case, with the dot) a file of that type may have
    accept_csv: bool
    max_bytes: int
    choose: str
    wrong_type: str


def rules(use):
    """The upload rules for `use`, such as "complaint-evidence", read from settings each time (tests change them)."""
    given = getattr(settings, "UPLOAD_RULES", {}).get(use)
    if given is None or not USE.fullmatch(use):
        raise ImproperlyConfigured(f"settings.UPLOAD_RULES has no rules for the use {use!r}")
    return Rules(
        use=use,
        accepted_types={content_type: set(endings) for content_type, endings in given["types"].items()},
        accept_csv=bool(given.get("csv", False)),
        max_bytes=int(given["max_bytes"]),
        choose=given.get("choose", uploads.CHOOSE),
        wrong_type=given["wrong_type"],
    )


def check(upload, *, use):
    """The content type of `upload` if `use` accepts it; otherwise ValidationError with the GOV.UK message.

    Forms call this to show the message beside the field; `store` calls it again, so a service is safe on its own.
    """
    given = rules(use)
    return uploads.detect_content_type(
        upload,
        accepted_types=given.accepted_types,
        max_bytes=given.max_bytes,
        wrong_type=given.wrong_type,
        accept_csv=given.accept_csv,
        choose=given.choose,
    )


def type_words(content_type):
    """How a page names a file of `content_type`: "PDF", "Word document", or "File" for a type it has no words for."""
    return TYPE_WORDS.get(content_type, "File")


@dataclass(frozen=True)
class StoredFile:
    """An upload the store has accepted. Put `name` in the row's FileField and the rest beside it."""

    name: str  # where the store keeps it, once the transaction commits
    original_name: str  # what the person called it, cleaned for showing and for downloads
    content_type: str  # found from its content, never from its name
    size: int


def store(upload, *, use):
    """Check `upload` against the rules for `use`, and keep it under a random name when the transaction commits.

    Call it inside the transaction that saves the file's row, and save `name` in that row: if the transaction (or
    any block around it) rolls back, the file is never written.
    """
    if not transaction.get_connection().in_atomic_block:
        raise TransactionManagementError("Store a file inside the transaction that saves its row")
    content_type = check(upload, use=use)  # a file that passes has a name ending, so its cleaned name is never empty
    stored = StoredFile(
        name=f"{use}/{uuid.uuid4().hex}",
        original_name=uploads.clean_original_name(upload.name, "file"),
        content_type=content_type,
        size=upload.size,
    )
    # The upload may be closed before the outermost transaction commits (whoever opened it may close it first), so
    # its bytes wait in a copy the commit callback owns; a rollback drops the callback and the copy with it.
    transaction.on_commit(partial(_write, stored.name, _copy(upload)))
    return stored


def discard(name):
    """Delete the stored file `name` when the transaction that stopped using it commits; nothing if it rolls back."""
    if name:
        transaction.on_commit(partial(_storage.delete, name))


def _copy(upload):
    waiting = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES)  # noqa: SIM115 (closed by _write)
    for chunk in upload.chunks():
        waiting.write(chunk)
    upload.seek(0)
    waiting.seek(0)
    return waiting


def _write(name, waiting):
    with waiting:
        _storage.save(name, File(waiting, name=name))
