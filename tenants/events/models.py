"""A school's events: what, where, from when to when."""

from datetime import datetime

from flask_babel import lazy_gettext as _l

from mektep.clock import utcnow
from mektep.extensions import db
from tenants.bilingual import Line, Paragraphs, bilingual
from tenants.scoping import TenantOwned
from tenants.trash import Trashable
from tenants.versioning import Versioned

EventTexts = bilingual(title=Line(300), place=Line(300), description=Paragraphs(20_000))


class Event(EventTexts, Versioned, Trashable, TenantOwned, db.Model):
    __tablename__ = "event"

    version_kind = "event"
    versioned_fields = (*EventTexts.text_fields, "starts_at", "ends_at")
    admin_endpoint = "admin.events_edit"

    id = db.Column(db.Integer, primary_key=True)
    # In UTC.
    starts_at = db.Column(db.DateTime, nullable=False, index=True, info={"label": _l("Starts")})
    ends_at = db.Column(db.DateTime, nullable=False, info={"label": _l("Ends")})
    created_at = db.Column(db.DateTime, nullable=False, default=utcnow)


def published_events(start: datetime | None = None, end: datetime | None = None):
    """A SELECT of the bound school's published events overlapping [start, end), by start."""
    query = db.select(Event).where(Event.published_at.is_not(None))
    if start is not None:
        query = query.where(Event.ends_at >= start)
    if end is not None:
        query = query.where(Event.starts_at < end)
    return query.order_by(Event.starts_at, Event.id)
