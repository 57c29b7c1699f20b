"""The page cache serves anonymous public pages from Redis: each school its own,
each language its own, never a signed-in user's page, never a page carrying a
visitor's own value (a form's token, a flash message)."""

from mektep.extensions import db
from tenants.models import School
from tests.conftest import make_school

from .conftest import state, text


def test_a_page_is_stored_once_then_sent_from_the_cache(site, schools):
    visitor = site("school-a")
    first = visitor.get("/")
    assert first.status_code == 200 and state(first) == "miss"
    second = site("school-a").get("/")
    assert second.status_code == 200 and state(second) == "hit"
    assert second.data == first.data
    assert second.headers["ETag"] == first.headers["ETag"]
    assert "school-a мектеби" in text(second)


def test_another_schools_host_never_gets_the_first_schools_page(site, schools):
    for path in ("/", "/news/", "/?lang=ru"):
        assert state(site("school-a").get(path)) == "miss"
        assert state(site("school-a").get(path)) == "hit"
        other = site("school-b").get(path)
        assert other.status_code == 200 and state(other) == "miss"
        assert "school-a" not in text(other) and "Школа school-a" not in text(other)
        assert "school-b" in text(other)


def test_each_language_is_a_page_of_its_own(site, schools):
    assert state(site("school-a").get("/?lang=ru")) == "miss"
    russian = site("school-a").get("/?lang=ru")
    assert state(russian) == "hit" and "Школа school-a" in text(russian)
    kyrgyz = site("school-a").get("/?lang=ky")
    assert state(kyrgyz) == "miss" and "school-a мектеби" in text(kyrgyz)


def test_each_low_vision_mode_is_a_page_of_its_own(site, schools):
    assert state(site("school-a").get("/")) == "miss"
    assert state(site("school-a").get("/")) == "hit"
    # The usual page stored is never the low-vision one, nor one mode another's.
    for mode in ("200-wb", "250-noimg"):
        page = site("school-a").get(f"/?lv={mode}")
        assert page.status_code == 200 and state(page) == "miss", mode
        assert f'class="lv lv-{mode[:3]}' in text(page), mode
        again = site("school-a").get(f"/?lv={mode}")
        assert state(again) == "hit" and again.data == page.data, mode
    usual = site("school-a").get("/")
    assert state(usual) == "hit" and 'class="lv' not in text(usual)
    # With the language: one page, whichever order the query names them in.
    assert state(site("school-a").get("/?lang=ru&lv=200-wb")) == "miss"
    swapped = site("school-a").get("/?lv=200-wb&lang=ru")
    assert state(swapped) == "hit" and "Школа school-a" in text(swapped)
    assert 'class="lv lv-200 lv-wb' in text(swapped)


def test_unknown_or_invalid_query_arguments_are_rendered_but_never_stored(site, schools):
    for path in ("/?utm=1", "/?lang=xx", "/news/?page=007", "/news/?page=1&page=2", "/news/?x="):
        for _ in range(2):
            response = site("school-a").get(path)
            assert response.status_code in (200, 404), path
            assert state(response) is None, path
    # Positive control: a declared argument with a valid value is stored.
    site("school-a").get("/news/?page=1")
    assert state(site("school-a").get("/news/?page=1")) == "hit"


def test_a_signed_in_user_never_gets_or_leaves_a_page_in_the_cache(site, schools, admin_a):
    assert state(site("school-a").get("/")) == "miss"
    signed_in = admin_a.get("/")
    assert signed_in.status_code == 200 and state(signed_in) is None
    assert signed_in.headers["Cache-Control"] == "private, no-store"
    # Nor is the signed-in page stored: a bump, the admin first, then a visitor.
    with site("school-a").app.app_context():
        db.session.get(School, schools["a"]).name_ru = "Школа А"
        db.session.commit()
    assert state(admin_a.get("/")) is None
    assert state(site("school-a").get("/")) == "miss"


def test_the_discussion_list_is_cached_and_its_form_works_for_every_visitor(site, schools):
    assert state(site("school-a").get("/discussion")) == "miss"
    assert state(site("school-a").get("/discussion")) == "hit"
    for number in range(2):
        visitor = site("school-a")
        form_page = visitor.get("/discussion/ask")
        assert form_page.status_code == 200 and state(form_page) is None
        assert form_page.headers["Cache-Control"] == "private, no-store"
        data = {"kind": "question", "author_name": f"Айбек {number}", "body": "Суроо бар"}
        sent = visitor.submit("/discussion/ask", data | {"author_email": "", "website": ""})
        assert sent.status_code == 302
        # Back on the list with a flash message: rendered for this visitor only.
        thanks = visitor.get("/discussion")
        assert state(thanks) is None and "flash" in text(thanks)
        assert thanks.headers["Cache-Control"] == "private, no-store"
    # Another visitor gets the shared page (stored again: a question waiting
    # for moderation is a row of the school), without anyone's message.
    assert state(site("school-a").get("/discussion")) == "miss"
    shared = site("school-a").get("/discussion")
    assert state(shared) == "hit" and "flash-success" not in text(shared)


def test_an_inactive_or_deleted_school_is_never_served_from_the_cache(app, site, schools):
    assert state(site("school-a").get("/")) == "miss"
    assert state(site("school-a").get("/")) == "hit"
    with app.app_context():
        school = db.session.get(School, schools["a"])
        school.slug = "school-a-old"
        db.session.commit()
        make_school("school-a", name_ky="Жаңы мектеп")
        db.session.commit()
    page = site("school-a").get("/")
    assert page.status_code == 200 and "Жаңы мектеп" in text(page)
    assert "school-a мектеби" not in text(page)
