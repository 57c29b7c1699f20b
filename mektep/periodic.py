"""Work done once per period (a day, a week) however many workers sweep: the
district's snapshots, the weekly reminders and digest.

A `PeriodicRun` row per task holds the start of the last period it ran for; a
worker claims the current period with one conditional UPDATE (or the INSERT of
the first run), so two workers sweeping at once never both do it.
"""

from datetime import datetime, time, timedelta

from sqlalchemy.exc import IntegrityError

from mektep.clock import to_district, to_utc, utcnow
from mektep.extensions import db


class PeriodicRun(db.Model):
    name = db.Column(db.String(80), primary_key=True)
    # The start (UTC) of the last period the task was claimed for.
    period_start = db.Column(db.DateTime, nullable=False)
    ran_at = db.Column(db.DateTime, nullable=False, default=utcnow)


def day_start(now=None):
    """The start (naive UTC) of the district's current day."""
    local = to_district(now or utcnow())
    return to_utc(datetime.combine(local.date(), time()))


def week_start(now=None, weekday=0, hour=8):
    """The latest `weekday` (0: Monday) at `hour` in the district's time, as
    naive UTC, not after `now`: when a weekly task is due."""
    local = to_district(now or utcnow()).replace(tzinfo=None)
    monday = local.date() - timedelta(days=(local.weekday() - weekday) % 7)
    start = datetime.combine(monday, time(hour))
    if start > local:
        start -= timedelta(days=7)
    return to_utc(start)


def claim(name, period_start):
    """Whether this worker takes task `name` for the period starting at
    `period_start` (committed at once); False if it already ran for it."""
    claimed = db.session.execute(
        db.update(PeriodicRun)
        .where(PeriodicRun.name == name, PeriodicRun.period_start < period_start)
        .values(period_start=period_start, ran_at=utcnow())
    ).rowcount
    if not claimed and db.session.get(PeriodicRun, name) is None:
        db.session.add(PeriodicRun(name=name, period_start=period_start))
        try:
            db.session.commit()
        except IntegrityError:
            db.session.rollback()
            return False
        return True
    db.session.commit()
    return bool(claimed)
