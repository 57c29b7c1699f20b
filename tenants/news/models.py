"""A school's news posts and announcements."""

from flask_babel import lazy_gettext as _l

from mektep.clock import utcnow
from mektep.extensions import db
from tenants.bilingual import Line, Paragraphs, bilingual
from tenants.documents.models import StoredFile
from tenants.scoping import TenantOwned
from tenants.trash import Trashable
from tenants.versioning import Versioned

NewsTexts = bilingual(title=Line(300), body=Paragraphs(50_000))


class NewsPost(NewsTexts, Versioned, Trashable, TenantOwned, db.Model):
    __tablename__ = "news_post"

    version_kind = "news"
    versioned_fields = (*NewsTexts.text_fields, "pinned", "important_until", "cover_file_id")
    admin_endpoint = "admin.news_edit"

    id = db.Column(db.Integer, primary_key=True)
    pinned = db.Column(
        db.Boolean, nullable=False, default=False, info={"label": _l("Pin to the top of the news")}
    )
    # An urgent notice: shown as a banner on every page of the school until then.
    important_until = db.Column(db.DateTime, info={"label": _l("Important notice until")})
    # Not yet published, and due to be published by the worker at this time.
    scheduled_for = db.Column(db.DateTime, index=True)
    scheduled_by_id = db.Column(db.ForeignKey("user.id"))
    # A photo through the documents' stored-file pipeline (thumbnails by the worker).
    cover_file_id = db.Column(
        db.ForeignKey("stored_file.id"), index=True, info={"label": _l("Cover photo")}
    )
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
