"""Health checks for load balancers and process supervisors, on every host.

`/healthz` says the web process is up (it reads nothing: a database outage must
not make a load balancer restart healthy processes). `/readyz` says whether the
process can serve: the database, Redis and the file storage are reachable; a
503 names the one that is not (the error itself goes to the log, not to whoever
asks). Both answer on any host, before the school is looked up, are never
cached (`no-store`) and never audited; the request log leaves out their
successes (`mektep/request_log.py`), which a load balancer asks for every few
seconds.
"""

import logging
import os
from pathlib import Path

import redis
from flask import Blueprint, request
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from mektep.extensions import db
from mektep.queue import get_redis
from mektep.storage import get_storage

log = logging.getLogger(__name__)
bp = Blueprint("health", __name__)
# A key no file has: asking for it reaches the storage without reading anything.
STORAGE_PROBE_KEY = "readyz-probe"


def answers_any_host():
    """Whether the current request is a health check: no school to look up."""
    return request.blueprint == bp.name


def _plain(body, status):
    return (
        body + "\n",
        status,
        {"Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store"},
    )


@bp.route("/healthz")
def healthz():
    return _plain("ok", 200)


def _database():
    try:
        db.session.execute(text("SELECT 1"))
    finally:
        db.session.rollback()


def _redis():
    get_redis().ping()


def _storage():
    storage = get_storage()
    folder = getattr(storage, "root", None)
    if isinstance(folder, Path):
        # A local folder, made on the first upload: it, or the folder it will be
        # made in, must be writable.
        existing = next(path for path in (folder, *folder.parents) if path.exists())
        if not (existing.is_dir() and os.access(existing, os.W_OK)):
            raise PermissionError(f"the storage folder {existing} is not writable")
    storage.exists(STORAGE_PROBE_KEY)


CHECKS = {"database": _database, "redis": _redis, "storage": _storage}


@bp.route("/readyz")
def readyz():
    failed = []
    for name, check in CHECKS.items():
        try:
            check()
        except (SQLAlchemyError, redis.RedisError, OSError) as error:
            log.warning("readyz: %s is unreachable: %s", name, error)
            failed.append(name)
    lines = [f"{name}: {'unreachable' if name in failed else 'ok'}" for name in CHECKS]
    return _plain("\n".join(lines), 503 if failed else 200)


def init_app(app):
    app.register_blueprint(bp)
