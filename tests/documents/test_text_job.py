"""The text of documents, read for search by a job of its own on the
low-priority queue once the preview is ready, through a real worker process:
previews go first, a long document is read in slices that take up where the
last stopped, the job is idempotent, and a lost or stuck job is caught up by the
sweep. Search finds what the worker read."""

import io
from datetime import timedelta

import pypdfium2 as pdfium
import pytest

from config import BASE_DIR
from mektep.clock import utcnow
from mektep.extensions import db
from mektep.queue import LOW, get_queue
from mektep.storage import get_storage
from mektep.thumbnails.pdf import read_text
from tenants.documents.jobs import (
    MAX_ATTEMPTS,
    STUCK_AFTER,
    read_stored_text,
    render_stored_file,
    requeue_text,
)
from tenants.documents.models import StoredFile
from tests.conftest import fixture_path
from tests.documents.conftest import file_bytes, only_document, stored_files, upload
from tests.news.test_search import found


def low_queue():
    return get_queue(priority=LOW)


def long_pdf():
    """40 copies of sample.pdf's page, then the demo charter's 4 pages (whose words
    appear nowhere before them)."""
    document = pdfium.PdfDocument.new()
    sample = pdfium.PdfDocument(fixture_path("sample.pdf"))
    charter = pdfium.PdfDocument(BASE_DIR / "mektep/demo/files/charter.pdf")
    document.import_pages(sample, [0] * 40)
    document.import_pages(charter)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def preview_only(admin_a, content, name, **fields):
    """Upload a file and run its preview job here, as the worker would: its
    text job is then waiting on the low-priority queue."""
    upload(admin_a, [(content, name)], expect=302, **fields)
    stored = only_document().file
    assert render_stored_file(stored.id) == "ready"
    db.session.expire_all()
    return db.session.get(StoredFile, stored.id)


def test_preview_is_ready_before_the_text_is_read(admin_a, ctx, run_worker):
    upload(admin_a, [(file_bytes("sample.pdf"), "plan.pdf")], expect=302)
    stored = only_document().file
    assert (stored.status, stored.text_status) == ("pending", None)
    assert low_queue().count == 0
    assert render_stored_file(stored.id) == "ready"
    db.session.expire_all()
    stored = db.session.get(StoredFile, stored.id)
    assert (stored.status, stored.has_preview, stored.page_count) == ("ready", True, 1)
    assert (stored.text_status, stored.text) == ("pending", None)
    assert low_queue().job_ids == [f"text-{stored.id}-0"]
    run_worker()
    db.session.expire_all()
    stored = db.session.get(StoredFile, stored.id)
    assert (stored.text_status, stored.text_attempts) == ("ready", 1)
    assert "Учебный план школы" in stored.text and "окуу планы" in stored.text
    assert low_queue().count == 0


def test_a_worker_makes_waiting_previews_before_reading_text(admin_a, ctx, run_worker):
    preview_only(admin_a, file_bytes("sample.pdf"), "first.pdf")
    upload(
        admin_a,
        [(file_bytes("photo.jpg"), "photo.jpg"), (long_pdf(), "long.pdf")],
        expect=302,
    )
    run_worker()
    db.session.expire_all()
    files = {stored.original_name: stored for stored in stored_files()}
    assert {stored.status for stored in files.values()} == {"ready"}
    assert files["first.pdf"].text_status == files["long.pdf"].text_status == "ready"
    # The first file's text job was queued before the two uploads, yet waited for their previews.
    text_read_at = files["first.pdf"].text_status_changed_at
    assert files["photo.jpg"].status_changed_at < text_read_at
    assert files["long.pdf"].status_changed_at < text_read_at
    assert files["photo.jpg"].text_status is None  # a picture has no text to read


def test_a_long_document_is_read_in_slices_and_found_once_read(admin_a, ctx, site, run_worker):
    content = long_pdf()
    stored = preview_only(admin_a, content, "long.pdf", title_ky="Узун документ")
    assert stored.page_count == 44
    low_queue().empty()  # as if a worker had taken the first slice's job
    # A slice of no time reads one page, saves it and queues a job for the rest.
    assert read_stored_text(stored.id, slice_seconds=0) == "pending"
    db.session.expire_all()
    stored = db.session.get(StoredFile, stored.id)
    assert (stored.text_status, stored.text_pages_read, stored.text_attempts) == ("pending", 1, 0)
    assert "Учебный план школы" in stored.text and "Жалпы жоболор" not in stored.text
    assert low_queue().job_ids == [f"text-{stored.id}-1"]
    visitor = site("school-a")
    assert "Узун документ" in found(visitor, "окуу планы")  # what is read is searchable
    assert "Узун документ" not in found(visitor, "жоболор")
    run_worker()
    db.session.expire_all()
    stored = db.session.get(StoredFile, stored.id)
    assert stored.text_status == "ready"
    assert stored.text == read_text(io.BytesIO(content))[0]  # as if read in one go
    assert "Узун документ" in found(visitor, "жалпы жоболор")
    assert "Узун документ" not in found(site("school-b"), "жоболор")


def test_text_job_is_idempotent(admin_a, ctx, run_worker):
    stored = preview_only(admin_a, file_bytes("sample.pdf"), "a.pdf")
    low_queue().enqueue(read_stored_text, stored.id)  # a duplicate, as the sweep might add
    assert low_queue().count == 2
    run_worker()
    db.session.expire_all()
    stored = db.session.get(StoredFile, stored.id)
    assert (stored.text_status, stored.text_attempts) == ("ready", 1)
    text = stored.text
    assert read_stored_text(stored.id) == "nothing to do"
    db.session.expire_all()
    assert db.session.get(StoredFile, stored.id).text == text


def test_lost_text_job_is_caught_up_by_the_workers_sweep(admin_a, ctx, run_worker):
    stored = preview_only(admin_a, file_bytes("sample.pdf"), "a.pdf")
    low_queue().empty()  # Redis lost the job
    run_worker()  # the worker's sweep at start finds the pending row
    db.session.expire_all()
    stored = db.session.get(StoredFile, stored.id)
    assert stored.text_status == "ready" and "Учебный план школы" in stored.text


def test_text_job_stuck_processing_is_queued_again(admin_a, ctx, run_worker):
    stored = preview_only(admin_a, file_bytes("sample.pdf"), "a.pdf")
    low_queue().empty()
    # What a killed worker leaves: the row claimed, long ago, and no job.
    stored.set_text_status("processing")
    stored.text_attempts = 1
    db.session.commit()
    assert requeue_text() == 0  # still within the time a job may take
    later = utcnow() + STUCK_AFTER + timedelta(seconds=1)
    assert requeue_text(now=later) == 1
    assert db.session.get(StoredFile, stored.id).text_status == "pending"
    assert low_queue().job_ids == [f"text-{stored.id}-0"]
    assert requeue_text() == 0  # its job is queued: not twice
    run_worker()
    db.session.expire_all()
    assert db.session.get(StoredFile, stored.id).text_status == "ready"


def test_text_that_keeps_killing_its_worker_fails_and_the_document_stays(
    admin_a, ctx, site, run_worker
):
    stored = preview_only(admin_a, file_bytes("sample.pdf"), "a.pdf", title_ky="Бүтпөгөн")
    low_queue().empty()
    stored.set_text_status("processing")
    stored.text_attempts = MAX_ATTEMPTS
    db.session.commit()
    assert requeue_text(now=utcnow() + STUCK_AFTER + timedelta(seconds=1)) == 0
    stored = db.session.get(StoredFile, stored.id)
    assert (stored.status, stored.text_status) == ("ready", "failed")
    assert low_queue().count == 0
    assert "Бүтпөгөн" in site("school-a").get("/documents").get_data(as_text=True)
    assert "Бүтпөгөн" in found(site("school-a"), "бүтпөгөн")  # found by its title


def test_storage_error_while_reading_text_is_retried_not_failed(admin_a, ctx):
    stored = preview_only(admin_a, file_bytes("sample.pdf"), "a.pdf")
    key = stored.storage_key
    original = file_bytes("sample.pdf")
    get_storage().delete(key)
    with pytest.raises(FileNotFoundError):  # raised, so that RQ tries the job again
        read_stored_text(stored.id)
    db.session.expire_all()
    stored = db.session.get(StoredFile, stored.id)
    assert (stored.status, stored.text_status, stored.text_attempts) == ("ready", "pending", 1)
    get_storage().save(key, io.BytesIO(original))
    assert read_stored_text(stored.id) == "ready"


def test_sweep_command_queues_pending_text(app, admin_a, ctx):
    preview_only(admin_a, file_bytes("sample.pdf"), "a.pdf")
    low_queue().empty()
    result = app.test_cli_runner().invoke(args=["thumbnails", "sweep"])
    assert result.exit_code == 0, result.output
    assert "Queued 0 file(s). ready: 1" in result.output
    assert "Queued 1 text reading job(s)." in result.output
    assert low_queue().count == 1
