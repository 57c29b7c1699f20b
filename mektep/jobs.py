"""Background work: the sweeps the worker runs.

A sweep is a function that finds work left undone (a job lost with Redis, a
post due for publishing) and queues or does it. A part of the product adds its
sweeps with `add_sweep(app, func)` from its `init_app`; the worker runs every
sweep of its app when it starts and then every `SWEEP_SECONDS`.
"""

from mektep.extensions import db
from mektep.registries import registry

SWEEP_SECONDS = 30


def add_sweep(app, func):
    """Have the worker of `app` run `func()` at start and every SWEEP_SECONDS."""
    registry("sweeps", app).append(func)


def run_sweeps(app):
    for func in registry("sweeps", app):
        try:
            func()
        except Exception:
            app.logger.exception("sweep %s failed", func.__name__)
            db.session.rollback()
        finally:
            db.session.remove()
