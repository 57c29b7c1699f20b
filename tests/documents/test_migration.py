"""Revision 0910_thumbs_text_job on files stored before it: a preview that read
the text in the same job counts as read, and pictures are previewed again (for
their JPEG), on a database of their own at the revision before."""

from alembic.script import ScriptDirectory
from flask import current_app
from flask_migrate import downgrade, upgrade
from sqlalchemy import text

from config import TestConfig
from mektep import create_app
from mektep.extensions import db

REVISION = "0910_thumbs_text_job"
SCHOOL = (
    "INSERT INTO school (id, slug, name_ky, name_ru, default_language, status, created_at,"
    " updated_at) VALUES (1, 'old', 'Эски', 'Старая', 'ky', 'active', :at, :at)"
)
FILE = (
    "INSERT INTO stored_file (id, school_id, sha256, file_type, mime_type, size, original_name,"
    " status, attempts, status_changed_at, has_preview, text, created_at) VALUES (:id, 1,"
    " :sha, :type, 'x', 1, 'f', :status, 1, :at, :preview, :text, :at)"
)


def test_files_stored_before_the_revision(workdir):
    class Config(TestConfig):
        SQLALCHEMY_DATABASE_URI = f"sqlite:///{workdir / 'before-0910.sqlite'}"
        INSTANCE_DIR = workdir
        STORAGE_DIR = str(workdir / "storage")

    app = create_app(Config)
    with app.app_context():
        config = current_app.extensions["migrate"].migrate.get_config()
        before = ScriptDirectory.from_config(config).get_revision(REVISION).down_revision
        upgrade(revision=before)
        at = "2026-11-01 10:00:00"
        rows = [
            (1, "pdf", "ready", True, "Устав"),  # read in the preview job
            (2, "jpeg", "ready", True, None),  # a picture: previewed again
            (3, "pdf", "pending", False, None),  # its preview, then its text, to come
            (4, "docx", "ready", False, None),  # no LibreOffice then: no text to read
            (5, "pdf", "failed", False, None),
        ]
        with db.engine.begin() as connection:
            connection.execute(text(SCHOOL), {"at": at})
            for file_id, file_type, status, preview, body in rows:
                values = {"id": file_id, "sha": f"{file_id:064d}", "type": file_type}
                values.update(status=status, preview=preview, text=body, at=at)
                connection.execute(text(FILE), values)
        upgrade(revision=REVISION)
        with db.engine.connect() as connection:
            found = connection.execute(
                text(
                    "SELECT id, status, attempts, text_status, text_attempts, text_pages_read"
                    " FROM stored_file ORDER BY id"
                )
            ).all()
        assert [tuple(row) for row in found] == [
            (1, "ready", 1, "ready", 0, 0),
            (2, "pending", 0, None, 0, 0),
            (3, "pending", 1, None, 0, 0),
            (4, "ready", 1, None, 0, 0),
            (5, "failed", 1, None, 0, 0),
        ]
        downgrade(revision=before)
        with db.engine.connect() as connection:
            columns = connection.execute(text("SELECT * FROM stored_file")).keys()
        assert "text_status" not in columns and "text" in columns
        db.engine.dispose()
