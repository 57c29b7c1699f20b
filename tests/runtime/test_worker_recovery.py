"""Issue 9.4: after a kill -9 of the worker, its document is taken up again
within a minute, and nothing the killed job started (work horse, scheduler,
LibreOffice, its job folder) outlives it; after a Redis outage, a retry runs on
time (the worker starts RQ's scheduler again), and a scheduled job no scheduler
took is queued by the sweep. Real worker processes, a real redis-server."""

import os
import signal
import time
from datetime import timedelta

import psutil
import pytest
from rq.job import Job, JobStatus

from mektep.extensions import db
from mektep.queue import get_queue
from mektep.scratch import work_root
from mektep.workers import OVERDUE_SECONDS, enqueue_overdue_jobs, job_is_live
from tenants.documents.models import StoredFile
from tests.conftest import worker_env
from tests.documents.conftest import file_bytes, require_soffice, upload

from .conftest import (
    kill_session,
    live_workers,
    start_worker,
    stop_gracefully,
    using_redis,
    wait_until,
)

RECOVERY_LIMIT_SECONDS = 60


def preview_status(app):
    return preview_state(app)[0]


def preview_state(app):
    """(status, attempts) of the only stored file's preview."""
    with app.app_context():
        state = db.session.execute(db.select(StoredFile.status, StoredFile.attempts)).one()
        db.session.remove()
        return tuple(state)


def programs_naming(path):
    name = str(path)
    return [
        process
        for process in psutil.process_iter(["cmdline", "status"])
        if process.info["status"] != psutil.STATUS_ZOMBIE
        and any(name in argument for argument in process.info["cmdline"] or ())
    ]


def test_a_document_of_a_killed_worker_is_taken_up_again_within_a_minute(app, schools, admin_a):
    require_soffice()
    upload(admin_a, [(file_bytes("sample.docx"), "plan.docx")], expect=302)
    with app.app_context():
        env = worker_env(app)
    root = work_root(app.config["INSTANCE_DIR"])
    worker = start_worker(env)
    replacement = None
    try:
        wait_until(lambda: preview_status(app) == "processing", what="the job's start")
        wait_until(lambda: programs_naming(root), timeout=30, what="LibreOffice's start")
        # The worker's own children (work horse, scheduler): LibreOffice's processes
        # name the job folder, and are the next worker's to kill.
        helpers = [
            child
            for child in psutil.Process(worker.pid).children(recursive=True)
            if str(root) not in " ".join(child.cmdline())
        ]
        (folder,) = [path for path in root.iterdir() if path.is_dir()]

        os.kill(worker.pid, signal.SIGKILL)
        killed_at = time.monotonic()
        worker.wait(10)
        # The work horse and the scheduler die with their worker (the kernel kills them).
        assert helpers  # the work horse at least
        psutil.wait_procs(helpers, timeout=10)
        assert not [child for child in helpers if child.is_running()]

        replacement = start_worker(env)
        # At its start, the new worker removes the killed one's job folder and
        # kills the LibreOffice still working in it.
        wait_until(lambda: not folder.exists(), timeout=30, what="the job folder's removal")
        wait_until(lambda: not programs_naming(folder), timeout=10, what="LibreOffice's end")
        # Taken up again (claimed by the new worker's job: a second attempt).
        wait_until(
            lambda: preview_state(app) in (("processing", 2), ("ready", 2)),
            timeout=RECOVERY_LIMIT_SECONDS,
            what="the document's second attempt",
        )
        recovered_in = time.monotonic() - killed_at
        assert recovered_in < RECOVERY_LIMIT_SECONDS
        # However slow LibreOffice is on a busy machine, the preview is made.
        wait_until(lambda: preview_status(app) == "ready", timeout=180, what="the preview")
        print(f"document taken up again {recovered_in:.1f} s after the worker's kill -9")
    finally:
        kill_session(worker)
        if replacement is not None:
            stop_gracefully(replacement)


@pytest.mark.parametrize("outage_seconds", [2, 8])
def test_a_retry_runs_on_time_after_a_redis_outage(app, own_redis, outage_seconds):
    """A short outage kills RQ's scheduler process only; a longer one ends the
    worker's loop too (RQ gives Redis up after a few seconds)."""
    env = worker_env(app) | {"TEST_REDIS_URL": own_redis.url}
    worker = start_worker(env)
    try:
        wait_until(lambda: live_workers(own_redis.client()) == 1, what="the worker's start")
        wait_until(lambda: own_redis.client().keys("rq:scheduler-lock:*"), what="scheduler")
        own_redis.stop()
        time.sleep(outage_seconds)
        own_redis.start()

        with using_redis(app, own_redis.url), app.app_context():
            job = get_queue().enqueue_in(timedelta(seconds=3), "mektep.workers.alive_key", "x")
            due = time.monotonic() + 3
            fetch = lambda: Job.fetch(job.id, connection=own_redis.client())  # noqa: E731
            wait_until(lambda: fetch().get_status() == JobStatus.FINISHED, timeout=60)
        late = time.monotonic() - due
        # Run by a scheduler started again, not by the sweep (which waits OVERDUE_SECONDS).
        assert late < OVERDUE_SECONDS, late
        print(f"the retry ran {max(late, 0):.1f} s after it was due")
    finally:
        stop_gracefully(worker)


def test_the_sweep_queues_a_scheduled_job_no_scheduler_took(app, own_redis):
    """No worker runs: the sweep itself finds the overdue job and queues it."""
    with using_redis(app, own_redis.url), app.app_context():
        queue = get_queue()
        overdue = queue.enqueue_in(timedelta(seconds=-OVERDUE_SECONDS - 5), "builtins.len", "x")
        soon = queue.enqueue_in(timedelta(seconds=60), "builtins.len", "y")
        assert not job_is_live(overdue.id)
        assert job_is_live(soon.id)

        assert enqueue_overdue_jobs() == 1
        assert overdue.get_status(refresh=True) == JobStatus.QUEUED
        assert job_is_live(overdue.id)
        assert soon.get_status(refresh=True) == JobStatus.SCHEDULED
        assert queue.job_ids == [overdue.id]
