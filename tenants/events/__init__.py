"""A school's events calendar: times in the district's time zone, stored in UTC."""

from flask_babel import lazy_gettext as _l


def init_app(app):
    from tenants.events.models import Event
    from tenants.search.registry import add_source, published_source

    add_source(app, published_source("event", Event, _l("Event"), "public.event"))
