"""The district's rule for the schools' look: a default accent colour, and
whether schools may choose their own."""

from mektep.clock import utcnow
from mektep.extensions import db


class DistrictBranding(db.Model):
    """One row (none until the district sets it: the platform's colour, and
    schools choose freely). Every school's pages show it, so a change concerns
    the whole district (the page cache's district-wide generation)."""

    page_cache_scope = "district"

    id = db.Column(db.Integer, primary_key=True)
    # "#rrggbb", or None: the platform's colour.
    accent = db.Column(db.String(7))
    # Schools cannot choose their own colour: every school shows `accent`.
    locked = db.Column(db.Boolean, nullable=False, default=False)
    updated_at = db.Column(db.DateTime, nullable=False, default=utcnow, onupdate=utcnow)


def district_branding():
    """The district's row, or an unsaved one with the defaults."""
    row = db.session.scalar(db.select(DistrictBranding).order_by(DistrictBranding.id).limit(1))
    return row if row is not None else DistrictBranding(accent=None, locked=False)


def editable_district_branding():
    """The district's row, added to the session when it did not exist yet."""
    row = district_branding()
    if row.id is None:
        db.session.add(row)
    return row
