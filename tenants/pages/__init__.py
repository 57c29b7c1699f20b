"""Free pages: simple ky/ru pages an admin adds to the school's main menu
(the school's history, clubs, achievements of pupils and teachers)."""

from flask import url_for
from flask_babel import lazy_gettext as _l


def init_app(app):
    from tenants.pages.models import Page
    from tenants.search.registry import Source, add_source, published_texts

    add_source(
        app,
        Source(
            kind="page",
            model=Page,
            label=_l("Page"),
            texts=published_texts("body"),
            link=lambda ref: url_for("public.page", slug=ref),
            ref=lambda page: page.slug,
        ),
    )
