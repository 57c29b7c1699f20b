"""Views counted by this web process, handed to Redis together at most a
second later (`SEND_SECONDS`): one round trip a second instead of one a page,
which on a page sent from the cache was as long as finding the page.

A thread of the process's own sends them (started on the first view in each
process: gunicorn forks after loading the app), and so does the process on
its way out; a request only adds to a counter in memory, so a slow Redis never
holds a page up. A process killed outright loses its last second of counts, as
a Redis outage loses the counts of its duration: never a page.
"""

import atexit
import logging
import os
import threading
import time
import weakref
from collections import Counter
from types import SimpleNamespace

import redis

from mektep.queue import get_redis

log = logging.getLogger(__name__)
SEND_SECONDS = 1.0
# A day's counters outlive it long enough for a worker to be back.
KEEP_SECONDS = 8 * 24 * 3600


class PendingViews:
    """An app's counts not yet in Redis: {(hash key, field): views}."""

    def __init__(self, app):
        self.app = app
        self.counts = Counter()
        self.lock = threading.Lock()
        # One send at a time: once send() returns, no count of before is on its way.
        self.sending = threading.Lock()
        _everyone.add(self)

    def add(self, key, field):
        with self.lock:
            self.counts[key, field] += 1
        if _sender.pid != os.getpid():
            _start_sender()

    def send(self):
        """Hand every pending count to Redis (lost if it cannot be reached)."""
        with self.sending:
            with self.lock:
                counts, self.counts = self.counts, Counter()
            if counts:
                self._send(counts)

    def _send(self, counts):
        try:
            with self.app.app_context():  # from the sender thread, or at exit
                pipe = get_redis().pipeline(transaction=False)
                for (key, field), views in counts.items():
                    pipe.hincrby(key, field, views)
                for key in {key for key, _field in counts}:
                    pipe.expire(key, KEEP_SECONDS)
                pipe.execute()
        except redis.RedisError as error:
            log.warning("%s views not counted, Redis unreachable: %s", counts.total(), error)


def pending_views(app):
    """The app's PendingViews in this process."""
    pending = app.extensions.get("mektep.pending_views")
    if pending is None:
        pending = app.extensions.setdefault("mektep.pending_views", PendingViews(app))
    return pending


# Every app's PendingViews in this process (apps come and go in tests), and the
# one thread that sends their counts when no view comes.
_everyone = weakref.WeakSet()
_sender = SimpleNamespace(pid=None)  # the process whose sender thread runs
_sender_lock = threading.Lock()


def _send_all():
    for pending in list(_everyone):
        if pending.counts:
            pending.send()


def _start_sender():
    with _sender_lock:
        if _sender.pid == os.getpid():
            return
        _sender.pid = os.getpid()
    threading.Thread(target=_send_every_second, name="pending-views", daemon=True).start()


def _send_every_second():
    while True:
        time.sleep(SEND_SECONDS)
        _send_all()


atexit.register(_send_all)
