"""Search finds only the current school's published items, in the page's language."""

from mektep.extensions import db
from tenants.events.models import Event
from tenants.news.models import NewsPost
from tenants.pages.models import Page
from tenants.search.service import reindex

from .conftest import event_fields, page_fields, post_fields


def found(client, query, lang=None):
    suffix = f"&lang={lang}" if lang else ""
    response = client.get(f"/search?q={query}{suffix}")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_only_this_schools_published_items_in_this_language(make, site):
    make(NewsPost, **post_fields("Китепкана ачылды", title_ru="Открылась библиотека"))
    make(NewsPost, published=False, **post_fields("Китепкана долбоору"))
    make(NewsPost, "school-b", **post_fields("Китепкана жабылды"))
    visitor = site("school-a")

    kyrgyz = found(visitor, "китепкана")
    assert "Китепкана ачылды" in kyrgyz
    assert "Китепкана долбоору" not in kyrgyz and "Китепкана жабылды" not in kyrgyz
    assert "Открылась библиотека" not in kyrgyz

    russian = found(visitor, "библиотек", "ru")
    assert "Открылась библиотека" in russian and "Китепкана ачылды" not in russian
    assert "Китепкана" not in found(visitor, "китепкана", "ru").split("search-form")[-1]

    assert "Китепкана жабылды" in found(site("school-b"), "китепкана")


def test_words_are_matched_as_prefixes_in_body_and_title(make, site):
    make(NewsPost, **post_fields("Спорт", body_ky="<p>Мектептин футбол командасы жеңди</p>"))
    page = found(site("school-a"), "мектеп командас")
    assert "Спорт" in page and "футбол" in page


def test_events_and_pages_are_found_and_trash_removes_them(make, site, app):
    make(Event, **event_fields("Акыркы коңгуроо", place_ky="Мектептин короосу"))
    page_id = make(Page, **page_fields(title="Ийримдер", body_ky="<p>Шахмат ийрими</p>"))
    visitor = site("school-a")
    assert "Акыркы коңгуроо" in found(visitor, "короосу")
    assert "Ийримдер" in found(visitor, "шахмат")
    with app.app_context():
        page = db.session.get(Page, page_id)
        page.deleted_at = page.published_at
        db.session.commit()
    assert "Ийримдер" not in found(visitor, "шахмат")


def test_query_syntax_is_not_interpreted(make, site):
    make(NewsPost, **post_fields("Жаңылык"))
    for query in ('"', "NEAR(a b)", "a OR b", "a:*", "'; DROP TABLE", "*", "жаңы&lang=ky"):
        assert site("school-a").get("/search", query_string={"q": query}).status_code == 200


def test_an_over_long_query_gets_a_clear_message(site, schools):
    response = site("school-a").get("/search", query_string={"q": "а" * 201, "lang": "ru"})
    assert response.status_code == 400
    assert 'class="error"' in response.get_data(as_text=True)


def test_reindex_rebuilds_the_index(make, site, app):
    make(NewsPost, **post_fields("Олимпиада"))
    with app.app_context():
        db.session.execute(db.text("DELETE FROM search_entry"))
        db.session.commit()
        assert "Олимпиада" not in found(site("school-a"), "олимпиада")
        assert reindex() == 1
    assert "Олимпиада" in found(site("school-a"), "олимпиада")


def test_reindex_command_rebuilds_one_school(make, app, site):
    make(NewsPost, **post_fields("Олимпиада"))
    make(NewsPost, "school-b", **post_fields("Олимпиада Б"))
    with app.app_context():
        db.session.execute(db.text("DELETE FROM search_entry"))
        db.session.commit()
    result = app.test_cli_runner().invoke(args=["search", "reindex", "school-a"])
    assert result.exit_code == 0, result.output
    assert "1 search entries" in result.output
    assert "Олимпиада" in found(site("school-a"), "олимпиада")
    assert "Олимпиада Б" not in found(site("school-b"), "олимпиада")
    assert app.test_cli_runner().invoke(args=["search", "reindex", "nowhere"]).exit_code != 0
