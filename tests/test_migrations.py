"""The migrations build exactly the schema the models declare, column types
included (on SQLite and PostgreSQL alike), so a model change without its
migration fails here."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from mektep.extensions import db
from mektep.migration_rules import include_object


def test_migrations_match_the_models(app):
    with app.app_context(), db.engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"include_object": include_object, "compare_type": True}
        )
        assert compare_metadata(context, db.metadata) == []
