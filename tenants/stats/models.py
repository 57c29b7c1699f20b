"""Figures kept over time: visits per page per day, and a daily snapshot of
each school's and the district's state (for the charts and the digest).

None of these rows is shown on a public page: they are statistics, not content."""

from mektep.extensions import db
from tenants.scoping import TenantOwned


class PageVisit(TenantOwned, db.Model):
    """How many times a public page (its path, whatever the query) was served on
    a day (the district's date). No cookie, no address: a count."""

    page_cache_scope = "none"  # counting a visit changes no page (mektep/pagecache)

    __table_args__ = (db.UniqueConstraint("school_id", "day", "path"),)

    id = db.Column(db.Integer, primary_key=True)
    day = db.Column(db.Date, nullable=False, index=True)
    path = db.Column(db.String(300), nullable=False)
    count = db.Column(db.Integer, nullable=False, default=0)


class SchoolSnapshot(TenantOwned, db.Model):
    """A school's figures on a day (the district's date): compliance per language
    ({lang: percent}), overdue subjects and the longest overdue (days), the last
    publication, previews failed, scans without text, questions waiting."""

    page_cache_scope = "none"  # figures for the district console only

    __table_args__ = (db.UniqueConstraint("school_id", "day"),)

    id = db.Column(db.Integer, primary_key=True)
    day = db.Column(db.Date, nullable=False, index=True)
    compliance = db.Column(db.JSON, nullable=False)
    overdue_sections = db.Column(db.Integer, nullable=False, default=0)
    overdue_days = db.Column(db.Integer, nullable=False, default=0)
    last_published_at = db.Column(db.DateTime)
    failed_previews = db.Column(db.Integer, nullable=False, default=0)
    scanned_documents = db.Column(db.Integer, nullable=False, default=0)
    pending_questions = db.Column(db.Integer, nullable=False, default=0)
    # Derived afterwards from the history (versions, reviews), not seen that day.
    backfilled = db.Column(db.Boolean, nullable=False, default=False)


class DistrictSnapshot(db.Model):
    """The district on a day: the mean compliance of its active schools per
    language, and their overdue subjects in all."""

    day = db.Column(db.Date, primary_key=True)
    compliance = db.Column(db.JSON, nullable=False)
    overdue_sections = db.Column(db.Integer, nullable=False, default=0)
    schools = db.Column(db.Integer, nullable=False, default=0)
