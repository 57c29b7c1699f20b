"""Taking an upload in: size limit, content check, storage, and the thumbnail job.

`store_upload(stream, filename, school_id, user)` is the one way a file enters
the platform, for documents, news covers and the demo alike. It returns a new
pending `StoredFile` whose thumbnail job is queued when the transaction commits,
or raises `Refused` with a message for the uploader.

Each file may weigh `MAX_UPLOAD_MB` (a whole request of several files, more:
`mektep.upload_limits`). Content already stored under its key is checked
against its hash and stored again when the copy there is missing or damaged.
The name a file is offered under is cleaned (`clean_filename`): no folders, no
control or invisible formatting characters (a right-to-left override turns
`fdp.exe` into what reads as `exe.pdf`), and it ends in the extension of the
type the content really is.
"""

import os
import re
import tempfile
import unicodedata
from pathlib import PurePosixPath

from flask import current_app
from flask_babel import gettext as _

from mektep.extensions import db
from mektep.storage import CHUNK, get_storage, sha256_of, stored_sha256
from tenants.documents.integrity import copy_restored
from tenants.documents.jobs import queue_render, retry
from tenants.documents.models import INLINE_TYPES, StoredFile
from tenants.documents.sniffing import (
    ACCEPTED_EXTENSIONS,
    EXTENSIONS,
    MARKUP_WINDOW,
    TYPE_MIME,
    Refused,
    has_markup,
    sniff,
)

MAX_NAME_LENGTH = 200
MB = 1024 * 1024
# Characters that look like a full stop, read as one by people.
DOT_LOOKALIKES = str.maketrans({"\u2024": ".", "\ufe52": ".", "\uff0e": ".", "\u3002": "."})
# Extensions that run something when opened: never left looking like the
# name's real end (Windows hides the last extension, `.pdf`, by default).
RUNNABLE = frozenset(
    {
        "exe", "com", "scr", "bat", "cmd", "pif", "msi", "msp", "cpl", "jar", "js", "jse",
        "vbs", "vbe", "wsf", "wsh", "hta", "lnk", "ps1", "psm1", "reg", "sh", "apk", "app",
        "html", "htm", "xhtml", "svg", "shtml", "mht", "url", "dll", "iso", "img",
    }
)  # fmt: skip


class TooLarge(Refused):
    def __init__(self, size=None):
        super().__init__("too_large")
        self.size = size

    @property
    def message(self):
        limit = upload_limit_mb()
        if self.size is None:
            return _("The file is larger than %(mb)s MB, the most the site accepts.", mb=limit)
        return _(
            "The file weighs %(size)s MB; each file may weigh up to %(mb)s MB. Reduce it "
            "(for a scan, a lower resolution is enough) and upload it again.",
            size=max(limit + 1, round(self.size / MB)),
            mb=limit,
        )


def upload_limit():
    return upload_limit_mb() * MB


def upload_limit_mb():
    return current_app.config["MAX_UPLOAD_MB"]


def clean_filename(name, file_type):
    """The name to show and offer for download: no folders, no control or
    format characters, and ending in the extension of `file_type` (when given)."""
    name = re.split(r"[\\/]", name or "")[-1].translate(DOT_LOOKALIKES)
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C")
    name = " ".join(name.split()).strip(". ")
    if file_type:
        name = _with_extension(name, file_type)
    stem, dot, suffix = name.rpartition(".")
    if len(name) > MAX_NAME_LENGTH:
        keep = MAX_NAME_LENGTH - len(suffix) - 1 if dot else MAX_NAME_LENGTH
        name = f"{stem[:keep]}.{suffix}" if dot else name[:keep]
    return name


def _with_extension(name, file_type):
    """`name` ending in an extension of `file_type`: a wrong extension of an
    accepted type is replaced (a PNG named .jpg), any other kept in the name
    but no longer last (`fdp.exe` of a PDF: `fdp_exe.pdf`), and runnable
    extensions inside the name are defused the same way."""
    extensions = EXTENSIONS.get(file_type, (file_type,))
    parts = name.split(".")
    stem_parts, suffix = (parts[:-1], parts[-1]) if len(parts) > 1 else (parts, "")
    if suffix.lower() in extensions:
        return ".".join(_defused(stem_parts) + [suffix])
    if suffix.lower() not in ACCEPTED_EXTENSIONS and suffix:
        stem_parts = stem_parts[:-1] + [f"{stem_parts[-1]}_{suffix}"]
    stem = ".".join(_defused(stem_parts)) or "document"
    return f"{stem}.{extensions[0]}"


def _defused(parts):
    """The parts of a stem, a runnable extension joined to the part before it."""
    joined = parts[:1]
    for part in parts[1:]:
        if part.lower() in RUNNABLE:
            joined[-1] = f"{joined[-1]}_{part}"
        else:
            joined.append(part)
    return joined


def title_from_filename(name):
    stem = PurePosixPath(name).stem
    return " ".join(stem.replace("_", " ").split())[:300] or name


def _spool(stream, limit):
    """Copy `stream` to a temporary file, refusing it past `limit` bytes."""
    if getattr(stream, "over_limit", False):
        # The form parser kept none of it (mektep.upload_limits).
        raise TooLarge(stream.size)
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


def _store_copy(stored, spooled):
    """Store the upload's bytes under `stored`'s key, unless a whole copy is
    there already; a missing or damaged copy is replaced. Either way the copy is
    whole now: what was flagged wrong with it is cleared."""
    storage = get_storage()
    key = stored.storage_key
    try:
        whole = stored_sha256(storage, key) == stored.sha256
    except FileNotFoundError:
        whole = False
    if not whole:
        spooled.seek(0)
        storage.save(key, spooled)
    for row in copy_restored(stored):
        retry(row)


def store_upload(stream, filename, school_id, user=None, allowed=None):
    """Store an upload of the school; `allowed` narrows the accepted file types."""
    spooled, size = _spool(stream, upload_limit())
    try:
        file_type = sniff(spooled.name, size, allowed, name=filename)
        digest = sha256_of(spooled)
        head = spooled.read(MARKUP_WINDOW)
        stored = StoredFile(
            school_id=school_id,
            sha256=digest,
            file_type=file_type,
            mime_type=TYPE_MIME[file_type],
            size=size,
            original_name=clean_filename(filename, file_type),
            uploaded_by_id=user.id if user is not None else None,
            inline=file_type in INLINE_TYPES and not has_markup(head),
        )
        _store_copy(stored, spooled)
    finally:
        spooled.close()
        os.unlink(spooled.name)
    db.session.add(stored)
    db.session.flush()
    queue_render(stored)
    return stored
