"""Free pages: simple ky/ru pages an admin adds to the school's main menu
(the school's history, clubs, achievements of pupils and teachers)."""

from flask_babel import lazy_gettext as _l


def init_app(app):
    from tenants.pages.models import Page
    from tenants.search.registry import add_source, published_source

    add_source(app, published_source("page", Page, _l("Page"), "public.page", by="slug"))
