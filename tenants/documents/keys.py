"""The storage keys of stored files, for backups and school archives
(`mektep.backup.keys`): each file's original, which must exist, and everything
that may have been made from it."""

from sqlalchemy import select

from tenants.documents.models import StoredFile


def stored_file_keys(session, school_id=None):
    query = select(StoredFile).execution_options(include_trashed=True)
    if school_id is not None:
        query = query.where(StoredFile.school_id == school_id)
    for stored in session.scalars(query):
        yield stored.storage_key, True
        for key in stored.derived_keys():
            yield key, False
