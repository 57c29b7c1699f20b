"""Run an RQ worker on the configured Redis (embedded or real), inside the app.
It takes jobs from the main queue first, and from the low-priority one only when
the main one is empty.

python worker.py            # work until stopped (Ctrl-C)
python worker.py --burst    # work off the queue, then exit
"""

import argparse
import sys
import threading

from rq import SimpleWorker, Worker

from config import ConfigurationError
from mektep import create_app
from mektep.extensions import db
from mektep.jobs import SWEEP_SECONDS, run_sweeps
from mektep.queue import get_queues, get_redis


def make_worker_class(app, base):
    class AppWorker(base):
        """Runs each job inside the app context, on fresh database connections."""

        def perform_job(self, job, queue, *args, **kwargs):
            with app.app_context():
                if base is Worker:
                    # A forked work horse must not share the parent's connections.
                    db.engine.dispose(close=False)
                try:
                    return super().perform_job(job, queue, *args, **kwargs)
                finally:
                    db.session.remove()

    return AppWorker


def sweep_forever(app, stop):
    while not stop.wait(SWEEP_SECONDS):
        with app.app_context():
            run_sweeps(app)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--burst", action="store_true", help="exit when the queue is empty")
    parser.add_argument(
        "--simple", action="store_true", help="run jobs in this process instead of forking"
    )
    args = parser.parse_args()

    try:
        app = create_app()
    except ConfigurationError as error:
        error.show()
        sys.exit(error.exit_code)
    with app.app_context():
        run_sweeps(app)
        worker_class = make_worker_class(app, SimpleWorker if args.simple else Worker)
        worker = worker_class(get_queues(app), connection=get_redis(app))
    stop = threading.Event()
    if not args.burst:
        threading.Thread(target=sweep_forever, args=(app, stop), daemon=True).start()
    try:
        worker.work(burst=args.burst, with_scheduler=not args.burst, logging_level="INFO")
    finally:
        stop.set()


if __name__ == "__main__":
    main()
