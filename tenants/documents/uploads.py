"""Taking an upload in: size limit, content check, storage, and the thumbnail job.

`store_upload(stream, filename, school_id, user)` is the one way a file enters
the platform, for documents, news covers and the demo alike. It returns a new
pending `StoredFile` whose thumbnail job is queued when the transaction commits,
or raises `Refused` with a message for the uploader.
"""

import os
import re
import tempfile
import unicodedata
from pathlib import PurePosixPath

from flask import current_app
from flask_babel import gettext as _

from mektep.extensions import db
from mektep.storage import CHUNK, get_storage, sha256_of
from tenants.documents.jobs import queue_render
from tenants.documents.models import StoredFile
from tenants.documents.sniffing import TYPE_MIME, Refused, sniff

MAX_NAME_LENGTH = 200


class TooLarge(Refused):
    def __init__(self):
        super().__init__("too_large")

    @property
    def message(self):
        return _(
            "The file is larger than %(mb)s MB, the most the site accepts.", mb=upload_limit_mb()
        )


def upload_limit():
    return current_app.config["MAX_CONTENT_LENGTH"]


def upload_limit_mb():
    return upload_limit() // (1024 * 1024)


def clean_filename(name, file_type):
    """The name to show and offer for download: no folders, no control characters."""
    name = re.split(r"[\\/]", name or "")[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C")
    name = " ".join(name.split()).strip(". ")
    stem, dot, suffix = name.rpartition(".")
    if len(name) > MAX_NAME_LENGTH:
        keep = MAX_NAME_LENGTH - len(suffix) - 1 if dot else MAX_NAME_LENGTH
        name = f"{stem[:keep]}.{suffix}" if dot else name[:keep]
    return name or f"document.{file_type}"


def title_from_filename(name):
    stem = PurePosixPath(name).stem
    return " ".join(stem.replace("_", " ").split())[:300] or name


def _spool(stream, limit):
    """Copy `stream` to a temporary file, refusing it past `limit` bytes."""
    # Returned open to the caller, which closes and removes it.
    spooled = tempfile.NamedTemporaryFile(prefix="mektep-upload-", delete=False)  # noqa: SIM115
    size = 0
    try:
        for chunk in iter(lambda: stream.read(CHUNK), b""):
            size += len(chunk)
            if size > limit:
                raise TooLarge()
            spooled.write(chunk)
        spooled.flush()
    except BaseException:
        spooled.close()
        os.unlink(spooled.name)
        raise
    return spooled, size


def store_upload(stream, filename, school_id, user=None, allowed=None):
    """Store an upload of the school; `allowed` narrows the accepted file types."""
    spooled, size = _spool(stream, upload_limit())
    try:
        file_type = sniff(spooled.name, size, allowed)
        digest = sha256_of(spooled)
        stored = StoredFile(
            school_id=school_id,
            sha256=digest,
            file_type=file_type,
            mime_type=TYPE_MIME[file_type],
            size=size,
            original_name=clean_filename(filename, file_type),
            uploaded_by_id=user.id if user is not None else None,
        )
        storage = get_storage()
        if not storage.exists(stored.storage_key):
            storage.save(stored.storage_key, spooled)
    finally:
        spooled.close()
        os.unlink(spooled.name)
    db.session.add(stored)
    db.session.flush()
    queue_render(stored)
    return stored
