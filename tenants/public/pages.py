"""Public free pages: each one an admin marks for the menu is a main-menu entry,
and `/p/` lists them all (the «About the school» section)."""

from flask import abort, g, render_template, request

from mektep.extensions import db
from tenants.pages.models import Page, menu_pages
from tenants.public.blueprint import bp
from tenants.public.navigation import MenuEntry, add_menu_source

# Free pages stand after the fixed entries for the school's life (news, events).
MENU_POSITION = 30
_CACHE_KEY = "mektep.menu_pages"


def _menu_pages():
    """The menu's pages, read once per request: the main menu and the page lists
    both show them. Kept with the request (not in `g`, which may outlive it)."""
    if _CACHE_KEY not in request.environ:
        request.environ[_CACHE_KEY] = menu_pages()
    return request.environ[_CACHE_KEY]


@bp.route("/p/")
def pages_index():
    return render_template("pages/index.html", pages=_menu_pages())


@bp.route("/p/<slug>")
def page(slug):
    item = db.session.scalar(
        db.select(Page).where(Page.slug == slug, Page.published_at.is_not(None))
    )
    if item is None:
        abort(404)
    return render_template("pages/page.html", page=item, pages=_menu_pages())


def free_pages_in_menu():
    for position, item in enumerate(_menu_pages()):
        yield MenuEntry(
            "public.page",
            item.display_title(g.lang),
            MENU_POSITION + position / 100,
            {"slug": item.slug},
        )


def init_app(app):
    add_menu_source(app, free_pages_in_menu)
