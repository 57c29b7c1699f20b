"""Telling a school's admins that visitors' posts wait for moderation, by e-mail,
batched: one message to each admin says how many wait ("3 questions wait"),
and a school gets another only when new posts came since its last one and
MODERATION_MAIL_MINUTES have passed (a worker sweep; no message per post).

The messages themselves (template `moderation`) are the record of when each
school was last told.
"""

from datetime import timedelta

from flask import current_app

from mektep import mail
from mektep.accounts.models import working_admins
from mektep.clock import utcnow
from mektep.extensions import db
from mektep.hosts import school_link
from mektep.mail.models import MailMessage
from tenants.discussion.models import Post
from tenants.models import School

TEMPLATE = "moderation"


def schools_to_tell(now):
    """The ids of schools with posts that came since their last notice, told no
    sooner than MODERATION_MAIL_MINUTES ago (unscoped: every school)."""
    last_told = (
        db.select(MailMessage.school_id, db.func.max(MailMessage.created_at).label("at"))
        .where(MailMessage.template == TEMPLATE)
        .group_by(MailMessage.school_id)
        .subquery()
    )
    newest = db.func.max(Post.created_at)
    pause = timedelta(minutes=current_app.config["MODERATION_MAIL_MINUTES"])
    return db.session.scalars(
        db.select(Post.school_id)
        .outerjoin(last_told, last_told.c.school_id == Post.school_id)
        .join(School, School.id == Post.school_id)
        .where(Post.status == "pending", School.status == "active")
        .group_by(Post.school_id, last_told.c.at)
        .having(
            db.or_(
                last_told.c.at.is_(None),
                db.and_(newest > last_told.c.at, last_told.c.at <= now - pause),
            )
        )
    ).all()


def waiting_by_kind(school):
    rows = db.session.execute(
        db.select(Post.kind, db.func.count())
        .where(Post.school_id == school.id, Post.status == "pending")
        .group_by(Post.kind)
    ).all()
    return dict(rows)


def notify_waiting_posts():
    """Sweep: mail each school that has news for its admins."""
    now = utcnow()
    for school_id in schools_to_tell(now):
        school = db.session.get(School, school_id)
        waiting = waiting_by_kind(school)
        for admin in working_admins([school.id]).get(school.id, []):
            lang = admin.mail_language(school)
            mail.send(
                admin,
                TEMPLATE,
                lang,
                school=school,
                questions=waiting.get("question", 0),
                feedback=waiting.get("feedback", 0),
                queue_url=school_link(school, "admin.discussion", lang),
            )
        db.session.commit()
