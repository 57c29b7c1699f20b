"""Helpers for the discussion tests: a visitor's post, and reading rows back."""

import pytest

from mektep.extensions import db
from tenants.discussion.models import Post


def visitor_post(client, body="Мектепке кантип кабыл алынат?", **fields):
    data = {"kind": "question", "author_name": "Айбек", "author_email": "", "website": ""}
    data.update(fields, body=body)
    return client.submit("/discussion/ask", data)


def posts(app, **filters):
    with app.app_context():
        rows = db.session.scalars(db.select(Post).filter_by(**filters).order_by(Post.id)).all()
        db.session.expunge_all()
        return rows


@pytest.fixture
def visitor(site, schools):
    return site("school-a")
