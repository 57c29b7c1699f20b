"""A school's free pages."""

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from mektep.clock import utcnow
from mektep.extensions import db
from tenants.bilingual import Line, Paragraphs, bilingual
from tenants.scoping import TenantOwned
from tenants.trash import Trashable
from tenants.versioning import Versioned, drafts_of

SLUG_MAX = 60
PageTexts = bilingual(title=Line(120), body=Paragraphs(50_000))


class Page(PageTexts, Versioned, Trashable, TenantOwned, db.Model):
    __tablename__ = "free_page"
    __table_args__ = (db.UniqueConstraint("school_id", "slug"),)

    version_kind = "page"
    # The address too: a page moves to a new address only when an admin publishes it.
    versioned_fields = ("slug", *PageTexts.text_fields, "in_menu", "menu_order")
    admin_endpoint = "admin.pages_edit"

    id = db.Column(db.Integer, primary_key=True)
    slug = db.Column(db.String(SLUG_MAX), nullable=False, info={"label": _l("Address")})
    in_menu = db.Column(
        db.Boolean, nullable=False, default=True, info={"label": _l("Show in the main menu")}
    )
    menu_order = db.Column(
        db.Integer, nullable=False, default=50, info={"label": _l("Order in the menu")}
    )
    created_at = db.Column(db.DateTime, nullable=False, default=utcnow)

    def publish_problem(self, data):
        if address_taken(self, data.get("slug")):
            return _(
                "Another page has the address /p/%(slug)s now. Give one of the two "
                "pages another address first.",
                slug=data.get("slug"),
            )
        return None


def address_taken(page, slug):
    """Another page of the school has `slug` as its address (in the trash too), or
    waits to get it in a pending draft."""
    query = db.select(Page.id).where(Page.slug == slug).execution_options(include_trashed=True)
    if page.id is not None:
        query = query.where(Page.id != page.id)
    if db.session.scalar(query) is not None:
        return True
    return any(
        draft.data.get("slug") == slug
        for item_id, draft in drafts_of(Page.version_kind).items()
        if item_id != page.id
    )


def menu_pages():
    """The bound school's published pages that belong in the main menu, in order."""
    return db.session.scalars(
        db.select(Page)
        .where(Page.published_at.is_not(None), Page.in_menu.is_(True))
        .order_by(Page.menu_order, Page.id)
    ).all()
