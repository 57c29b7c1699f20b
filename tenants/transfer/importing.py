"""`import_school(path, slug=None)`: a school archive loaded into this
deployment as a new school, whatever ids are taken here.

In this order, so that a refusal changes nothing:

1. the archive is checked whole (`SchoolArchive`: structure, manifest, every
   member's checksum), and its schema revision is this code's or one it has
   migrated past (its rows then pass through the migrations, `staging.py`);
2. clashes are looked for: the school's address, and every value the
   archive's rows hold that must be unique across the deployment (a domain);
3. one transaction: the accounts the school names (`accounts.py`), the
   school, every table's rows with new ids (`IdMap`, referenced tables
   first, versions last), the stored files under the new school's prefix,
   and the search index. If anything fails, the transaction is rolled back
   and the files it stored are removed.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from sqlalchemy import select, tuple_
from sqlalchemy.exc import DataError, IntegrityError

from mektep import audit
from mektep.backup.streams import HashingReader
from mektep.extensions import db
from mektep.storage import get_storage
from tenants.models import slug_problem
from tenants.search.service import rebuild_index
from tenants.transfer import accounts as people
from tenants.transfer.archive import ArchiveProblem, SchoolArchive, decode_row
from tenants.transfer.references import ROW_REMAPPERS, UNKEYED_IDS
from tenants.transfer.staging import archive_rows
from tenants.transfer.tables import (
    ACCOUNTS,
    SCHOOL,
    foreign_target,
    owned_tables,
    single_integer_key,
)

BATCH = 500


class ImportRefused(Exception):
    """The archive cannot be imported here; nothing was changed."""


class IdMap:
    """{table: {id in the archive: id here}}."""

    def __init__(self):
        self.maps = defaultdict(dict)

    def add(self, table_name, old, new):
        self.maps[table_name][old] = new

    def get(self, table_name, old):
        return self.maps[table_name].get(old)


@dataclass
class ImportReport:
    school_id: int = 0
    slug: str = ""
    rows: Counter = field(default_factory=Counter)
    files: int = 0
    # Versions of items deleted for good before the export, which nothing can show.
    dropped: Counter = field(default_factory=Counter)
    # References to people who are neither members nor accounts here, left blank.
    blanked: Counter = field(default_factory=Counter)
    accounts: people.Accounts = None
    ids: IdMap = field(default_factory=IdMap)


def import_school(path, slug=None):
    """Import the archive at `path` (as `slug`, else its own); returns an
    ImportReport. Raises ImportRefused, having changed nothing."""
    try:
        with SchoolArchive(path) as archive:
            archive.verify()
            with archive_rows(archive) as rows:
                slug = (slug or archive.manifest["school"].get("slug") or "").strip().lower()
                _refuse_clashes(rows, slug)
                return _load(archive, rows, slug)
    except ArchiveProblem as problem:
        raise ImportRefused(f"Refused, nothing changed: {problem}.") from None


def _refuse_clashes(rows, slug):
    problem = slug_problem(slug)
    if problem:
        raise ArchiveProblem(
            f"the address {slug!r} cannot be used here: {problem} Choose another with --slug"
        )
    for table in owned_tables():
        for columns in _deployment_unique(table):
            taken = _taken(table, columns, rows.rows(table.name))
            if taken:
                raise ArchiveProblem(_clash_message(table, columns, taken))


def _deployment_unique(table):
    """Column sets of `table` unique across the whole deployment: not within a
    school (no school_id), and not made of ids this import renumbers."""
    sets = [
        tuple(c.columns) for c in table.constraints if c.__class__.__name__ == "UniqueConstraint"
    ]
    sets += [tuple(index.columns) for index in table.indexes if index.unique]
    sets += [(column,) for column in table.columns if column.unique]
    for columns in dict.fromkeys(sets):
        renumbered = any(
            c.name == "school_id"
            or c.foreign_keys
            or c.primary_key
            or (table.name, c.name) in UNKEYED_IDS
            for c in columns
        )
        if columns and not renumbered:
            yield columns


def _taken(table, columns, rows):
    """The first value of `columns` among `rows` that a row here already has."""
    names = [column.name for column in columns]
    values = list({tuple(decode_row(table, row).get(name) for name in names) for row in rows})
    for start in range(0, len(values), BATCH):
        batch = values[start : start + BATCH]
        key = tuple_(*columns) if len(columns) > 1 else columns[0]
        wanted = batch if len(columns) > 1 else [value[0] for value in batch]
        found = db.session.execute(select(table).where(key.in_(wanted)).limit(1)).mappings().first()
        if found is not None:
            return found
    return None


def _clash_message(table, columns, found):
    names = ", ".join(f"{column.name} {found[column.name]!r}" for column in columns)
    holder = ""
    if "school_id" in found:
        school = db.metadata.tables[SCHOOL]
        slug = db.session.scalar(select(school.c.slug).where(school.c.id == found["school_id"]))
        holder = f" by the school {slug!r}"
    return (
        f"the {table.name} with {names} is already used here{holder}, and it must be unique "
        "across the deployment: remove it there first"
    )


def _load(archive, rows, slug):
    report = ImportReport(slug=slug)
    storage = get_storage()
    stored = []
    connection = db.session.connection()
    try:
        report.accounts = people.match_accounts(connection, rows, report.ids)
        report.school_id = _insert_school(connection, rows, slug, report)
        tables = owned_tables()
        tables.sort(key=lambda table: table.name in ROW_REMAPPERS)
        imported = {ACCOUNTS, SCHOOL}
        for table in tables:
            _insert_table(connection, table, rows.rows(table.name), report, imported)
            imported.add(table.name)
        _store_files(archive, storage, report, stored)
        rebuild_index(report.school_id)
        audit.record(
            "school.import",
            f"{archive.path.name}: {archive.manifest['school'].get('slug')} exported "
            f"{archive.manifest.get('created_at')}, {sum(report.rows.values())} rows, "
            f"{report.files} files",
            school_id=report.school_id,
        )
        db.session.commit()
    except BaseException as error:
        db.session.rollback()
        for key in stored:
            storage.delete(key)
        if isinstance(error, IntegrityError | DataError):
            raise ArchiveProblem(
                f"a row of the archive cannot be written here ({error.orig})"
            ) from None
        if isinstance(error, OSError):
            raise ArchiveProblem(
                f"a file could not be stored ({error}); the files stored so far were removed"
            ) from None
        raise
    people.issue_admin_links(report.accounts, report.school_id)
    return report


def _insert_school(connection, rows, slug, report):
    table = db.metadata.tables[SCHOOL]
    found = list(rows.rows(SCHOOL))
    if len(found) != 1:
        raise ArchiveProblem(f"the archive holds {len(found)} schools; a school archive holds one")
    old_id = found[0].get("id")
    row = _remap(table, decode_row(table, found[0]), report, {ACCOUNTS})
    row.pop("id", None)
    row["slug"] = slug
    new_id = connection.execute(table.insert().returning(table.c.id), row).scalar_one()
    report.ids.add(SCHOOL, old_id, new_id)
    report.rows[SCHOOL] += 1
    return new_id


def _remap(table, row, report, imported):
    """`row` with every foreign key renumbered; a reference to someone unknown
    here, or to a row the archive lacks, left blank where the column allows it."""
    for column in table.columns:
        target = foreign_target(column)
        value = row.get(column.name)
        if target is None or value is None:
            continue
        if target not in imported:
            raise ArchiveProblem(f"{table.name}.{column.name} refers to {target}, not yet loaded")
        new = report.ids.get(target, value)
        if new is None and not column.nullable:
            raise ArchiveProblem(
                f"a row of {table.name} refers to {target} #{value}, which the archive lacks"
            )
        if new is None:
            report.blanked[f"{table.name}.{column.name}"] += 1
        row[column.name] = new
    return row


def _insert_table(connection, table, rows, report, imported):
    key = single_integer_key(table)
    remapper = ROW_REMAPPERS.get(table.name)
    batch = []
    for data in rows:
        row = _remap(table, decode_row(table, data), report, imported)
        if remapper is not None:
            row = remapper(row, report.ids)
            if row is None:
                report.dropped[table.name] += 1
                continue
        people.adjust_row(table, row, report.accounts)
        batch.append(row)
        if len(batch) == BATCH:
            _insert_batch(connection, table, key, batch, report)
            batch = []
    if batch:
        _insert_batch(connection, table, key, batch, report)


def _insert_batch(connection, table, key, batch, report):
    names = set(batch[0])
    if any(set(row) != names for row in batch):
        raise ArchiveProblem(f"the rows of {table.name} do not all have the same columns")
    report.rows[table.name] += len(batch)
    if key is None:
        connection.execute(table.insert(), batch)
        return
    old_ids = [row.pop(key.name) for row in batch]
    statement = table.insert().returning(key, sort_by_parameter_order=True)
    new_ids = connection.execute(statement, batch).scalars().all()
    for old, new in zip(old_ids, new_ids, strict=True):
        report.ids.add(table.name, old, new)


def _store_files(archive, storage, report, stored):
    """Store every file of the archive under the new school's prefix; `stored`
    collects the keys this import created, for removal if it fails."""
    for relative in archive.file_keys():
        key = f"{report.school_id}/{relative}"
        existed = storage.exists(key)
        with archive.open_file(relative) as source:
            reader = HashingReader(source)
            storage.save(key, reader)
        if not existed:
            stored.append(key)
        if reader.digest.hexdigest != archive.manifest["members"][f"files/{relative}"]["sha256"]:
            raise ArchiveProblem(f"member files/{relative} changed while it was read")
        report.files += 1
