"""Admin pages for free pages."""

from flask import url_for
from flask_babel import lazy_gettext as _l

from mektep.extensions import db
from tenants.admin.blueprint import bp
from tenants.admin.navigation import add_admin_entry
from tenants.admin.pages_forms import PageForm
from tenants.admin.toolkit.kinds import KindAdmin, add_to_dashboard
from tenants.pages.models import Page, address_taken


class PagesAdmin(KindAdmin):
    name, url, model, form_class = "pages", "/pages", Page, PageForm
    titles = {"list": _l("Pages"), "new": _l("New page"), "edit": _l("Edit page")}
    checks_stop_words = True

    def list_query(self):
        return db.select(Page).order_by(Page.menu_order, Page.id)

    def describe(self, page):
        return f"/p/{page.slug}"

    def public_url(self, page):
        return url_for("public.page", slug=page.slug)

    def check(self, page, form):
        if address_taken(page, form.slug.data):
            form.slug.errors.append(
                _l("Another page (perhaps in the trash) has this address; choose another.")
            )
            return False
        return True


pages_admin = PagesAdmin()
pages_admin.add_routes(bp)


def init_app(app):
    add_to_dashboard(app, pages_admin)
    add_admin_entry(app, "admin.pages_list", _l("Pages"), 24)
