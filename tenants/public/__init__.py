"""A school's public site, read by parents, pupils and inspectors: one module of
pages per part of the site, each with the menu entries and template helpers it
adds from its `init_app`."""

from flask_babel import lazy_gettext as _l

from mektep.pagecache import add_cached_pages
from tenants.public.navigation import add_menu_entry


def init_app(app):
    from tenants.public import (
        discussion,
        documents,
        events,
        lowvision,
        news,
        pages,
        search,
        sveden,
    )
    from tenants.public.blueprint import bp

    lowvision.init_app(app)
    add_menu_entry(app, "index", _l("Home"), 0)
    for pages_of_area in (sveden, news, events, pages, documents, discussion, search):
        pages_of_area.init_app(app)
    app.register_blueprint(bp)
    # Every page of the public site, and the home page (served by `index`), goes
    # through the page cache for anonymous visitors (docs/DEVELOPING.md).
    add_cached_pages(app, bp.name, "index")
