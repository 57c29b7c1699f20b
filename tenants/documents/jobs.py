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
processing: the sweep puts it back as soon as its job is no longer live (its
worker's heartbeat stopped: `mektep.workers.job_is_live`), or once it has been
processing longer than any job may run, and queues every pending row that has
no live job (a retry overdue because no scheduler ran counts as none).
"""

import io
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from rq import Retry
from rq.timeouts import JobTimeoutException

from mektep.clock import utcnow
from mektep.extensions import db
from mektep.queue import LOW, NORMAL, enqueue_after_commit, enqueue_now
from mektep.storage import get_storage, sha256_of
from mektep.thumbnails import PDF_TYPES, UnusableFile, encode, render, thumbnails_for
from mektep.thumbnails.pdf import MAX_TEXT_CHARS, has_text, read_pages
from mektep.workers import job_is_live
from tenants.documents.integrity import mark_problem
from tenants.documents.models import StoredFile, preview_steps

JOB_TIMEOUT = 180
STUCK_AFTER = timedelta(seconds=JOB_TIMEOUT + 60)
# A row claimed this recently is left to its job even if no live job is seen:
# it may be starting, or run outside RQ.
LOST_AFTER = timedelta(seconds=15)
MAX_ATTEMPTS = 4
RETRY_INTERVALS = [10, 60, 300]
TEXT_SLICE_SECONDS = 0.2
# Failures of the stored copy rather than of the file, and what they say of it.
COPY_PROBLEMS = {"damaged_copy": "damaged", "missing_copy": "missing"}


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
    failure: str | None = None

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
    return run_stage(PREVIEW, file_id)


def read_stored_text(file_id, slice_seconds=TEXT_SLICE_SECONDS):
    """RQ job: read a slice of stored file `file_id`'s text. Safe to run twice."""
    return run_stage(TEXT, file_id, seconds=slice_seconds)


def _render_original(stored):
    """The preview of `stored`'s original, read from a local copy of it (the
    renderers seek); a copy that is gone, or that fails to render and no longer
    hashes to what was uploaded, is the copy's fault, not the file's."""
    try:
        with get_storage().local_copy(stored.storage_key) as source:
            try:
                return render(source, stored.file_type)
            except UnusableFile:
                if sha256_of(source) != stored.sha256:
                    raise UnusableFile("damaged_copy") from None
                raise
    except FileNotFoundError:
        raise UnusableFile("missing_copy") from None


def _make_preview(stored):
    storage = get_storage()
    preview = _render_original(stored)
    if preview.image is not None:
        for (size, fmt), data in encode(preview.image, thumbnails_for(stored.file_type)).items():
            storage.save(stored.thumbnail_key(size, fmt), io.BytesIO(data))
        for step in preview_steps():
            step.make(stored, preview.image)
    if preview.pdf is not None:
        storage.save(stored.converted_key, io.BytesIO(preview.pdf))
    if stored.integrity == "no_thumbnail":
        stored.integrity = None
    stored.has_preview = preview.image is not None
    stored.page_count = preview.page_count
    stored.width = preview.width
    stored.height = preview.height
    stored.text = None
    stored.text_pages_read = stored.text_attempts = stored.pages_without_text = 0
    stored.scanned = False
    stored.ocr_status, stored.ocr_pages_read, stored.ocr_attempts = None, 0, 0
    if stored.file_type in PDF_TYPES or preview.pdf is not None:
        stored.set_text_status("pending")
        TEXT.queue(stored)
    else:
        stored.text_status = None
    return "ready"


def _read_text_slice(stored, seconds):
    first_page = stored.text_pages_read
    read_before = stored.text if first_page else ""
    room = MAX_TEXT_CHARS - len(read_before) - 1
    with get_storage().local_copy(stored.text_source_key) as source:
        pages, next_page = read_pages(source, first_page, seconds, room=room)
    text = "\n".join(pages)[:room]
    stored.text = f"{read_before}\n{text}" if first_page else text
    empty = sum(1 for page in pages if not has_text(page))
    stored.pages_without_text = (stored.pages_without_text if first_page else 0) + empty
    if next_page is None:
        # A scan: most of its pages have no text layer (tenants.documents.ocr).
        stored.scanned = 2 * stored.pages_without_text > first_page + len(pages)
        return "ready"
    stored.text_pages_read = next_page
    return "pending"


PREVIEW = Stage(
    "thumbnails",
    render_stored_file,
    _make_preview,
    StoredFile.set_status,
    NORMAL,
    failure="failure",
)
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


def run_stage(stage, file_id, **options):
    stored = _claim(stage, file_id)
    if stored is None:
        return "nothing to do"
    try:
        status = stage.work(stored, **options)
    except (UnusableFile, JobTimeoutException) as error:
        db.session.rollback()
        reason = error.reason if isinstance(error, UnusableFile) else "timeout"
        stored = db.session.get(StoredFile, file_id)
        stage.set_status(stored, "failed", reason)
        db.session.commit()
        if reason in COPY_PROBLEMS:
            mark_problem(stored, COPY_PROBLEMS[reason])
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


def _put_back_lost(stage, now):
    """Put every row of `stage` whose job was lost (its worker died, or it ran
    past any limit) back to pending, or failed after MAX_ATTEMPTS; returns the
    ids put back to pending. A row that changed since it was read is left alone."""
    status, changed_at = stage.column(stage.status), stage.column(stage.changed_at)
    progress = db.literal(None) if stage.progress is None else stage.column(stage.progress)
    processing = db.session.execute(
        db.select(StoredFile.id, changed_at, stage.column(stage.attempts), progress).where(
            status == "processing", changed_at < now - LOST_AFTER
        )
    ).all()
    put_back = set()
    for file_id, claimed_at, attempts, at in processing:
        if claimed_at >= now - STUCK_AFTER and job_is_live(stage.job_id(file_id, at)):
            continue
        # A file that kept its worker busy past the limit MAX_ATTEMPTS times
        # (a killed worker never gets to record why) is not tried again.
        give_up = attempts >= MAX_ATTEMPTS
        values = {status: "failed" if give_up else "pending", changed_at: now}
        if stage.failure:
            values[stage.column(stage.failure)] = "timeout" if give_up else None
        changed = db.session.execute(
            db.update(StoredFile)
            .where(StoredFile.id == file_id, status == "processing", changed_at == claimed_at)
            .values(values)
        ).rowcount
        if changed and not give_up:
            put_back.add(file_id)
    db.session.commit()
    return put_back


def requeue_stage(stage, now=None):
    """Queue every pending row of `stage` with no live job, and every row whose
    job was lost; returns how many jobs were queued."""
    now = now or utcnow()
    put_back = _put_back_lost(stage, now)
    status = stage.column(stage.status)
    progress = db.literal(None) if stage.progress is None else stage.column(stage.progress)
    pending = db.session.execute(
        db.select(StoredFile.id, progress).where(status == "pending").order_by(StoredFile.id)
    ).all()
    queued = 0
    for file_id, at in pending:
        if file_id in put_back or not job_is_live(stage.job_id(file_id, at)):
            if stage.enqueue(enqueue_now, file_id, at) is None:
                break
            queued += 1
    return queued


def requeue_thumbnails(now=None):
    """Queue every file whose preview is pending with no live job, or stuck processing."""
    return requeue_stage(PREVIEW, now)


def requeue_text(now=None):
    """Queue every file whose text is pending with no live job, or stuck processing."""
    return requeue_stage(TEXT, now)
