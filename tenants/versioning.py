"""Drafts, published versions and history, for every kind of school content (G3).

A versioned model keeps its *public* state in its own columns, so public pages
read plain rows. Every publication is also kept as a `Revision` snapshot (who,
when, what), so an admin can look at any past version and restore it.

- An item never published yet is a draft: its columns hold the draft and
  `published_at` is None, so the public does not see it.
- Changes to a published item made by an editor wait in one pending draft
  `Revision`; the public keeps seeing the published columns until an admin
  publishes the draft.
- Admins publish; `publish()` copies the pending draft (if any) into the
  columns, stamps who and when, and records a published `Revision`.
"""

from datetime import date, datetime
from typing import ClassVar

from sqlalchemy.orm import declared_attr

from mektep import audit
from mektep.extensions import db
from tenants.models import utcnow
from tenants.scoping import TenantOwned


class Revision(TenantOwned, db.Model):
    __table_args__ = (db.Index("ix_revision_item", "school_id", "kind", "item_id"),)

    id = db.Column(db.Integer, primary_key=True)
    kind = db.Column(db.String(40), nullable=False)
    item_id = db.Column(db.Integer, nullable=False)
    status = db.Column(db.String(10), nullable=False)  # "draft" or "published"
    data = db.Column(db.JSON, nullable=False)
    author_id = db.Column(db.ForeignKey("user.id"))
    created_at = db.Column(db.DateTime, nullable=False, default=utcnow)

    author = db.relationship("User")


def _to_json(value):
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def _from_json(column, value):
    if value is None:
        return None
    python_type = column.type.python_type if hasattr(column.type, "python_type") else None
    if python_type is datetime and isinstance(value, str):
        return datetime.fromisoformat(value)
    if python_type is date and isinstance(value, str):
        return date.fromisoformat(value)
    return value


class Versioned:
    """Mixin for a `TenantOwned` model whose `versioned_fields` are published
    through drafts. `version_kind` names the model in `Revision.kind`."""

    version_kind: ClassVar[str]
    versioned_fields: ClassVar[tuple[str, ...]]

    published_at = db.Column(db.DateTime)
    updated_at = db.Column(db.DateTime, nullable=False, default=utcnow)

    @declared_attr
    def published_by_id(cls):
        return db.Column(db.ForeignKey("user.id"))

    @declared_attr
    def published_by(cls):
        return db.relationship("User", foreign_keys=[cls.published_by_id])

    @property
    def is_published(self):
        return self.published_at is not None

    def snapshot(self):
        return {name: _to_json(getattr(self, name)) for name in self.versioned_fields}

    def apply(self, data):
        columns = self.__table__.columns
        for name in self.versioned_fields:
            if name in data:
                value = data[name]
                if name in columns:
                    value = _from_json(columns[name], value)
                setattr(self, name, value)


def _revisions(item, status=None):
    query = db.select(Revision).where(
        Revision.kind == item.version_kind, Revision.item_id == item.id
    )
    if status:
        query = query.where(Revision.status == status)
    return query.order_by(Revision.created_at.desc(), Revision.id.desc())


def pending_draft(item):
    """The draft waiting to be published over a published item, or None."""
    if item.id is None:
        return None
    return db.session.scalars(_revisions(item, "draft").limit(1)).first()


def history(item):
    """Every published version of `item`, newest first."""
    return db.session.scalars(_revisions(item, "published")).all()


def editable_data(item):
    """What an edit form should show: the pending draft, else the columns."""
    draft = pending_draft(item)
    return draft.data if draft is not None else item.snapshot()


def save_draft(item, data, user):
    """Save an edit without publishing it."""
    item.updated_at = utcnow()
    if not item.is_published:
        item.apply(data)
        db.session.flush()
        return None
    draft = pending_draft(item)
    if draft is None:
        draft = Revision(
            school_id=item.school_id,
            kind=item.version_kind,
            item_id=item.id,
            status="draft",
            data={},
        )
        db.session.add(draft)
    draft.data = {**item.snapshot(), **data}
    draft.author_id = user.id
    draft.created_at = utcnow()
    audit.record(f"{item.version_kind}.draft", f"#{item.id}", user=user, school_id=item.school_id)
    return draft


def publish(item, user, data=None):
    """Publish `data` (or the pending draft, or the current columns) as a new version."""
    draft = pending_draft(item)
    if data is not None:
        item.apply(data)
    elif draft is not None:
        item.apply(draft.data)
    if draft is not None:
        db.session.delete(draft)
    now = utcnow()
    item.published_at = now
    item.updated_at = now
    item.published_by_id = user.id
    db.session.flush()
    revision = Revision(
        kind=item.version_kind,
        item_id=item.id,
        status="published",
        data=item.snapshot(),
        author_id=user.id,
        created_at=now,
    )
    db.session.add(revision)
    audit.record(f"{item.version_kind}.publish", f"#{item.id}", user=user, school_id=item.school_id)
    return revision


def discard_draft(item):
    draft = pending_draft(item)
    if draft is not None:
        db.session.delete(draft)
        audit.record(f"{item.version_kind}.discard_draft", f"#{item.id}", school_id=item.school_id)


def restore(item, revision, user):
    """Publish an older version again, as a new version."""
    if revision.kind != item.version_kind or revision.item_id != item.id:
        raise ValueError("revision of another item")
    audit.record(
        f"{item.version_kind}.restore",
        f"#{item.id} from revision {revision.id}",
        user=user,
        school_id=item.school_id,
    )
    return publish(item, user, data=revision.data)
