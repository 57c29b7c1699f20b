"""The weekly digest to the district's admins: which schools got worse over
the week (compliance down, more overdue sections, previews failing, scans
without text, questions waiting), from the daily snapshots. Sent on Mondays
once the day's snapshot exists, once however many workers sweep; each admin
gets it in their own language (templates/mail/digest.*)."""

from dataclasses import dataclass
from datetime import timedelta

from flask import current_app

from config import LANGUAGES
from mektep import mail
from mektep.accounts.models import User
from mektep.clock import to_district, utcnow
from mektep.extensions import db
from mektep.periodic import claim, week_start
from tenants.models import School
from tenants.stats.models import DistrictSnapshot, SchoolSnapshot

# Figures no version keeps: compared only with a snapshot seen on its day.
OBSERVED_ONLY = ("failed_previews", "scanned_documents")
WORSE_WHEN_HIGHER = (
    "overdue_sections",
    "failed_previews",
    "scanned_documents",
    "pending_questions",
)


@dataclass
class Change:
    school: object
    figure: str  # a name of WORSE_WHEN_HIGHER, or "compliance_<lang>"
    before: int
    after: int


def changes_for_the_worse(today, days=7):
    """[Change] of every active school between its snapshot `days` before
    `today` (or the nearest earlier one) and today's."""
    start = today - timedelta(days=days)
    current = _snapshots(SchoolSnapshot.day == today)
    earlier_day = (
        db.select(SchoolSnapshot.school_id, db.func.max(SchoolSnapshot.day).label("day"))
        .where(SchoolSnapshot.day <= start)
        .group_by(SchoolSnapshot.school_id)
        .subquery()
    )
    earlier = {
        snapshot.school_id: snapshot
        for snapshot in db.session.scalars(
            db.select(SchoolSnapshot).join(
                earlier_day,
                db.and_(
                    SchoolSnapshot.school_id == earlier_day.c.school_id,
                    SchoolSnapshot.day == earlier_day.c.day,
                ),
            )
        )
    }
    schools = {
        school.id: school
        for school in db.session.scalars(db.select(School).where(School.status == "active"))
    }
    found = []
    for school_id, now in current.items():
        before = earlier.get(school_id)
        if before is None or school_id not in schools:
            continue
        school = schools[school_id]
        for lang in LANGUAGES:
            was, is_ = before.compliance.get(lang, 0), now.compliance.get(lang, 0)
            if is_ < was:
                found.append(Change(school, f"compliance_{lang}", was, is_))
        for name in WORSE_WHEN_HIGHER:
            if name in OBSERVED_ONLY and before.backfilled:
                continue
            was, is_ = getattr(before, name), getattr(now, name)
            if is_ > was:
                found.append(Change(school, name, was, is_))
    return found


def _snapshots(condition):
    return {s.school_id: s for s in db.session.scalars(db.select(SchoolSnapshot).where(condition))}


def send_weekly_digest(now=None):
    """Sweep: on Mondays, once today's snapshots exist, e-mail every active
    district admin what got worse; returns how many messages were sent."""
    if not current_app.config["WEEKLY_MAIL"]:
        return 0
    now = now or utcnow()
    today = to_district(now).date()
    if db.session.get(DistrictSnapshot, today) is None:
        return 0  # the snapshot sweep has not run yet today
    if not claim("district.digest", week_start(now)):
        return 0
    changes = changes_for_the_worse(today)
    admins = db.session.scalars(
        db.select(User).where(User.is_district_admin.is_(True), User.active.is_(True))
    ).all()
    for user in admins:
        digest(user, changes, today)
    db.session.commit()  # the messages: the worker sends them once they are stored
    return len(admins)


def digest(user, changes, today):
    """One digest to `user`, in the language they read the console in."""
    by_school = {}
    for change in changes:
        by_school.setdefault(change.school, []).append(change)
    mail.send(
        user,
        "digest",
        by_school=by_school,
        today=today,
    )
