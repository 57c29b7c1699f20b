"""Public news: paging, pinning, the Atom feed and the "important" banner."""

from datetime import timedelta

import feedparser

from mektep.clock import utcnow
from tenants.news.models import NewsPost

from .conftest import post_fields


def test_pinned_first_and_paging(make, site):
    for number in range(12):
        make(NewsPost, **post_fields(f"Жаңылык {number:02d}"))
    make(NewsPost, pinned=True, **post_fields("Бекитилген кулактандыруу"))
    first = site("school-a").get("/news/").get_data(as_text=True)
    assert first.index("Бекитилген кулактандыруу") < first.index("Жаңылык 11")
    assert "Жаңылык 01" not in first and "?page=2" in first
    second = site("school-a").get("/news/?page=2").get_data(as_text=True)
    assert "Жаңылык 01" in second and "Жаңылык 00" in second
    assert site("school-a").get("/news/?page=9").status_code == 404
    assert site("school-a").get("/news/?page=0").status_code == 404


def test_atom_feed_parses_with_a_feed_parser(make, site):
    make(NewsPost, **post_fields("Мугалимдер күнү", body_ky="<p>Куттуктайбыз!</p>"))
    make(NewsPost, published=False, **post_fields("Долбоор"))
    make(NewsPost, "school-b", **post_fields("Башка мектеп"))
    response = site("school-a").get("/news/feed.atom")
    assert response.mimetype == "application/atom+xml"
    feed = feedparser.parse(response.data)
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "atom10"
    assert [entry.title for entry in feed.entries] == ["Мугалимдер күнү"]
    assert "Куттуктайбыз!" in feed.entries[0].content[0].value
    assert feed.entries[0].link.startswith("http://school-a.mektep.test/news/")


def test_important_banner_shows_on_every_page_until_it_expires(make, site):
    make(
        NewsPost,
        important_until=utcnow() + timedelta(days=1),
        **post_fields("Эртең сабак болбойт"),
    )
    make(NewsPost, important_until=utcnow() - timedelta(hours=1), **post_fields("Эскирген"))
    visitor = site("school-a")
    for path in ("/", "/news/", "/events/", "/search"):
        page = visitor.get(path).get_data(as_text=True)
        assert "important-banner" in page and "Эртең сабак болбойт" in page
        assert "Эскирген" not in page.split("important-banner")[1].split("</div>")[0]
    assert "important-banner" not in site("school-b").get("/").get_data(as_text=True)


def test_untranslated_post_falls_back_and_says_so(make, site):
    item_id = make(NewsPost, **post_fields("Жалгыз кыргызча"))
    page = site("school-a").get(f"/news/{item_id}?lang=ru").get_data(as_text=True)
    assert '<h1 lang="ky">Жалгыз кыргызча</h1>' in page
