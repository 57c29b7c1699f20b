"""The district's default update periods, a school's shorter ones, and the
reviews that confirm a subject is still right.

No public page shows them (the admin, the district's console and the open data
do, and the page cache keeps none of those): a change empties no cached page."""

from mektep.clock import utcnow
from mektep.extensions import db
from tenants.scoping import TenantOwned


class DistrictPeriod(db.Model):
    """The district's update period of a subject, in days (every school's default)."""

    page_cache_scope = "none"

    subject = db.Column(db.String(40), primary_key=True)
    days = db.Column(db.Integer, nullable=False)


class SchoolPeriod(TenantOwned, db.Model):
    """A school's own, shorter, update period of a subject."""

    page_cache_scope = "none"

    __table_args__ = (db.UniqueConstraint("school_id", "subject"),)

    id = db.Column(db.Integer, primary_key=True)
    subject = db.Column(db.String(40), nullable=False)
    days = db.Column(db.Integer, nullable=False)


class Review(TenantOwned, db.Model):
    """An admin's confirmation that a subject's published content is still right."""

    page_cache_scope = "none"

    __table_args__ = (db.Index("ix_review_subject", "school_id", "subject", "reviewed_at"),)

    id = db.Column(db.Integer, primary_key=True)
    subject = db.Column(db.String(40), nullable=False)
    reviewed_at = db.Column(db.DateTime, nullable=False, default=utcnow)
    reviewed_by_id = db.Column(db.ForeignKey("user.id"))

    reviewed_by = db.relationship("User")
