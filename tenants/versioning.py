"""Drafts, published versions and history, for every kind of school content (G3).

A versioned model keeps its *public* state in its own columns, so public pages
read plain rows. Every publication is also kept as a `Revision` snapshot (who,
when, what), so an admin can look at any past version and restore it.

- An item whose content no admin has approved yet (never published, nor
  scheduled) is a draft: its columns hold the draft and `published_at` is None,
  so the public does not see it.
- Once an admin has approved the columns (published them, or scheduled them
  for publication), every edit saved as a draft, by an editor or an admin,
  waits in one pending draft `Revision`, every field of it; the columns, and
  so the public, keep the approved content until an admin publishes the draft.
- Admins publish; `publish()` copies the pending draft (if any) into the
  columns, stamps who and when, and records a published `Revision`.
- A pending draft is discarded by its author or by an admin, nobody else.
"""

from datetime import date, datetime
from typing import ClassVar

from sqlalchemy import event
from sqlalchemy.orm import declared_attr

from mektep import audit
from mektep.clock import utcnow
from mektep.extensions import db
from tenants import translations
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


@event.listens_for(db.Model, "after_delete", propagate=True)
def _forget_deleted_item(_mapper, connection, item):
    """An item deleted for good (from the trash, by an admin or by the sweep)
    takes its versions and its translation marks with it: they name it by kind
    and id only, which SQLite may give a later item. (A School's own rows go
    with it by their foreign keys.)"""
    school_id = getattr(item, "school_id", None)
    if not isinstance(item, Versioned) or school_id is None:
        return
    for table in (Revision.__table__, translations.StaleTranslation.__table__):
        connection.execute(
            table.delete().where(
                table.c.school_id == school_id,
                table.c.kind == item.version_kind,
                table.c.item_id == item.id,
            )
        )


class PublishRefused(Exception):
    """Publishing would break a rule of the content (an address another item
    now has, say); the message says why, in the page's language."""


class DraftNotYours(PermissionError):
    """Someone neither the draft's author nor an admin tried to discard it."""


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
    """Mixin for a model whose `versioned_fields` are published through drafts.
    `version_kind` names the model in `Revision.kind`; `rich_fields` are the
    versioned fields holding sanitized HTML (every other one is plain text)."""

    version_kind: ClassVar[str]
    versioned_fields: ClassVar[tuple[str, ...]]
    rich_fields: ClassVar[tuple[str, ...]] = ()

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

    @property
    def has_approved_content(self):
        """Whether the columns hold what an admin approved for the public: then
        every edit waits in a draft. A kind that publishes later (a scheduled
        post) says so here too."""
        return self.is_published

    def publish_problem(self, data):
        """Why the content `data` cannot be published now (a localized message), or None."""
        return None

    def save_carried(self, data, user, publishing):
        """Draft or publish (`publishing`) the fields of another record that the
        content `data` carries (a section showing the School's name); called by
        `save_draft` and `publish`, so they never reach that record otherwise."""

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


def field_labels(model):
    """{column: label} of `model`'s labelled columns (`info={"label": ...}`): what
    history pages and forms call each field."""
    return {
        column.name: column.info["label"]
        for column in model.__table__.columns
        if "label" in column.info
    }


def versioned_models():
    """{version_kind: model} of every versioned kind of content."""
    return {
        mapper.class_.version_kind: mapper.class_
        for mapper in db.Model.registry.mappers
        if issubclass(mapper.class_, Versioned)
    }


def _revisions(item, status=None):
    query = db.select(Revision).where(
        Revision.kind == item.version_kind, Revision.item_id == item.id
    )
    if status:
        query = query.where(Revision.status == status)
    return query.order_by(Revision.created_at.desc(), Revision.id.desc())


def pending_draft(item):
    """The draft waiting to be published over an approved item, or None."""
    if item.id is None:
        return None
    return db.session.scalars(_revisions(item, "draft").limit(1)).first()


def drafts_of(kind):
    """{item id: pending draft} of every item of `kind` (of the bound school)."""
    query = db.select(Revision).where(Revision.kind == kind, Revision.status == "draft")
    return {draft.item_id: draft for draft in db.session.scalars(query)}


def history(item):
    """Every published version of `item`, newest first."""
    return db.session.scalars(_revisions(item, "published")).all()


def editable_data(item):
    """What an edit form should show: the pending draft, else the columns."""
    draft = pending_draft(item)
    return draft.data if draft is not None else item.snapshot()


def typed(item, data):
    """`data` (as a version stores it, in JSON) with each value of a column typed
    as the column is: dates and times back from their ISO text."""
    columns = item.__table__.columns
    return {
        name: _from_json(columns[name], value) if name in columns else value
        for name, value in data.items()
    }


def _content_before(item):
    """What an edit starts from, to tell which language of a text it changed."""
    return {} if item.id is None else editable_data(item)


def save_draft(item, data, user):
    """Save an edit without publishing it: into the columns while nothing of
    the item is approved, else into its pending draft (the public keeps the
    approved columns, their "last updated" date included)."""
    data = {name: _to_json(value) for name, value in data.items()}
    before = _content_before(item)
    item.save_carried(data, user, publishing=False)
    if not item.has_approved_content:
        item.updated_at = utcnow()
        item.apply(data)
        db.session.flush()
        translations.mark_changes(item, before, data)
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
    translations.mark_changes(item, before, draft.data)
    draft.author_id = user.id
    draft.created_at = utcnow()
    audit.record(f"{item.version_kind}.draft", f"#{item.id}", user=user, school_id=item.school_id)
    return draft


def apply_draft(item):
    """Copy the pending draft, if any, into the columns and drop it (an admin
    approving it: publishing, or scheduling a post); returns whether there was one."""
    draft = pending_draft(item)
    if draft is None:
        return False
    item.apply(draft.data)
    db.session.delete(draft)
    return True


def publish(item, user, data=None, with_draft=True):
    """Publish `data` (or else the pending draft, or else the current columns) as
    a new version, with `user` recorded as its publisher. `with_draft=False`
    publishes the columns as they stand and leaves a pending draft waiting (the
    worker publishing what an admin scheduled). Raises `PublishRefused`."""
    draft = pending_draft(item) if with_draft else None
    content = data if data is not None else (draft.data if draft is not None else {})
    # A new item is not flushed half-made by the check's queries.
    with db.session.no_autoflush:
        problem = item.publish_problem({**item.snapshot(), **content})
    if problem is not None:
        raise PublishRefused(problem)
    before = _content_before(item) if data is not None else None
    if data is not None:
        item.apply(data)
        if draft is not None:
            db.session.delete(draft)
    elif draft is not None:
        apply_draft(item)
    item.save_carried(content, user, publishing=True)
    now = utcnow()
    item.published_at = now
    item.updated_at = now
    item.published_by_id = user.id
    db.session.flush()
    revision = Revision(
        school_id=item.school_id,
        kind=item.version_kind,
        item_id=item.id,
        status="published",
        data=item.snapshot(),
        author_id=user.id,
        created_at=now,
    )
    db.session.add(revision)
    if data is not None:
        translations.mark_changes(item, before, data)
    audit.record(f"{item.version_kind}.publish", f"#{item.id}", user=user, school_id=item.school_id)
    return revision


def may_discard(draft, user, role):
    """A pending draft is discarded by its author or by an admin of the school."""
    return role == "admin" or (draft is not None and draft.author_id == user.id)


def discard_draft(item, user, role):
    """Drop the pending draft of `item`; raises `DraftNotYours` unless `may_discard`."""
    draft = pending_draft(item)
    if draft is None:
        return
    if not may_discard(draft, user, role):
        raise DraftNotYours(f"{item.version_kind} #{item.id}")
    db.session.delete(draft)
    audit.record(
        f"{item.version_kind}.discard_draft", f"#{item.id}", user=user, school_id=item.school_id
    )


def restore(item, revision, user):
    """Publish an older version again, as a new version (raises `PublishRefused`)."""
    if revision.kind != item.version_kind or revision.item_id != item.id:
        raise ValueError("revision of another item")
    published = publish(item, user, data=revision.data)
    audit.record(
        f"{item.version_kind}.restore",
        f"#{item.id} from revision {revision.id}",
        user=user,
        school_id=item.school_id,
    )
    return published
