"""What the page cache may store, as the parts of the product declare it.

- Which pages: `add_cached_pages(app, "public", "index")` names blueprints (all
  their GET routes) and endpoints. Only on a school's own host, for an
  anonymous visitor.
- What may vary them besides the school and the path: the query. A query
  argument that every page may carry (the language, the low-vision mode) is a
  variant: `add_variant(app, "lang", LANGUAGES)`. One that only some views read
  is declared on the view: `@page_arguments(page=PAGE_NUMBER)`. A request with
  any other argument, a repeated one, or a value that is not valid is rendered
  but never stored, so random queries cannot fill the cache.
- Until when a page stays right when it changes by the clock alone (a banner
  until a time, the events still to come): `cache_until(moment)` while
  rendering it.
"""

import calendar
import re
from urllib.parse import unquote, urlencode

from flask import current_app, g, request, url_for

from mektep.registries import registry

# Where the request keeps the earliest moment its page changes by itself.
UNTIL = "page_cache_until"
# A page number as links write it: no sign, no leading zero.
PAGE_NUMBER = re.compile(r"[1-9][0-9]{0,5}").fullmatch


def _validator(allowed):
    """A function telling a valid value: `allowed` itself if callable, else membership."""
    if callable(allowed):
        return allowed
    values = frozenset(allowed)
    return values.__contains__


def add_variant(app, name, allowed):
    """Every cached page may carry the query argument `name` with a value that
    `allowed` accepts (a collection of values, or a function), each value a
    page of its own. Links must carry it on (a `url_defaults` hook, as the
    language's does), never a cookie or a header."""
    registry("page_cache_variants", app).append((name, _validator(allowed)))


def page_arguments(**allowed):
    """Decorator of a view: the query arguments of its own that make another
    page (`page=PAGE_NUMBER`, `kind=KINDS`), with the values they may take."""

    def declare(view):
        view.page_arguments = {name: _validator(values) for name, values in allowed.items()}
        return view

    return declare


def add_cached_pages(app, *names):
    """The page cache may keep the GET pages of these blueprints and endpoints."""
    registry("page_cache_pages", app).extend(names)


def is_cached_page():
    names = registry("page_cache_pages")
    return request.endpoint in names or request.blueprint in names


def cache_until(moment):
    """This page changes by itself at `moment` (naive UTC, as the clock gives):
    it is kept no longer than that."""
    cache_until_epoch(calendar.timegm(moment.timetuple()))


def cache_until_epoch(expires):
    """`cache_until` in epoch seconds."""
    setattr(g, UNTIL, min(g.get(UNTIL, expires), expires))


def expiry(now, seconds):
    """When a page rendered now stops being right (epoch seconds)."""
    return min(int(now) + seconds, g.get(UNTIL, int(now) + seconds))


def storable_query():
    """The request's query with its arguments sorted, if every argument is a
    declared one with a valid value; None if the page must not be stored."""
    if not request.args:
        return ""
    view = current_app.view_functions.get(request.endpoint)
    allowed = dict(registry("page_cache_variants"))
    allowed.update(getattr(view, "page_arguments", {}))
    pairs = []
    for name, values in request.args.lists():
        valid = allowed.get(name)
        if valid is None or len(values) != 1 or not valid(values[0]):
            return None
        pairs.append((name, values[0]))
    return urlencode(sorted(pairs))


def is_canonical_path():
    """Whether the path is the one links write for this view (`/news/7`, not
    `/news/007`): one page, one key."""
    built = url_for(request.endpoint, **(request.view_args or {}))
    return unquote(built.partition("?")[0]) == request.path
