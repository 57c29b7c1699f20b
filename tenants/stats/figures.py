"""Each school's figures as the district watches them: compliance per language,
overdue subjects (how many, the longest), the last publication, documents whose
preview failed, scans without text, questions waiting for moderation. Read for
any number of schools in a fixed number of queries (the district's dashboard,
the daily snapshots)."""

from dataclasses import dataclass, field

from mektep.extensions import db
from tenants.content.completeness import checklists, summary
from tenants.discussion.models import Post
from tenants.documents.models import Document, StoredFile
from tenants.schedule.freshness import district_today, freshness, overdue
from tenants.versioning import Revision

# A scan whose text is not recognized (yet): the SQL of `StoredFile.needs_ocr`.
SCAN_WITHOUT_TEXT = db.and_(
    StoredFile.scanned.is_(True),
    db.or_(StoredFile.ocr_status.is_(None), StoredFile.ocr_status != "ready"),
)


@dataclass
class SchoolFigures:
    school: object
    compliance: dict
    late: list = field(default_factory=list)  # overdue Freshness, longest first
    last_published_at: object = None
    failed_previews: int = 0
    scanned_documents: int = 0
    pending_questions: int = 0

    @property
    def overdue_sections(self):
        return len(self.late)

    @property
    def overdue_days(self):
        return self.late[0].overdue_days if self.late else 0


def _counts(query):
    return dict(db.session.execute(query).all())


def school_figures(schools, today=None):
    """{school id: SchoolFigures} of `schools`."""
    ids = [school.id for school in schools]
    today = today or district_today()
    compliance = {sid: summary(entries) for sid, entries in checklists(schools).items()}
    states = freshness(ids, today)
    published = _counts(
        db.select(Revision.school_id, db.func.max(Revision.created_at))
        .where(Revision.school_id.in_(ids), Revision.status == "published")
        .group_by(Revision.school_id)
    )
    documents = db.select(Document.school_id, db.func.count(Document.id)).join(
        StoredFile, Document.file_id == StoredFile.id
    )
    failed = _counts(
        documents.where(Document.school_id.in_(ids), StoredFile.status == "failed").group_by(
            Document.school_id
        )
    )
    scans = _counts(
        documents.where(Document.school_id.in_(ids), SCAN_WITHOUT_TEXT).group_by(Document.school_id)
    )
    waiting = _counts(
        db.select(Post.school_id, db.func.count(Post.id))
        .where(Post.school_id.in_(ids), Post.status == "pending")
        .group_by(Post.school_id)
    )
    return {
        school.id: SchoolFigures(
            school=school,
            compliance={lang: value["percent"] for lang, value in compliance[school.id].items()},
            late=overdue(states[school.id].values()),
            last_published_at=published.get(school.id),
            failed_previews=failed.get(school.id, 0),
            scanned_documents=scans.get(school.id, 0),
            pending_questions=waiting.get(school.id, 0),
        )
        for school in schools
    }
