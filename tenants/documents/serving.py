"""Sending stored files and their thumbnails: only after the caller's tenant
check, with the real type, a safe download name, `nosniff`, and cache headers
(public copies may be cached for an hour; a school's staff always revalidate)."""

from flask import abort, redirect, request, send_file, url_for

from mektep.storage import get_storage
from mektep.thumbnails import FORMATS

PUBLIC_MAX_AGE = 3600
# Thumbnails were made as PNG too until WebP and JPEG replaced it: the old
# addresses (in a saved page, a search engine's index, a shared link's
# preview) lead to the JPEG where there is one (a picture's large size, read by
# link-preview crawlers), else to the WebP.
RETIRED_FORMATS = {"png"}
# Types a browser may show in place; office files are always downloaded.
INLINE_TYPES = {"pdf", "jpeg", "png", "webp"}


def _send(stream, mimetype, etag, public, download_name=None, as_attachment=False):
    response = send_file(
        stream,
        mimetype=mimetype,
        download_name=download_name,
        as_attachment=as_attachment,
        etag=etag,
        conditional=True,
        max_age=PUBLIC_MAX_AGE if public else 0,
    )
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.cache_control.public = public
    response.cache_control.private = not public
    if not public:
        response.cache_control.no_cache = True
    return response


def send_stored_file(stored, public):
    try:
        stream = get_storage().open(stored.storage_key)
    except FileNotFoundError:
        abort(404)
    return _send(
        stream,
        stored.mime_type,
        stored.sha256,
        public,
        download_name=stored.original_name,
        as_attachment=stored.file_type not in INLINE_TYPES,
    )


def send_thumbnail(stored, size, fmt, public):
    if fmt in RETIRED_FORMATS and stored.has_thumbnail(size):
        now = "jpg" if stored.has_thumbnail(size, "jpg") else "webp"
        return redirect(url_for(request.endpoint, file_id=stored.id, size=size, fmt=now), 301)
    if not stored.has_thumbnail(size, fmt):
        abort(404)
    try:
        stream = get_storage().open(stored.thumbnail_key(size, fmt))
    except FileNotFoundError:
        abort(404)
    return _send(stream, FORMATS[fmt], f"{stored.sha256}-{size}-{fmt}", public)
