"""Stored copies that went missing or bad (issue 9, item 5): uploading the
genuine file again repairs the copy, `flask storage verify` finds and flags
what is wrong (on either backend), the admin says so instead of "ready", a lost
thumbnail gives way to the type icon, and a changed original never passes for
the one a client holds."""

import io

import pytest

from mektep.extensions import db
from mektep.storage import get_storage, stored_sha256
from tenants.documents.models import Document, StoredFile
from tests.documents.conftest import file_bytes, upload

PDF = file_bytes("sample.pdf")
PICTURE = file_bytes("picture.png")


def _files(app):
    with app.app_context():
        rows = db.session.scalars(
            db.select(StoredFile).order_by(StoredFile.id).execution_options(include_trashed=True)
        ).all()
        db.session.expunge_all()
        return rows


def _document_ids(app):
    with app.app_context():
        return db.session.scalars(db.select(Document.id).order_by(Document.id)).all()


def _damage(app, key, content=b"%PDF-1.4\nnot what was uploaded\n%%EOF\n"):
    with app.app_context():
        get_storage().save(key, io.BytesIO(content))


def _remove(app, key):
    with app.app_context():
        get_storage().delete(key)


def test_uploading_the_genuine_file_again_repairs_a_damaged_copy(app, site, admin_a, run_worker):
    upload(admin_a, [(PDF, "Устав.pdf")], expect=302)
    (first,) = _files(app)
    _damage(app, first.storage_key)
    run_worker()
    (first,) = _files(app)
    assert (first.status, first.failure, first.integrity) == ("failed", "damaged_copy", "damaged")
    page = admin_a.get("/admin/documents?lang=en").get_data(as_text=True)
    assert "File damaged on the server" in page and "1 file is missing or damaged" in page

    upload(admin_a, [(PDF, "Устав (экинчи).pdf")], expect=302)
    with app.app_context():
        assert stored_sha256(get_storage(), first.storage_key) == first.sha256
    run_worker()
    rows = _files(app)
    assert len(rows) == 2
    assert [(row.status, row.integrity) for row in rows] == [("ready", None), ("ready", None)]
    page = admin_a.get("/admin/documents?lang=en").get_data(as_text=True)
    assert "missing or damaged" not in page
    assert site("school-a").get(f"/files/{first.id}").data == PDF


def test_uploading_again_clears_the_flag_of_a_copy_restored_meanwhile(app, admin_a, run_worker):
    """An operator put the bytes back (from a backup) after `storage verify`
    flagged them, or an upload wrote them and then failed: the next upload of
    the same file finds the copy whole and clears the flag all the same."""
    upload(admin_a, [(PDF, "Лицензия.pdf")], expect=302)
    run_worker()
    (stored,) = _files(app)
    _remove(app, stored.storage_key)
    assert _verify(app, "school-a").exit_code == 1
    _damage(app, stored.storage_key, PDF)
    assert (
        admin_a.get("/admin/documents?lang=en")
        .get_data(as_text=True)
        .count("File missing on the server")
        == 1
    )
    upload(admin_a, [(PDF, "Лицензия (2).pdf")], expect=302)
    assert [row.integrity for row in _files(app)] == [None, None]
    assert "File missing" not in admin_a.get("/admin/documents?lang=en").get_data(as_text=True)


def test_a_whole_copy_is_not_written_again(app, admin_a, run_worker):
    upload(admin_a, [(PDF, "Устав.pdf")], expect=302)
    (stored,) = _files(app)
    with app.app_context():
        version = get_storage().stat(stored.storage_key).version
    upload(admin_a, [(PDF, "Устав 2.pdf")], expect=302)
    with app.app_context():
        assert get_storage().stat(stored.storage_key).version == version


@pytest.fixture
def four_files(app, admin_a, run_worker):
    """School A's whole, missing, damaged and thumbnail-less files, and one of school B."""
    upload(admin_a, [(PDF, "whole.pdf")], expect=302)
    upload(admin_a, [(PICTURE, "gone.png")], expect=302)
    upload(admin_a, [(file_bytes("photo.jpg"), "damaged.jpg")], expect=302)
    upload(admin_a, [(file_bytes("picture.webp"), "no-thumbnail.webp")], expect=302)
    run_worker()
    whole, gone, damaged, thumbless = _files(app)
    assert all(row.status == "ready" for row in (whole, gone, damaged, thumbless))
    _remove(app, gone.storage_key)
    _damage(app, damaged.storage_key, b"\xff\xd8\xff\xe0 cut short")
    _remove(app, thumbless.thumbnail_key("small", "webp"))
    return whole, gone, damaged, thumbless


def _verify(app, *args):
    return app.test_cli_runner().invoke(args=["storage", "verify", *args])


@pytest.mark.parametrize("backend", ["local", "s3"])
def test_verify_reports_and_flags_missing_and_damaged_files(
    app, request, backend, site, admin_a, run_worker
):
    if backend == "s3":
        request.getfixturevalue("bucket")
    whole, gone, damaged, thumbless = request.getfixturevalue("four_files")

    # School B has nothing stored: verifying it alone finds nothing.
    result = _verify(app, "school-b")
    assert result.exit_code == 0, result.output
    assert "Checked 0 stored file(s)" in result.output

    result = _verify(app, "school-a")
    assert result.exit_code == 1
    assert f"file #{gone.id} 'gone.png'" in result.output and "original MISSING" in result.output
    assert f"file #{damaged.id} 'damaged.jpg'" in result.output
    assert "original DAMAGED" in result.output
    assert f"file #{thumbless.id} 'no-thumbnail.webp'" in result.output
    assert f"file #{whole.id}" not in result.output
    assert "Checked 4 stored file(s): 1 missing, 1 damaged, 1 without thumbnails." in result.output
    by_id = {row.id: row.integrity for row in _files(app)}
    assert by_id == {
        whole.id: None,
        gone.id: "missing",
        damaged.id: "damaged",
        thumbless.id: "no_thumbnail",
    }

    page = admin_a.get("/admin/documents?lang=en").get_data(as_text=True)
    assert "2 files are missing or damaged on the server" in page
    assert "File missing on the server" in page and "File damaged on the server" in page
    assert page.count("Ready") >= 1  # the whole one

    public = site("school-a")
    for row in (gone, damaged):
        response = public.get(f"/files/{row.id}")
        assert response.status_code == 404
        assert "Бул файл серверде жок же бузулган" in response.get_data(as_text=True)
    assert public.get(f"/files/{whole.id}").status_code == 200

    # The lost thumbnail: the icon meanwhile, the real one once the worker made it again.
    icon = public.get(f"/files/{thumbless.id}/thumbnail-small.webp")
    assert icon.status_code == 200 and icon.mimetype == "image/svg+xml"
    assert b"WebP" in icon.data
    run_worker()
    (remade,) = [row for row in _files(app) if row.id == thumbless.id]
    assert remade.integrity is None
    thumbnail = public.get(f"/files/{thumbless.id}/thumbnail-small.webp")
    assert thumbnail.status_code == 200 and thumbnail.mimetype == "image/webp"


def test_a_thumbnail_lost_unnoticed_falls_back_to_the_type_icon(app, site, admin_a, run_worker):
    upload(admin_a, [(PICTURE, "photo.png")], expect=302)
    run_worker()
    (stored,) = _files(app)
    public = site("school-a")
    url = f"/files/{stored.id}/thumbnail-small.webp"
    assert public.get(url).mimetype == "image/webp"
    _remove(app, stored.thumbnail_key("small", "webp"))

    icon = public.get(url)
    assert icon.status_code == 200 and icon.mimetype == "image/svg+xml"
    assert icon.headers["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in icon.headers["Content-Security-Policy"]
    (stored,) = _files(app)
    assert stored.integrity == "no_thumbnail"
    # Pages rendered from now on show the icon, not a picture that is gone.
    (document_id,) = _document_ids(app)
    page = admin_a.get(f"/admin/documents/{document_id}").get_data(as_text=True)
    assert url not in page and "file-icon" in page


def test_a_changed_original_is_not_served_with_its_old_etag(app, site, admin_a, run_worker):
    upload(admin_a, [(PDF, "Устав.pdf")], expect=302)
    run_worker()
    (stored,) = _files(app)
    public = site("school-a")
    first = public.get(f"/files/{stored.id}")
    etag = first.headers["ETag"]
    assert public.get(f"/files/{stored.id}", headers={"If-None-Match": etag}).status_code == 304

    _damage(app, stored.storage_key)
    again = public.get(f"/files/{stored.id}", headers={"If-None-Match": etag})
    assert again.status_code == 200
    assert again.headers["ETag"] != etag
    # A range asked of the old copy gets the whole new answer, never a mix of both.
    mixed = public.get(f"/files/{stored.id}", headers={"Range": "bytes=0-9", "If-Range": etag})
    assert mixed.status_code == 200


def test_a_thumbnail_found_lost_by_serving_is_made_again(app, site, admin_a, run_worker):
    # Two documents of one picture share its stored copy and its thumbnails.
    upload(admin_a, [(PICTURE, "photo.png")], expect=302)
    upload(admin_a, [(PICTURE, "same-photo.png")], expect=302)
    run_worker()
    first, second = _files(app)
    public = site("school-a")
    url = f"/files/{first.id}/thumbnail-small.webp"
    _remove(app, first.thumbnail_key("small", "webp"))
    assert public.get(url).mimetype == "image/svg+xml"

    run_worker()
    assert [row.integrity for row in _files(app)] == [None, None]
    for row in (first, second):
        thumbnail = public.get(f"/files/{row.id}/thumbnail-small.webp")
        assert thumbnail.status_code == 200 and thumbnail.mimetype == "image/webp"
    # The other school's host still knows nothing of it.
    assert site("school-b").get(url).status_code == 404
