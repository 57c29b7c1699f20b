"""Scheduled publishing happens in a real worker process, with no request publishing it."""

from datetime import timedelta

from mektep.accounts.models import User
from mektep.clock import utcnow
from mektep.extensions import db
from tenants.news.models import NewsPost

from .conftest import audit_actions, post_fields, row
from .test_search import found


def test_a_due_post_is_published_by_the_worker(app, make, site, run_worker, schools):
    item_id = make(
        NewsPost,
        published=False,
        scheduled_for=utcnow() + timedelta(hours=1),
        **post_fields("Эртең эртең менен чыгат"),
    )
    visitor = site("school-a")
    assert visitor.get(f"/news/{item_id}").status_code == 404
    with app.app_context():
        # The hour passes: the post is now due, and nobody visits any page.
        admin_id = db.session.scalar(db.select(User.id).where(User.email == "admin@a.kg"))
        post = db.session.get(NewsPost, item_id)
        post.scheduled_by_id = admin_id
        post.scheduled_for = utcnow() - timedelta(seconds=1)
        db.session.commit()

    run_worker()

    published = row(app, NewsPost, item_id)
    assert published.published_at is not None and published.scheduled_for is None
    assert published.published_by_id == admin_id
    assert "news.scheduled_publish" in audit_actions(app)
    assert "Эртең эртең менен чыгат" in visitor.get("/news/").get_data(as_text=True)
    assert "Эртең эртең менен чыгат" in found(visitor, "эртең")


def test_a_post_not_yet_due_stays_unpublished(app, make, run_worker, schools):
    item_id = make(
        NewsPost, published=False, scheduled_for=utcnow() + timedelta(hours=1), **post_fields()
    )
    run_worker()
    assert row(app, NewsPost, item_id).published_at is None
