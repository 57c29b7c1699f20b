"""A school's own look: its accent colour and its logo."""

from mektep.clock import utcnow
from mektep.extensions import db
from tenants.documents.models import StoredFile
from tenants.scoping import TenantOwned


class SchoolBranding(TenantOwned, db.Model):
    """At most one row per school (none: the district's colour, no logo). Saved
    by the school's admins only, and public at once, like the settings."""

    __table_args__ = (db.UniqueConstraint("school_id", name="uq_school_branding_school_id"),)

    id = db.Column(db.Integer, primary_key=True)
    # "#rrggbb", or None: the district's colour.
    accent = db.Column(db.String(7))
    # A picture uploaded through the documents' pipeline (thumbnails, favicons).
    logo_file_id = db.Column(db.ForeignKey("stored_file.id"), index=True)
    updated_at = db.Column(db.DateTime, nullable=False, default=utcnow, onupdate=utcnow)

    logo = db.relationship(StoredFile, lazy="joined")
