"""The thumbnail job and the sweep that makes sure no upload is left behind.

A stored file moves pending → processing → ready (or failed, with a reason).
The job first claims the row with one conditional UPDATE, so a job queued twice
(by the upload and by the sweep) runs once. A file that cannot be rendered
fails at once; any other error (storage, database, a killed converter) puts the
row back to pending and raises, so RQ retries it with back-off, up to
`MAX_ATTEMPTS`. A worker killed mid-job leaves the row processing: the sweep
puts it back once it has been processing longer than a job may run.
"""

import io
import shutil
import tempfile
from datetime import timedelta

import redis
from rq import Retry
from rq.exceptions import NoSuchJobError
from rq.job import Job, JobStatus
from rq.timeouts import JobTimeoutException

from mektep.clock import utcnow
from mektep.extensions import db
from mektep.queue import enqueue_after_commit, enqueue_now, get_redis
from mektep.storage import get_storage
from mektep.thumbnails import UnusableFile, encode, render
from tenants.documents.models import StoredFile

JOB_TIMEOUT = 180
STUCK_AFTER = timedelta(seconds=JOB_TIMEOUT + 60)
MAX_ATTEMPTS = 4
RETRY_INTERVALS = [10, 60, 300]
LIVE_STATUSES = {JobStatus.QUEUED, JobStatus.STARTED, JobStatus.SCHEDULED, JobStatus.DEFERRED}


def job_id(file_id):
    return f"thumbnails-{file_id}"


def _job_options(file_id):
    return {
        "job_id": job_id(file_id),
        "job_timeout": JOB_TIMEOUT,
        "retry": Retry(max=len(RETRY_INTERVALS), interval=RETRY_INTERVALS),
        "result_ttl": 3600,
        "failure_ttl": 7 * 24 * 3600,
    }


def queue_render(stored):
    """Queue `stored`'s thumbnails once the current transaction commits."""
    enqueue_after_commit(render_stored_file, stored.id, **_job_options(stored.id))


def retry(stored):
    """Try a failed file again, from a clean slate."""
    stored.set_status("pending")
    stored.attempts = 0
    queue_render(stored)


def _claim(file_id):
    claimed = db.session.execute(
        db.update(StoredFile)
        .where(StoredFile.id == file_id, StoredFile.status == "pending")
        .values(
            status="processing",
            failure=None,
            attempts=StoredFile.attempts + 1,
            status_changed_at=utcnow(),
        )
    ).rowcount
    db.session.commit()
    return db.session.get(StoredFile, file_id) if claimed else None


def _render_and_store(stored):
    storage = get_storage()
    with (
        storage.open(stored.storage_key) as source,
        tempfile.NamedTemporaryFile(suffix=f".{stored.file_type}") as copy,
    ):
        shutil.copyfileobj(source, copy)
        copy.flush()
        rendering = render(copy.name, stored.file_type)
    if rendering.image is not None:
        for (size, fmt), data in encode(rendering.image).items():
            storage.save(stored.thumbnail_key(size, fmt), io.BytesIO(data))
    stored.has_preview = rendering.image is not None
    stored.page_count = rendering.page_count
    stored.width = rendering.width
    stored.height = rendering.height
    stored.text = rendering.text


def render_stored_file(file_id):
    """RQ job: make the thumbnails of stored file `file_id`. Safe to run twice."""
    stored = _claim(file_id)
    if stored is None:
        return "nothing to do"
    try:
        _render_and_store(stored)
    except (UnusableFile, JobTimeoutException) as error:
        db.session.rollback()
        reason = error.reason if isinstance(error, UnusableFile) else "timeout"
        db.session.get(StoredFile, file_id).set_status("failed", reason)
        db.session.commit()
        return reason
    except Exception:
        db.session.rollback()
        stored = db.session.get(StoredFile, file_id)
        gave_up = stored.attempts >= MAX_ATTEMPTS
        if gave_up:
            stored.set_status("failed", "gave_up")
        else:
            stored.set_status("pending")
        db.session.commit()
        if gave_up:
            return "gave_up"
        raise
    stored.set_status("ready")
    db.session.commit()
    return "ready"


def _job_is_live(file_id):
    try:
        return Job.fetch(job_id(file_id), connection=get_redis()).get_status() in LIVE_STATUSES
    except NoSuchJobError:
        return False
    except redis.RedisError:
        return False


def requeue_thumbnails(now=None):
    """Queue every pending file with no live job, and every file stuck processing."""
    now = now or utcnow()
    stuck = db.session.scalars(
        db.select(StoredFile).where(
            StoredFile.status == "processing", StoredFile.status_changed_at < now - STUCK_AFTER
        )
    ).all()
    for stored in stuck:
        # A file that kept its worker busy past the limit MAX_ATTEMPTS times
        # (a killed worker never gets to record why) is not tried again.
        if stored.attempts >= MAX_ATTEMPTS:
            stored.set_status("failed", "timeout")
        else:
            stored.set_status("pending")
    db.session.commit()
    stuck_ids = {stored.id for stored in stuck if stored.status == "pending"}
    pending_ids = db.session.scalars(
        db.select(StoredFile.id).where(StoredFile.status == "pending").order_by(StoredFile.id)
    ).all()
    queued = 0
    for file_id in pending_ids:
        if file_id in stuck_ids or not _job_is_live(file_id):
            if enqueue_now(render_stored_file, file_id, **_job_options(file_id)) is None:
                break
            queued += 1
    return queued
