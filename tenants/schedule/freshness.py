"""When each subject of a school was last updated and reviewed, when it is due
for review next, and whether it is overdue: for one school or every school of
the district, in a fixed number of queries (the district's dashboard lists a
thousand schools).

A section's last update is the latest publication of anything its public page
shows: its own values (and those of other sections it shows too), its staff,
the documents attached to its fields (`update_sources`, shared with the public
page's "last updated" date). The news and the events are updated by their
latest published post or event.
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from mektep.clock import to_district, utcnow
from mektep.extensions import db
from tenants.content.models import SectionContent, StaffMember
from tenants.documents.models import Document
from tenants.events.models import Event
from tenants.news.models import NewsPost
from tenants.schedule.models import DistrictPeriod, Review, SchoolPeriod
from tenants.schedule.subjects import DEFAULT_DAYS, DUE_SOON_DAYS, SUBJECTS

UNPUBLISHED, UNUSED, OVERDUE, DUE, FINE = "unpublished", "unused", "overdue", "due", "fine"


def district_today():
    return to_district(utcnow()).date()


@dataclass(frozen=True)
class Sources:
    """What a section's public page shows: the section rows (its own and those it
    borrows members from), the staff roles and the document fields."""

    sections: tuple
    roles: frozenset
    document_keys: frozenset


def update_sources(section):
    return Sources(
        sections=(section.slug, *dict.fromkeys(key.split(".")[0] for key in section.also_shows)),
        roles=frozenset(role for member in section.staff_lists for role in member.roles),
        document_keys=frozenset(field.key for field in section.fields if field.is_document),
    )


@dataclass(frozen=True)
class Freshness:
    """One subject of one school: its last update and review (UTC), its period
    in days (the district's, or the school's shorter one) and the day it is
    assessed on (the district's date)."""

    subject: object
    updated: datetime | None
    reviewed: datetime | None
    days: int
    district_days: int
    today: date

    @property
    def basis(self):
        """The later of the last update and the last review."""
        if self.updated is None:
            return None
        return max(self.updated, self.reviewed or self.updated)

    @property
    def review_by(self):
        basis = self.basis
        return None if basis is None else to_district(basis).date() + timedelta(days=self.days)

    @property
    def overdue_days(self):
        review_by = self.review_by
        return max(0, (self.today - review_by).days) if review_by else 0

    @property
    def overdue(self):
        return self.overdue_days > 0

    @property
    def state(self):
        if self.updated is None:
            return UNUSED if self.subject.optional else UNPUBLISHED
        if self.overdue:
            return OVERDUE
        if (self.review_by - self.today).days <= DUE_SOON_DAYS:
            return DUE
        return FINE

    @property
    def shortened(self):
        return self.days < self.district_days


def district_periods():
    """{subject: days} the district set, its defaults where it set none."""
    periods = dict(DEFAULT_DAYS)
    periods.update(db.session.execute(db.select(DistrictPeriod.subject, DistrictPeriod.days)).all())
    return periods


def _in(query, column, school_ids):
    return query if school_ids is None else query.where(column.in_(school_ids))


def subject_updates(sections, people, documents, news=None, events=None):
    """{subject: when it was last updated} of one school, from when each of its
    section rows ({slug: when}), staff roles ({role: when}) and document fields
    ({key: when}) was last published, and its latest news post and event."""
    updates = {"news": news, "events": events}
    for subject in SUBJECTS:
        if subject.section is not None:
            sources = update_sources(subject.section)
            updates[subject.key] = max(
                [sections.get(slug) for slug in sources.sections]
                + [people.get(role) for role in sources.roles]
                + [documents.get(key) for key in sources.document_keys],
                key=lambda when: when or datetime.min,
            )
    return {key: when for key, when in updates.items() if when is not None}


def _grouped(query):
    """{school id: {key: when}} of rows (school id, key, when)."""
    grouped = {}
    for school_id, key, when in db.session.execute(query):
        grouped.setdefault(school_id, {})[key] = when
    return grouped


def last_updates(school_ids=None):
    """{school id: {subject: when it was last updated}} of the schools `school_ids`
    (None: every school); a subject never published is absent."""
    rows = _grouped(
        _in(
            db.select(
                SectionContent.school_id, SectionContent.section, SectionContent.published_at
            ),
            SectionContent.school_id,
            school_ids,
        ).where(SectionContent.published_at.is_not(None))
    )
    people = _grouped(
        _in(
            db.select(
                StaffMember.school_id, StaffMember.role, db.func.max(StaffMember.published_at)
            ),
            StaffMember.school_id,
            school_ids,
        )
        .where(StaffMember.published_at.is_not(None))
        .group_by(StaffMember.school_id, StaffMember.role)
    )
    documents = _grouped(
        _in(
            db.select(Document.school_id, Document.field_key, db.func.max(Document.published_at)),
            Document.school_id,
            school_ids,
        )
        .where(Document.published_at.is_not(None), Document.field_key.is_not(None))
        .group_by(Document.school_id, Document.field_key)
    )
    latest = {}
    for key, model in (("news", NewsPost), ("events", Event)):
        latest[key] = dict(
            db.session.execute(
                _in(
                    db.select(model.school_id, db.func.max(model.published_at)),
                    model.school_id,
                    school_ids,
                )
                .where(model.published_at.is_not(None))
                .group_by(model.school_id)
            ).all()
        )
    ids = set(rows) | set(people) | set(documents) | set(latest["news"]) | set(latest["events"])
    return {
        school_id: subject_updates(
            rows.get(school_id, {}),
            people.get(school_id, {}),
            documents.get(school_id, {}),
            latest["news"].get(school_id),
            latest["events"].get(school_id),
        )
        for school_id in ids
    }


def last_reviews(school_ids=None):
    """{school id: {subject: when it was last reviewed}}."""
    return _grouped(
        _in(
            db.select(Review.school_id, Review.subject, db.func.max(Review.reviewed_at)),
            Review.school_id,
            school_ids,
        ).group_by(Review.school_id, Review.subject)
    )


def school_periods(school_ids=None):
    """{school id: {subject: days}} of the periods schools shortened."""
    return _grouped(
        _in(
            db.select(SchoolPeriod.school_id, SchoolPeriod.subject, SchoolPeriod.days),
            SchoolPeriod.school_id,
            school_ids,
        )
    )


def freshness(school_ids=None, today=None):
    """{school id: {subject key: Freshness}} for every subject of each school of
    `school_ids` (None: every school that has a row anywhere, so pass the ids
    of the schools you list)."""
    today = today or district_today()
    updates = last_updates(school_ids)
    reviews = last_reviews(school_ids)
    own = school_periods(school_ids)
    defaults = district_periods()
    ids = school_ids if school_ids is not None else set(updates) | set(reviews) | set(own)
    return {
        school_id: assess(
            updates.get(school_id, {}),
            reviews.get(school_id, {}),
            defaults,
            own.get(school_id, {}),
            today,
        )
        for school_id in ids
    }


def assess(updates, reviews, defaults, own, today):
    """{subject key: Freshness} of one school from its last updates and reviews
    ({subject: when}), the district's periods and its own shorter ones."""
    return {
        subject.key: Freshness(
            subject=subject,
            updated=updates.get(subject.key),
            reviewed=reviews.get(subject.key),
            days=min(defaults[subject.key], own.get(subject.key, defaults[subject.key])),
            district_days=defaults[subject.key],
            today=today,
        )
        for subject in SUBJECTS
    }


def of_school(school, today=None):
    """{subject key: Freshness} of one school."""
    return freshness([school.id], today)[school.id]


def overdue(subjects):
    """The overdue ones of `subjects` (Freshness), longest overdue first."""
    return sorted((item for item in subjects if item.overdue), key=lambda item: -item.overdue_days)
