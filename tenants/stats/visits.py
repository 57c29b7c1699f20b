"""Counting visits to a school's public pages: per page (its path) per day, with
no cookie and no IP address, pages served from the page cache included.

The page cache calls `count_view` for every anonymous public page it sends,
from the cache or rendered (a 200, or a 304 to a client that has it); on a
cache hit no view and no tenant hook runs, so the school comes from the cache.
Each view adds one to a counter in Redis (HINCRBY in a hash per day), a
second later at most (`pending_views.py`); the worker's sweep moves the counts
into `PageVisit` rows. A Redis outage loses the counts of its duration, never
a page. Signed-in people (staff checking their site) are not visitors and are
not counted.
"""

import secrets
from datetime import date, datetime

import redis
from flask import current_app

from mektep.clock import district_zone
from mektep.extensions import db
from mektep.queue import get_redis
from tenants.public.lowvision import NOT_PAGES
from tenants.stats.models import PageVisit
from tenants.stats.pending_views import pending_views
from tenants.stats.upsert import upsert

PATH_MAX = 300
# A hash being flushed that nobody touched for this long was left by a dead worker.
ORPHAN_SECONDS = 600


def _prefix(app=None):
    return f"{(app or current_app).config['RQ_QUEUE']}:visits"


def day_key(day, app=None):
    return f"{_prefix(app)}:{day.isoformat()}"


def count_view(app, school_id, endpoint, path):
    """Page-view listener (mektep.pagecache) of `app`: one more visit of this page today."""
    # Files, feeds, stylesheets and the sitemap are not pages a person reads.
    if endpoint in NOT_PAGES or len(path) > PATH_MAX:
        return
    today = datetime.now(district_zone(app)).date()
    key = day_key(today, app)
    pending_views(app).add(key, f"{school_id} {path}")


def _add(day, counts):
    """Add `counts` ({(school id, path): n}) to the day's rows."""
    rows = [
        {"school_id": school_id, "day": day, "path": path, "count": count}
        for (school_id, path), count in counts.items()
    ]
    upsert(
        PageVisit,
        rows,
        ["school_id", "day", "path"],
        lambda excluded: {"count": PageVisit.__table__.c.count + excluded.count},
    )


def _parse(fields):
    counts = {}
    for field, value in fields.items():
        school_id, _, path = field.decode().partition(" ")
        if school_id.isdigit() and path:
            counts[(int(school_id), path)] = int(value)
    return counts


def _claim(connection, key, day):
    """Rename `key` to a name of this worker's own (atomic: one worker wins)."""
    claimed = f"{_prefix()}-flushing:{day}:{secrets.token_hex(4)}"
    try:
        connection.rename(key, claimed)
    except redis.ResponseError:
        return None  # another worker took it
    return claimed


def flush_visits():
    """Sweep: move every day's counters from Redis into the database. Each day's
    hash is renamed first (atomically) to a name of this worker's own, so
    counting goes on in a new one and two workers never flush the same counts;
    a hash left by a worker that died while flushing (untouched for
    ORPHAN_SECONDS) is claimed the same way by a later sweep."""
    connection = get_redis()
    prefix = _prefix()
    mine = []
    for key in connection.scan_iter(match=f"{prefix}:*"):
        mine.append(_claim(connection, key, key.decode().rsplit(":", 1)[1]))
    for key in connection.scan_iter(match=f"{prefix}-flushing:*"):
        if key.decode() not in mine and (connection.object("idletime", key) or 0) >= ORPHAN_SECONDS:
            mine.append(_claim(connection, key, key.decode().split(":")[-2]))
    flushed = 0
    for key in filter(None, mine):
        day = date.fromisoformat(key.split(":")[-2])
        counts = _parse(connection.hgetall(key))
        if counts:
            _add(day, counts)
            db.session.commit()
            flushed += sum(counts.values())
        connection.delete(key)
    return flushed
