"""Helpers for the news area's tests: content rows made directly in the database."""

from datetime import timedelta

import pytest

from mektep.accounts.models import User
from mektep.audit import AuditEntry
from mektep.extensions import db
from tenants.models import School, utcnow
from tenants.scoping import bind_school
from tenants.versioning import publish


@pytest.fixture
def make(app, schools):
    """make(Model, "school-a", published=True, **columns) -> the new row's id."""

    def create(model, school_slug="school-a", published=True, **columns):
        with app.app_context():
            school = db.session.scalar(db.select(School).where(School.slug == school_slug))
            bind_school(school)
            item = model(**columns)
            db.session.add(item)
            db.session.flush()
            if published:
                admin = db.session.scalar(db.select(User).where(User.email == "admin@a.kg"))
                publish(item, admin)
            db.session.commit()
            item_id = item.id
            db.session.remove()
        return item_id

    return create


def post_fields(title="Жаңылык", **extra):
    return {
        "title_ky": title,
        "title_ru": extra.pop("title_ru", ""),
        "body_ky": "<p>Текст</p>",
    } | extra


def event_fields(title="Иш-чара", start_in_days=3, **extra):
    start = utcnow().replace(microsecond=0) + timedelta(days=start_in_days)
    return {"title_ky": title, "starts_at": start, "ends_at": start + timedelta(hours=2)} | extra


def page_fields(slug="history", title="Мектептин тарыхы", **extra):
    return {"slug": slug, "title_ky": title, "body_ky": "<p>Тарых</p>"} | extra


def audit_actions(app):
    with app.app_context():
        return [
            entry.action
            for entry in db.session.scalars(db.select(AuditEntry).order_by(AuditEntry.id))
        ]


def row(app, model, item_id):
    """A fresh, detached copy of a row, read without tenant scoping."""
    with app.app_context():
        item = db.session.scalars(
            db.select(model).where(model.id == item_id).execution_options(include_trashed=True)
        ).first()
        db.session.expunge_all()
        return item
