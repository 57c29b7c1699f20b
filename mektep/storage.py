"""File storage behind a small interface: keys in, bytes out.

Keys are relative paths chosen by the caller (`{school_id}/{sha256}.pdf`), so
every school's files live under its own prefix and identical content is stored
once. `LocalStorage` keeps them in a directory (`STORAGE_DIR`); a bucket-backed
class with the same four methods can replace it for multi-server deployments.
"""

import hashlib
import os
import shutil
import tempfile
from pathlib import Path, PurePosixPath

from flask import current_app

CHUNK = 1024 * 1024


def content_key(school_id, digest, extension, variant=""):
    """The key of a school's file with content `digest` (and a derived `variant`)."""
    suffix = f"-{variant}" if variant else ""
    return f"{school_id}/{digest[:2]}/{digest}{suffix}.{extension}"


class LocalStorage:
    def __init__(self, root):
        self.root = Path(root)

    def _path(self, key):
        relative = PurePosixPath(key)
        if relative.is_absolute() or ".." in relative.parts:
            raise ValueError(f"bad storage key {key!r}")
        return self.root.joinpath(*relative.parts)

    def save(self, key, source):
        """Store the binary file object `source` under `key`, atomically."""
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as handle:
            shutil.copyfileobj(source, handle, CHUNK)
        os.replace(handle.name, path)

    def open(self, key):
        """A binary file object reading `key` (FileNotFoundError if absent)."""
        return self._path(key).open("rb")

    def exists(self, key):
        return self._path(key).is_file()

    def delete(self, key):
        self._path(key).unlink(missing_ok=True)


def get_storage(app=None):
    app = app or current_app
    storage = app.extensions.get("mektep_storage")
    if storage is None:
        storage = app.extensions["mektep_storage"] = LocalStorage(app.config["STORAGE_DIR"])
    return storage


def sha256_of(handle):
    """The hex SHA-256 of a file object's remaining content; rewinds it first."""
    handle.seek(0)
    digest = hashlib.sha256()
    for chunk in iter(lambda: handle.read(CHUNK), b""):
        digest.update(chunk)
    handle.seek(0)
    return digest.hexdigest()
