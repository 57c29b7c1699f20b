"""A Redis outage degrades the page cache to uncached rendering, never an error;
changes committed during the outage are never hidden by pages stored before it.

The test runs its own redis-server on its own port (never the shared one), and
stops it and starts it again."""

import pytest
import redis

from mektep.extensions import db
from mektep.pagecache import PageStore
from mektep.pagecache import store as store_module
from tenants.models import School

from .conftest import state, text


@pytest.fixture
def own_redis(app, server, monkeypatch):
    """The app's page cache on the test's own redis-server (`server`)."""
    # Asking again at once after a failure, so that the test needs no sleeping.
    monkeypatch.setattr(store_module, "RETRY_SECONDS", 0)
    store = PageStore(server.url, seconds=600, pages_per_school=50, prefix="outage")
    monkeypatch.setitem(app.extensions, "mektep.pagecache", store)
    return server


def rename(app, school_id, name):
    with app.app_context():
        db.session.get(School, school_id).name_ky = name
        db.session.commit()


def test_pages_are_rendered_while_redis_is_down(app, site, schools, own_redis):
    site("school-a").get("/")
    assert state(site("school-a").get("/")) == "hit"
    own_redis.stop()
    for path in ("/", "/news/", "/?lang=ru"):
        response = site("school-a").get(path)
        assert response.status_code == 200 and state(response) is None
        assert response.headers["Cache-Control"].startswith("public")
    # A change committed while Redis is down is committed (the bump waits)...
    rename(app, schools["a"], "Өчкөндө өзгөргөн")
    assert "Өчкөндө өзгөргөн" in text(site("school-a").get("/"))
    # ...and once Redis is back with the page stored before, that page is not sent.
    own_redis.start()
    stored_before = redis.Redis.from_url(own_redis.url).hlen(f"outage:{schools['a']}:pages")
    assert stored_before == 1, "the page stored before the outage is back in Redis"
    back = site("school-a").get("/")
    assert back.status_code == 200 and "Өчкөндө өзгөргөн" in text(back)
    assert state(back) == "miss"
    assert state(site("school-a").get("/")) == "hit"
