"""HTTP caching: what browsers, a reverse proxy or a CDN may keep, and for how long.

- An anonymous visitor's public page: `Cache-Control: public, max-age=60,
  stale-while-revalidate=300` (never past the moment it changes by itself),
  a weak ETag and, when it comes from the page cache, Last-Modified; a
  conditional GET that still matches gets a 304. No cookie, no `Vary: Cookie`.
- A response to a request with a session (a signed-in user, a form's token),
  or one that touched the session: `Cache-Control: private, no-store`, unless
  the view chose its own (files).
- Static files: their URLs carry a hash of their content (`?v=...`, added to
  every `url_for("static", ...)`), and such a URL is kept a year, `immutable`:
  a changed file gets a new URL.
"""

import hashlib
import os

from flask import current_app, request
from werkzeug.security import safe_join

from mektep.pagecache.entries import etag_of

MAX_AGE = 60
STALE_WHILE_REVALIDATE = 300
PRIVATE = "private, no-store"
STATIC_MAX_AGE = 365 * 24 * 3600
VERSION_ARGUMENT = "v"


def public_cache_control(seconds_left=MAX_AGE):
    """Cache-Control of an anonymous public page that stays right `seconds_left`
    more (a float: the header takes whole seconds, rounded down, never past it)."""
    max_age = max(0, min(MAX_AGE, int(seconds_left)))
    return f"public, max-age={max_age}, stale-while-revalidate={STALE_WHILE_REVALIDATE}"


def make_public(response, seconds_left=MAX_AGE):
    """An anonymous page rendered now: validators, shared caching, and a 304
    when the client's copy is still this page."""
    if response.direct_passthrough or response.is_streamed or "Cache-Control" in response.headers:
        return response
    if "ETag" not in response.headers:
        response.headers["ETag"] = etag_of(response.get_data())
    response.headers["Cache-Control"] = public_cache_control(seconds_left)
    return response.make_conditional(request)


def make_private(response):
    if "Cache-Control" not in response.headers:
        response.headers["Cache-Control"] = PRIVATE
    return response


# Static files


def _static_versions():
    return current_app.extensions.setdefault("mektep.static_versions", {})


def static_version(filename):
    """A short hash of a static file's content, read again when the file changes."""
    path = safe_join(current_app.static_folder, filename)
    if path is None:
        return None
    try:
        stamp = os.stat(path).st_mtime_ns
    except (OSError, ValueError):  # missing, or a name no file can have (a NUL)
        return None
    known = _static_versions().get(filename)
    if known is None or known[0] != stamp:
        with open(path, "rb") as file:
            known = (stamp, hashlib.blake2b(file.read(), digest_size=5).hexdigest())
        _static_versions()[filename] = known
    return known[1]


def add_static_version(endpoint, values):
    """url_defaults hook: `url_for("static", filename=...)` names the file's version."""
    if endpoint == "static" and VERSION_ARGUMENT not in values and "filename" in values:
        version = static_version(values["filename"])
        if version is not None:
            values[VERSION_ARGUMENT] = version


def cache_static(response):
    """A static file asked for by its current version is kept a year."""
    filename = (request.view_args or {}).get("filename", "")
    asked = request.args.get(VERSION_ARGUMENT)
    if response.status_code == 200 and asked and asked == static_version(filename):
        response.cache_control.no_cache = None
        response.cache_control.public = True
        response.cache_control.max_age = STATIC_MAX_AGE
        response.cache_control.immutable = True
    return response
