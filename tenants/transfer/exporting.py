"""`export_school(school, path)`: every row and stored file of one school in a
portable archive (`archive.py`), read from one snapshot of the database
(`mektep.backup.snapshot`), so the archive is one moment of a live site."""

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from mektep import audit
from mektep.backup.keys import stored_keys
from mektep.backup.snapshot import database_snapshot
from mektep.backup.versions import database_revision
from mektep.clock import utcnow
from mektep.extensions import db
from mektep.storage import get_storage
from tenants.transfer.archive import ArchiveWriter, encode_row
from tenants.transfer.tables import (
    ACCOUNT_COLUMNS,
    ACCOUNT_COLUMNS_LEFT_OUT,
    ACCOUNTS,
    LEFT_OUT,
    SCHOOL,
    account_columns,
    owned_tables,
    selection,
)

BATCH = 500


@dataclass
class ExportSummary:
    path: Path
    rows: dict = field(default_factory=dict)
    files: int = 0
    file_bytes: int = 0
    # Originals the rows name that storage does not have.
    missing: list = field(default_factory=list)


def _stream(connection, statement, table, accounts):
    """The rows of `statement`, encoded, noting every account they name in `accounts`."""
    referencing = account_columns(table)
    ordered = statement.order_by(*table.primary_key.columns)
    result = connection.execution_options(yield_per=BATCH).execute(ordered)
    for row in result.mappings():
        accounts.update(row[column.name] for column in referencing if row[column.name] is not None)
        yield encode_row(row)


def _account_rows(connection, ids):
    table = db.metadata.tables[ACCOUNTS]
    columns = [table.columns[name] for name in ACCOUNT_COLUMNS]
    ids = sorted(ids)
    for start in range(0, len(ids), BATCH):
        batch = select(*columns).where(table.c.id.in_(ids[start : start + BATCH]))
        for row in connection.execute(batch.order_by(table.c.id)).mappings():
            yield encode_row(row)


def _copy_files(writer, session, school_id, summary):
    storage = get_storage()
    prefix = f"{school_id}/"
    for key, required in stored_keys(session, school_id).items():
        if not key.startswith(prefix):
            raise ValueError(f"stored key {key!r} is not under the school's prefix {prefix!r}")
        if not storage.exists(key):
            if required:
                summary.missing.append(key)
            continue
        with storage.open(key) as source:
            writer.add_file(key.removeprefix(prefix), source)
        summary.files += 1
        summary.file_bytes += writer.members[f"files/{key.removeprefix(prefix)}"]["size"]


def export_school(school, path):
    """Write the archive of `school` to `path`; returns an ExportSummary."""
    summary = ExportSummary(Path(path))
    writer = ArchiveWriter(path)
    try:
        with database_snapshot(db.engine) as snapshot:
            connection = snapshot.connection
            accounts = set()
            school_table = db.metadata.tables[SCHOOL]
            statement = select(school_table).where(school_table.c.id == school.id)
            summary.rows[SCHOOL] = writer.add_rows(
                SCHOOL, _stream(connection, statement, school_table, accounts)
            )
            for table in owned_tables():
                rows = _stream(connection, selection(table, school.id), table, accounts)
                summary.rows[table.name] = writer.add_rows(table.name, rows)
            summary.rows[ACCOUNTS] = writer.add_rows(ACCOUNTS, _account_rows(connection, accounts))
            with Session(bind=connection) as session:
                _copy_files(writer, session, school.id, summary)
            revision = database_revision(connection)
        writer.close(
            {
                "schema_revision": revision,
                "created_at": utcnow().isoformat(),
                "school": {"id": school.id, "slug": school.slug, "name_ky": school.name_ky},
                "tables": {name: {"rows": count} for name, count in summary.rows.items()},
                "files": summary.files,
                "missing_files": summary.missing,
                "left_out": {
                    "tables": LEFT_OUT,
                    "account_columns": ACCOUNT_COLUMNS_LEFT_OUT,
                },
            }
        )
    except BaseException:
        writer.abort()
        raise
    audit.record(
        "school.export",
        f"{summary.path.name}: {sum(summary.rows.values())} rows, {summary.files} files",
        school_id=school.id,
    )
    db.session.commit()
    return summary
