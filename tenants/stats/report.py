"""The site report for the head of a school (regulation 1.8: reports on the
site's work are approved by the head), for a month or a term of the school
year: what was published for the first time and what was updated, the
subjects overdue at the period's end and for how long, the documents added,
the questions received, answered and rejected, and the visits per day and per
page. Read for the bound school."""

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from flask_babel import format_date
from flask_babel import gettext as _

from mektep.extensions import db
from tenants.discussion.models import Post
from tenants.documents.models import Document
from tenants.schedule.freshness import district_today, overdue
from tenants.stats.history import History, moment_after
from tenants.stats.models import PageVisit
from tenants.versioning import Revision, versioned_models

# Terms of the school year that starts in September: (first month, last month, year offset).
TERMS = {1: (9, 10, 0), 2: (11, 12, 0), 3: (1, 3, 1), 4: (4, 5, 1)}
PERIOD = re.compile(
    r"(?:m(?P<year>\d{4})-(?P<month>\d{2})|t(?P<school_year>\d{4})-(?P<term>[1-4]))"
)
YEARS = range(2000, 2101)
TOP_PAGES = 15


@dataclass(frozen=True)
class Period:
    code: str
    start: date
    end: date  # inclusive
    label: str

    @property
    def days(self):
        return [self.start + timedelta(days=n) for n in range((self.end - self.start).days + 1)]

    @property
    def utc_range(self):
        """[start, end) of the period's district days, as naive UTC."""
        return moment_after(self.start - timedelta(days=1)), moment_after(self.end)


def month_period(year, month):
    start = date(year, month, 1)
    end = (start + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    return Period(f"m{year:04d}-{month:02d}", start, end, format_date(start, "LLLL yyyy"))


def term_period(school_year, term):
    first, last, offset = TERMS[term]
    start = date(school_year + offset, first, 1)
    end = month_period(school_year + offset, last).end
    label = _(
        "term %(n)s of the school year %(first)s–%(second)s",
        n=term,
        first=school_year,
        second=school_year + 1,
    )
    return Period(f"t{school_year:04d}-{term}", start, end, label)


def parse_period(code):
    """The Period a code names (m2026-11, t2026-1), or None if it names none."""
    match = PERIOD.fullmatch(code or "")
    if match is None:
        return None
    if match["year"]:
        year, month = int(match["year"]), int(match["month"])
        return month_period(year, month) if year in YEARS and 1 <= month <= 12 else None
    school_year = int(match["school_year"])
    return term_period(school_year, int(match["term"])) if school_year in YEARS else None


def recent_periods(today=None, months=24):
    """The periods offered: this month and the months before, the terms of this
    school year and the last, newest first."""
    today = today or district_today()
    periods = []
    year, month = today.year, today.month
    for _n in range(months):
        periods.append(month_period(year, month))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    school_year = today.year if today.month >= 9 else today.year - 1
    terms = [term_period(y, n) for y in (school_year, school_year - 1) for n in (4, 3, 2, 1)]
    return periods, [term for term in terms if term.start <= today]


@dataclass
class Published:
    kind: str  # the kind's label
    title: str
    when: datetime
    who: str
    first: bool  # first publication, else an update


@dataclass
class Report:
    school: object
    period: Period
    published: list = field(default_factory=list)
    overdue: list = field(default_factory=list)
    documents: list = field(default_factory=list)
    questions: dict = field(default_factory=dict)
    visits_by_day: list = field(default_factory=list)  # (day, count)
    top_pages: list = field(default_factory=list)  # (path, count)

    @property
    def visits(self):
        return sum(count for _day, count in self.visits_by_day)

    @property
    def first_publications(self):
        return [item for item in self.published if item.first]

    @property
    def updates(self):
        return [item for item in self.published if not item.first]


def _published(school, start, end, lang, kind_label):
    revisions = db.session.scalars(
        db.select(Revision)
        .where(
            Revision.school_id == school.id,
            Revision.status == "published",
            Revision.created_at >= start,
            Revision.created_at < end,
        )
        .order_by(Revision.created_at, Revision.id)
    ).all()
    earlier = set(
        db.session.execute(
            db.select(Revision.kind, Revision.item_id)
            .where(
                Revision.school_id == school.id,
                Revision.status == "published",
                Revision.created_at < start,
            )
            .distinct()
        ).all()
    )
    models, items = versioned_models(), {}
    for kind in {revision.kind for revision in revisions}:
        model = models.get(kind)
        ids = {revision.item_id for revision in revisions if revision.kind == kind}
        if model is not None:
            for item in db.session.scalars(
                db.select(model).where(model.id.in_(ids)).execution_options(include_trashed=True)
            ):
                items[(kind, item.id)] = item
    found, seen = [], set(earlier)
    for revision in revisions:
        key = (revision.kind, revision.item_id)
        item = items.get(key)
        found.append(
            Published(
                kind=str(kind_label(type(item))) if item is not None else revision.kind,
                title=item.display_title(lang) if item is not None else f"#{revision.item_id}",
                when=revision.created_at,
                who=revision.author.label if revision.author else "—",
                first=key not in seen,
            )
        )
        seen.add(key)
    return found


def _questions(school, start, end):
    posts = db.select(db.func.count(Post.id)).where(Post.school_id == school.id)
    answered = db.session.scalar(
        db.select(db.func.count(db.distinct(Revision.item_id))).where(
            Revision.school_id == school.id,
            Revision.kind == "answer",
            Revision.status == "published",
            Revision.created_at >= start,
            Revision.created_at < end,
        )
    )
    return {
        "received": db.session.scalar(posts.where(Post.created_at >= start, Post.created_at < end)),
        "answered": answered,
        "approved": db.session.scalar(
            posts.where(
                Post.status == "approved", Post.moderated_at >= start, Post.moderated_at < end
            )
        ),
        "rejected": db.session.scalar(
            posts.where(
                Post.status == "rejected", Post.moderated_at >= start, Post.moderated_at < end
            )
        ),
    }


def _visits(school, period):
    counts = dict(
        db.session.execute(
            db.select(PageVisit.day, db.func.sum(PageVisit.count))
            .where(
                PageVisit.school_id == school.id,
                PageVisit.day >= period.start,
                PageVisit.day <= period.end,
            )
            .group_by(PageVisit.day)
        ).all()
    )
    top = db.session.execute(
        db.select(PageVisit.path, db.func.sum(PageVisit.count).label("visits"))
        .where(
            PageVisit.school_id == school.id,
            PageVisit.day >= period.start,
            PageVisit.day <= period.end,
        )
        .group_by(PageVisit.path)
        .order_by(db.desc("visits"), PageVisit.path)
        .limit(TOP_PAGES)
    ).all()
    return [(day, int(counts.get(day, 0))) for day in period.days], [
        (path, int(count)) for path, count in top
    ]


def site_report(school, period, lang, kind_label):
    """The Report of `school` for `period`; `kind_label(model)` names a kind of content."""
    start, end = period.utc_range
    today = district_today()
    report = Report(school, period)
    report.published = _published(school, start, end, lang, kind_label)
    at = min(end, moment_after(today))
    [(_moment, _compliance, states)] = History(school).states([at])
    report.overdue = overdue(states.values())
    report.documents = db.session.scalars(
        db.select(Document)
        .where(
            Document.school_id == school.id, Document.created_at >= start, Document.created_at < end
        )
        .order_by(Document.created_at)
    ).all()
    report.questions = _questions(school, start, end)
    report.visits_by_day, report.top_pages = _visits(school, period)
    return report
