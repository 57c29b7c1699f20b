"""Whether stored copies are still what was uploaded.

Every `StoredFile` row that shares a stored copy (same school, same content)
shares its fate, so problems are recorded on all of them at once
(`StoredFile.integrity`: missing, damaged, no_thumbnail). They are found by
`flask storage verify` (`verify_files`, which hashes every stored original on
either backend), by serving (a copy that has gone), and by the preview job (a
copy that is gone or no longer hashes right). Uploading the same content again
replaces a bad copy and clears the problem (`uploads.store_upload`).
"""

from dataclasses import dataclass

from mektep.clock import utcnow
from mektep.extensions import db
from mektep.storage import get_storage, stored_sha256
from mektep.thumbnails import thumbnails_for
from tenants.documents.models import INLINE_TYPES, StoredFile
from tenants.documents.sniffing import MARKUP_WINDOW, has_markup

# A problem with the original outranks a lost thumbnail.
ORIGINAL_PROBLEMS = ("missing", "damaged")


def _sharing(stored):
    """Every row whose bytes are the same stored copy as `stored`'s."""
    return db.update(StoredFile).where(
        StoredFile.school_id == stored.school_id, StoredFile.sha256 == stored.sha256
    )


def mark_problem(stored, problem):
    """Record `problem` for `stored`'s copy (and every row sharing it), committed."""
    query = _sharing(stored).values(integrity=problem, integrity_checked_at=utcnow())
    if problem not in ORIGINAL_PROBLEMS:
        query = query.where(
            db.or_(StoredFile.integrity.is_(None), StoredFile.integrity.not_in(ORIGINAL_PROBLEMS))
        )
    db.session.execute(query.execution_options(synchronize_session="fetch"))
    db.session.commit()


def copy_restored(stored):
    """The original of `stored` is whole (it was just uploaded, or found whole
    then): clear what was flagged wrong with it; returns the rows whose preview
    failed on the bad copy, to be made again (none when nothing was flagged)."""
    flagged = db.session.execute(
        _sharing(stored)
        .where(StoredFile.integrity.in_(ORIGINAL_PROBLEMS))
        .values(integrity=None, integrity_checked_at=utcnow())
        .execution_options(synchronize_session="fetch")
    ).rowcount
    return _sharing_rows(stored, failed_on_copy=True) if flagged else []


def _sharing_rows(stored, failed_on_copy=False):
    query = db.select(StoredFile).where(
        StoredFile.school_id == stored.school_id,
        StoredFile.sha256 == stored.sha256,
        StoredFile.id != stored.id,
    )
    if failed_on_copy:
        query = query.where(
            StoredFile.status == "failed",
            StoredFile.failure.in_(("damaged_copy", "missing_copy", "corrupt", "gave_up")),
        )
    return db.session.scalars(query).all()


def previews_to_remake(stored):
    """The rows sharing `stored`'s copy whose preview was made: to be made again
    when its thumbnails are lost (they are the same stored keys for all)."""
    return [row for row in (stored, *_sharing_rows(stored)) if row.status == "ready"]


@dataclass
class Finding:
    """What `verify_files` found of one stored copy; `remake` lists the rows whose
    preview must be made again (their thumbnails are gone, the original is whole)."""

    stored: StoredFile
    problem: str | None
    remake: list


def _check_original(storage, stored):
    """(problem or None, whether it may be shown inline) of `stored`'s original."""
    try:
        digest = stored_sha256(storage, stored.storage_key)
    except FileNotFoundError:
        return "missing", False
    if digest != stored.sha256:
        return "damaged", False
    if stored.file_type not in INLINE_TYPES:
        return None, False
    with storage.open(stored.storage_key, 0, MARKUP_WINDOW) as head:
        return None, not has_markup(head.read())


def _thumbnails_missing(storage, stored):
    if not (stored.status == "ready" and stored.has_preview):
        return False
    return any(
        not storage.exists(stored.thumbnail_key(size, fmt))
        for size, fmt in thumbnails_for(stored.file_type)
    )


def verify_files(school_id=None):
    """Check every stored copy (of one school, or all): yields a `Finding` per
    stored copy, once what it found is recorded and committed."""
    storage = get_storage()
    query = db.select(StoredFile).order_by(StoredFile.school_id, StoredFile.id)
    if school_id is not None:
        query = query.where(StoredFile.school_id == school_id)
    seen = set()
    for stored in db.session.scalars(query.execution_options(include_trashed=True)).all():
        copy = (stored.school_id, stored.sha256, stored.file_type)
        if copy in seen:
            continue
        seen.add(copy)
        problem, inline = _check_original(storage, stored)
        remake = []
        if problem is None and _thumbnails_missing(storage, stored):
            problem = "no_thumbnail"
            remake = previews_to_remake(stored)
        db.session.execute(
            _sharing(stored)
            .values(integrity=problem, integrity_checked_at=utcnow(), inline=inline)
            .execution_options(synchronize_session="fetch")
        )
        db.session.commit()
        yield Finding(stored, problem, remake)


def problem_count():
    """How many of the current school's stored copies are missing or damaged."""
    return db.session.scalar(
        db.select(db.func.count(StoredFile.id)).where(StoredFile.integrity.in_(ORIGINAL_PROBLEMS))
    )
