"""The page cache's hooks around every request.

Most pages found in the cache never reach these hooks: the fast way out
(`fast.py`) sends them before Flask handles the request. The hooks find the
others (a query written in another order, a host the cache does not know yet,
a conditional GET). Before anything else (`serve_from_cache`): an anonymous
GET of a cached page is looked up by its host, path and query under the
school's current generations; a page found is sent at once, with no database
query. Once the school is bound (`plan_for_school`): only an active school's
pages, on its own host. After the view (`finish`): a page that may be stored is
stored, and every response gets its HTTP caching headers (`http.py`): a page
from the cache and the same page just rendered go out byte for byte alike,
with the same validators, so a client's conditional GET gets its 304 either
way. Compression runs after this hook and leaves a gzipped page as it is.

Never stored: a response to a request with a session, one that touched the
session (a form's CSRF token, a flash message) or set a cookie, anything but a
200, a file sent from storage, a page with query arguments its view does not
declare, or a path links would not write.
"""

import time
from dataclasses import dataclass

from flask import current_app, g, request

from mektep import request_log
from mektep.pagecache import declarations, http
from mektep.pagecache.entries import Entry
from mektep.pagecache.store import store_of
from mektep.pagecache.visitors import carries_session, session_touched
from mektep.registries import registry

MAX_PAGE_BYTES = 1024 * 1024
STATE_HEADER = "X-Page-Cache"


@dataclass
class Plan:
    """How the cache treats this request: the host, the page's key (None: not
    to be stored), the school, the field `lookup` gave (None: Redis not asked
    or not answering), whether the page came from the cache."""

    host: str
    key: str | None
    school_id: int | None = None
    field: str | None = None
    hit: bool = False


def page_store(app=None):
    """The app's PageStore, or None when the page cache keeps no pages (PAGE_CACHE)."""
    store = store_of(app)
    return store if store is not None and store.keeps_pages else None


def page_key(host, path, query):
    """The key of the page at `host` + `path` with `query` (its declared
    arguments, sorted: `declarations.storable_query`). The host is part of it:
    a page names its host in absolute links, and a host that changes school (a
    domain moved) must not find the old pages."""
    return f"{host}{path}?{query}"


def _request_plan():
    """What the request alone tells: an anonymous GET of a cached page, and its key."""
    if request.method not in ("GET", "HEAD") or not declarations.is_cached_page():
        return None
    if carries_session():
        return None
    query = declarations.storable_query()
    storable = query is not None and request.scheme == current_app.config["PREFERRED_URL_SCHEME"]
    key = page_key(request.host, request.path, query) if storable else None
    return Plan(request.host, key)


def serve_from_cache():
    """before_request, first of all (`create_app`): a page of a school whose
    host the cache knows is sent without asking the database anything."""
    plan = g.page_cache = _request_plan()
    if plan is None or plan.key is None or page_store() is None:
        return None
    return _look_up(plan)


def plan_for_school():
    """before_request, once the school is bound: pages only of an active
    school, on its own host; looked up by the school's id if its host was not
    known (or named another school: one deleted, and its name taken again)."""
    plan = g.get("page_cache")
    if plan is None:
        return None
    school = g.get("school")
    if not school or not school.is_active:
        g.page_cache = None
        return None
    if request.host != school.host(current_app.config["BASE_DOMAIN"]):
        g.page_cache = None  # a spelling of the host that absolute links must not carry
        return None
    if plan.school_id == school.id or plan.key is None or page_store() is None:
        plan.school_id = school.id
        return None
    plan.school_id, plan.field = school.id, None
    return _look_up(plan, school.id)


def _look_up(plan, school_id=None):
    found = page_store().lookup(plan.key, plan.host, school_id)
    if found is None:
        return None
    plan.school_id, plan.field, value = found
    entry = fresh_entry(value)
    if entry is None:
        return None
    plan.hit = True
    request_log.log_school_as(entry.school)
    return _respond(entry, "hit")


def fresh_entry(value):
    """The Entry stored as `value` if there is one and it is still right, else
    None (a value it cannot read too: the page is rendered and stored again)."""
    try:
        entry = Entry.decode(value) if value is not None else None
    except (ValueError, TypeError):
        return None
    return entry if entry is not None and entry.fresh else None


def sent_headers(entry, gzipped, state):
    """The headers of `entry` as sent (before the security headers): its own and
    its validators, its encoding, its caching and whether it came from the cache."""
    return page_headers(entry, gzipped, state) + clock_headers(entry, time.time())


def page_headers(entry, gzipped, state):
    """The headers of `entry` as sent that stay the same until it expires."""
    return [*entry.http_headers(gzipped), ("Vary", "Accept-Encoding"), (STATE_HEADER, state)]


def clock_headers(entry, now):
    """The headers of `entry` as sent at `now` that change with the clock: its
    caching, unless the view chose its own."""
    return [] if entry.cache_control_chosen else public_clock_headers(entry, now)


def public_clock_headers(entry, now):
    """The clock's headers of an `entry` whose view chose no caching of its own."""
    return [("Cache-Control", http.public_cache_control(entry.expires - now))]


def _respond(entry, state):
    gzipped = request.accept_encodings["gzip"] > 0
    response = current_app.response_class(
        entry.body(gzipped), headers=sent_headers(entry, gzipped, state)
    )
    return response.make_conditional(request)


def _storable(response):
    return (
        response.status_code == 200
        and not response.direct_passthrough
        and not response.is_streamed
        and not response.cache_control.private
        and not response.cache_control.no_store
        and len(response.get_data()) <= MAX_PAGE_BYTES
        and declarations.is_canonical_path()
    )


def finish(response):
    """after_request: store what may be stored; caching headers for all."""
    if request.endpoint == "static":
        return http.cache_static(response)
    plan = g.get("page_cache")
    if carries_session() or session_touched() or "Set-Cookie" in response.headers:
        return http.make_private(response)
    if plan is None or plan.school_id is None:
        return response
    if plan.hit:
        _count_view(plan)
        return response
    if response.status_code != 200:
        return response
    _count_view(plan)
    now = time.time()
    expires = declarations.expiry(now, page_store().seconds if page_store() else http.MAX_AGE)
    if plan.field is not None and expires > now + 1 and _storable(response):
        entry = Entry.of(response, expires, request.endpoint, g.school.slug)
        page_store().store(plan.school_id, plan.host, plan.field, entry.encode())
        return _respond(entry, "miss")
    return http.make_public(response, expires - now)


def add_page_view_listener(app, listener):
    """Call `listener(app, school_id, endpoint, path)` for every anonymous public
    page sent, from the cache or rendered (200, or 304 to a client that has
    it), not always in an app context (the fast way out pushes none): a visit
    counter; keep it to an increment in memory, and never fail."""
    registry("page_view_listeners", app).append(listener)


def notify_view(app, school_id, endpoint, path):
    for listener in registry("page_view_listeners", app):
        listener(app, school_id, endpoint, path)


def _count_view(plan):
    notify_view(current_app._get_current_object(), plan.school_id, request.endpoint, request.path)
