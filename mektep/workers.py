"""The RQ worker process (run by `worker.py`): jobs run inside the app, the
worker comes through Redis outages and a kill -9 quickly, and nothing it
started outlives it.

- Heartbeat: a thread of each worker keeps a key `mektep:worker-alive:<name>`
  for ALIVE_SECONDS. A started job whose worker's key is gone is lost
  (`job_is_live`): a worker killed with kill -9 has its jobs taken up again by
  the next sweep, within a minute.
- Scheduler (retries with a delay): RQ runs it in a child process, which dies
  with any Redis outage; the worker starts it again at its next maintenance
  (every MAINTENANCE_SECONDS; an idle worker wakes every DEQUEUE_SECONDS for
  it). A sweep moves jobs overdue by OVERDUE_SECONDS to their queue in case no
  scheduler runs at all (`enqueue_overdue_jobs`).
- Children: the work horse and the scheduler process are killed by the kernel
  when their worker dies (Linux's parent-death signal); the programs a job
  starts live in its job folder and are killed with it (`mektep/scratch.py`).
"""

import contextlib
import ctypes
import logging
import os
import signal
import threading
from datetime import timedelta

import psutil
import redis
from rq import Queue, SimpleWorker, Worker
from rq.exceptions import NoSuchJobError
from rq.job import Job, JobStatus
from rq.registry import ScheduledJobRegistry
from rq.utils import now

from mektep import scratch
from mektep.extensions import db
from mektep.jobs import add_sweep
from mektep.queue import connect, get_queues, get_redis

log = logging.getLogger(__name__)

ALIVE_SECONDS = 15
ALIVE_BEAT_SECONDS = 5
# How often the heartbeat looks whether RQ's loop is ready, before its first beat.
READY_POLL_SECONDS = 0.1
DEQUEUE_SECONDS = 5
MAINTENANCE_SECONDS = 5
OVERDUE_SECONDS = 30
PR_SET_PDEATHSIG = 1


def alive_key(worker_name):
    return f"mektep:worker-alive:{worker_name}"


def make_worker(app, simple=False):
    """A worker of the app's queues (forking a work horse per job, or running
    jobs in its own process when `simple`)."""
    base = SimpleWorker if simple else Worker

    class AppWorker(base):
        """Runs each job inside the app context, on fresh database connections."""

        # After an outage, Redis is tried again at least this often.
        max_connection_wait_time = 5

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.stopping = threading.Event()  # set by Ctrl-C or SIGTERM
            self.ready = threading.Event()  # RQ's loop is on, with its own stop handlers

        def _install_signal_handlers(self):
            # The last step before RQ's loop: from here a stop request finishes
            # the job at hand, and the worker counts as alive (keep_alive).
            super()._install_signal_handlers()
            self.ready.set()

        def handle_warm_shutdown_request(self):
            self.stopping.set()
            super().handle_warm_shutdown_request()

        def perform_job(self, job, queue, *args, **kwargs):
            with app.app_context():
                if base is Worker:
                    # A forked work horse must not share the parent's connections.
                    db.engine.dispose(close=False)
                try:
                    return super().perform_job(job, queue, *args, **kwargs)
                finally:
                    db.session.remove()

        def monitor_work_horse(self, job, queue, *args, **kwargs):
            try:
                return super().monitor_work_horse(job, queue, *args, **kwargs)
            finally:
                scratch.clean_after_job()

    # A connection of its own: RQ blocks on it for DEQUEUE_SECONDS waiting for a job.
    connection = connect(app.config, socket_timeout=DEQUEUE_SECONDS + 10)
    with app.app_context():
        return AppWorker(
            [Queue(queue.name, connection=connection) for queue in get_queues(app)],
            connection=connection,
            # RQ waits for a job this long (its TTL less 15 s) before its maintenance.
            worker_ttl=DEQUEUE_SECONDS + 15,
            maintenance_interval=MAINTENANCE_SECONDS,
        )


def retire(worker):
    """Clear up after a worker whose loop ended without a stop (Redis was lost),
    once Redis answers again: its Pub/Sub thread still retries, and its dead
    scheduler still holds the scheduling locks, which would keep the next loop's
    scheduler from starting until they expire (a minute: retries run late)."""
    if worker.pubsub_thread is not None:
        worker.pubsub_thread.stop()
    if worker.scheduler is not None:
        with contextlib.suppress(redis.RedisError):
            worker.scheduler.release_locks()


def die_with_this_process():
    """Have the kernel kill every child this process forks (its work horses, its
    scheduler) when this process dies, whatever kills it. Linux only."""
    parent = os.getpid()
    try:
        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return

    def in_child():
        prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
        if not psutil.pid_exists(parent):  # it died before the signal was set
            os._exit(1)

    os.register_at_fork(after_in_child=in_child)


def keep_alive(worker, stop):
    """Keep the worker's alive key from the moment RQ's loop is ready until
    `stop` is set (a thread's loop). Not before: until then a stop request ends
    the process the hard way (worker.py), and nothing should count on it."""
    while not worker.ready.wait(READY_POLL_SECONDS):
        if stop.is_set():
            return
    connection = worker.connection
    while True:
        try:
            connection.set(alive_key(worker.name), os.getpid(), ex=ALIVE_SECONDS)
        except redis.RedisError as error:
            log.warning("worker heartbeat failed: %s", error)
        if stop.wait(ALIVE_BEAT_SECONDS):
            break
    with contextlib.suppress(redis.RedisError):
        connection.delete(alive_key(worker.name))


def start_heartbeat(worker):
    """Start the worker's heartbeat thread; returns the function that stops it,
    once its alive key is gone (a key left behind would count a stopped worker
    as alive for ALIVE_SECONDS)."""
    stop = threading.Event()
    thread = threading.Thread(target=keep_alive, args=(worker, stop), daemon=True)
    thread.start()

    def stop_heartbeat():
        stop.set()
        thread.join(timeout=ALIVE_BEAT_SECONDS)

    return stop_heartbeat


def job_is_live(job_id):
    """Whether job `job_id` is queued, started by a worker that is alive, or
    scheduled and not overdue: a sweep leaves its work to it. False when Redis
    cannot be reached (the sweep queues the work again, which fails the same way)."""
    connection = get_redis()
    try:
        job = Job.fetch(job_id, connection=connection)
        status = job.get_status()
        if status in (JobStatus.QUEUED, JobStatus.DEFERRED):
            return True
        if status == JobStatus.STARTED:
            return bool(job.worker_name and connection.exists(alive_key(job.worker_name)))
        if status == JobStatus.SCHEDULED:
            registry = ScheduledJobRegistry(job.origin, connection=connection)
            return registry.get_scheduled_time(job_id) > _overdue_cutoff()
        return False
    except NoSuchJobError:
        return False
    except redis.RedisError as error:
        log.warning("job %s could not be looked up: %s", job_id, error)
        return False


def _overdue_cutoff():
    return now() - timedelta(seconds=OVERDUE_SECONDS)


def enqueue_overdue_jobs():
    """Sweep: queue every scheduled job (a retry) overdue by OVERDUE_SECONDS,
    which no scheduler took (it died with a Redis outage and was not restarted);
    returns how many."""
    moved = 0
    for queue in get_queues():
        registry = queue.scheduled_job_registry
        for job_id in registry.get_jobs_to_schedule(int(_overdue_cutoff().timestamp())):
            registry.remove(job_id)
            try:
                job = Job.fetch(job_id, connection=queue.connection)
            except NoSuchJobError:
                continue  # expired meanwhile
            queue.enqueue_job(job)
            moved += 1
    if moved:
        log.warning("queued %s scheduled job(s) that no scheduler took on time", moved)
    return moved


def init_app(app):
    add_sweep(app, enqueue_overdue_jobs)
    add_sweep(app, scratch.clean_abandoned)
