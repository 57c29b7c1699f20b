"""Steps of the e-mail tests: reading stored messages and links out of mails."""

import re
from datetime import timedelta
from urllib.parse import urlsplit

from mektep.accounts.models import User
from mektep.clock import utcnow
from mektep.extensions import db
from mektep.mail.models import MailMessage
from tests.mailboxes import html_part, text_part

LINK = re.compile(r"https?://[^\s\"<>]+")


def stored(app, **filters):
    """The stored messages matching `filters`, oldest first (detached)."""
    with app.app_context():
        rows = db.session.scalars(
            db.select(MailMessage).filter_by(**filters).order_by(MailMessage.id)
        ).all()
        db.session.expunge_all()
        return rows


def links(message, needle):
    """The links containing `needle` in the plain-text part; asserts the HTML part
    has the same ones."""
    found = [link for link in LINK.findall(text_part(message)) if needle in link]
    html = html_part(message).replace("&amp;", "&")
    assert all(link in html for link in found), (found, html)
    return found


def one_link(message, needle):
    (link,) = set(links(message, needle))
    return link


def path_of(link):
    parts = urlsplit(link)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def set_user(app, email, **fields):
    with app.app_context():
        user = db.session.scalar(db.select(User).where(User.email == email))
        for name, value in fields.items():
            setattr(user, name, value)
        db.session.commit()


def make_due(app):
    """Make every waiting message overdue, as if its planned retry was lost with
    Redis: the worker's sweep then queues it again."""
    with app.app_context():
        db.session.execute(
            db.update(MailMessage).values(next_attempt_at=utcnow() - timedelta(minutes=5))
        )
        db.session.commit()
