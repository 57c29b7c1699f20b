"""Background work on stored files, in two stages, and the sweeps that make sure
no upload is left behind.

The preview stage (`render_stored_file`, on the main queue) makes the
thumbnails and records the page count and size. Reading a document's text for
search is a stage of its own (`read_stored_text`, on the low-priority queue),
queued once the preview is ready. It reads the pages in slices of about
`TEXT_SLICE_SECONDS`, saving what it has read and queuing a job for the rest,
which a worker takes only after every preview queued meanwhile: a long document
never holds a preview up for more than a slice.

Each stage has its own columns on `StoredFile` (see `Stage`): pending →
processing → ready, or failed. A job first claims its row with one conditional
UPDATE, so a job queued twice (by the upload and by the sweep) runs once. A
file that cannot be read fails at once; any other error (storage, database, a
killed converter) puts the row back to pending and raises, so RQ retries it
with back-off, up to `MAX_ATTEMPTS`. A worker killed mid-job leaves the row
processing: the sweep puts it back once it has been processing longer than a
job may run, and queues every pending row that has no live job.
"""

import io
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

import redis
from rq import Retry
from rq.exceptions import NoSuchJobError
from rq.job import Job, JobStatus
from rq.timeouts import JobTimeoutException

from mektep.clock import utcnow
from mektep.extensions import db
from mektep.queue import LOW, NORMAL, enqueue_after_commit, enqueue_now, get_redis
from mektep.storage import get_storage
from mektep.thumbnails import PDF_TYPES, UnusableFile, encode, render, thumbnails_for
from mektep.thumbnails.pdf import MAX_TEXT_CHARS, read_text
from tenants.documents.models import StoredFile, preview_steps

JOB_TIMEOUT = 180
STUCK_AFTER = timedelta(seconds=JOB_TIMEOUT + 60)
MAX_ATTEMPTS = 4
RETRY_INTERVALS = [10, 60, 300]
LIVE_STATUSES = {JobStatus.QUEUED, JobStatus.STARTED, JobStatus.SCHEDULED, JobStatus.DEFERRED}
TEXT_SLICE_SECONDS = 0.2


@dataclass(frozen=True)
class Stage:
    """One stage of a stored file's background work. `work(stored)` does it and
    returns the stage's next status: ready, or pending when a job must take up
    the rest (where the `progress` column says). Its state is in the StoredFile
    columns `{prefix}status`, `{prefix}attempts` and `{prefix}status_changed_at`."""

    name: str
    job: Callable
    work: Callable
    set_status: Callable
    priority: str
    prefix: str = ""
    progress: str | None = None

    @property
    def status(self):
        return f"{self.prefix}status"

    @property
    def attempts(self):
        return f"{self.prefix}attempts"

    @property
    def changed_at(self):
        return f"{self.prefix}status_changed_at"

    def column(self, name):
        return getattr(StoredFile, name)

    def job_id(self, file_id, progress):
        return f"{self.name}-{file_id}" + ("" if self.progress is None else f"-{progress}")

    def enqueue(self, enqueue, file_id, progress=None):
        """Queue the job for `file_id` with `enqueue` (now or after commit)."""
        return enqueue(
            self.job,
            file_id,
            priority=self.priority,
            job_id=self.job_id(file_id, progress),
            job_timeout=JOB_TIMEOUT,
            retry=Retry(max=len(RETRY_INTERVALS), interval=RETRY_INTERVALS),
            result_ttl=3600,
            failure_ttl=7 * 24 * 3600,
        )

    def queue(self, stored):
        """Queue `stored`'s job once the current transaction commits."""
        progress = None if self.progress is None else getattr(stored, self.progress)
        self.enqueue(enqueue_after_commit, stored.id, progress)


def render_stored_file(file_id):
    """RQ job: make the preview of stored file `file_id`. Safe to run twice."""
    return _run(PREVIEW, file_id)


def read_stored_text(file_id, slice_seconds=TEXT_SLICE_SECONDS):
    """RQ job: read a slice of stored file `file_id`'s text. Safe to run twice."""
    return _run(TEXT, file_id, seconds=slice_seconds)


def _make_preview(stored):
    storage = get_storage()
    with storage.open(stored.storage_key) as source:
        preview = render(source, stored.file_type)
    if preview.image is not None:
        for (size, fmt), data in encode(preview.image, thumbnails_for(stored.file_type)).items():
            storage.save(stored.thumbnail_key(size, fmt), io.BytesIO(data))
        for step in preview_steps():
            step.make(stored, preview.image)
    if preview.pdf is not None:
        storage.save(stored.converted_key, io.BytesIO(preview.pdf))
    stored.has_preview = preview.image is not None
    stored.page_count = preview.page_count
    stored.width = preview.width
    stored.height = preview.height
    stored.text = None
    stored.text_pages_read = stored.text_attempts = 0
    if stored.file_type in PDF_TYPES or preview.pdf is not None:
        stored.set_text_status("pending")
        TEXT.queue(stored)
    else:
        stored.text_status = None
    return "ready"


def _read_text_slice(stored, seconds):
    first_page = stored.text_pages_read
    read_before = stored.text if first_page else ""
    with get_storage().open(stored.text_source_key) as source:
        text, next_page = read_text(
            source, first_page, seconds, room=MAX_TEXT_CHARS - len(read_before) - 1
        )
    stored.text = f"{read_before}\n{text}" if first_page else text
    if next_page is None:
        return "ready"
    stored.text_pages_read = next_page
    return "pending"


PREVIEW = Stage("thumbnails", render_stored_file, _make_preview, StoredFile.set_status, NORMAL)
TEXT = Stage(
    "text",
    read_stored_text,
    _read_text_slice,
    StoredFile.set_text_status,
    LOW,
    prefix="text_",
    progress="text_pages_read",
)


def queue_render(stored):
    """Queue `stored`'s preview once the current transaction commits."""
    PREVIEW.queue(stored)


def retry(stored):
    """Try a failed file again, from a clean slate."""
    stored.set_status("pending")
    stored.attempts = 0
    queue_render(stored)


def _claim(stage, file_id):
    """The row of `file_id`, its stage moved from pending to processing and
    committed; None when it was not pending (another job has it, or had it)."""
    attempts = stage.column(stage.attempts)
    session = db.session()
    stored = session.scalar(
        db.update(StoredFile)
        .where(StoredFile.id == file_id, stage.column(stage.status) == "pending")
        .values(
            {
                stage.column(stage.status): "processing",
                attempts: attempts + 1,
                stage.column(stage.changed_at): utcnow(),
            }
        )
        .returning(StoredFile)
    )
    # The row RETURNING gave is the one committed: no need to read it again.
    expire_on_commit, session.expire_on_commit = session.expire_on_commit, False
    try:
        session.commit()
    finally:
        session.expire_on_commit = expire_on_commit
    return stored


def _run(stage, file_id, **options):
    stored = _claim(stage, file_id)
    if stored is None:
        return "nothing to do"
    try:
        status = stage.work(stored, **options)
    except (UnusableFile, JobTimeoutException) as error:
        db.session.rollback()
        reason = error.reason if isinstance(error, UnusableFile) else "timeout"
        stage.set_status(db.session.get(StoredFile, file_id), "failed", reason)
        db.session.commit()
        return reason
    except Exception:
        db.session.rollback()
        stored = db.session.get(StoredFile, file_id)
        gave_up = getattr(stored, stage.attempts) >= MAX_ATTEMPTS
        if gave_up:
            stage.set_status(stored, "failed", "gave_up")
        else:
            stage.set_status(stored, "pending")
        db.session.commit()
        if gave_up:
            return "gave_up"
        raise
    stage.set_status(stored, status)
    if status == "pending":
        # A slice is done: the rest is a new job, with a clean count of attempts.
        setattr(stored, stage.attempts, 0)
        stage.queue(stored)
    db.session.commit()
    return status


def _job_is_live(job_id):
    try:
        return Job.fetch(job_id, connection=get_redis()).get_status() in LIVE_STATUSES
    except NoSuchJobError:
        return False
    except redis.RedisError:
        return False


def _requeue(stage, now=None):
    """Queue every pending row of `stage` with no live job, and every row stuck
    processing; returns how many jobs were queued."""
    now = now or utcnow()
    status = stage.column(stage.status)
    stuck = db.session.scalars(
        db.select(StoredFile).where(
            status == "processing", stage.column(stage.changed_at) < now - STUCK_AFTER
        )
    ).all()
    for stored in stuck:
        # A file that kept its worker busy past the limit MAX_ATTEMPTS times
        # (a killed worker never gets to record why) is not tried again.
        if getattr(stored, stage.attempts) >= MAX_ATTEMPTS:
            stage.set_status(stored, "failed", "timeout")
        else:
            stage.set_status(stored, "pending")
    db.session.commit()
    stuck_ids = {stored.id for stored in stuck if getattr(stored, stage.status) == "pending"}
    progress = db.literal(None) if stage.progress is None else stage.column(stage.progress)
    pending = db.session.execute(
        db.select(StoredFile.id, progress).where(status == "pending").order_by(StoredFile.id)
    ).all()
    queued = 0
    for file_id, at in pending:
        if file_id in stuck_ids or not _job_is_live(stage.job_id(file_id, at)):
            if stage.enqueue(enqueue_now, file_id, at) is None:
                break
            queued += 1
    return queued


def requeue_thumbnails(now=None):
    """Queue every file whose preview is pending with no live job, or stuck processing."""
    return _requeue(PREVIEW, now)


def requeue_text(now=None):
    """Queue every file whose text is pending with no live job, or stuck processing."""
    return _requeue(TEXT, now)
