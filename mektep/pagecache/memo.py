"""What every page of a school shows around its content, kept in each process.

The header's menu and banners, the footer with the school's contacts, the
preview picture: on every page of a school they are the same for one language
and variant, and they change only when something the school's public sees is
committed, which is exactly when the page cache's generations change
(`invalidation.py`). `school_memo(name, compute)` keeps `compute()`'s value in
this process under the school, both its generations, the host and the page's
variants (the language, the low-vision mode), so a page the cache does not hold
(or every page, with PAGE_CACHE=0) computes it once per school, not once per
page. Another process or machine reads the same generations from Redis, so a
commit anywhere makes every process compute it again.

The generations come with the page cache's own lookup when there was one (no
further Redis call), else from what the process read before and no bump has
since replaced (`watch.py`), else from one call. A value lives at most
`MEMO_SECONDS`, and no longer than what `compute` says changes by the clock
(`cache_until`), which bounds the page's own life as well when the value is
reused. `MEMO_ENTRIES` values per process at most, the least used dropped
first. Signed-in visitors and a Redis that does not answer get values computed
afresh, as if there were no memo.
"""

import functools
import threading
import time

import cachetools
from flask import current_app, g, request

from mektep.pagecache import declarations, holes
from mektep.pagecache.store import store_of
from mektep.pagecache.visitors import carries_session
from mektep.registries import registry

MEMO_SECONDS = 60
MEMO_ENTRIES = 500

EXTENSION = "mektep.pagecache.memo"


class Memo:
    """The values an app keeps, the least used dropped first."""

    def __init__(self):
        self.values = cachetools.LRUCache(maxsize=MEMO_ENTRIES)
        self.lock = threading.Lock()


def school_memo(name, compute):
    """`compute()`, or the value it gave for this school, generation, host and
    variant in this process within its life."""
    key = _key(name)
    if key is None:
        return compute()
    memo = current_app.extensions[EXTENSION]
    now = time.time()
    with memo.lock:
        found = memo.values.get(key)
    if found is not None and found[2] > now:
        value, changes_at, _expires = found
        if changes_at is not None:
            declarations.cache_until_epoch(changes_at)
        return value
    value, changes_at = _computed(compute)
    expires = min(now + MEMO_SECONDS, changes_at or now + MEMO_SECONDS)
    with memo.lock:
        memo.values[key] = (value, changes_at, expires)
    return value


def _computed(compute):
    """(compute(), the earliest moment it gave to `cache_until` or None): the
    moment bounds the page as well."""
    outer = g.pop(declarations.UNTIL, None)
    try:
        value = compute()
    finally:
        changes_at = g.pop(declarations.UNTIL, None)
        for moment in (outer, changes_at):
            if moment is not None:
                declarations.cache_until_epoch(moment)
    return value, changes_at


def _key(name):
    if "school_memo_key" not in g:
        g.school_memo_key = _request_key()
    return None if g.school_memo_key is None else (name, *g.school_memo_key)


def _request_key():
    """What the request's memo values go by: the school, its generations, the
    host and the page's variants (valid values only); None: no memo."""
    school = g.get("school")
    if school is None or carries_session():
        return None
    generations = current_generations(school.id)
    if generations is None:
        return None
    variants = []
    for argument, valid in registry("page_cache_variants"):
        value = request.args.get(argument)
        variants.append(value if value is not None and valid(value) else None)
    return school.id, generations, request.host, g.get("lang"), tuple(variants)


def current_generations(school_id):
    """The school's generations as the page cache's lookup saw them, or as
    Redis has them now (kept by this process until a bump); None if Redis does
    not answer."""
    plan = g.get("page_cache")
    if plan is not None and plan.field is not None and plan.school_id == school_id:
        return tuple(part.decode() for part in plan.field.split(b" ", 2)[:2])
    # Read once a request, as the lookup's are: the resolver and the memo both ask.
    read = g.setdefault("school_generations", {})
    if school_id not in read:
        store = store_of()
        read[school_id] = store.generations(school_id) if store is not None else None
    return read[school_id]


def per_school(function):
    """Decorator: `function()` (of no arguments) kept by `school_memo`."""
    name = f"{function.__module__}.{function.__qualname__}"

    @functools.wraps(function)
    def kept():
        return school_memo(name, function)

    return kept


def shared_part(template):
    """The template `template` rendered, kept by `school_memo`: a part of every
    page of a school that does not depend on the page (the footer, a banner)
    but for its holes (`holes.py`), filled for each page."""
    return holes.filled(school_memo(template, lambda: holes.pieces(template)))


def init_app(app):
    app.extensions[EXTENSION] = Memo()
    app.jinja_env.globals["shared_part"] = shared_part
    holes.init_app(app)
