"""Which version of the schema a database is at, and which versions this code
can take data from: the same revision, or any revision it has migrated past."""

from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from flask import current_app


def _scripts(app=None):
    app = app or current_app
    migrate = app.extensions["migrate"]
    return ScriptDirectory.from_config(migrate.migrate.get_config(migrate.directory))


def code_revision(app=None):
    """The revision this code's models are at (the one head of the history)."""
    heads = _scripts(app).get_heads()
    if len(heads) != 1:
        raise RuntimeError(f"the migrations have {len(heads)} heads; merge them first")
    return heads[0]


def database_revision(connection):
    """The revision the database behind `connection` is at (None: never migrated)."""
    return MigrationContext.configure(connection).get_current_revision()


def is_known_ancestor(revision, app=None):
    """Whether `revision` is this code's revision or one it has migrated past."""
    scripts = _scripts(app)
    head = code_revision(app)
    return any(script.revision == revision for script in scripts.walk_revisions("base", head))
