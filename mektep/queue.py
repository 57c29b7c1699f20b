"""Redis and the RQ job queues.

There are two queues: the main one (`RQ_QUEUE`) and a low-priority one
(`RQ_QUEUE` + "-low") for work nobody waits for, such as reading a document's
text for search. A worker takes a job from the low-priority queue only when the
main one is empty.

With `REDIS_URL` empty, Redis is the embedded server of the instance folder
(`mektep/embedded_redis.py`), shared by every process of the instance (the web
server, the worker and the tests alike) and started again if it dies.

Redis may be unreachable for a while: whatever a request does with it goes
through `with_redis(action, fallback)`, which runs the fallback instead (and
logs one warning per outage), so a request never fails for it. A failed
attempt makes the next ones skip Redis for `OUTAGE_PAUSE_SECONDS`, so that an
outage does not cost every request a connection timeout.
"""

import logging
import threading
import time

import redis
from flask import current_app
from rq import Queue
from sqlalchemy import event
from sqlalchemy.orm import Session

from mektep.embedded_redis import RETRY, embedded_client
from mektep.extensions import db

log = logging.getLogger(__name__)
NORMAL, LOW = "normal", "low"
OUTAGE_PAUSE_SECONDS = 5
_connecting = threading.Lock()


def connect(config, socket_timeout=5):
    """A new Redis client of the configured server. A worker's waits for a job
    (a blocking read) need a `socket_timeout` longer than the wait."""
    url = config["REDIS_URL"]
    if url:
        # A dropped connection is retried at once on a new one, then given up
        # quickly: an outage must not hold a request for seconds.
        return redis.Redis.from_url(
            url,
            socket_connect_timeout=1,
            socket_timeout=socket_timeout,
            retry=RETRY,
        )
    config["INSTANCE_DIR"].mkdir(parents=True, exist_ok=True)
    return embedded_client(config["EMBEDDED_REDIS_FILE"], socket_timeout)


def get_redis(app=None):
    """The app's Redis connection, opened once per process (a threaded server's
    first requests may ask at the same moment: an embedded server is started once)."""
    app = app or current_app
    conn = app.extensions.get("mektep_redis")
    if conn is None:
        with _connecting:
            conn = app.extensions.get("mektep_redis")
            if conn is None:
                conn = app.extensions["mektep_redis"] = connect(app.config)
    return conn


def redis_url(app=None):
    """A URL other processes can use to reach the same Redis server."""
    app = app or current_app
    if app.config["REDIS_URL"]:
        return app.config["REDIS_URL"]
    return f"unix://{get_redis(app).connection_pool.connection_kwargs['path']}"


class _Outage:
    """What this process knows of its Redis client's server being unreachable."""

    def __init__(self):
        self.skip_until = 0.0
        self.reported = False


def _outage(app):
    """The outage record of the app's current Redis client (a new client, a new record)."""
    client = app.extensions.get("mektep_redis")
    known = app.extensions.get("mektep_redis_outage")
    if known is None or known[0] is not client:
        known = app.extensions["mektep_redis_outage"] = (client, _Outage())
    return known[1]


def with_redis(action, fallback, meanwhile, app=None):
    """`action()`, which uses Redis; when Redis cannot be reached, `fallback()`
    instead, with a warning saying what happens `meanwhile` (once per outage).
    After a failure, Redis is not tried again for OUTAGE_PAUSE_SECONDS."""
    app = app or current_app
    outage = _outage(app)
    if time.monotonic() < outage.skip_until:
        return fallback()
    try:
        result = action()
    except redis.RedisError as error:
        outage.skip_until = time.monotonic() + OUTAGE_PAUSE_SECONDS
        # The client may have been made by `action`: the record follows it.
        app.extensions["mektep_redis_outage"] = (app.extensions.get("mektep_redis"), outage)
        if not outage.reported:
            outage.reported = True
            log.warning("Redis is unreachable (%s): %s until it is back", error, meanwhile)
        return fallback()
    if outage.reported:
        outage.reported = False
        log.warning("Redis is reachable again")
    return result


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
    """Enqueue a job now; None if Redis cannot be reached (its row waits for a sweep)."""
    return with_redis(
        lambda: get_queue(priority=priority).enqueue(func, *args, **kwargs),
        lambda: None,
        "jobs are left for the worker's sweeps",
    )


@event.listens_for(Session, "after_commit")
def _enqueue_committed_jobs(session):
    for func, args, priority, kwargs in session.info.pop("mektep_jobs", []):
        enqueue_now(func, *args, priority=priority, **kwargs)


@event.listens_for(Session, "after_soft_rollback")
def _drop_rolled_back_jobs(session, previous_transaction):
    if previous_transaction.parent is None:
        session.info.pop("mektep_jobs", None)
