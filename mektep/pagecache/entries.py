"""A stored page: what the cache keeps of a response, and how it is made back
into one.

A page is kept once, gzip-compressed (most of its bytes, a fifth of the
memory): clients that accept gzip (every browser) get those very bytes; the
others get them decompressed. Beside the body: the content type, the headers
the view gave (a feed's `Content-Disposition`), a weak ETag (the same for both
encodings: they are one page), Last-Modified (when it was rendered), when it
expires, and what it is for the request log and the view counters (the view's
endpoint, the school's slug): a page sent from the cache runs no view.
"""

import gzip
import hashlib
import json
import time
from base64 import urlsafe_b64encode
from typing import NamedTuple

from werkzeug.http import http_date

# A view's own headers that a stored page keeps (a stylesheet's Cache-Control, a
# file's sandboxing policy: the app's defaults fill in only what a response does
# not set); everything else (Date, Vary, the security headers) is added to each
# response on its way out.
PAGE_HEADERS = frozenset(
    {
        "Content-Type",
        "Content-Disposition",
        "Content-Language",
        "Cache-Control",
        "Content-Security-Policy",
        "X-Content-Type-Options",
    }
)
GZIP_LEVEL = 6


def etag_of(body):
    """A weak validator of `body`: one page, whatever its encoding."""
    return 'W/"' + urlsafe_b64encode(hashlib.blake2b(body, digest_size=12).digest()).decode() + '"'


class Entry(NamedTuple):
    headers: list
    etag: str
    last_modified: int
    expires: int
    endpoint: str
    school: str
    gzipped: bytes

    @classmethod
    def of(cls, response, expires, endpoint, school):
        body = response.get_data()
        headers = [[name, value] for name, value in response.headers if name in PAGE_HEADERS]
        return cls(
            headers,
            etag_of(body),
            int(time.time()),
            expires,
            endpoint,
            school,
            gzip.compress(body, GZIP_LEVEL, mtime=0),
        )

    def encode(self):
        head = json.dumps(list(self[:-1]))
        return head.encode() + b"\n" + self.gzipped

    @classmethod
    def decode(cls, value):
        """The Entry stored as `value`; None for one stored by an earlier
        version of the cache (it has other fields): that page is rendered again."""
        head, _, gzipped = value.partition(b"\n")
        fields = json.loads(head)
        if len(fields) != len(cls._fields) - 1:
            return None
        return cls(*fields, gzipped)

    @property
    def cache_control_chosen(self):
        """Whether the view set its own Cache-Control (else the page's is public)."""
        return any(name == "Cache-Control" for name, _value in self.headers)

    @property
    def fresh(self):
        return time.time() < self.expires

    def body(self, gzipped):
        return self.gzipped if gzipped else gzip.decompress(self.gzipped)

    def http_headers(self, gzipped):
        """The headers of this page as sent: its own, its validators, and its encoding."""
        headers = [*map(tuple, self.headers), ("ETag", self.etag)]
        headers.append(("Last-Modified", http_date(self.last_modified)))
        if gzipped:
            headers.append(("Content-Encoding", "gzip"))
        return headers
