"""A school's events: what, where, from when to when."""

from datetime import datetime

from flask_babel import lazy_gettext as _l

from mektep.clock import utcnow
from mektep.extensions import db
from tenants.news.content import Localized
from tenants.scoping import TenantOwned
from tenants.trash import Trashable
from tenants.versioning import Versioned

TITLE_MAX = 300
PLACE_MAX = 300
DESCRIPTION_MAX = 20_000


class Event(Localized, Versioned, Trashable, TenantOwned, db.Model):
    __tablename__ = "event"

    version_kind = "event"
    versioned_fields = (
        "title_ky", "title_ru", "place_ky", "place_ru",
        "description_ky", "description_ru", "starts_at", "ends_at",
    )  # fmt: skip
    rich_fields = ("description_ky", "description_ru")
    admin_endpoint = "admin.events_edit"
    field_labels = {
        "title_ky": _l("Title in Kyrgyz"),
        "title_ru": _l("Title in Russian"),
        "place_ky": _l("Place in Kyrgyz"),
        "place_ru": _l("Place in Russian"),
        "description_ky": _l("Description in Kyrgyz"),
        "description_ru": _l("Description in Russian"),
        "starts_at": _l("Starts"),
        "ends_at": _l("Ends"),
    }

    id = db.Column(db.Integer, primary_key=True)
    title_ky = db.Column(db.String(TITLE_MAX), nullable=False, default="")
    title_ru = db.Column(db.String(TITLE_MAX), nullable=False, default="")
    place_ky = db.Column(db.String(PLACE_MAX), nullable=False, default="")
    place_ru = db.Column(db.String(PLACE_MAX), nullable=False, default="")
    description_ky = db.Column(db.Text, nullable=False, default="")
    description_ru = db.Column(db.Text, nullable=False, default="")
    starts_at = db.Column(db.DateTime, nullable=False, index=True)  # UTC
    ends_at = db.Column(db.DateTime, nullable=False)  # UTC
    created_at = db.Column(db.DateTime, nullable=False, default=utcnow)


def published_events(start: datetime | None = None, end: datetime | None = None):
    """A SELECT of the bound school's published events overlapping [start, end), by start."""
    query = db.select(Event).where(Event.published_at.is_not(None))
    if start is not None:
        query = query.where(Event.ends_at >= start)
    if end is not None:
        query = query.where(Event.starts_at < end)
    return query.order_by(Event.starts_at, Event.id)
