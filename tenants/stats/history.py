"""What a school's site showed at past moments, rebuilt from its published
versions (every publication is kept, tenants.versioning) and its reviews: how
complete it was, and which subjects were overdue. The charts' history before
the daily snapshots began, and the head's report of a past month, read it.

Items in the trash count until they were moved there; the periods are today's.
"""

from datetime import datetime, time, timedelta

from mektep.clock import to_district, to_utc
from mektep.extensions import db
from tenants.content.completeness import checklist_from, summary
from tenants.content.models import SectionContent, StaffMember
from tenants.documents.models import Document
from tenants.events.models import Event
from tenants.news.models import NewsPost
from tenants.schedule.freshness import (
    assess,
    district_periods,
    school_periods,
    subject_updates,
)
from tenants.schedule.models import Review
from tenants.versioning import Revision

TRASHABLE = {"staff": StaffMember, "document": Document, "news": NewsPost, "event": Event}


class History:
    """The versions and reviews of one school, read once, for `states(moments)`."""

    def __init__(self, school):
        self.school = school
        self.versions = db.session.execute(
            db.select(Revision.kind, Revision.item_id, Revision.data, Revision.created_at)
            .where(
                Revision.school_id == school.id,
                Revision.status == "published",
                Revision.kind.in_(["section", *TRASHABLE]),
            )
            .order_by(Revision.created_at, Revision.id)
        ).all()
        self.sections = dict(
            db.session.execute(
                db.select(SectionContent.id, SectionContent.section).where(
                    SectionContent.school_id == school.id
                )
            ).all()
        )
        self.trashed = {}
        for kind, model in TRASHABLE.items():
            for item_id, deleted_at in db.session.execute(
                db.select(model.id, model.deleted_at)
                .where(model.school_id == school.id, model.deleted_at.is_not(None))
                .execution_options(include_trashed=True)
            ):
                self.trashed[(kind, item_id)] = deleted_at
        self.reviews = db.session.execute(
            db.select(Review.subject, Review.reviewed_at)
            .where(Review.school_id == school.id)
            .order_by(Review.reviewed_at)
        ).all()
        self.defaults = district_periods()
        self.own = school_periods([school.id]).get(school.id, {})

    def states(self, moments):
        """(moment, compliance summary, {subject: Freshness}) at each of
        `moments` (naive UTC, ascending), in one pass over the versions."""
        latest, reviewed = {}, {}
        versions, reviews = iter(self.versions), iter(self.reviews)
        version, review = next(versions, None), next(reviews, None)
        for moment in moments:
            while version is not None and version.created_at < moment:
                latest[(version.kind, version.item_id)] = version
                version = next(versions, None)
            while review is not None and review.reviewed_at < moment:
                reviewed[review.subject] = review.reviewed_at
                review = next(reviews, None)
            shown = {
                key: found
                for key, found in latest.items()
                if self.trashed.get(key) is None or self.trashed[key] >= moment
            }
            # The day the moment ends (a moment at midnight closes the day before).
            day = to_district(moment - timedelta(microseconds=1)).date()
            yield moment, *self._state(shown, reviewed, day)

    def _state(self, shown, reviewed, today):
        rows, people, documented = {}, [], set()
        updated = {"sections": {}, "people": {}, "documents": {}, "news": None, "events": None}
        for (kind, item_id), version in shown.items():
            when = version.created_at
            if kind == "section" and item_id in self.sections:
                slug = self.sections[item_id]
                row = SectionContent(section=slug, values=version.data.get("values") or {})
                row.school, row.published_at = self.school, when
                rows[slug] = row
                updated["sections"][slug] = when
            elif kind == "staff":
                role = version.data.get("role")
                person = StaffMember(role=role, data=version.data.get("data") or {})
                person.published_at = when
                people.append(person)
                _later(updated["people"], role, when)
            elif kind == "document" and version.data.get("field_key"):
                documented.add(version.data["field_key"])
                _later(updated["documents"], version.data["field_key"], when)
            elif kind in ("news", "event"):
                name = "news" if kind == "news" else "events"
                updated[name] = max(updated[name] or when, when)
        compliance = summary(checklist_from(self.school, rows, people, documented))
        updates = subject_updates(
            updated["sections"],
            updated["people"],
            updated["documents"],
            updated["news"],
            updated["events"],
        )
        return compliance, assess(updates, reviewed, self.defaults, self.own, today)


def _later(known, key, when):
    if known.get(key) is None or when > known[key]:
        known[key] = when


def moment_after(day):
    """The end (naive UTC) of the district's day `day`."""
    return to_utc(datetime.combine(day + timedelta(days=1), time()))
