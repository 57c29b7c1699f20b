"""Migrating a database other than the app's own (a scratch copy) to a revision,
up or down, with the app's migration scripts: what an archive of an older
schema passes through before it is imported."""

from alembic.runtime.environment import EnvironmentContext
from alembic.script import ScriptDirectory
from flask import current_app

from mektep.backup.versions import database_revision
from mektep.migration_rules import include_object


def migrate_to(engine, revision):
    """Upgrade or downgrade the database behind `engine` to `revision`."""
    migrate = current_app.extensions["migrate"]
    config = migrate.migrate.get_config(migrate.directory)
    scripts = ScriptDirectory.from_config(config)
    with engine.connect() as connection:
        current = database_revision(connection)
        below = set() if current is None else scripts.walk_revisions("base", current)
        downward = revision != current and revision in {script.revision for script in below}

        def steps(rev, context):
            if downward:
                return scripts._downgrade_revs(revision, rev)
            return scripts._upgrade_revs(revision, rev)

        with EnvironmentContext(config, scripts, fn=steps, destination_rev=revision) as env:
            env.configure(connection=connection, include_object=include_object)
            with env.begin_transaction():
                env.run_migrations()
        connection.commit()
