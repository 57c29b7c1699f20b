"""News, events and pages plug into the generic history and trash pages, and the
search index follows a restore."""

from datetime import timedelta

import pytest

from mektep.clock import utcnow
from mektep.extensions import db
from tenants.trash import TRASH_DAYS, purge_expired
from tenants.versioning import Revision

from .test_news_admin import form
from .test_search import found


def item_id_of(response):
    return int(response.headers["Location"].split("?")[0].rsplit("/", 1)[1])


def test_restore_an_older_version_of_a_post(admin_a, site, app):
    item_id = item_id_of(admin_a.submit("/admin/news/new", form(title_ky="Биринчи", publish="1")))
    admin_a.submit(f"/admin/news/{item_id}", form(title_ky="Жаңыртылган", publish="1"))
    history = admin_a.get(f"/admin/history/news/{item_id}")
    assert history.status_code == 200
    visitor = site("school-a")
    assert "Жаңыртылган" in visitor.get(f"/news/{item_id}").get_data(as_text=True)
    with app.app_context():
        first = db.session.scalars(
            db.select(Revision).where(Revision.item_id == item_id).order_by(Revision.id)
        ).first()
        first_id = first.id
    restore = f"/admin/history/news/{item_id}/{first_id}/restore"
    assert (
        admin_a.submit(restore, {}, f"/admin/history/news/{item_id}/{first_id}").status_code == 302
    )
    assert "Биринчи" in visitor.get(f"/news/{item_id}").get_data(as_text=True)
    assert "Биринчи" in found(visitor, "биринчи")
    assert "Жаңыртылган" not in found(visitor, "жаңыртылган")


def test_deleted_items_come_back_from_the_trash(admin_a, site):
    item_id = item_id_of(
        admin_a.submit("/admin/news/new", form(title_ky="Кайтып келет", publish="1"))
    )
    admin_a.submit(f"/admin/news/{item_id}/delete", {}, "/admin/news")
    visitor = site("school-a")
    assert visitor.get(f"/news/{item_id}").status_code == 404
    assert "Кайтып келет" not in found(visitor, "кайтып")
    trash = admin_a.get("/admin/trash").get_data(as_text=True)
    assert "Кайтып келет" in trash
    restore = f"/admin/trash/news_post/{item_id}/restore"
    assert admin_a.submit(restore, {}, "/admin/trash").status_code == 302
    assert visitor.get(f"/news/{item_id}").status_code == 200
    assert "Кайтып келет" in found(visitor, "кайтып")


def revision_count(app, item_id):
    with app.app_context():
        query = db.select(db.func.count(Revision.id)).where(
            Revision.kind == "news", Revision.item_id == item_id
        )
        return db.session.scalar(query)


@pytest.mark.parametrize("by", ["admin", "sweep"])
def test_a_post_deleted_for_good_takes_its_versions_with_it(app, site, admin_a, by):
    """The sweep used to leave them behind, naming an id a later post may get."""
    gone = item_id_of(admin_a.submit("/admin/news/new", form(title_ky="Кетет", publish="1")))
    admin_a.submit(f"/admin/news/{gone}", form(title_ky="Кетет дагы", publish="1"))
    kept = item_id_of(admin_a.submit("/admin/news/new", form(title_ky="Калат", publish="1")))
    admin_b = site("school-b")
    admin_b.login("admin@b.kg")
    other = item_id_of(admin_b.submit("/admin/news/new", form(title_ky="Башка", publish="1")))
    assert revision_count(app, gone) == 2
    admin_a.submit(f"/admin/news/{gone}/delete", {}, "/admin/news")
    assert revision_count(app, gone) == 2  # the trash keeps them: it may come back
    if by == "admin":
        purge = f"/admin/trash/news_post/{gone}/purge"
        assert admin_a.submit(purge, {}, purge).status_code == 302
    else:
        with app.app_context():
            assert purge_expired(now=utcnow() + timedelta(days=TRASH_DAYS + 1)) == 1
    assert revision_count(app, gone) == 0
    assert revision_count(app, kept) == 1 and revision_count(app, other) == 1
