"""Copying bytes in chunks while taking their SHA-256: every archive and backup
member is written and checked this way, so no file is ever held in memory."""

import hashlib

CHUNK = 1024 * 1024


class Digest:
    """The SHA-256 and size of the bytes seen so far."""

    def __init__(self):
        self.hash = hashlib.sha256()
        self.size = 0

    def update(self, chunk):
        self.hash.update(chunk)
        self.size += len(chunk)

    @property
    def hexdigest(self):
        return self.hash.hexdigest()

    def summary(self):
        return {"sha256": self.hexdigest, "size": self.size}


class HashingWriter:
    """Writes to `target`, keeping the Digest of what was written."""

    def __init__(self, target):
        self.target = target
        self.digest = Digest()

    def write(self, chunk):
        self.digest.update(chunk)
        return self.target.write(chunk)


def copy_hashed(source, target):
    """Copy the readable `source` into the writable `target`; returns its Digest."""
    writer = HashingWriter(target)
    for chunk in iter(lambda: source.read(CHUNK), b""):
        writer.write(chunk)
    return writer.digest


def digest_of(source):
    """The Digest of what remains to be read of `source`."""
    digest = Digest()
    for chunk in iter(lambda: source.read(CHUNK), b""):
        digest.update(chunk)
    return digest


class HashingReader:
    """A file object reading `source` and keeping the Digest of what it read:
    handed to storage, it checks the bytes on their way in."""

    def __init__(self, source):
        self.source = source
        self.digest = Digest()

    def read(self, size=-1):
        chunk = self.source.read(size)
        self.digest.update(chunk)
        return chunk
