"""Where evidence files are kept: under MEDIA_ROOT/complaints, which the web server never serves.

The only way to read a file back is the permission-checked download view, so this storage has no public address.
"""

from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.functional import cached_property


class EvidenceStorage(FileSystemStorage):
    @cached_property
    def base_location(self):
        # Read MEDIA_ROOT when first used (and again after a test overrides it), never at import time.
        return Path(settings.MEDIA_ROOT) / "complaints"

    def url(self, name):
        raise ValueError("Evidence files have no public address: serve them through the download view")


_storage = EvidenceStorage()


def evidence_storage():
    """The storage for evidence files (a callable, so migrations do not record a path)."""
    return _storage
