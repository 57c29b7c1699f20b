"""Insert rows, or update those whose keys already exist, a batch per statement,
on PostgreSQL and SQLite alike (the daily snapshots replace their figures, the
visits add their counts)."""

from sqlalchemy.dialects import postgresql, sqlite

from mektep.extensions import db

BATCH = 500


def upsert(model, rows, keys, update=None):
    """Insert `rows` (dicts) into `model`'s table; a row whose `keys` exist gets
    `update(excluded)` ({column: new value}), by default every other column of
    the row inserted."""
    dialect = postgresql if db.engine.dialect.name == "postgresql" else sqlite
    table = model.__table__
    for start in range(0, len(rows), BATCH):
        statement = dialect.insert(table).values(rows[start : start + BATCH])
        if update is None:
            values = {
                column.name: statement.excluded[column.name]
                for column in table.columns
                if column.name not in keys and not column.primary_key
            }
        else:
            values = update(statement.excluded)
        db.session.execute(statement.on_conflict_do_update(index_elements=keys, set_=values))
