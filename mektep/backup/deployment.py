"""A backup of the whole deployment in a folder, and its restore into an empty
instance (`flask backup create DIR`, `flask backup restore DIR`):

    DIR/manifest.json     written last: when, the database's kind and schema
                          revision, counts, and the SHA-256 and size of every
                          other file of the folder
    DIR/database.sqlite   SQLite: a copy made with the online backup API
    DIR/database.pgdump   PostgreSQL: pg_dump's custom format
    DIR/files/<key>       every stored file the database's rows use

The list of files is read from the same snapshot of the database as the copy
(`snapshot.py`), and the files are copied after it: stored files are written
once under their content's hash, so every file the copy names is there to be
copied, unless it was deleted for good in the meantime (then it is counted as
missing). Redis (the queue, the page cache, the sign-in counters) is not
backed up: the database keeps every job's state, and the worker's sweeps queue
again whatever was pending.
"""

import json
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from flask_migrate import upgrade
from sqlalchemy import func, inspect, select
from sqlalchemy.orm import Session

from mektep.backup import postgresql
from mektep.backup.keys import is_safe_key, stored_keys
from mektep.backup.snapshot import UnsupportedDatabase, database_snapshot
from mektep.backup.streams import copy_hashed, digest_of
from mektep.backup.versions import code_revision, database_revision, is_known_ancestor
from mektep.clock import utcnow
from mektep.extensions import db
from mektep.storage import get_storage

FORMAT = "mektep-deployment-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
DATABASE_FILES = {"sqlite": "database.sqlite", "postgresql": "database.pgdump"}


class BackupProblem(Exception):
    """The backup or the restore cannot go on; the message says why."""


@dataclass
class BackupSummary:
    folder: Path
    database: str = ""
    revision: str = ""
    files: int = 0
    file_bytes: int = 0
    missing: list = field(default_factory=list)
    counts: dict = field(default_factory=dict)


def _empty_folder(folder):
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise BackupProblem(f"{folder} exists and is not an empty folder: name a new one")
    folder.mkdir(parents=True, exist_ok=True)


def _counts(connection):
    tables = db.metadata.tables
    return {
        name: connection.execute(select(func.count()).select_from(tables[name])).scalar_one()
        for name in ("school", "user")
    }


def create_backup(folder):
    """Back up the database and every stored file into `folder` (new or empty)."""
    folder = Path(folder)
    _empty_folder(folder)
    kind = db.engine.dialect.name
    if kind not in DATABASE_FILES:
        raise UnsupportedDatabase(f"backups support SQLite and PostgreSQL, not {kind}")
    summary = BackupSummary(folder, database=kind)
    database_file = folder / DATABASE_FILES[kind]
    keep = database_file if kind == "sqlite" else None
    with database_snapshot(db.engine, keep_sqlite_copy_as=keep) as snapshot:
        if kind == "postgresql":
            postgresql.dump(db.engine.url, snapshot.snapshot_id, database_file)
        summary.revision = database_revision(snapshot.connection)
        summary.counts = _counts(snapshot.connection)
        with Session(bind=snapshot.connection) as session:
            keys = stored_keys(session)
    members = {}
    with database_file.open("rb") as handle:
        members[database_file.name] = digest_of(handle).summary()
    storage = get_storage()
    for key, required in keys.items():
        if not is_safe_key(key):
            raise BackupProblem(f"the stored key {key!r} cannot be a file name in a backup")
        if not storage.exists(key):
            if required:
                summary.missing.append(key)
            continue
        target = folder / "files" / key
        target.parent.mkdir(parents=True, exist_ok=True)
        with storage.open(key) as source, target.open("wb") as copy:
            digest = copy_hashed(source, copy)
        members[f"files/{key}"] = digest.summary()
        summary.files += 1
        summary.file_bytes += digest.size
    manifest = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "created_at": utcnow().isoformat(),
        "database": kind,
        "schema_revision": summary.revision,
        "counts": {**summary.counts, "stored_files": summary.files},
        "members": members,
    }
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    return summary


def read_manifest(folder):
    """The manifest of the backup in `folder`, its structure checked."""
    path = Path(folder) / MANIFEST
    if not path.is_file():
        raise BackupProblem(f"{folder} has no {MANIFEST}: not a backup, or one that did not finish")
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except ValueError as error:
        raise BackupProblem(f"{path} is damaged ({error})") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupProblem(f"{path} does not describe a Mektep deployment backup")
    if manifest.get("format_version") != FORMAT_VERSION:
        raise BackupProblem(
            f"the backup is in format version {manifest.get('format_version')!r}; this version "
            f"of Mektep reads version {FORMAT_VERSION}"
        )
    if manifest.get("database") not in DATABASE_FILES or not isinstance(
        manifest.get("members"), dict
    ):
        raise BackupProblem(f"{path} lacks the database's kind or the list of files")
    return manifest


def verify_backup(folder):
    """Check every file of the backup against the manifest; returns the manifest."""
    folder = Path(folder)
    manifest = read_manifest(folder)
    database_name = DATABASE_FILES[manifest["database"]]
    if database_name not in manifest["members"]:
        raise BackupProblem(f"the manifest does not list {database_name}")
    for name, expected in manifest["members"].items():
        if name != database_name and not (name.startswith("files/") and is_safe_key(name[6:])):
            raise BackupProblem(f"the manifest lists {name!r}, which is no file a backup holds")
        path = folder / name
        if not path.is_file():
            raise BackupProblem(f"the backup is incomplete: {name} is missing")
        with path.open("rb") as handle:
            digest = digest_of(handle)
        if digest.hexdigest != expected.get("sha256") or digest.size != expected.get("size"):
            raise BackupProblem(f"{name} is damaged: its checksum differs from the manifest's")
    return manifest


def _check_target(manifest):
    kind = db.engine.dialect.name
    if manifest["database"] != kind:
        raise BackupProblem(
            f"the backup is of a {manifest['database']} database and this instance uses {kind}: "
            "restore it into the same kind of database (to move between kinds, export each "
            "school with `flask schools export` and import it)"
        )
    if not is_known_ancestor(manifest.get("schema_revision")):
        raise BackupProblem(
            f"the backup is at schema revision {manifest.get('schema_revision')!r}, which this "
            f"version of Mektep (at {code_revision()!r}) does not know: restore it with the "
            "version that made it, or a newer one"
        )
    tables = inspect(db.engine).get_table_names()
    if tables:
        raise BackupProblem(
            f"the database is not empty ({len(tables)} tables): restore only into an empty "
            "database (create a new one, or point DATABASE_URL at one)"
        )


def _restore_sqlite(source):
    target = db.engine.url.database
    if not target or target == ":memory:":
        raise BackupProblem("restore needs an SQLite file, not an in-memory database")
    db.engine.dispose()
    with sqlite3.connect(f"file:{source}?mode=ro", uri=True) as copy:
        restored = sqlite3.connect(target)
        try:
            copy.backup(restored)
        finally:
            restored.close()
    db.engine.dispose()


def restore_backup(folder):
    """Restore the backup in `folder` into this (empty) instance; returns the manifest."""
    folder = Path(folder)
    manifest = verify_backup(folder)
    _check_target(manifest)
    storage = get_storage()
    for name in manifest["members"]:
        if name.startswith("files/"):
            with (folder / name).open("rb") as source:
                storage.save(name.removeprefix("files/"), source)
    database_file = folder / DATABASE_FILES[manifest["database"]]
    if manifest["database"] == "sqlite":
        _restore_sqlite(database_file)
    else:
        postgresql.restore(db.engine.url, database_file)
    db.session.remove()
    with db.engine.connect() as connection:
        if database_revision(connection) != code_revision():
            upgrade()
    return manifest
