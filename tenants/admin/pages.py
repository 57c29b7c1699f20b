"""Admin pages for free pages."""

from flask import url_for
from flask_babel import lazy_gettext as _l

from mektep.extensions import db
from tenants.admin.blueprint import bp
from tenants.admin.navigation import add_admin_entry
from tenants.admin.pages_forms import PageForm
from tenants.news.editing import ContentAdmin, add_content_admin
from tenants.pages.models import Page, address_taken


def all_pages():
    return db.select(Page).order_by(Page.menu_order, Page.id)


def validate_address(page, form):
    if address_taken(page, form.slug.data):
        form.slug.errors.append(
            _l("Another page (perhaps in the trash) has this address; choose another.")
        )
        return False
    return True


pages_admin = ContentAdmin(
    name="pages",
    model=Page,
    form_class=PageForm,
    titles={"list": _l("Pages"), "new": _l("New page"), "edit": _l("Edit page")},
    list_query=all_pages,
    describe=lambda page: f"/p/{page.slug}",
    public_url=lambda page: url_for("public.page", slug=page.slug),
    check=validate_address,
)
pages_admin.register(bp, "pages")


def init_app(app):
    add_content_admin(app, pages_admin)
    add_admin_entry(app, "admin.pages_list", _l("Pages"), 24)
