"""Whatever changes what a school's public sees invalidates that school's
stored pages, and only that school's: publish, restore, trash, settings, a
domain, a worker finishing a thumbnail, a scheduled post going live."""

from datetime import timedelta

from sqlalchemy import text as sql

from mektep.clock import utcnow
from mektep.extensions import db
from tenants.models import Domain, School
from tenants.news.models import NewsPost
from tests.documents.conftest import file_bytes, upload
from tests.news.test_news_admin import form

from .conftest import state, text


def warm(site, path="/news/"):
    """Both schools' page stored and served from the cache."""
    for slug in ("school-a", "school-b"):
        site(slug).get(path)
        assert state(site(slug).get(path)) == "hit"


def assert_fresh(site, path, shows, still_cached="school-b"):
    """The first school's page rendered anew showing `shows`; the other school's
    page still in the cache."""
    page = site("school-a").get(path)
    assert state(page) == "miss" and shows in text(page)
    assert state(site(still_cached).get(path)) == "hit"


def item_id_of(response):
    return int(response.headers["Location"].split("?")[0].rsplit("/", 1)[1])


def test_publishing_restoring_and_trashing(site, schools, admin_a, app):
    warm(site)
    item_id = item_id_of(admin_a.submit("/admin/news/new", form(title_ky="Биринчи", publish="1")))
    assert_fresh(site, "/news/", "Биринчи")
    admin_a.submit(f"/admin/news/{item_id}", form(title_ky="Экинчи", publish="1"))
    assert_fresh(site, "/news/", "Экинчи")
    with app.app_context():
        first = db.session.execute(
            sql("SELECT min(id) FROM revision WHERE item_id = :id"), {"id": item_id}
        ).scalar()
    restore = f"/admin/history/news/{item_id}/{first}/restore"
    assert admin_a.submit(restore, {}, f"/admin/history/news/{item_id}/{first}").status_code == 302
    assert_fresh(site, "/news/", "Биринчи")
    admin_a.submit(f"/admin/news/{item_id}/delete", {}, "/admin/news")
    page = site("school-a").get("/news/")
    assert state(page) == "miss" and "Биринчи" not in text(page)
    admin_a.submit(f"/admin/trash/news_post/{item_id}/restore", {}, "/admin/trash")
    assert_fresh(site, "/news/", "Биринчи")


def test_saving_settings(site, schools, admin_a):
    warm(site, "/")
    settings = {"name_ky": "Жаңы аты", "name_ru": "Новое имя", "default_language": "ky"}
    response = admin_a.submit("/admin/settings", settings | {"contact_email": ""})
    assert response.status_code == 302
    assert_fresh(site, "/", "Жаңы аты")


def test_adding_a_domain(app, site, schools):
    warm(site, "/")
    with app.app_context():
        db.session.add(Domain(school_id=schools["a"], hostname="school35.edu.kg"))
        db.session.commit()
    assert state(site("school-a").get("/")) == "miss"
    assert state(site("school-b").get("/")) == "hit"


def test_a_worker_finishing_a_thumbnail(site, schools, admin_a, run_worker):
    upload(admin_a, [(file_bytes("sample.pdf"), "a.pdf")], expect=302, title_ky="Устав")
    warm(site, "/documents")
    waiting = site("school-a").get("/documents")
    assert "file-icon-pdf" in text(waiting) and "thumbnail-small.webp" not in text(waiting)
    run_worker()
    assert_fresh(site, "/documents", "thumbnail-small.webp")


def test_a_scheduled_post_going_live(app, site, schools, admin_a, run_worker):
    item_id = item_id_of(admin_a.submit("/admin/news/new", form(title_ky="Эртең чыгат")))
    with app.app_context():
        post = db.session.get(NewsPost, item_id)
        post.scheduled_for = utcnow() + timedelta(hours=1)
        post.scheduled_by_id = db.session.execute(
            sql("SELECT id FROM \"user\" WHERE email = 'admin@a.kg'")
        ).scalar()
        db.session.commit()
        assert post.published_at is None
    warm(site)
    # The hour passes, with no commit through the app (no session hook).
    with app.app_context(), db.engine.begin() as connection:
        connection.execute(
            sql("UPDATE news_post SET scheduled_for = :due WHERE id = :id"),
            {"due": utcnow() - timedelta(seconds=1), "id": item_id},
        )
    assert "Эртең чыгат" not in text(site("school-a").get("/news/"))
    run_worker()
    assert_fresh(site, "/news/", "Эртең чыгат")


def test_a_change_in_one_school_leaves_the_other_schools_pages(app, site, schools):
    warm(site, "/")
    with app.app_context():
        db.session.get(School, schools["b"]).name_ky = "Башка ат"
        db.session.commit()
    assert state(site("school-a").get("/")) == "hit"
    page = site("school-b").get("/")
    assert state(page) == "miss" and "Башка ат" in text(page)
