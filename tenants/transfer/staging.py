"""The rows of an archive as this version's schema has them.

An archive written at this code's schema revision is read as it is. One
written at an older revision (a deployment not yet upgraded) passes through
the migrations first: its rows go into a scratch SQLite database migrated to
the archive's revision, which is then migrated to this code's revision, and
the rows are read back from it, as an upgrade would have changed them. An
archive of an unknown or newer revision is refused.
"""

import tempfile
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import Boolean, Date, DateTime, MetaData, String, select

from mektep.backup.migrating import migrate_to
from mektep.backup.snapshot import sqlite_engine
from mektep.backup.versions import code_revision, database_revision, is_known_ancestor
from mektep.extensions import db
from tenants.transfer.archive import ArchiveProblem, decode_row, encode_row
from tenants.transfer.tables import ACCOUNTS, SCHOOL, owned_tables


@contextmanager
def archive_rows(archive):
    """Something with `rows(table_name)` giving the archive's rows at this code's
    revision (JSON-ready dicts), for the block's duration."""
    revision = archive.manifest["schema_revision"]
    here = database_revision(db.session.connection())
    if here != code_revision():
        raise ArchiveProblem(
            f"this deployment's database is at revision {here}, its code at {code_revision()}: "
            "run `flask db upgrade` first"
        )
    if revision == here:
        yield archive
    elif is_known_ancestor(revision):
        with tempfile.TemporaryDirectory(prefix="mektep-staging-") as folder:
            staged = StagedRows(archive, Path(folder) / "staging.sqlite")
            try:
                yield staged
            finally:
                staged.engine.dispose()
    else:
        raise ArchiveProblem(
            f"the archive was written at schema revision {revision!r}, which this version of "
            f"Mektep (at {here!r}) does not know: upgrade this deployment to a version at least "
            "as new as the one that wrote it"
        )


# What a required column no archive fills gets in the scratch database (an
# account's password, say): never read back as anything that matters.
_PLACEHOLDERS = (
    (Boolean, False),
    (DateTime, datetime(2000, 1, 1)),
    (Date, date(2000, 1, 1)),
    (String, ""),
)


def _placeholder(column):
    return next((value for kind, value in _PLACEHOLDERS if isinstance(column.type, kind)), 0)


class StagedRows:
    """The archive's rows, loaded at its revision and migrated to this code's."""

    def __init__(self, archive, path):
        self.engine = sqlite_engine(path)
        migrate_to(self.engine, archive.manifest["schema_revision"])
        tables = MetaData()
        tables.reflect(self.engine)
        with self.engine.begin() as connection:
            for name in archive.table_names:
                if name not in tables.tables:
                    raise ArchiveProblem(f"the archive has a table {name!r} its revision lacks")
                self._load(connection, tables.tables[name], archive.rows(name))
        migrate_to(self.engine, code_revision())

    @staticmethod
    def _load(connection, table, rows):
        unfilled = [c for c in table.columns if not c.nullable and c.server_default is None]
        for data in rows:
            row = decode_row(table, data)
            for column in unfilled:
                if column.name not in row:
                    row[column.name] = _placeholder(column)
            connection.execute(table.insert(), row)

    def rows(self, table_name):
        if table_name not in {SCHOOL, ACCOUNTS, *(t.name for t in owned_tables())}:
            return
        table = db.metadata.tables[table_name]
        with self.engine.connect() as connection:
            for row in connection.execute(
                select(table).order_by(*table.primary_key.columns)
            ).mappings():
                yield encode_row(row)
