"""`flask schools import` refuses an archive it cannot load whole, saying why,
and changes nothing then (no row, no stored file): a clash with what the
deployment has (the school's address, a domain), and a damaged archive (a
checksum that differs, a file cut short, another format or an unknown schema
version, hostile member names). Beside each refusal, the positive control: the
same archive, intact and without the clash, is imported."""

import json
import zipfile
from pathlib import Path

import pytest

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
    assert "1 stored files" in result.output
    return path


def rewritten(path, change=lambda name, data: (name, data), extra=(), manifest=None):
    """A copy of the archive at `path` with each member through `change`, the
    `extra` members ((name, bytes)) added, and the manifest through `manifest`."""
    target = path.with_name(f"changed-{path.name}")
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(target, "w") as copy:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "manifest.json":
                if manifest is not None:
                    data = json.dumps(manifest(json.loads(data))).encode()
                copy.writestr(info.filename, data)
            else:
                copy.writestr(*change(info.filename, data))
        for name, data in extra:
            copy.writestr(name, data)
    return target


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
    with app.app_context():
        db.session.execute(db.delete(Domain))
        db.session.commit()
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
        return (f"files/{name}" if name.startswith("files/") else name), data

    assert_refused(app, cli, rewritten(archive, drop), "member(s) the manifest lists are missing")


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
