"""Who may see a stored file: the rows that reference stored files (a document,
a news post's cover...), each declared by its area's `init_app` with
`add_file_owner`. The public gets a file only while a row it may see references
it; a file no row references is removed by the cleanup sweep."""

from mektep.extensions import db
from mektep.registries import registry


def add_file_owner(app, model, column, public_criterion):
    """Declare that `model.column` references stored files; the public may fetch a
    file while a row matching `public_criterion()` (a SELECT criterion) references it."""
    registry("file_owners", app).append((model, column, public_criterion))


def file_owners():
    """(model, column, public criterion) of every declared owner."""
    return registry("file_owners")


def is_public(stored_file):
    for model, column, criterion in file_owners():
        query = db.select(model.id).where(column == stored_file.id, criterion()).limit(1)
        if db.session.scalar(query) is not None:
            return True
    return False
