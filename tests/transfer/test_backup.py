"""`flask backup create DIR` and `flask backup restore DIR`: a backup of the demo
district restored into an empty instance of the same kind (SQLite, and
PostgreSQL where TEST_DATABASE_URL names a server) holds every row of every
table, serves the same public pages and `/api/v1/info` and has the same file
bytes; a damaged backup, or a restore into a database that is not empty or of
another kind, is refused with the reason, changing nothing."""

import json
import shutil
from pathlib import Path

import pytest

from mektep.extensions import db
from tenants.models import School
from tests.conftest import make_school
from tests.transfer.compare import SameIds, assert_same_files, assert_same_public_site
from tests.transfer.deployments import HAS_POSTGRESQL

KINDS = ("sqlite", "postgresql")


def every_row(app):
    """{table: its rows in primary-key order} of every table."""
    with app.app_context():
        rows = {
            table.name: db.session.execute(
                table.select().order_by(*table.primary_key.columns)
            ).all()
            for table in db.metadata.sorted_tables
        }
        db.session.remove()
    return rows


def run(app, *args):
    return app.test_cli_runner().invoke(args=list(args))


@pytest.fixture(scope="module")
def backed_up(demo_source, tmp_path_factory):
    """backed_up(kind) -> (source deployment, folder of its backup)."""
    made = {}

    def backup(kind):
        if kind not in made:
            source = demo_source(kind)
            folder = tmp_path_factory.mktemp("backups") / kind
            result = run(source, "backup", "create", str(folder))
            assert result.exit_code == 0, result.output
            assert "3 schools" in result.output and "stored files" in result.output
            made[kind] = source, folder
        return made[kind]

    return backup


@pytest.mark.parametrize("kind", KINDS)
def test_a_backup_restored_into_an_empty_instance_is_the_same_district(
    backed_up, deployments, kind
):
    source, folder = backed_up(kind)
    assert run(source, "backup", "verify", str(folder)).exit_code == 0
    target = deployments.new(kind, f"restored_{kind}", migrated=False)
    result = run(target, "backup", "restore", str(folder))
    assert result.exit_code == 0, result.output

    assert every_row(target) == every_row(source)
    for slug in ("school35", "school5"):
        assert_same_public_site(source, slug, target, slug, SameIds())
    assert assert_same_files(source, "school35", target, "school35", SameIds()) > 20
    # The restored instance goes on: new rows get new ids.
    with target.app_context():
        school = make_school("after-restore")
        db.session.commit()
        assert school.id > max(
            db.session.scalars(db.select(School.id).where(School.id != school.id))
        )
        db.session.remove()

    # Restoring again into the now full database is refused, changing nothing.
    before = every_row(target)
    result = run(target, "backup", "restore", str(folder))
    assert result.exit_code == 1 and "the database is not empty" in result.output, result.output
    assert every_row(target) == before


def change_manifest(folder, member=None, **values):
    """The backup's manifest with `values` changed, or listing one `member` more."""
    path = folder / "manifest.json"
    manifest = {**json.loads(path.read_text()), **values}
    if member:
        manifest["members"][member] = {"sha256": "0" * 64, "size": 1}
    path.write_text(json.dumps(manifest))


@pytest.mark.parametrize(
    "damage, message",
    [
        (lambda folder: (folder / "manifest.json").unlink(), "has no manifest.json"),
        (
            lambda folder: next((folder / "files").rglob("*.pdf")).write_bytes(b"%PDF-changed"),
            "is damaged: its checksum differs",
        ),
        (lambda folder: next((folder / "files").rglob("*.pdf")).unlink(), "is missing"),
        (
            lambda folder: (folder / "database.sqlite").write_bytes(b"SQLite format 3\x00"),
            "database.sqlite is damaged",
        ),
        (
            lambda folder: change_manifest(folder, schema_revision="9999_future"),
            "'9999_future', which this version",
        ),
        (
            lambda folder: change_manifest(folder, member="../../etc/passwd"),
            "which is no file a backup holds",
        ),
        (
            lambda folder: change_manifest(folder, member="files/1/../../../outside"),
            "which is no file a backup holds",
        ),
    ],
)
def test_a_damaged_backup_is_refused(backed_up, deployments, tmp_path, damage, message):
    _source, folder = backed_up("sqlite")
    copy = tmp_path / "backup"
    shutil.copytree(folder, copy)
    damage(copy)
    target = deployments.new("sqlite", f"damaged_{tmp_path.name}"[:40], migrated=False)
    result = run(target, "backup", "restore", str(copy))
    assert result.exit_code == 1 and message in result.output, result.output
    with target.app_context():
        assert db.inspect(db.engine).get_table_names() == []
    storage = target.config["STORAGE_DIR"]
    assert not any(path.is_file() for path in Path(storage).rglob("*"))


@pytest.mark.skipif(not HAS_POSTGRESQL, reason="TEST_DATABASE_URL is unset: no PostgreSQL here")
def test_a_backup_of_another_kind_of_database_is_refused(backed_up, deployments):
    _source, folder = backed_up("sqlite")
    target = deployments.new("postgresql", "other_kind", migrated=False)
    result = run(target, "backup", "restore", str(folder))
    assert result.exit_code == 1, result.output
    assert "restore it into the same kind of database" in result.output


def test_a_backup_goes_only_into_a_new_or_empty_folder(backed_up):
    source, folder = backed_up("sqlite")
    result = run(source, "backup", "create", str(folder))
    assert result.exit_code == 1 and "is not an empty folder" in result.output
