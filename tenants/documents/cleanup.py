"""Removing stored files nothing refers to any more (a document purged from the
trash, a cover replaced), with their thumbnails, once a day has passed: the grace
period covers a form that stored a file but has not yet saved the row using it."""

from datetime import timedelta

from mektep.clock import utcnow
from mektep.extensions import db
from mektep.storage import get_storage
from tenants.documents.models import StoredFile
from tenants.documents.owners import file_owners

ORPHAN_GRACE = timedelta(days=1)
BATCH = 100


def _unreferenced():
    query = db.select(StoredFile)
    for model, column, _criterion in file_owners():
        query = query.where(~db.select(model.id).where(column == StoredFile.id).exists())
    return query


def remove_orphaned_files(now=None):
    """Delete up to BATCH unreferenced stored files older than the grace period."""
    cutoff = (now or utcnow()) - ORPHAN_GRACE
    orphans = db.session.scalars(
        _unreferenced()
        .where(StoredFile.created_at < cutoff)
        .limit(BATCH)
        .execution_options(include_trashed=True)
    ).all()
    storage = get_storage()
    for stored in orphans:
        shared = db.session.scalar(
            db.select(db.func.count(StoredFile.id)).where(
                StoredFile.school_id == stored.school_id, StoredFile.sha256 == stored.sha256
            )
        )
        if shared == 1:
            for key in (stored.storage_key, *stored.derived_keys()):
                storage.delete(key)
        db.session.delete(stored)
        db.session.commit()
    return len(orphans)
