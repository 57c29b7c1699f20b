"""What search engines, shared links and slow phones get: a description, a
canonical link to the language variant's own URL and Open Graph tags on every
public page (a news post's cover as its picture), a favicon, /robots.txt naming
the sitemap, machine-readable times with their zone, and compressed responses."""

import gzip
import html
import re
from datetime import datetime

import brotli

from mektep.accounts.models import User
from mektep.extensions import db
from tenants.discussion.models import Post
from tenants.documents.uploads import store_upload
from tenants.models import School
from tenants.news.models import NewsPost
from tenants.scoping import bind_school
from tenants.versioning import publish
from tests.conftest import fixture_path


def meta(page, key):
    found = re.findall(rf'<meta (?:name|property)="{key}" content="([^"]*)">', page)
    assert len(found) == 1, (key, found)
    return found[0]


def canonical(page):
    (href,) = re.findall(r'<link rel="canonical" href="([^"]+)">', page)
    return html.unescape(href)


def test_every_public_page_can_be_shared(site, schools):
    school = site("school-a")
    for path, lang, url in [
        ("/", "ky", "http://school-a.mektep.test/"),
        ("/?lang=ru", "ru", "http://school-a.mektep.test/?lang=ru"),
        ("/?lang=ky&utm_source=telegram", "ky", "http://school-a.mektep.test/"),
        ("/documents?kind=charter&lang=ru", "ru", None),
        (
            "/sveden/employees/?lang=ru",
            "ru",
            "http://school-a.mektep.test/sveden/employees/?lang=ru",
        ),
    ]:
        page = school.get(path).get_data(as_text=True)
        assert meta(page, "description") and meta(page, "og:description") == meta(
            page, "description"
        )
        assert meta(page, "og:locale") == {"ky": "ky_KG", "ru": "ru_RU"}[lang]
        # Static URLs carry their content's version (mektep/pagecache/http.py).
        image, _, version = meta(page, "og:image").partition("?v=")
        assert image == "http://school-a.mektep.test/static/img/share.png" and version
        assert meta(page, "og:title")
        if url:
            assert canonical(page) == url, path
    documents = school.get("/documents?kind=charter&lang=ru").get_data(as_text=True)
    assert canonical(documents) in (
        "http://school-a.mektep.test/documents?kind=charter&lang=ru",
        "http://school-a.mektep.test/documents?lang=ru&kind=charter",
    )
    apex = site().get("/?lang=ru").get_data(as_text=True)
    assert canonical(apex) == "http://mektep.test/?lang=ru" and meta(apex, "og:locale") == "ru_RU"


def test_a_news_post_is_shared_with_its_own_summary_and_cover(app, site, schools, run_worker):
    with app.app_context():
        school = db.session.get(School, schools["a"])
        bind_school(school)
        admin = db.session.scalar(db.select(User).where(User.email == "admin@a.kg"))
        with fixture_path("photo.jpg").open("rb") as photo:
            cover = store_upload(photo, "photo.jpg", school.id, admin)
        post = NewsPost(
            title_ky="Жаңы китептер",
            title_ru="Новые книги",
            body_ky="<p>Жаңылыктын тексти</p>",
            body_ru="<p>Текст новости о книгах</p>",
            cover_file_id=cover.id,
        )
        db.session.add(post)
        db.session.flush()
        publish(post, admin)
        db.session.commit()
        post_id = post.id
    run_worker()
    page = site("school-a").get(f"/news/{post_id}?lang=ru").get_data(as_text=True)
    assert meta(page, "og:title") == "Новые книги"
    assert meta(page, "og:type") == "article"
    assert meta(page, "description").startswith("Текст новости")
    image = meta(page, "og:image")
    assert re.fullmatch(r"http://school-a\.mektep\.test/files/\d+/thumbnail-large\.jpg", image)
    assert (
        site("school-a").get(image.removeprefix("http://school-a.mektep.test")).status_code == 200
    )


def test_robots_txt_names_the_sitemap_and_the_favicon_is_served(site, schools):
    robots = site("school-a").get("/robots.txt")
    assert robots.mimetype == "text/plain"
    assert "Sitemap: http://school-a.mektep.test/sitemap.xml" in robots.get_data(as_text=True)
    assert "Disallow: /admin/" in robots.get_data(as_text=True)
    apex = site().get("/robots.txt").get_data(as_text=True)
    assert "Sitemap: http://school-a.mektep.test/sitemap.xml" in apex
    assert "Sitemap: http://school-b.mektep.test/sitemap.xml" in apex
    icon = site("school-a").get("/favicon.ico")
    assert icon.status_code == 200 and icon.get_data()[:4] == b"\x00\x00\x01\x00"


def test_pages_go_out_compressed_to_clients_that_accept_it(site, schools):
    school = site("school-a")
    plain = school.get("/sveden/employees/?lang=ru")
    assert "Content-Encoding" not in plain.headers and "Accept-Encoding" in plain.headers["Vary"]
    for encoding, decode in (("br", brotli.decompress), ("gzip", gzip.decompress)):
        packed = school.get("/sveden/employees/?lang=ru", headers={"Accept-Encoding": encoding})
        assert packed.headers["Content-Encoding"] == encoding
        assert decode(packed.get_data()) == plain.get_data()
        assert len(packed.get_data()) < len(plain.get_data()) / 2  # a small page: 4.9 KB
    css = school.get("/static/css/site.css", headers={"Accept-Encoding": "br"})
    assert css.headers["Content-Encoding"] == "br"
    css.close()


def test_times_are_machine_readable_with_their_zone_and_shown_in_the_district(app, site, schools):
    """A visitor's question posted at 10:26:05.123456 UTC reads 16:26 in Bishkek,
    and its datetime attribute says so to the second, with the zone."""
    with app.app_context():
        school = db.session.get(School, schools["a"])
        bind_school(school)
        db.session.add(
            Post(
                kind="question",
                author_name="Айгүл",
                body="Качан китепкана ачылат?",
                lang="ky",
                status="approved",
                created_at=datetime(2026, 11, 20, 10, 26, 5, 123456),
                moderated_at=datetime(2026, 11, 20, 11, 0),
            )
        )
        db.session.commit()
    page = site("school-a").get("/discussion?lang=ru").get_data(as_text=True)
    assert '<time datetime="2026-11-20T16:26:05+06:00">' in page
    assert "16:26" in page and "10:26" not in page
