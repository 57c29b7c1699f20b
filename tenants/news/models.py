"""A school's news posts and announcements."""

from flask_babel import lazy_gettext as _l

from mektep.clock import utcnow
from mektep.extensions import db
from tenants.documents.models import StoredFile
from tenants.news.content import Localized
from tenants.scoping import TenantOwned
from tenants.trash import Trashable
from tenants.versioning import Versioned

TITLE_MAX = 300
BODY_MAX = 50_000


class NewsPost(Localized, Versioned, Trashable, TenantOwned, db.Model):
    __tablename__ = "news_post"

    version_kind = "news"
    versioned_fields = (
        "title_ky", "title_ru", "body_ky", "body_ru", "pinned", "important_until", "cover_file_id",
    )  # fmt: skip
    rich_fields = ("body_ky", "body_ru")
    admin_endpoint = "admin.news_edit"
    field_labels = {
        "title_ky": _l("Title in Kyrgyz"),
        "title_ru": _l("Title in Russian"),
        "body_ky": _l("Text in Kyrgyz"),
        "body_ru": _l("Text in Russian"),
        "pinned": _l("Pin to the top of the news"),
        "important_until": _l("Important notice until"),
        "cover_file_id": _l("Cover photo"),
    }

    id = db.Column(db.Integer, primary_key=True)
    title_ky = db.Column(db.String(TITLE_MAX), nullable=False, default="")
    title_ru = db.Column(db.String(TITLE_MAX), nullable=False, default="")
    body_ky = db.Column(db.Text, nullable=False, default="")
    body_ru = db.Column(db.Text, nullable=False, default="")
    pinned = db.Column(db.Boolean, nullable=False, default=False)
    # An urgent notice: shown as a banner on every page of the school until then.
    important_until = db.Column(db.DateTime)
    # Not yet published, and due to be published by the worker at this time.
    scheduled_for = db.Column(db.DateTime, index=True)
    scheduled_by_id = db.Column(db.ForeignKey("user.id"))
    # A photo through the documents' stored-file pipeline (thumbnails by the worker).
    cover_file_id = db.Column(db.ForeignKey("stored_file.id"), index=True)
    created_at = db.Column(db.DateTime, nullable=False, default=utcnow)

    scheduled_by = db.relationship("User", foreign_keys=[scheduled_by_id])
    cover = db.relationship(StoredFile)

    @property
    def has_approved_content(self):
        # A scheduled post's columns are what an admin approved to appear at its time.
        return self.is_published or self.scheduled_for is not None


def published_posts():
    """A SELECT of the bound school's published posts: pinned first, then newest."""
    return (
        db.select(NewsPost)
        .where(NewsPost.published_at.is_not(None))
        .order_by(NewsPost.pinned.desc(), NewsPost.published_at.desc(), NewsPost.id.desc())
    )


def important_notices():
    """Published posts whose banner has not expired, newest first."""
    return db.session.scalars(
        db.select(NewsPost)
        .where(NewsPost.published_at.is_not(None), NewsPost.important_until > utcnow())
        .order_by(NewsPost.published_at.desc())
        .limit(3)
    ).all()
