"""Sending stored files and their thumbnails, after the caller's tenant check.

Bytes come from storage as a stream, in the range asked for (`Range`, `If-Range`:
206), whichever backend holds them. Every answer says `nosniff` and carries a
Content-Security-Policy for files. An original is shown in the browser only when
it is a picture or a PDF that passed the structural check (`StoredFile.inline`);
everything else is an attachment, under its cleaned name. The ETag names both the
content's hash and the stored copy's version, so that a copy changed behind the
app's back never passes for the one a client holds. Public copies may be cached
for an hour; a school's staff always revalidate.
"""

import unicodedata
from urllib.parse import quote

from flask import Response, abort, redirect, render_template, request, url_for
from flask_babel import gettext as _
from werkzeug.http import dump_options_header

from mektep.errors import render_error
from mektep.extensions import db
from mektep.storage import CHUNK, get_storage
from mektep.thumbnails import FORMATS, thumbnails_for
from tenants.documents.integrity import mark_problem, previews_to_remake
from tenants.documents.jobs import retry

PUBLIC_MAX_AGE = 3600
# Thumbnails were made as PNG too until WebP and JPEG replaced it: the old
# addresses (in a saved page, a search engine's index, a shared link's
# preview) lead to the JPEG where there is one (a picture's large size, read by
# link-preview crawlers), else to the WebP.
RETIRED_FORMATS = {"png"}
# Nothing a file response holds may run or load anything. `sandbox` makes the
# browser treat it as a page of its own unique origin with scripts off, even if
# it were ever read as HTML.
SANDBOXED = (
    "sandbox; default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; "
    "frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
)
# Browsers' own PDF viewers refuse to open in a sandboxed document (Chromium
# shows "blocked", Firefox and Safari an empty page), so a PDF shown inline,
# which passed the structural check and carries no markup, gets the same
# policy without `sandbox`; `nosniff` keeps it a PDF.
INLINE_PDF = (
    "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; "
    "object-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
)
ICON_MAX_AGE = 60


class StoredBody:
    """The response body of one stored key: read lazily from storage, from where
    werkzeug's range handling seeks to, up to the end it is told."""

    def __init__(self, storage, key, end):
        # The body is read once the request's app context is gone: keep the storage.
        self.storage = storage
        self.key = key
        self.start = 0
        self.end = end
        self.stream = None

    def seekable(self):
        return True

    def seek(self, offset):
        self.start = offset

    def tell(self):
        return self.start

    def __iter__(self):
        return self

    def __next__(self):
        if self.stream is None:
            self.stream = self.storage.open(self.key, self.start, self.end)
        chunk = self.stream.read(CHUNK)
        if not chunk:
            raise StopIteration
        return chunk

    def close(self):
        if self.stream is not None:
            self.stream.close()


def _send(key, mimetype, etag, public, policy=SANDBOXED, disposition=None):
    """The response for stored `key`, or None when storage has no such key."""
    storage = get_storage()
    try:
        stat = storage.stat(key)
    except FileNotFoundError:
        return None
    body = StoredBody(storage, key, stat.size)
    response = Response(body, mimetype=mimetype, direct_passthrough=True)
    response.content_length = stat.size
    response.set_etag(f"{etag}.{stat.version}")
    response.last_modified = stat.modified
    if disposition is not None:
        response.headers["Content-Disposition"] = disposition
    _file_headers(response, public, policy)
    response.make_conditional(request, accept_ranges=True, complete_length=stat.size)
    if response.status_code == 206:
        body.end = response.content_range.stop
    return response


def _file_headers(response, public, policy, max_age=PUBLIC_MAX_AGE):
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Content-Security-Policy"] = policy
    response.cache_control.public = public
    response.cache_control.private = not public
    response.cache_control.max_age = max_age if public else 0
    if not public:
        response.cache_control.no_cache = True


def _disposition(stored, inline):
    """`inline` or `attachment`, with the cleaned name: in UTF-8 (RFC 6266) and,
    for old clients, its closest ASCII spelling (as Flask's send_file does)."""
    name = stored.original_name
    kind = "inline" if inline else "attachment"
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    ascii_name = " ".join(ascii_name.split()).strip(". ")
    if not ascii_name.rpartition(".")[0]:
        # Nothing of the name was Latin: a plain name of the right type.
        ascii_name = f"document.{stored.extension}"
    if ascii_name == name:
        return dump_options_header(kind, {"filename": name})
    return dump_options_header(
        kind, {"filename": ascii_name, "filename*": f"UTF-8''{quote(name, safe='')}"}
    )


def _unavailable():
    return render_error(
        404,
        _("File unavailable"),
        _(
            "This file is missing or damaged on the server. The school's staff see "
            "it marked in their admin and can upload it again."
        ),
    )


def send_stored_file(stored, public):
    if stored.integrity in ("missing", "damaged"):
        return _unavailable()
    inline = stored.served_inline
    response = _send(
        stored.storage_key,
        stored.mime_type,
        stored.sha256,
        public,
        policy=INLINE_PDF if inline and stored.file_type == "pdf" else SANDBOXED,
        disposition=_disposition(stored, inline),
    )
    if response is None:
        mark_problem(stored, "missing")
        return _unavailable()
    return response


def send_thumbnail(stored, size, fmt, public):
    if fmt in RETIRED_FORMATS and stored.has_thumbnail(size):
        now = "jpg" if stored.has_thumbnail(size, "jpg") else "webp"
        # One address in every language (as the pages link it), cached once.
        moved = url_for(request.endpoint, file_id=stored.id, size=size, fmt=now, lang=None)
        return redirect(moved, 301)
    if not stored.has_thumbnail(size, fmt):
        if stored.integrity == "no_thumbnail" and (size, fmt) in thumbnails_for(stored.file_type):
            # Known lost and being made again: pages still cached point here.
            return type_icon(stored, size, public)
        abort(404)
    response = _send(
        stored.thumbnail_key(size, fmt), FORMATS[fmt], f"{stored.sha256}-{size}-{fmt}", public
    )
    if response is None:
        # A page made before the loss still points here: show the type icon, not
        # a broken picture, let the pages show the icon until the preview job
        # has made the thumbnails again.
        mark_problem(stored, "no_thumbnail")
        for row in previews_to_remake(stored):
            retry(row)
        db.session.commit()
        return type_icon(stored, size, public)
    return response


def type_icon(stored, size, public):
    """The type icon (an SVG picture naming the type) in place of a thumbnail."""
    width, height = stored.thumbnail_box(size) or (120, 160)
    svg = render_template(
        "documents/type_icon.svg", width=width, height=height, label=stored.type_label
    )
    response = Response(svg, mimetype="image/svg+xml")
    _file_headers(response, public, SANDBOXED, max_age=ICON_MAX_AGE)
    return response
