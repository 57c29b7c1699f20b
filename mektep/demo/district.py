"""Demo figures for the district's watch: school №5's contacts last published
over a year ago (overdue) and its head's record due for review soon; a scanned
order at gymnasium №12 (a PDF with no text layer, which the worker flags);
visits to each school's pages over the past two months (the head's report);
and a year of weekly snapshots (the district's and each school's charts)."""

import random
from datetime import timedelta

from config import LANGUAGES
from mektep.clock import utcnow
from mektep.demo.accounts import admin_of
from mektep.demo.documents import FILES
from mektep.extensions import db
from tenants.content.models import SectionContent, StaffMember
from tenants.documents.models import Document
from tenants.documents.uploads import store_upload
from tenants.schedule.freshness import district_today
from tenants.scoping import bind_school
from tenants.stats.models import DistrictSnapshot, PageVisit, SchoolSnapshot
from tenants.stats.snapshots import backfill_days
from tenants.versioning import Revision, publish

# (school, section or staff role, days since its last publication)
AGED = [("school5", "common", 400), ("school5", "struct", 200), ("school5", "head", 80)]
SCAN = ("gymnasium12", "scanned-order.pdf", "Буйрук № 47: окуу жылынын иш тартиби жөнүндө",
        "Приказ № 47 о режиме работы в 2026–2027 учебном году")  # fmt: skip
# Visits per day of each school, and the pages they go to most.
VISITORS = {"school35": 140, "school5": 35, "gymnasium12": 60}
PAGES = ["/", "/sveden/", "/news/", "/sveden/common/", "/sveden/employees/", "/events/",
         "/sveden/document/", "/documents", "/discussion"]  # fmt: skip
# Weekly compliance (ky, ru) a year ago and now, and overdue sections, per school.
TRENDS = {"school35": ((55, 40), (100, 100), 0), "school5": ((8, 4), (18, 15), 1),
          "gymnasium12": ((3, 3), (6, 6), 0)}  # fmt: skip


def _age(slug, what, days, school):
    """Move the last publication of a section (or a staff role's records) back `days` days."""
    when = utcnow() - timedelta(days=days)
    if what in ("head", "deputy", "teacher"):
        items = db.session.scalars(
            db.select(StaffMember).where(
                StaffMember.school_id == school.id, StaffMember.role == what
            )
        ).all()
        kind = "staff"
    else:
        items = db.session.scalars(
            db.select(SectionContent).where(
                SectionContent.school_id == school.id, SectionContent.section == what
            )
        ).all()
        kind = "section"
    for item in items:
        item.published_at = item.updated_at = when
        db.session.execute(
            db.update(Revision)
            .where(Revision.kind == kind, Revision.item_id == item.id)
            .values(created_at=when)
        )


def _scan(schools):
    slug, filename, title_ky, title_ru = SCAN
    school = schools.get(slug)
    admin = admin_of(slug)
    bind_school(school)
    try:
        with (FILES / filename).open("rb") as stream:
            stored = store_upload(stream, filename, school.id, admin)
        document = Document(
            school_id=school.id,
            file_id=stored.id,
            kind="other",
            title_ky=title_ky,
            title_ru=title_ru,
        )
        db.session.add(document)
        db.session.flush()
        publish(document, admin)
        db.session.commit()
    finally:
        bind_school(None)


def _visits(schools, today, rng):
    rows = []
    for slug, daily in VISITORS.items():
        school = schools[slug]
        for back in range(1, 61):
            day = today - timedelta(days=back)
            weekend = day.weekday() >= 5
            total = int(daily * (0.4 if weekend else 1) * rng.uniform(0.7, 1.3))
            weights = [30, 18, 15, 10, 8, 7, 5, 4, 3]
            for path, share in zip(PAGES, weights, strict=True):
                count = round(total * share / sum(weights))
                if count:
                    rows.append(PageVisit(school_id=school.id, day=day, path=path, count=count))
    db.session.add_all(rows)


def _snapshots(schools, today, rng):
    days = backfill_days(today)
    by_day = {day: [] for day in days}
    for slug, (start, end, overdue) in TRENDS.items():
        school = schools[slug]
        for n, day in enumerate(days):
            share = n / (len(days) - 1)
            compliance = {
                lang: min(100, round(a + (b - a) * share + rng.uniform(-3, 3)))
                for lang, a, b in zip(LANGUAGES, start, end, strict=True)
            }
            late = overdue if n > len(days) * 0.6 else rng.choice((0, 1, 1, 2))
            snapshot = SchoolSnapshot(
                school_id=school.id, day=day, compliance=compliance, overdue_sections=late,
                overdue_days=late * 12, backfilled=True,
            )  # fmt: skip
            db.session.add(snapshot)
            by_day[day].append(snapshot)
    for day, snapshots in by_day.items():
        db.session.add(
            DistrictSnapshot(
                day=day,
                compliance={
                    lang: round(sum(s.compliance[lang] for s in snapshots) / len(snapshots))
                    for lang in LANGUAGES
                },
                overdue_sections=sum(s.overdue_sections for s in snapshots),
                schools=len(snapshots),
            )
        )


def load_district_figures(schools):
    if any(slug not in schools for slug in VISITORS):
        return
    if db.session.scalar(db.select(SchoolSnapshot.id).limit(1)) is not None:
        yield "district: figures already there"
        return
    for slug, what, days in AGED:
        _age(slug, what, days, schools[slug])
    _scan(schools)
    today, rng = district_today(), random.Random(12)
    _visits(schools, today, rng)
    _snapshots(schools, today, rng)
    db.session.commit()
    yield "district: school5 overdue, a scan at gymnasium12, visits, a year of snapshots"
