"""The daily snapshot of every active school's figures and of the district's
(the charts' history and the weekly digest's comparison), taken by the
worker's sweep once per district day. A school's first snapshot comes with a
year of weekly ones rebuilt from its versions (`History`), so its charts start
with a history."""

from datetime import timedelta

from config import LANGUAGES
from mektep.clock import to_district, utcnow
from mektep.extensions import db
from mektep.periodic import claim, day_start
from tenants.discussion.models import Post
from tenants.models import School
from tenants.schedule.freshness import overdue
from tenants.stats.figures import school_figures
from tenants.stats.history import History, moment_after
from tenants.stats.models import DistrictSnapshot, SchoolSnapshot
from tenants.stats.upsert import upsert

BACKFILL_WEEKS = 52
CHUNK = 200  # schools read at once: memory stays flat with thousands of schools


def take_snapshots(now=None):
    """Sweep: once per district day, snapshot every active school (rebuilding
    the past year of a school seen for the first time) and the district."""
    now = now or utcnow()
    if not claim("stats.snapshots", day_start(now)):
        return 0
    today = to_district(now).date()
    ids = db.session.scalars(
        db.select(School.id).where(School.status == "active").order_by(School.id)
    ).all()
    rebuilt = set()
    for start in range(0, len(ids), CHUNK):
        schools = db.session.scalars(
            db.select(School).where(School.id.in_(ids[start : start + CHUNK]))
        ).all()
        rebuilt |= _snapshot_schools(schools, today)
        db.session.commit()
    summarize_district(sorted(rebuilt | {today}))
    db.session.commit()
    return len(ids)


def _snapshot_schools(schools, today):
    seen = set(
        db.session.scalars(
            db.select(SchoolSnapshot.school_id)
            .where(SchoolSnapshot.school_id.in_([school.id for school in schools]))
            .distinct()
        )
    )
    rows = []
    for school_id, figures in school_figures(schools, today).items():
        rows.append(
            {
                "school_id": school_id,
                "day": today,
                "compliance": figures.compliance,
                "overdue_sections": figures.overdue_sections,
                "overdue_days": figures.overdue_days,
                "last_published_at": figures.last_published_at,
                "failed_previews": figures.failed_previews,
                "scanned_documents": figures.scanned_documents,
                "pending_questions": figures.pending_questions,
                "backfilled": False,
            }
        )
    for school in schools:
        if school.id not in seen:
            rows += backfill_rows(school, today)
    upsert(SchoolSnapshot, rows, ["school_id", "day"])
    return {row["day"] for row in rows if row["backfilled"]}


def backfill_days(today, weeks=BACKFILL_WEEKS):
    """The Mondays of the past `weeks` weeks before `today`, oldest first: the
    same days for every school, whenever it is rebuilt, so the district's
    figures of a day are the mean of every school's."""
    monday = today - timedelta(days=today.weekday() or 7)
    return [monday - timedelta(weeks=n) for n in reversed(range(weeks))]


def backfill_rows(school, today, weeks=BACKFILL_WEEKS):
    """A snapshot per week of the past year (before `today`), from versions and
    reviews; the figures no version keeps (previews, scans) are left at 0."""
    days = backfill_days(today, weeks)
    moments = [moment_after(day) for day in days]
    history = History(school)
    if not history.versions:
        return []
    first = history.versions[0].created_at
    questions = db.session.execute(
        db.select(Post.created_at, Post.moderated_at).where(Post.school_id == school.id)
    ).all()
    rows = []
    for day, (moment, compliance, states) in zip(days, history.states(moments), strict=True):
        if moment <= first:
            continue
        late = overdue(states.values())
        rows.append(
            {
                "school_id": school.id,
                "day": day,
                "compliance": {lang: compliance[lang]["percent"] for lang in LANGUAGES},
                "overdue_sections": len(late),
                "overdue_days": late[0].overdue_days if late else 0,
                "last_published_at": max(
                    (v.created_at for v in history.versions if v.created_at < moment), default=None
                ),
                "failed_previews": 0,
                "scanned_documents": 0,
                "pending_questions": sum(
                    1
                    for created, moderated in questions
                    if created < moment and (moderated is None or moderated >= moment)
                ),
                "backfilled": True,
            }
        )
    return rows


def summarize_district(days):
    """The district's snapshot of each of `days`: the mean of its schools'."""
    rows = []
    for day in days:
        snapshots = db.session.execute(
            db.select(SchoolSnapshot.compliance, SchoolSnapshot.overdue_sections)
            .join(School, School.id == SchoolSnapshot.school_id)
            .where(SchoolSnapshot.day == day, School.status == "active")
        ).all()
        if not snapshots:
            continue
        rows.append(
            {
                "day": day,
                "compliance": {
                    lang: round(sum(s.compliance.get(lang, 0) for s in snapshots) / len(snapshots))
                    for lang in LANGUAGES
                },
                "overdue_sections": sum(s.overdue_sections for s in snapshots),
                "schools": len(snapshots),
            }
        )
    upsert(DistrictSnapshot, rows, ["day"])
