"""File storage behind one small interface, on a local folder or an S3 bucket.

Keys are relative paths chosen by the caller (`{school_id}/ab/{sha256}.pdf`), so
every school's files live under its own prefix and identical content is stored
once. `STORAGE_URL` chooses the backend: empty means the folder `STORAGE_DIR`
(`LocalStorage`, the embedded default); `s3://bucket/prefix` an S3-compatible
bucket (`S3Storage`), which every web and worker machine can share.

Both backends offer the same methods, and bytes always move as streams, never
whole in memory:

    save(key, source)          write from a readable binary stream (atomically)
    open(key, start=0, end=None)
                               a readable binary stream of the bytes [start, end)
                               (FileNotFoundError when absent); use it in `with`
    local_copy(key)            a context manager giving a seekable local file of
                               the key (the file itself, or a temporary download)
    stat(key)                  `Stat(size, version, modified)`; `version` changes
                               whenever the stored bytes are written again
    exists(key), delete(key)
    keys(prefix="")            every stored key under `prefix`, in no set order

Whoever copies a deployment's files (backups, exports) needs nothing else:
`for key in storage.keys(): with storage.open(key) as stream: ...`, and
`storage.save(key, stream)` to write them back.
"""

import hashlib
from urllib.parse import urlsplit

from flask import current_app

from mektep.storage.common import CHUNK, Stat

__all__ = ["CHUNK", "Stat", "content_key", "get_storage", "sha256_of", "stored_sha256"]


def content_key(school_id, digest, extension, variant=""):
    """The key of a school's file with content `digest` (and a derived `variant`)."""
    suffix = f"-{variant}" if variant else ""
    return f"{school_id}/{digest[:2]}/{digest}{suffix}.{extension}"


def storage_from_config(config):
    """The backend `STORAGE_URL` names (empty: the local folder `STORAGE_DIR`)."""
    url = config.get("STORAGE_URL") or ""
    if not url:
        from mektep.storage.local import LocalStorage

        return LocalStorage(config["STORAGE_DIR"])
    parts = urlsplit(url)
    if parts.scheme != "s3" or not parts.netloc:
        raise ValueError(f"STORAGE_URL must be empty or s3://bucket/prefix, not {url!r}")
    from mektep.storage.s3 import S3Storage

    return S3Storage(
        bucket=parts.netloc,
        prefix=parts.path.strip("/"),
        endpoint_url=config.get("S3_ENDPOINT_URL") or None,
    )


def get_storage(app=None):
    app = app or current_app
    storage = app.extensions.get("mektep_storage")
    if storage is None:
        storage = app.extensions["mektep_storage"] = storage_from_config(app.config)
    return storage


def sha256_of(handle):
    """The hex SHA-256 of a seekable file object's content; rewinds it first and after."""
    handle.seek(0)
    digest = hash_stream(handle)
    handle.seek(0)
    return digest


def hash_stream(stream):
    """The hex SHA-256 of what is left to read in `stream`."""
    digest = hashlib.sha256()
    for chunk in iter(lambda: stream.read(CHUNK), b""):
        digest.update(chunk)
    return digest.hexdigest()


def stored_sha256(storage, key):
    """The SHA-256 of the bytes stored under `key` (FileNotFoundError when absent)."""
    with storage.open(key) as stream:
        return hash_stream(stream)
