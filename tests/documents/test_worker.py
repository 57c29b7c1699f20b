"""Thumbnails made by a real RQ worker process (worker.py --burst) on a real Redis:
every accepted type turns ready with the sizes its pages show, jobs are
idempotent, a stuck or lost job is caught up by the sweep, and an unreachable
Redis loses nothing. (The text job of documents: test_text_job.py.)"""

import os
import signal
import subprocess
import sys
import time
from datetime import timedelta

import pytest
from PIL import Image

from config import BASE_DIR
from mektep.clock import utcnow
from mektep.extensions import db
from mektep.queue import get_queue
from mektep.storage import get_storage
from mektep.thumbnails import FORMATS, IMAGE_TYPES, SIZES, thumbnails_for
from tenants.documents.cleanup import remove_orphaned_files
from tenants.documents.jobs import (
    MAX_ATTEMPTS,
    STUCK_AFTER,
    render_stored_file,
    requeue_thumbnails,
)
from tenants.documents.models import StoredFile
from tests.conftest import worker_env
from tests.documents.conftest import file_bytes, only_document, require_soffice, upload

OFFICE_FILES = [
    "sample.docx",
    "sample.doc",
    "sample.xlsx",
    "sample.xls",
    "sample.odt",
    "sample.ods",
]


def assert_all_thumbnails(stored, thumbnails):
    """`stored` has each of `thumbnails` ((size, format)) and no other picture."""
    storage = get_storage()
    assert thumbnails_for(stored.file_type) == thumbnails
    for size in SIZES:
        for fmt in FORMATS:
            key = stored.thumbnail_key(size, fmt)
            if (size, fmt) not in thumbnails:
                assert not storage.exists(key), key
                continue
            with storage.open(key) as handle, Image.open(handle) as image:
                assert image.format == {"webp": "WEBP", "jpg": "JPEG"}[fmt]
                assert max(image.size) <= SIZES[size]
                # Rendered at the size (a picture smaller than it stays as it is).
                assert max(image.size) == SIZES[size] or stored.file_type in IMAGE_TYPES
        assert not storage.exists(stored.thumbnail_key(size).replace(".webp", ".png"))


@pytest.mark.parametrize(
    ("name", "file_type", "pages", "thumbnails"),
    [
        ("sample.pdf", "pdf", 1, (("small", "webp"),)),
        ("photo.jpg", "jpeg", None, (("large", "webp"), ("large", "jpg"), ("small", "webp"))),
        ("picture.png", "png", None, (("large", "webp"), ("large", "jpg"), ("small", "webp"))),
        ("picture.webp", "webp", None, (("large", "webp"), ("large", "jpg"), ("small", "webp"))),
    ],
)
def test_upload_turns_ready_with_the_sizes_pages_show(
    admin_a, ctx, run_worker, name, file_type, pages, thumbnails
):
    upload(admin_a, [(file_bytes(name), name)], expect=302)
    stored = only_document().file
    assert (stored.status, stored.file_type) == ("pending", file_type)
    run_worker()
    db.session.expire_all()
    stored = only_document().file
    assert stored.status == "ready", stored.failure
    assert stored.has_preview and stored.page_count == pages
    assert_all_thumbnails(stored, thumbnails)


def test_pdf_text_and_page_size_are_recorded(admin_a, ctx, run_worker):
    upload(admin_a, [(file_bytes("sample.pdf"), "plan.pdf")], expect=302)
    run_worker()
    db.session.expire_all()
    stored = only_document().file
    assert "Учебный план школы" in stored.text and "окуу планы" in stored.text
    assert (stored.width, stored.height) == (595, 842)


def test_phone_photo_is_turned_upright(admin_a, ctx, run_worker):
    upload(admin_a, [(file_bytes("photo.jpg"), "IMG_0001.JPG")], expect=302)
    run_worker()
    db.session.expire_all()
    stored = only_document().file
    # Stored 400×300 with EXIF orientation 6: shown 300×400, the red band on top.
    assert (stored.width, stored.height) == (300, 400)
    for fmt in ("webp", "jpg"):  # the page's picture and the shared link's
        with get_storage().open(stored.thumbnail_key("large", fmt)) as handle:
            image = Image.open(handle).convert("RGB")
            assert image.size == (300, 400)
            red, green, blue = image.getpixel((150, 10))
            assert red > 200 and blue < 100


@pytest.mark.parametrize("name", OFFICE_FILES)
def test_office_files_get_a_preview_through_libreoffice(admin_a, ctx, run_worker, name):
    require_soffice()
    upload(admin_a, [(file_bytes(name), name)], expect=302)
    run_worker(timeout=300)
    db.session.expire_all()
    stored = only_document().file
    assert stored.status == "ready", stored.failure
    assert stored.has_preview and stored.page_count >= 1
    assert_all_thumbnails(stored, (("small", "webp"),))
    assert stored.text_status == "ready" and stored.text.strip()


def test_office_files_get_a_type_icon_without_libreoffice(app, admin_a, site, run_worker, tmp_path):
    """A real worker on a PATH without soffice: the office files turn ready with
    no picture, and every page shows their type icon instead."""
    upload(admin_a, [(file_bytes(name), name) for name in OFFICE_FILES], expect=302)
    with app.app_context():
        storage = get_storage()
        thumbnails = [
            key
            for stored in db.session.scalars(db.select(StoredFile))
            for key in stored.derived_keys()
        ]
        for key in thumbnails:  # left by an earlier test of the same files (same keys)
            storage.delete(key)
    run_worker(PATH=str(tmp_path))
    with app.app_context():
        files = db.session.scalars(db.select(StoredFile)).all()
        assert sorted(stored.original_name for stored in files) == sorted(OFFICE_FILES)
        for stored in files:
            assert (stored.status, stored.failure) == ("ready", None), stored.original_name
            assert not stored.has_preview and stored.page_count is None
            assert stored.text_status is None  # no PDF to read the text from
        assert not any(storage.exists(key) for key in thumbnails)
        types = {stored.id: stored.file_type for stored in files}
    admin_page = admin_a.get("/admin/documents").get_data(as_text=True)
    public = site("school-a")
    public_page = public.get("/documents").get_data(as_text=True)
    for file_id, file_type in types.items():
        assert f"file-icon-{file_type}" in admin_page and f"file-icon-{file_type}" in public_page
        assert public.get(f"/files/{file_id}/thumbnail-small.webp").status_code == 404
        assert public.get(f"/files/{file_id}").status_code == 200


def test_job_is_idempotent(admin_a, ctx, run_worker):
    upload(admin_a, [(file_bytes("sample.pdf"), "a.pdf")], expect=302)
    stored_id = only_document().file_id
    get_queue().enqueue(render_stored_file, stored_id)  # a duplicate, as the sweep might add
    run_worker()
    db.session.expire_all()
    stored = db.session.get(StoredFile, stored_id)
    assert stored.status == "ready" and stored.attempts == 1
    assert render_stored_file(stored_id) == "nothing to do"


def test_worker_killed_mid_job_is_caught_up_by_the_sweep(admin_a, ctx, run_worker):
    upload(admin_a, [(file_bytes("sample.pdf"), "a.pdf")], expect=302)
    stored = only_document().file
    get_queue().empty()
    # What a killed worker leaves: the row claimed, long ago, and no job.
    stored.set_status("processing")
    stored.status_changed_at = utcnow() - STUCK_AFTER - timedelta(seconds=1)
    db.session.commit()
    assert requeue_thumbnails() == 1
    assert db.session.get(StoredFile, stored.id).status == "pending"
    run_worker()
    db.session.expire_all()
    assert db.session.get(StoredFile, stored.id).status == "ready"


def test_recent_processing_row_is_left_alone(admin_a, ctx):
    upload(admin_a, [(file_bytes("sample.pdf"), "a.pdf")], expect=302)
    stored = only_document().file
    get_queue().empty()
    stored.set_status("processing")
    db.session.commit()
    assert requeue_thumbnails() == 0
    assert db.session.get(StoredFile, stored.id).status == "processing"


def test_pending_row_with_a_live_job_is_not_queued_twice(admin_a, ctx):
    upload(admin_a, [(file_bytes("sample.pdf"), "a.pdf")], expect=302)
    assert get_queue().count == 1
    assert requeue_thumbnails() == 0
    assert get_queue().count == 1


def test_upload_while_redis_is_unreachable_is_caught_up(app, admin_a, ctx, run_worker):
    reachable = app.extensions["mektep_redis"]
    redis_url = app.config["REDIS_URL"]
    app.config["REDIS_URL"] = "redis://127.0.0.1:9/0"  # nothing listens on the discard port
    app.extensions.pop("mektep_redis")
    try:
        upload(admin_a, [(file_bytes("sample.pdf"), "a.pdf")], expect=302)
    finally:
        app.config["REDIS_URL"] = redis_url
        app.extensions["mektep_redis"] = reachable
    stored = only_document().file
    assert stored.status == "pending" and get_queue().count == 0
    run_worker()  # the worker's sweep at start finds the pending row
    db.session.expire_all()
    assert db.session.get(StoredFile, stored.id).status == "ready"


def test_failed_file_can_be_retried(admin_a, ctx, run_worker, app):
    upload(admin_a, [(file_bytes("sample.pdf"), "a.pdf")], expect=302)
    document = only_document()
    get_queue().empty()
    document.file.set_status("failed", "timeout")
    db.session.commit()
    response = admin_a.submit(
        f"/admin/documents/{document.id}/retry", {}, form_page="/admin/documents"
    )
    assert response.status_code == 302
    run_worker()
    db.session.expire_all()
    assert only_document().file.status == "ready"


def test_a_missing_original_fails_as_missing_and_is_flagged(admin_a, ctx, app):
    """A stored copy that is gone is no fault of the file: the preview fails
    with that reason and the admin shows the copy missing (uploading the file
    again repairs it: tests/storage/test_integrity.py)."""
    upload(admin_a, [(file_bytes("sample.pdf"), "a.pdf")], expect=302)
    stored = only_document().file
    get_storage().delete(stored.storage_key)
    assert render_stored_file(stored.id) == "missing_copy"
    db.session.expire_all()
    stored = db.session.get(StoredFile, stored.id)
    assert (stored.status, stored.failure, stored.integrity) == (
        "failed",
        "missing_copy",
        "missing",
    )


def test_the_worker_survives_a_bad_file_among_good_ones(admin_a, ctx, run_worker, corrupt_pdf):
    upload(
        admin_a,
        [(corrupt_pdf, "bad.pdf"), (file_bytes("sample.pdf"), "good.pdf")],
        expect=302,
    )
    run_worker()
    db.session.expire_all()
    statuses = sorted(
        (s.original_name, s.status) for s in db.session.scalars(db.select(StoredFile))
    )
    assert statuses == [("bad.pdf", "failed"), ("good.pdf", "ready")]


def test_sweep_command(app, admin_a, ctx):
    upload(admin_a, [(file_bytes("sample.pdf"), "a.pdf")], expect=302)
    get_queue().empty()
    result = app.test_cli_runner().invoke(args=["thumbnails", "sweep"])
    assert result.exit_code == 0, result.output
    assert "Queued 1 file(s). pending: 1" in result.output
    assert get_queue().count == 1


def test_unused_files_are_removed_after_a_day_trashed_ones_kept(admin_a, ctx):
    upload(admin_a, [(file_bytes("sample.pdf"), "kept.pdf")], expect=302)
    document = only_document()
    stored = document.file
    storage_key = stored.storage_key
    later = utcnow() + timedelta(days=2)
    document.deleted_at = utcnow()  # in the trash: its file stays
    db.session.commit()
    assert remove_orphaned_files(now=later) == 0
    db.session.delete(document)  # emptied from the trash
    db.session.commit()
    assert remove_orphaned_files(now=utcnow()) == 0  # within the grace period
    assert remove_orphaned_files(now=later) == 1
    assert db.session.scalars(db.select(StoredFile)).all() == []
    assert not get_storage().exists(storage_key)


def test_file_that_keeps_killing_its_worker_fails_with_timeout(admin_a, ctx):
    upload(admin_a, [(file_bytes("sample.pdf"), "a.pdf")], expect=302)
    stored = only_document().file
    get_queue().empty()
    stored.set_status("processing")
    stored.attempts = MAX_ATTEMPTS
    stored.status_changed_at = utcnow() - STUCK_AFTER - timedelta(seconds=1)
    db.session.commit()
    assert requeue_thumbnails() == 0
    stored = db.session.get(StoredFile, stored.id)
    assert (stored.status, stored.failure) == ("failed", "timeout")
    assert get_queue().count == 0


def test_worker_killed_for_real_mid_job_loses_nothing(app, admin_a, run_worker):
    """A LibreOffice conversion takes a second or more: long enough to SIGKILL the
    worker, its work horse and the converter while the row says processing."""
    require_soffice()
    upload(admin_a, [(file_bytes("sample.docx"), "plan.docx")], expect=302)
    with app.app_context():
        env = worker_env(app)
        file_id = only_document().file_id
    worker = subprocess.Popen(
        [sys.executable, str(BASE_DIR / "worker.py")],
        env=env,
        cwd=BASE_DIR,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            with app.app_context():
                if db.session.get(StoredFile, file_id).status == "processing":
                    break
            time.sleep(0.05)
    finally:
        os.killpg(worker.pid, signal.SIGKILL)
        worker.wait()
    with app.app_context():
        assert db.session.get(StoredFile, file_id).status == "processing"
        assert requeue_thumbnails(now=utcnow() + STUCK_AFTER + timedelta(seconds=1)) == 1
    run_worker()
    with app.app_context():
        assert db.session.get(StoredFile, file_id).status == "ready"
