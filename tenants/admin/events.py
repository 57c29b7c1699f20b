"""Admin pages for the events calendar."""

from flask import url_for
from flask_babel import format_datetime
from flask_babel import lazy_gettext as _l

from mektep.extensions import db
from tenants.admin.blueprint import bp
from tenants.admin.events_forms import EventForm
from tenants.admin.navigation import add_admin_entry
from tenants.events.models import Event
from tenants.news.editing import ContentAdmin, add_content_admin


def all_events():
    return db.select(Event).order_by(Event.starts_at.desc(), Event.id.desc())


def describe(event):
    return (
        f"{format_datetime(event.starts_at, 'short')} – {format_datetime(event.ends_at, 'short')}"
    )


events_admin = ContentAdmin(
    name="events",
    model=Event,
    form_class=EventForm,
    titles={"list": _l("Events"), "new": _l("New event"), "edit": _l("Edit event")},
    list_query=all_events,
    describe=describe,
    public_url=lambda event: url_for("public.event", item_id=event.id),
)
events_admin.register(bp, "events")


def init_app(app):
    add_content_admin(app, events_admin)
    add_admin_entry(app, "admin.events_list", _l("Events"), 22)
