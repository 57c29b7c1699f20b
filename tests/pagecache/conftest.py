"""Helpers for the page cache's tests: what a response says of the cache, and
a page that changes by the clock."""

import re
from contextlib import contextmanager
from datetime import timedelta

import pytest
from sqlalchemy import event

from mektep.accounts.models import User
from mektep.clock import utcnow
from mektep.extensions import db
from tenants.models import School
from tenants.news.models import NewsPost
from tenants.scoping import bind_school
from tenants.versioning import publish
from tests.news.conftest import post_fields

from .own_redis import OwnRedis

STATE = "X-Page-Cache"


def state(response):
    """ "hit", "miss" (rendered and stored) or None (rendered, not stored)."""
    return response.headers.get(STATE)


def text(response):
    return response.get_data(as_text=True)


def max_age(response):
    """The max-age of a public page's Cache-Control, which must be well formed:
    whole seconds (RFC 9111 delta-seconds), however little time the page has left."""
    control = response.headers["Cache-Control"]
    found = re.fullmatch(r"public, max-age=(\d+), stale-while-revalidate=\d+", control)
    assert found, control
    return int(found.group(1))


def post_important_notice(app, school_id, title, seconds):
    """A news post of the school's, published by admin@a.kg, whose banner shows for `seconds`."""
    with app.app_context():
        bind_school(db.session.get(School, school_id))
        notice = NewsPost(
            important_until=utcnow() + timedelta(seconds=seconds), **post_fields(title)
        )
        db.session.add(notice)
        db.session.flush()
        publish(notice, db.session.scalar(db.select(User).where(User.email == "admin@a.kg")))
        db.session.commit()


@pytest.fixture
def pages_off(app, monkeypatch):
    """The page cache keeps no pages (PAGE_CACHE=0): every page is rendered."""
    monkeypatch.setattr(app.extensions["mektep.pagecache"], "keeps_pages", False)


@contextmanager
def counted_queries(app):
    """A list that collects the SQL statements run inside the block."""
    statements = []

    def count(conn, cursor, statement, *args):
        statements.append(statement)

    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", count)


def commit(app, change):
    with app.app_context():
        change()
        db.session.commit()


@pytest.fixture
def server(tmp_path):
    """A redis-server of the test's own (`own_redis.OwnRedis`), running."""
    server = OwnRedis(tmp_path)
    server.start()
    yield server
    if server.process.poll() is None:
        server.stop()
