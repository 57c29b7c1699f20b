"""The generations a process has read, kept until Redis announces a bump.

A page the cache does not hold still needs its school's generations: what
`memo.py` keeps goes by them. Asking Redis on every such page is a round trip
that, under load, costs a tenth of the page. So each process subscribes to the
store's bumps channel, which every bump publishes to in the same transaction
as it replaces the generations (`store.py`), and keeps what it read until a
message names the school (or the district).

Before a kept value is used, the messages already on the subscriber's socket
are read: a poll, not a round trip. Redis sends a bump's message to every
subscriber in the same pass as its answer to the process that bumped (Redis 7
writes the subscribers' first), so the message is on every subscriber's socket
before that process can even answer its own request: a publish anywhere is
seen by the next request everywhere.

Nothing is kept while the subscription is not known to be live: before it is
confirmed, after its connection fails (messages may have been lost: all that
was kept is dropped) and in a forked child until it subscribes on its own. A
value is kept at most `KEEP_SECONDS` in any case, so even a connection that
dies without a word cannot keep a stale one for long.
"""

import os
import threading
import time

import cachetools
import redis

# The most schools a process keeps the generations of, and for how long.
KEEP_ENTRIES = 4096
KEEP_SECONDS = 30
DISTRICT = "district"


class GenerationWatch:
    """The generations one PageStore has read in this process, and the
    subscription that tells when they change."""

    def __init__(self, channel, connect, retry_seconds):
        """`connect()` gives a new Redis connection for the subscription."""
        self.channel = channel
        self.connect = connect
        self.retry_seconds = retry_seconds
        self._kept = cachetools.TTLCache(maxsize=KEEP_ENTRIES, ttl=KEEP_SECONDS)
        self._lock = threading.Lock()
        self._connection = None
        self._pid = None
        self._retry_at = 0.0
        # Advances with every message read and every subscription lost, so a
        # value read from Redis meanwhile is not kept (it may be what changed).
        self._epoch = 0

    def known(self, school_id):
        """(the mark to give `remember`, the generations kept for the school or
        None); the mark is None when nothing may be kept now."""
        with self._lock:
            if not self._watching():
                return None, None
            return self._epoch, self._kept.get(school_id)

    def remember(self, school_id, generations, mark):
        """Keep `generations`, read from Redis after `known` gave `mark`, unless
        a message has come in or the subscription was lost since."""
        with self._lock:
            if mark is not None and mark == self._epoch and self._connection is not None:
                self._kept[school_id] = generations

    def _watching(self):
        """Whether the subscription is live, with every message it has received
        applied; subscribes when it is due."""
        if self._connection is not None and self._pid != os.getpid():
            self._connection = None  # the parent's socket: never read it here
        if self._connection is None:
            return self._subscribe()
        try:
            while self._connection.can_read(timeout=0):
                self._apply(self._connection.read_response(push_request=True))
        except (redis.RedisError, OSError):
            self._lost()
            return False
        return True

    def _subscribe(self):
        if time.monotonic() < self._retry_at:
            return False
        # Messages sent before this subscription never reach it.
        self._kept.clear()
        connection = self.connect()
        try:
            connection.send_command("SUBSCRIBE", self.channel)
            confirmed = connection.read_response(push_request=True)[0] == b"subscribe"
        except (redis.RedisError, OSError):
            confirmed = False
        if not confirmed:
            connection.disconnect()
            self._retry_at = time.monotonic() + self.retry_seconds
            return False
        self._connection, self._pid = connection, os.getpid()
        return True

    def _apply(self, message):
        self._epoch += 1
        if message[0] != b"message":
            return
        named = message[2].decode(errors="replace").split()
        if not all(school_id.isdigit() for school_id in named):  # the district, or unknown
            self._kept.clear()
            return
        for school_id in named:
            self._kept.pop(int(school_id), None)

    def _lost(self):
        self._connection.disconnect()
        self._connection = None
        self._epoch += 1
