"""Scheduled publishing: a post set for tomorrow 08:00 appears then, with nobody acting.

The schedule lives in the database (`NewsPost.scheduled_for`); a worker sweep,
run every 30 seconds by every worker, publishes what is due, in the name of
the admin who scheduled it. No cron line, and a lost job loses nothing.

Scheduling approves the post's content as the admin's form holds it; from then
on every change waits in a draft (versioning), and the worker publishes only
what the admin approved, leaving the draft waiting for an admin.
"""

from flask import g

from mektep import audit
from mektep.clock import utcnow
from mektep.extensions import db
from tenants.models import School
from tenants.news.models import NewsPost
from tenants.scoping import bind_school
from tenants.versioning import apply_draft, publish


def schedule(post, when, user):
    """Approve the post as the admin's form holds it, to appear at `when`."""
    apply_draft(post)
    post.scheduled_for = when
    post.scheduled_by_id = user.id
    audit.record("news.schedule", f"#{post.id} at {when.isoformat(timespec='minutes')} UTC")


def cancel_schedule(post):
    if post.scheduled_for is not None:
        post.scheduled_for = None
        post.scheduled_by_id = None
        audit.record("news.unschedule", f"#{post.id}")


def _claim(post_id):
    """Take a due post off the schedule; False if another worker took it first."""
    claimed = db.session.execute(
        db.update(NewsPost)
        .where(
            NewsPost.id == post_id,
            NewsPost.scheduled_for.is_not(None),
            NewsPost.published_at.is_(None),
        )
        .values(scheduled_for=None)
        .execution_options(synchronize_session=False)
    )
    return claimed.rowcount == 1


def publish_due_posts(now=None):
    """Publish every post whose time has come, in every school; returns how many."""
    rows = db.session.execute(
        db.select(NewsPost.id, NewsPost.school_id)
        .where(NewsPost.scheduled_for <= (now or utcnow()), NewsPost.published_at.is_(None))
        .order_by(NewsPost.scheduled_for)
    ).all()
    previous = g.get("school")
    try:
        for post_id, school_id in rows:
            school = db.session.get(School, school_id)
            bind_school(school)
            if not _claim(post_id):
                db.session.rollback()
                continue
            post = db.session.get(NewsPost, post_id, populate_existing=True)
            user = post.scheduled_by
            publish(post, user, with_draft=False)
            audit.record("news.scheduled_publish", f"#{post.id}", school_id=school.id, user=user)
            db.session.commit()
    finally:
        bind_school(previous)
    return len(rows)
