"""`flask schools import` refuses an archive it cannot load whole, saying why,
and changes nothing then (no row, no stored file): a clash with what the
deployment has (the school's address, a domain), and a damaged archive (a
checksum that differs, a file cut short, another format or an unknown schema
version, hostile member names). Beside each refusal, the positive control: the
same archive, intact and without the clash, is imported."""

import hashlib
import json
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import MetaData

from mektep.backup.migrating import migrate_to
from mektep.backup.snapshot import sqlite_engine
from mektep.extensions import db
from mektep.storage import get_storage, sha256_of
from tenants.documents.models import StoredFile
from tenants.models import Domain, School
from tests.conftest import fixture_path, nothing_changes

DOMAIN = "mektep-a.edu.kg"


@pytest.fixture
def cli(app):
    return app.test_cli_runner()


def stored_keys(app):
    """Every file in the deployment's storage folder."""
    root = Path(app.config["STORAGE_DIR"])
    return sorted(str(path.relative_to(root)) for path in root.rglob("*") if path.is_file())


@pytest.fixture
def archive(app, schools, cli, tmp_path):
    """School A with a domain and an uploaded PDF, exported by the command."""
    with app.app_context():
        db.session.add(Domain(school_id=schools["a"], hostname=DOMAIN))
        content = fixture_path("sample.pdf")
        with content.open("rb") as handle:
            digest = sha256_of(handle)
            stored = StoredFile(
                school_id=schools["a"],
                sha256=digest,
                file_type="pdf",
                mime_type="application/pdf",
                size=content.stat().st_size,
                original_name="sample.pdf",
            )
            get_storage().save(stored.storage_key, handle)
        db.session.add(stored)
        db.session.commit()
    path = tmp_path / "school-a.zip"
    result = cli.invoke(args=["schools", "export", "school-a", str(path)])
    assert result.exit_code == 0, result.output
    # The original, and whatever previews earlier tests left in the shared storage.
    with zipfile.ZipFile(path) as written:
        assert f"files/{digest[:2]}/{digest}.pdf" in written.namelist()
    return path


def rewritten(path, change=lambda name, data: (name, data), extra=(), manifest=None, recount=False):
    """A copy of the archive at `path` with each member through `change` (None
    drops it), the `extra` members ((name, bytes)) added, the manifest's
    checksums made to fit (`recount`: an archive made by other means), and the
    manifest through `manifest`."""
    target = path.with_name(f"changed-{path.name}")
    with zipfile.ZipFile(path) as source:
        listed = json.loads(source.read("manifest.json"))
        members = [change(name, source.read(name)) for name in listed["members"]]
    members = [member for member in members if member is not None] + list(extra)
    if recount:
        listed["members"] = {
            name: {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
            for name, data in members
        }
    if manifest is not None:
        listed = manifest(listed)
    with zipfile.ZipFile(target, "w") as copy:
        for name, data in members:
            copy.writestr(name, data)
        copy.writestr("manifest.json", json.dumps(listed))
    return target


def free_domain(app):
    """School A gives up its domain: the archive's no longer clashes."""
    with app.app_context():
        db.session.execute(db.delete(Domain))
        db.session.commit()


def assert_refused(app, cli, path, message, slug="school-c"):
    """The import of `path` fails with `message`, leaving every table and file as it was."""
    files = stored_keys(app)
    with nothing_changes(app):
        result = cli.invoke(args=["schools", "import", str(path), "--slug", slug])
    assert result.exit_code == 1, result.output
    assert "Refused, nothing changed" in result.output and message in result.output, result.output
    assert stored_keys(app) == files


def test_an_intact_archive_imports_once_its_domain_is_free(app, cli, archive):
    assert_refused(app, cli, archive, f"hostname '{DOMAIN}' is already used here by the school")
    free_domain(app)
    result = cli.invoke(args=["schools", "import", str(archive), "--slug", "school-c"])
    assert result.exit_code == 0, result.output
    with app.app_context():
        school = db.session.scalar(db.select(School).where(School.slug == "school-c"))
        assert [domain.hostname for domain in school.domains] == [DOMAIN]
        stored = db.session.scalar(db.select(StoredFile).where(StoredFile.school_id == school.id))
        with get_storage().open(stored.storage_key) as handle:
            assert handle.read() == fixture_path("sample.pdf").read_bytes()


def test_a_taken_address_is_refused(app, cli, archive):
    assert_refused(
        app,
        cli,
        archive,
        "A school with this name already exists. Choose another with --slug",
        slug="school-b",
    )


def test_a_member_whose_checksum_differs_is_refused(app, cli, archive):
    def damage(name, data):
        return name, data[:-10] + b"x" * 10 if name.startswith("files/") else data

    assert_refused(app, cli, rewritten(archive, damage), "checksum differs from the manifest's")


def test_a_table_with_a_changed_row_is_refused(app, cli, archive):
    def damage(name, data):
        return name, data.replace(b"school-a", b"school-x")

    assert_refused(app, cli, rewritten(archive, damage), "member tables/school.jsonl")


def test_an_archive_cut_short_is_refused(app, cli, archive):
    cut = archive.with_name("cut.zip")
    cut.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2])
    assert_refused(app, cli, cut, "damaged or cut short")


def test_a_missing_member_is_refused(app, cli, archive):
    def drop(name, data):
        return None if name.startswith("files/") else (name, data)

    assert_refused(app, cli, rewritten(archive, drop), "member(s) the manifest lists are missing")


def test_a_row_that_does_not_fit_is_refused(app, cli, archive):
    """An archive whose checksums fit but whose rows do not (made by other means)."""

    def untitled(name, data):
        if name != "tables/stored_file.jsonl":
            return name, data
        row = json.loads(data)
        row["original_name"] = None
        return name, json.dumps(row).encode()

    free_domain(app)
    changed = rewritten(archive, untitled, recount=True)
    assert_refused(app, cli, changed, "a row of the archive cannot be written here")


def test_files_stored_before_a_failure_are_removed(app, cli, archive):
    """The second file cannot be stored (its folder is the first file): the
    first is removed again, and no row is kept."""
    free_domain(app)
    extra = [("files/zz", b"first"), ("files/zz/second.pdf", b"second")]
    changed = rewritten(archive, extra=extra, recount=True)
    assert_refused(app, cli, changed, "a file could not be stored")


def test_an_archive_of_an_older_schema_passes_through_the_migrations(app, cli, archive, tmp_path):
    """An archive written before 0910 (no text_status on stored files) is
    migrated on its way in, as an upgrade would have changed its rows."""
    old = "0902_a11y_program_language"
    with app.app_context():
        scratch = sqlite_engine(tmp_path / "old.sqlite")
        migrate_to(scratch, old)
        old_tables = MetaData()
        old_tables.reflect(scratch)
        scratch.dispose()
    free_domain(app)

    def as_then(name, data):
        table = name.removeprefix("tables/").removesuffix(".jsonl")
        if not name.startswith("tables/"):
            return name, data
        if table not in old_tables.tables:
            return None
        columns = old_tables.tables[table].columns.keys()
        rows = [json.loads(line) for line in data.splitlines()]
        if table == "stored_file":
            rows = [{**row, "status": "ready", "text": "Мектептин уставы"} for row in rows]
        kept = [{k: v for k, v in row.items() if k in columns} for row in rows]
        return name, b"".join(json.dumps(row).encode() + b"\n" for row in kept)

    def at_revision(manifest):
        manifest["tables"] = {
            name: count for name, count in manifest["tables"].items() if name in old_tables.tables
        }
        return {**manifest, "schema_revision": old}

    changed = rewritten(archive, as_then, manifest=at_revision, recount=True)
    result = cli.invoke(args=["schools", "import", str(changed), "--slug", "school-c"])
    assert result.exit_code == 0, result.output
    with app.app_context():
        school = db.session.scalar(db.select(School).where(School.slug == "school-c"))
        stored = db.session.scalar(db.select(StoredFile).where(StoredFile.school_id == school.id))
        # 0910 marks the text of a preview made before it as read.
        assert (stored.text_status, stored.text_attempts, stored.text) == (
            "ready",
            0,
            "Мектептин уставы",
        )


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda m: {**m, "format_version": 2}, "format version 2"),
        (lambda m: {**m, "format": "something-else"}, "does not describe a Mektep school"),
        (lambda m: {**m, "schema_revision": "9999_future"}, "'9999_future', which this version"),
        (lambda m: {**m, "members": "all"}, "lacks a valid 'members'"),
    ],
)
def test_another_format_or_an_unknown_schema_is_refused(app, cli, archive, change, message):
    assert_refused(app, cli, rewritten(archive, manifest=change), message)


@pytest.mark.parametrize(
    "name",
    [
        "../outside.txt",
        "/etc/cron.d/mektep",
        "files/../../outside.pdf",
        "files/ab/../../../outside.pdf",
        "tables/../../outside.jsonl",
        "files/.hidden",
        "files\\..\\outside.pdf",
        "notes.txt",
    ],
)
def test_a_hostile_member_name_is_refused(app, cli, archive, name):
    def listed(manifest):
        manifest["members"][name] = {"sha256": "0" * 64, "size": 4}
        return manifest

    changed = rewritten(archive, extra=[(name, b"evil")], manifest=listed)
    assert_refused(app, cli, changed, "unsafe or unknown name")
