"""Stored files in a local folder (`STORAGE_DIR`): the embedded default, for one
machine (or several sharing the folder over a network file system)."""

import io
import os
import shutil
import tempfile
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath

from mektep.storage.common import CHUNK, Stat


class LocalStorage:
    def __init__(self, root):
        self.root = Path(root)

    def _path(self, key):
        relative = PurePosixPath(key)
        if not key or relative.is_absolute() or ".." in relative.parts:
            raise ValueError(f"bad storage key {key!r}")
        return self.root.joinpath(*relative.parts)

    def save(self, key, source):
        """Store the readable binary stream `source` under `key`, atomically."""
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=".part-", delete=False) as handle:
            try:
                shutil.copyfileobj(source, handle, CHUNK)
            except BaseException:
                os.unlink(handle.name)
                raise
        os.replace(handle.name, path)

    def open(self, key, start=0, end=None):
        """A binary stream of the bytes [start, end) of `key`."""
        handle = self._path(key).open("rb")
        if start:
            handle.seek(start)
        if end is None:
            return handle
        return _Limited(handle, end - start)

    @contextmanager
    def local_copy(self, key):
        with self._path(key).open("rb") as handle:
            yield handle

    def stat(self, key):
        result = self._path(key).stat()
        return Stat(
            size=result.st_size,
            version=f"{result.st_mtime_ns:x}-{result.st_ino:x}",
            modified=datetime.fromtimestamp(result.st_mtime, UTC),
        )

    def exists(self, key):
        return self._path(key).is_file()

    def delete(self, key):
        self._path(key).unlink(missing_ok=True)

    def keys(self, prefix=""):
        base = self._path(prefix) if prefix else self.root
        if not base.is_dir():
            return
        for folder, _dirs, files in os.walk(base):
            for name in files:
                if not name.startswith(".part-"):
                    yield (Path(folder) / name).relative_to(self.root).as_posix()


class _Limited(io.RawIOBase):
    """A file read no further than `remaining` bytes from where it stands."""

    def __init__(self, handle, remaining):
        self._handle = handle
        self._remaining = remaining

    def readable(self):
        return True

    def readinto(self, buffer):
        if self._remaining <= 0:
            return 0
        view = memoryview(buffer)[: self._remaining]
        count = self._handle.readinto(view)
        self._remaining -= count
        return count

    def close(self):
        self._handle.close()
        super().close()
