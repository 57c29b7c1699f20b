"""Public free pages, and the «About the school» section that lists them."""

from flask import abort, render_template
from flask_babel import lazy_gettext as _l

from mektep.extensions import db
from tenants.pages.models import Page, menu_pages
from tenants.public import bp
from tenants.public.navigation import add_menu_entry


@bp.route("/p/")
def pages_index():
    return render_template("pages/index.html", pages=menu_pages())


@bp.route("/p/<slug>")
def page(slug):
    item = db.session.scalar(
        db.select(Page).where(Page.slug == slug, Page.published_at.is_not(None))
    )
    if item is None:
        abort(404)
    return render_template("pages/page.html", page=item, pages=menu_pages())


add_menu_entry("public.pages_index", _l("About the school"), 30)
