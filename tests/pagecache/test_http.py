"""HTTP caching of anonymous public pages: validators, 304s, Cache-Control, no
cookie and no `Vary: Cookie`, compression composed with the cache; static files
under content-hashed URLs, kept a year."""

import gzip
import re

from .conftest import state


def test_anonymous_pages_are_public_with_validators_and_no_cookie(site, schools):
    for _ in ("miss", "hit"):
        response = site("school-a").get("/news/")
        assert response.status_code == 200
        control = response.headers["Cache-Control"]
        # Whole seconds (RFC 9111 delta-seconds), however long the page has left.
        assert re.fullmatch(r"public, max-age=\d+, stale-while-revalidate=\d+", control)
        assert response.headers["ETag"].startswith('W/"')
        assert "Last-Modified" in response.headers
        assert "Set-Cookie" not in response.headers
        assert "Cookie" not in response.headers.get("Vary", "")


def test_a_conditional_get_gets_a_304_from_the_cache_and_when_rendered(app, site, schools):
    page = site("school-a").get("/news/")
    etag = page.headers["ETag"]
    hit = site("school-a").get("/news/", headers={"If-None-Match": etag})
    assert state(hit) == "hit" and hit.status_code == 304 and hit.data == b""
    # With the cache off (Redis not asked), the same page has the same ETag.
    store = app.extensions.pop("mektep.pagecache")
    try:
        rendered = site("school-a").get("/news/", headers={"If-None-Match": etag})
    finally:
        app.extensions["mektep.pagecache"] = store
    assert rendered.status_code == 304 and state(rendered) is None
    # Positive control: another ETag gets the page.
    changed = site("school-a").get("/news/", headers={"If-None-Match": 'W/"other"'})
    assert changed.status_code == 200 and changed.data == page.data


def test_compression_composes_with_the_cache_and_the_etag(site, schools):
    plain = site("school-a").get("/")
    for _ in ("hit", "hit again"):
        zipped = site("school-a").get("/", headers={"Accept-Encoding": "gzip, br"})
        assert zipped.headers["Content-Encoding"] == "gzip"
        assert "Accept-Encoding" in zipped.headers["Vary"]
        assert gzip.decompress(zipped.data) == plain.data
        assert zipped.headers["ETag"] == plain.headers["ETag"]
    not_modified = site("school-a").get(
        "/", headers={"Accept-Encoding": "gzip", "If-None-Match": plain.headers["ETag"]}
    )
    assert not_modified.status_code == 304


def test_signed_in_pages_are_private(admin_a):
    for path in ("/", "/admin/"):
        response = admin_a.get(path)
        assert response.status_code == 200
        assert response.headers["Cache-Control"] == "private, no-store"


def test_static_files_have_hashed_urls_kept_a_year(site, schools):
    page = site("school-a").get("/").get_data(as_text=True)
    stylesheet = re.search(r'href="(/static/css/site\.css\?v=[0-9a-f]+)"', page)
    assert stylesheet, "the stylesheet's URL carries its version"
    response = site("school-a").get(stylesheet.group(1))
    assert response.status_code == 200
    control = response.headers["Cache-Control"]
    assert "immutable" in control and "max-age=31536000" in control and "public" in control
    # A URL naming another version is not kept: it may not be this content.
    stale = site("school-a").get("/static/css/site.css?v=0000000000")
    assert stale.status_code == 200 and "immutable" not in stale.headers.get("Cache-Control", "")
