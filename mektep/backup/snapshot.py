"""A view of the whole database as it was at one moment, without holding up
the writers of the live site: what an export reads and a backup copies.

- SQLite: the online backup API copies the database (a page-by-page copy that
  a write during the copy restarts, so the copy is one moment's) into a file,
  which the snapshot then reads;
- PostgreSQL: a `REPEATABLE READ` read-only transaction, whose snapshot is
  exported (`pg_export_snapshot()`) so that `pg_dump --snapshot` dumps exactly
  what the transaction sees.
"""

import sqlite3
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import create_engine
from sqlalchemy.engine import Connection


class UnsupportedDatabase(Exception):
    """Neither SQLite nor PostgreSQL."""


@dataclass
class Snapshot:
    connection: Connection
    # PostgreSQL: the exported snapshot's id, for pg_dump --snapshot.
    snapshot_id: str | None = None
    # SQLite: the copy the snapshot reads.
    file: Path | None = None


def copy_sqlite(engine, target):
    """Copy the SQLite database behind `engine` into the file `target` (online)."""
    raw = engine.raw_connection()
    try:
        copy = sqlite3.connect(target)
        try:
            raw.driver_connection.backup(copy)
        finally:
            copy.close()
    finally:
        raw.close()


def sqlite_engine(path):
    return create_engine(f"sqlite:///{path}")


@contextmanager
def _sqlite_snapshot(engine, keep_as):
    with tempfile.TemporaryDirectory(prefix="mektep-snapshot-") as folder:
        path = Path(keep_as) if keep_as else Path(folder) / "snapshot.sqlite"
        copy_sqlite(engine, path)
        copy_engine = sqlite_engine(path)
        try:
            with copy_engine.connect() as connection:
                yield Snapshot(connection, file=path)
        finally:
            copy_engine.dispose()


@contextmanager
def _postgresql_snapshot(engine):
    options = {"isolation_level": "REPEATABLE READ", "postgresql_readonly": True}
    with engine.connect().execution_options(**options) as connection, connection.begin():
        snapshot_id = connection.exec_driver_sql("SELECT pg_export_snapshot()").scalar()
        yield Snapshot(connection, snapshot_id=snapshot_id)


@contextmanager
def database_snapshot(engine, keep_sqlite_copy_as=None):
    """A Snapshot of the database behind `engine`, for the block's duration.
    On SQLite the copy is made at `keep_sqlite_copy_as` (kept) when given."""
    if engine.dialect.name == "sqlite":
        with _sqlite_snapshot(engine, keep_sqlite_copy_as) as snapshot:
            yield snapshot
    elif engine.dialect.name == "postgresql":
        with _postgresql_snapshot(engine) as snapshot:
            yield snapshot
    else:
        raise UnsupportedDatabase(
            f"backups support SQLite and PostgreSQL, not {engine.dialect.name}"
        )
