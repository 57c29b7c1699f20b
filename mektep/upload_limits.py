"""Upload limits: each file may weigh `MAX_UPLOAD_MB`, a whole request
`MAX_REQUEST_MB` (Flask's `MAX_CONTENT_LENGTH`).

A request over the ceiling is refused before it is read (413, with a page of its
own). Under it, the form parser writes each uploaded file into a `CappedUpload`:
up to the per-file limit into a temporary file, and past it nothing more, only
counting, so that one file too large is refused on its own (`over_limit`) while
the other files and every typed field of the form are kept.
"""

import tempfile

from flask import Request, current_app


class CappedUpload:
    """Where the form parser writes one uploaded file, no more than `limit` bytes
    of it; past the limit its bytes are counted (`size`) and dropped."""

    def __init__(self, limit):
        self.limit = limit
        self.size = 0
        self._file = tempfile.TemporaryFile(prefix="mektep-part-")  # noqa: SIM115

    @property
    def over_limit(self):
        return self.size > self.limit

    def write(self, data):
        self.size += len(data)
        if self.over_limit:
            if not self._file.closed:
                # Free the disk at once: nothing of this file will be used.
                self._file.close()
            return len(data)
        return self._file.write(data)

    def seek(self, offset, whence=0):
        return 0 if self._file.closed else self._file.seek(offset, whence)

    def tell(self):
        return 0 if self._file.closed else self._file.tell()

    def read(self, size=-1):
        if self.over_limit:
            raise OSError("the upload was over the limit and was not kept")
        return self._file.read(size)

    def readable(self):
        return not self.over_limit

    def seekable(self):
        return not self._file.closed

    def close(self):
        self._file.close()

    @property
    def closed(self):
        return self._file.closed


class CappedRequest(Request):
    def _get_file_stream(
        self, total_content_length, content_type, filename=None, content_length=None
    ):
        return CappedUpload(current_app.config["MAX_UPLOAD_MB"] * 1024 * 1024)


def init_app(app):
    app.request_class = CappedRequest
