"""A school's events calendar: times in the district's time zone, stored in UTC."""

from flask import url_for
from flask_babel import lazy_gettext as _l


def init_app(app):
    from tenants.events.models import Event
    from tenants.search.registry import Source, add_source, published_texts

    add_source(
        app,
        Source(
            kind="event",
            model=Event,
            label=_l("Event"),
            texts=published_texts("place", "description"),
            link=lambda ref: url_for("public.event", item_id=int(ref)),
        ),
    )
