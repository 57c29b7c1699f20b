"""The trash: deleting school content hides it; an admin can restore it, and it
is purged for good after `TRASH_DAYS` days (by a worker sweep, see `init_app`).

Trashed rows are left out of every ORM query automatically (the same loader
criteria mechanism as tenant scoping); the trash page and the sweep ask for
them with `.execution_options(include_trashed=True)`.
"""

from datetime import timedelta

from flask import abort
from sqlalchemy import event
from sqlalchemy.orm import Session, declared_attr, with_loader_criteria

from mektep import audit
from mektep.clock import utcnow
from mektep.extensions import db
from mektep.jobs import add_sweep

TRASH_DAYS = 30


class Trashable:
    """Mixin: `deleted_at` set means the row is in the trash."""

    deleted_at = db.Column(db.DateTime, index=True)

    @declared_attr
    def deleted_by_id(cls):
        return db.Column(db.ForeignKey("user.id"))

    @property
    def in_trash(self):
        return self.deleted_at is not None


# Made once: the criterion names no value of its own (an option is immutable).
NOT_TRASHED = with_loader_criteria(
    Trashable, lambda cls: cls.deleted_at.is_(None), include_aliases=True
)


@event.listens_for(Session, "do_orm_execute")
def _hide_trashed(execute_state):
    if not execute_state.is_select or execute_state.execution_options.get("include_trashed"):
        return
    if execute_state.is_column_load or execute_state.is_relationship_load:
        return
    execute_state.statement = execute_state.statement.options(NOT_TRASHED)


def move_to_trash(item, user):
    item.deleted_at = utcnow()
    item.deleted_by_id = user.id
    audit.record(
        f"{type(item).__name__.lower()}.trash", f"#{item.id}", user=user, school_id=item.school_id
    )


def restore_from_trash(item):
    item.deleted_at = None
    item.deleted_by_id = None
    audit.record(f"{type(item).__name__.lower()}.untrash", f"#{item.id}", school_id=item.school_id)


def trashed(model):
    """A SELECT of `model`'s rows in the trash (of the bound school), newest first."""
    return (
        db.select(model)
        .where(model.deleted_at.is_not(None))
        .order_by(model.deleted_at.desc())
        .execution_options(include_trashed=True)
    )


def get_trashed_or_404(model, ident):
    row = db.session.scalars(trashed(model).where(model.id == ident)).first()
    if row is None:
        abort(404)
    return row


def trashable_models():
    return [m.class_ for m in db.Model.registry.mappers if issubclass(m.class_, Trashable)]


def purge_expired(now=None):
    """Delete for good what has been in the trash longer than TRASH_DAYS."""
    cutoff = (now or utcnow()) - timedelta(days=TRASH_DAYS)
    purged = 0
    for model in trashable_models():
        rows = db.session.scalars(
            db.select(model)
            .where(model.deleted_at < cutoff)
            .execution_options(include_trashed=True)
        ).all()
        for row in rows:
            db.session.delete(row)
        purged += len(rows)
    db.session.commit()
    return purged


def init_app(app):
    add_sweep(app, purge_expired)
