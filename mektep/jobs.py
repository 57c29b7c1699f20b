"""Background work: the app context jobs run in, and the sweeps the worker runs.

A sweep is a function that finds work left undone (a job lost with Redis, a
post due for publishing) and queues or does it. The worker runs every
registered sweep when it starts and then every `SWEEP_SECONDS`.
"""

from mektep.extensions import db

SWEEP_SECONDS = 30
_sweeps = []


def sweep(func):
    """Register `func` as a sweep. Returns it unchanged."""
    _sweeps.append(func)
    return func


def run_sweeps(app):
    for func in _sweeps:
        try:
            func()
        except Exception:
            app.logger.exception("sweep %s failed", func.__name__)
            db.session.rollback()
        finally:
            db.session.remove()


def count_schools():
    """A trivial job: proves a worker reaches the database inside the app context."""
    from tenants.models import School

    return db.session.scalar(db.select(db.func.count(School.id)))
