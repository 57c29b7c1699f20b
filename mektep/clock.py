"""The one clock of the platform: naive UTC datetimes, as every column stores them.

Its own module (importing nothing of ours), so that the models, the audit log
and versioning can all use it without importing one another.
"""

from datetime import UTC, datetime


def utcnow():
    return datetime.now(UTC).replace(tzinfo=None)
