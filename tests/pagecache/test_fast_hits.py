"""Stored pages go out before Flask handles the request (mektep/pagecache/fast.py),
alike to the byte and header with what the app sends for them, and only to
requests the app itself would give them to."""

import gzip
import logging
import time

import pytest
from flask import request
from werkzeug.http import parse_date

from mektep.pagecache import fast, page_store
from mektep.pagecache.entries import Entry
from mektep.queue import get_redis

from .conftest import state

PAGE = "/news/?lang=ru"
# What browsers send: the fast way out answers only clients that take gzip.
GZIP = {"Accept-Encoding": "gzip, deflate, br"}
# The app's own lookup, not the fast way out: a validator to check.
THROUGH_THE_APP = GZIP | {"If-None-Match": 'W/"another page"'}


@pytest.fixture
def requests_reaching_flask(app):
    """The paths of the requests that reached the app's hooks."""
    seen = []
    app.before_request_funcs.setdefault(None, []).insert(0, lambda: seen.append(_path()))
    return seen


def _path():
    return request.full_path


def test_a_stored_page_is_sent_without_reaching_flask(site, schools, requests_reaching_flask):
    assert state(site("school-a").get(PAGE)) == "miss"
    assert requests_reaching_flask == ["/news/?lang=ru"]
    fast = site("school-a").get(PAGE, headers=GZIP)
    slow = site("school-a").get(PAGE, headers=THROUGH_THE_APP)
    assert state(fast) == state(slow) == "hit"
    assert fast.data == slow.data and fast.status_code == slow.status_code == 200
    assert fast.headers["Content-Encoding"] == "gzip"
    assert fast.headers["Content-Security-Policy"].startswith("default-src 'self'")
    assert _without_date(fast.headers) == _without_date(slow.headers)
    assert abs(parse_date(fast.headers["Date"]).timestamp() - time.time()) < 2
    # Positive control: the hook sees what goes through the app.
    assert len(requests_reaching_flask) == 2


def _without_date(headers):
    return sorted((name, value) for name, value in headers.items() if name != "Date")


@pytest.mark.parametrize(
    "accept, through_the_app, encoding",
    [
        (None, False, None),  # curl, wrk: the page as it is
        ("br", True, "br"),  # the app compresses it its way
        ("gzip;q=0, br", True, "br"),
        ("identity", True, None),
    ],
)
def test_a_client_naming_no_encoding_or_gzip_only_is_answered_fast(
    site, schools, requests_reaching_flask, accept, through_the_app, encoding
):
    plain = site("school-a").get(PAGE).get_data()
    response = site("school-a").get(PAGE, headers={"Accept-Encoding": accept} if accept else {})
    assert state(response) == "hit"
    assert len(requests_reaching_flask) == (2 if through_the_app else 1)
    assert response.headers.get("Content-Encoding") == encoding
    if encoding is None:
        assert response.get_data() == plain


@pytest.mark.parametrize(
    "path", ["/news/?lang=ru&", "/news/?lang=ru&utm=1", "/news?lang=ru", "/NEWS/?lang=ru"]
)
def test_anything_but_the_stored_request_goes_to_the_app(
    site, schools, requests_reaching_flask, path
):
    site("school-a").get(PAGE)
    site("school-a").get(path, headers=GZIP)
    assert len(requests_reaching_flask) == 2


@pytest.mark.parametrize("cookie", ["session", "remember_token"])
def test_a_session_or_remember_cookie_goes_to_the_app(
    site, schools, requests_reaching_flask, cookie
):
    site("school-a").get(PAGE)
    visitor = site("school-a")
    visitor.client.set_cookie(cookie, "forged", domain=visitor.host.partition(":")[0])
    response = visitor.get(PAGE, headers=GZIP)
    assert len(requests_reaching_flask) == 2 and state(response) is None
    # Positive control: another cookie is no session.
    other = site("school-a")
    other.client.set_cookie("theme", "dark", domain=other.host.partition(":")[0])
    assert state(other.get(PAGE, headers=GZIP)) == "hit" and len(requests_reaching_flask) == 2


def test_another_host_or_method_goes_to_the_app(site, schools, requests_reaching_flask):
    site("school-a").get(PAGE)
    assert state(site("school-b").get(PAGE, headers=GZIP)) == "miss"
    school_a = site("school-a")
    assert school_a.client.head(PAGE, base_url=f"http://{school_a.host}", headers=GZIP).status_code
    assert len(requests_reaching_flask) == 3


def test_a_page_sent_from_the_cache_is_logged_with_its_school(site, schools, caplog):
    site("school-a").get(PAGE)
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="mektep.requests"):
        site("school-a").get(PAGE, headers=GZIP)
        site("school-a").get(PAGE, headers=THROUGH_THE_APP)
    lines = [r.getMessage() for r in caplog.records if r.name == "mektep.requests"]
    assert len(lines) == 2
    assert all(
        line.startswith("school=school-a method=GET path=/news/ status=200 ") for line in lines
    )


def test_a_stored_value_that_cannot_be_read_is_rendered_again(app, site, schools):
    for headers in (GZIP, THROUGH_THE_APP):  # the fast way out, then the app's own lookup
        site("school-a").get(PAGE)
        pages = page_store(app).pages_key(schools["a"])
        with app.app_context():
            fields = get_redis().hkeys(pages)
            for field in fields:
                get_redis().hset(pages, field, b"{not json\n\x00\xff")
        assert fields
        response = site("school-a").get(PAGE, headers=headers)
        assert response.status_code == 200 and state(response) == "miss"
        assert state(site("school-a").get(PAGE, headers=GZIP)) == "hit"  # stored again


def _ready_pages(app):
    layer = app.wsgi_app
    while not isinstance(layer, fast.FastHits):
        layer = layer.app
    return layer.ready


def test_pages_kept_ready_are_bounded_and_sent_as_the_app_renders_them(
    app, site, schools, monkeypatch, requests_reaching_flask
):
    monkeypatch.setattr(fast, "READY_PAGES", 2)
    paths = ["/news/?lang=ru", "/news/?lang=ky", "/"]
    rendered = {path: site("school-a").get(path).get_data() for path in paths}
    assert len(set(rendered.values())) == 3
    for _round in range(2):  # made ready, then (for the last two) found ready
        for path in paths:
            plain = site("school-a").get(path)
            zipped = site("school-a").get(path, headers=GZIP)
            assert state(plain) == state(zipped) == "hit"
            assert plain.get_data() == gzip.decompress(zipped.get_data()) == rendered[path]
            assert plain.headers["Content-Length"] == str(len(rendered[path]))
    assert len(requests_reaching_flask) == 3  # the renders: every hit went the fast way
    ready = _ready_pages(app)
    assert len(ready.pages) == 2
    assert ready.size == sum(page.size for page in ready.pages.values()) <= fast.READY_BYTES


def test_a_page_kept_ready_is_sent_no_longer_than_it_is_stored_for(app, site, schools):
    site("school-a").get(PAGE)
    store = page_store(app)
    client = store._connect()
    key = store.pages_key(schools["a"])
    expires = int(time.time()) + 2
    for field, value in client.hgetall(key).items():
        client.hset(key, field, Entry.decode(value)._replace(expires=expires).encode())
    assert state(site("school-a").get(PAGE)) == "hit"  # made ready
    assert state(site("school-a").get(PAGE)) == "hit"  # found ready
    time.sleep(expires - time.time() + 0.1)
    assert state(site("school-a").get(PAGE)) == "miss"
