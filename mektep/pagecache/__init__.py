"""The shared page cache of anonymous public pages, and HTTP caching.

A school's public page, asked for by an anonymous visitor, is rendered once
and kept in Redis (shared by every web process and machine) under the
school, its generations, the path and the declared query arguments; it is sent
from there until anything the school's public sees is committed
(`invalidation.py`), it changes by the clock (`cache_until`), or it expires.
docs/DEVELOPING.md ("The page cache") is the rule every part follows.

- `declarations.py`: which pages, which query arguments, until when;
- `serving.py`: the hooks before and after each request;
- `store.py`: Redis, bounded per school, and outages;
- `entries.py`: what a stored page holds;
- `invalidation.py`: generations bumped by commits;
- `http.py`: Cache-Control, validators, static files' hashed URLs;
- `visitors.py`: anonymous or not, and keeping the session untouched;
- `memo.py`: what every page of a school shows around its content, kept per
  process under the same generations (the cheap part of a page not stored);
- `holes.py`: the few values of such a part that each page fills in (its
  links in the other language, the menu's mark of the current page).
- `watch.py`: the generations each process read, kept until a bump is
  announced on Redis (a page not stored asks Redis nothing).
"""

from mektep.pagecache import invalidation, memo, serving, store, visitors
from mektep.pagecache.declarations import (
    PAGE_NUMBER,
    add_cached_pages,
    add_variant,
    cache_until,
    page_arguments,
)
from mektep.pagecache.http import add_static_version
from mektep.pagecache.invalidation import DISTRICT, NONE, SCHOOL
from mektep.pagecache.memo import per_school
from mektep.pagecache.serving import add_page_view_listener, page_store
from mektep.pagecache.store import PageStore

__all__ = [
    "DISTRICT",
    "NONE",
    "PAGE_NUMBER",
    "SCHOOL",
    "add_cached_pages",
    "add_page_view_listener",
    "add_variant",
    "cache_until",
    "invalidation",
    "per_school",
    "page_arguments",
    "page_store",
]


def init_app(app):
    from mektep.queue import redis_url

    visitors.init_app(app)
    memo.init_app(app)
    app.url_defaults(add_static_version)
    # The generations are kept with the cache off too (PAGE_CACHE=0 keeps no
    # pages): what `memo.py` keeps per process goes by them.
    app.extensions[store.EXTENSION] = PageStore(
        app.config["PAGE_CACHE_URL"] or (lambda: redis_url(app)),
        seconds=app.config["PAGE_CACHE_SECONDS"],
        pages_per_school=app.config["PAGE_CACHE_PAGES_PER_SCHOOL"],
        # Deployments sharing a Redis keep apart by their queue's name, as jobs do.
        prefix=f"{app.config['RQ_QUEUE']}:pages",
        keeps_pages=app.config["PAGE_CACHE"],
    )
    # `serving.serve_from_cache` runs first of all (create_app registers it).
    app.before_request(serving.plan_for_school)
    app.after_request(serving.finish)
