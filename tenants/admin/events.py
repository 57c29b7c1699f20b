"""Admin pages for the events calendar."""

from flask import url_for
from flask_babel import format_datetime
from flask_babel import lazy_gettext as _l

from mektep.extensions import db
from tenants.admin.blueprint import bp
from tenants.admin.events_forms import EventForm
from tenants.admin.navigation import add_admin_entry
from tenants.admin.toolkit.kinds import KindAdmin, add_to_dashboard
from tenants.events.models import Event


class EventsAdmin(KindAdmin):
    name, url, model, form_class = "events", "/events", Event, EventForm
    titles = {"list": _l("Events"), "new": _l("New event"), "edit": _l("Edit event")}
    schedule_subjects = ("events",)
    checks_stop_words = True

    def list_query(self):
        return db.select(Event).order_by(Event.starts_at.desc(), Event.id.desc())

    def describe(self, event):
        starts, ends = (format_datetime(time, "short") for time in (event.starts_at, event.ends_at))
        return f"{starts} – {ends}"

    def public_url(self, event):
        return url_for("public.event", item_id=event.id)


events_admin = EventsAdmin()
events_admin.add_routes(bp)


def init_app(app):
    add_to_dashboard(app, events_admin)
    add_admin_entry(app, "admin.events_list", _l("Events"), 22)
