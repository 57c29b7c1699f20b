"""Run an RQ worker on the configured Redis (embedded or real), inside the app.
It takes jobs from the main queue first, and from the low-priority one only when
the main one is empty.

python worker.py            # work until stopped (Ctrl-C, SIGTERM)
python worker.py --burst    # work off the queue, then exit

It runs the sweeps at start, once more when a killed worker's jobs are sure
to count as lost, and then every SWEEP_SECONDS. It comes through
Redis outages (it starts its work loop again if RQ gives it up), and takes down
with it whatever it started (mektep/workers.py, mektep/scratch.py).
"""

import argparse
import logging
import signal
import sys
import threading
import time

import redis
from rq.exceptions import StopRequested

from config import ConfigurationError
from mektep import create_app, scratch
from mektep.jobs import SWEEP_SECONDS, run_sweeps
from mektep.workers import (
    ALIVE_SECONDS,
    die_with_this_process,
    make_worker,
    retire,
    start_heartbeat,
)

log = logging.getLogger("mektep.worker")
RESTART_SECONDS = 5


def sweep_forever(app, stop):
    """Sweep every SWEEP_SECONDS, and once as soon as every worker that died
    before this one started has been counted dead: the sweep at start still
    saw a killed worker's jobs as live (its heartbeat key outlives it by up to
    ALIVE_SECONDS), and they should not wait a whole SWEEP_SECONDS more."""
    wait = ALIVE_SECONDS + 1
    while not stop.wait(wait):
        with app.app_context():
            run_sweeps(app)
        wait = SWEEP_SECONDS


def work(app, burst, simple):
    """Run the worker's loop until it is asked to stop (or, in burst mode, until
    the queues are empty); a loop RQ gives up (Redis unreachable) starts again."""
    worker = None
    while True:
        previous = worker
        try:
            worker = make_worker(app, simple=simple)
        except redis.RedisError as error:
            if burst:
                raise
            # Redis is down as the loop starts (again): wait for it, do not exit.
            log.warning(
                "the worker cannot reach Redis (%s): it tries again in %s s", error, RESTART_SECONDS
            )
            try:
                time.sleep(RESTART_SECONDS)
            except StopRequested:  # raised by the previous loop's signal handler
                return
            if previous is not None and previous.stopping.is_set():
                return
            worker = previous
            continue
        if previous is not None:
            retire(previous)
        stop_heartbeat = start_heartbeat(worker)
        try:
            worker.work(burst=burst, with_scheduler=not burst, logging_level="INFO")
        except redis.RedisError as error:
            log.warning("the worker lost Redis: %s", error)
        finally:
            stop_heartbeat()
        if burst or worker.stopping.is_set():
            return
        log.warning("the worker's loop ended: it starts again in %s s", RESTART_SECONDS)
        try:
            if worker.stopping.wait(RESTART_SECONDS):
                return
        except StopRequested:  # raised by RQ's signal handler
            return


def main():
    # Until RQ's loop puts in its own handlers (which finish the job at hand), a
    # stop request ends the worker at once, cleanly: no job runs yet.
    signal.signal(signal.SIGTERM, lambda _signum, _frame: sys.exit(0))
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
    die_with_this_process()
    scratch.claim(app.config["INSTANCE_DIR"])
    stop = threading.Event()
    try:
        with app.app_context():
            run_sweeps(app)  # the abandoned job folders of killed workers among them
        if not args.burst:
            threading.Thread(target=sweep_forever, args=(app, stop), daemon=True).start()
        work(app, args.burst, args.simple)
    finally:
        stop.set()
        scratch.release()


if __name__ == "__main__":
    main()
