"""The one clock of the platform: naive UTC datetimes, as every column stores
them, and the district's time zone (config `TIMEZONE`, Asia/Bishkek by default)
in which people type and read times.

Its own module (importing nothing of ours), so that the models, the audit log,
versioning and the forms can all use it without importing one another.
"""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from flask import current_app


def utcnow():
    return datetime.now(UTC).replace(tzinfo=None)


def district_zone(app=None):
    """The district's time zone (of `app`: a caller with no app context names it)."""
    return ZoneInfo((app or current_app).config["TIMEZONE"])


def to_utc(local):
    """Naive district time → naive UTC."""
    return local.replace(tzinfo=district_zone()).astimezone(UTC).replace(tzinfo=None)


def to_district(utc):
    """Naive UTC → aware district time."""
    return utc.replace(tzinfo=UTC).astimezone(district_zone())
