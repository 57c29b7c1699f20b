"""The page cache's fast way out: a stored page sent before Flask handles the
request.

Most of a public site's requests are anonymous GETs of pages the cache holds.
`FastHits` sits in front of the app (inside ProxyFix, so it sees the real host
and scheme) and answers those itself: one Redis call, then the stored bytes
with the very headers the app gives a page from the cache (`serving.
sent_headers`, the security headers), the request's log line and its view
counted. No request context, no URL matching, no hook: a third of the time the
same page takes through Flask.

What a page's stored value gives is worked out once per process, not on each
hit (`ReadyPages`): the Entry read from its first line, the headers, the body
decompressed for a client that does not take gzip. The first line names the
page's ETag (a hash of its body) and the moments it was rendered and expires,
so the same first line is the same response.

It answers only when it is sure: a GET without session or remember cookie,
without validators or a range to check, on the links' scheme, from a client
that takes gzip (every browser) or names no encoding at all (the page goes
out as it is, as the app sends it; a client naming only others gets the app's
Brotli, say), whose host, path and query are exactly those a page was stored
under (the query's declared arguments, sorted, as links write them).
Everything else goes to the app, whose own lookup (`serving.py`) still finds a
stored page by the slower road.
"""

import gzip
import threading
import time

from werkzeug.exceptions import SecurityError
from werkzeug.http import http_date, parse_accept_header, parse_cookie
from werkzeug.wsgi import get_host, get_path_info

from mektep import request_log
from mektep.pagecache.serving import (
    fresh_entry,
    notify_view,
    page_headers,
    page_key,
    page_store,
    public_clock_headers,
)
from mektep.pagecache.visitors import has_session_cookie
from mektep.security import security_headers

# Request headers that ask for more than the page (Flask's `make_conditional` handles them).
CONDITIONAL = (
    "HTTP_IF_NONE_MATCH",
    "HTTP_IF_MODIFIED_SINCE",
    "HTTP_IF_MATCH",
    "HTTP_IF_UNMODIFIED_SINCE",
    "HTTP_RANGE",
)
# Pages kept ready in each process, and the bytes of their bodies: a worker's
# memory stays flat however many schools it serves.
READY_PAGES = 256
READY_BYTES = 2 * 1024 * 1024
# Whether gzip is taken, by Accept-Encoding value: clients send a handful of
# them, parsed once each (up to this many, so that odd ones cost no memory).
GZIP_TAKEN_VALUES = 64


class ReadyPage:
    """A stored page made ready to send in one encoding: its Entry, its
    headers but for those of the moment (Content-Length, Date, a public page's
    Cache-Control), and its body when it is not the stored one (decompressed)."""

    __slots__ = ("entry", "headers", "body", "public")

    def __init__(self, entry, gzipped, config):
        self.entry = entry
        self.public = not entry.cache_control_chosen
        self.body = None if gzipped else gzip.decompress(entry.gzipped)
        headers = page_headers(entry, gzipped, "hit")
        own = {name for name, _value in headers}
        headers += [item for item in security_headers(config) if item[0] not in own]
        self.headers = headers

    @property
    def size(self):
        """Bytes it keeps: the stored body, and the decompressed one."""
        return len(self.entry.gzipped) + len(self.body or b"")

    def sent_headers(self, body, now, date):
        return [
            *self.headers,
            *(public_clock_headers(self.entry, now) if self.public else ()),
            ("Content-Length", str(len(body))),
            ("Date", date),
        ]


class ReadyPages:
    """The ReadyPages of one app in this process, by encoding and by the first
    line of the stored value; the oldest go first when there are too many."""

    def __init__(self, app):
        self.app = app
        self.pages = {}
        self.size = 0
        self.lock = threading.Lock()

    def get(self, value, gzipped):
        """The fresh ReadyPage of the stored `value` (None: none is, or it
        cannot be read), and the body it sends."""
        head, _, gzipped_body = value.partition(b"\n")
        page = self.pages.get((gzipped, head))
        if page is None:
            page = self._make(value, gzipped, head)
            if page is None:
                return None, None
        elif time.time() >= page.entry.expires:
            return None, None
        return page, gzipped_body if gzipped else page.body

    def _make(self, value, gzipped, head):
        entry = fresh_entry(value)
        if entry is None:
            return None
        page = ReadyPage(entry, gzipped, self.app.config)
        with self.lock:
            while self.pages and (
                len(self.pages) >= READY_PAGES or self.size + page.size > READY_BYTES
            ):
                self.size -= self.pages.pop(next(iter(self.pages))).size
            if page.size <= READY_BYTES:
                self.pages[gzipped, head] = page
                self.size += page.size
        return page


class FastHits:
    """WSGI middleware: `app.wsgi_app = FastHits(app, app.wsgi_app)`."""

    def __init__(self, app, wsgi_app):
        self.app = app
        self.wsgi_app = wsgi_app
        self.ready = ReadyPages(app)
        self._date = (0, "")
        self._gzip_taken = {}

    def __call__(self, environ, start_response):
        started = time.perf_counter()
        found = self._find(environ)
        if found is None:
            return self.wsgi_app(environ, start_response)
        school_id, path, page, body = found
        now = time.time()
        start_response("200 OK", page.sent_headers(body, now, self._http_date(now)))
        entry = page.entry
        notify_view(self.app, school_id, entry.endpoint, path)
        request_log.log_line(entry.school, "GET", path, 200, started)
        return [body]

    def _http_date(self, now):
        """The Date header's value at `now`, written once a second."""
        second = int(now)
        if self._date[0] != second:
            self._date = (second, http_date(second))
        return self._date[1]

    def _takes_gzip(self, accept):
        taken = self._gzip_taken.get(accept)
        if taken is None:
            taken = parse_accept_header(accept)["gzip"] > 0
            if len(self._gzip_taken) < GZIP_TAKEN_VALUES:
                self._gzip_taken[accept] = taken
        return taken

    def _anonymous(self, environ):
        cookie = environ.get("HTTP_COOKIE")
        return not cookie or not has_session_cookie(parse_cookie(cookie), self.app.config)

    def _find(self, environ):
        """(school id, path, ReadyPage, body) of the stored page this request
        asks for, or None."""
        store = page_store(self.app)
        if (
            store is None
            or environ.get("REQUEST_METHOD") != "GET"
            or any(name in environ for name in CONDITIONAL)
            or environ.get("wsgi.url_scheme") != self.app.config["PREFERRED_URL_SCHEME"]
            or not self._anonymous(environ)
        ):
            return None
        accept = environ.get("HTTP_ACCEPT_ENCODING", "").strip()
        gzipped = bool(accept)
        if gzipped and not self._takes_gzip(accept):
            return None
        try:
            host = get_host(environ, self.app.config.get("TRUSTED_HOSTS"))
        except SecurityError:
            return None
        path = "/" + get_path_info(environ).lstrip("/")
        key = page_key(host, path, environ.get("QUERY_STRING", ""))
        found = store.lookup(key, host)
        if found is None or found[2] is None:
            return None
        school_id, _field, value = found
        page, body = self.ready.get(value, gzipped)
        return (school_id, path, page, body) if page is not None else None
