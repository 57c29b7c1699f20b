"""Where the page cache keeps pages: Redis, shared by every web process and worker.

Per school, two keys, and one index for all:

- `<prefix>:<school id>:generation`, a random token replaced whenever anything
  the school's public sees is written (`bump`); one more such key holds the
  district-wide generation;
- `<prefix>:<school id>:pages`, a hash whose fields are "<school generation>
  <district generation> <path>?<query>" and whose values are the stored pages
  (`entries.py`);
- `<prefix>:hosts`, each school's own host name → its id, so that a page is
  found from the request alone, before the database is asked anything.

A bump also publishes the schools it names (or "district") on the channel
`<prefix>:bumps`, in the same transaction: each process keeps the generations
it read until then (`watch.py`).

So a page is found only under the generations it was rendered with: a bump
makes every older page of the school unreachable at once (and deletes the
hash, freeing its memory), a district-wide bump every school's. A generation is
a random token, never a counter, so a key lost or evicted can never bring an
old page back. A school's hash holds at most `PAGE_CACHE_PAGES_PER_SCHOOL`
fields (a full hash drops one at random for a new one) and expires
`PAGE_CACHE_SECONDS` after its last write, so memory is bounded per school.

Redis failing never fails a request: the store stops asking for a few seconds
(`RETRY_SECONDS`, so a dead server costs no timeout per request) and pages are
rendered as if there were no cache. Bumps that could not be sent are kept in
the process and sent first once Redis answers again, before any page is read.

The scripts run on a connection of each thread's own (`ScriptConnection`),
not through redis-py's pool and Script objects: a page sent from the cache is
mostly this one round trip, and the pool's bookkeeping cost as much as the
trip itself.
"""

import hashlib
import logging
import os
import threading
import time

import redis
from flask import current_app
from redis.backoff import NoBackoff
from redis.exceptions import NoScriptError
from redis.retry import Retry

from mektep.pagecache.watch import DISTRICT, GenerationWatch

log = logging.getLogger(__name__)

# Seconds without asking Redis after it failed.
RETRY_SECONDS = 5
# A cache must answer fast or not at all: a slow Redis is a down Redis.
TIMEOUT_SECONDS = 0.25

# Finds a page: the school (given, or found by its host in the hosts index),
# the field of the page under the school's current generations (a missing
# generation is created with the fresh token given) and the page stored there.
LOOKUP = """
local school = ARGV[3]
if school == '' then
  school = redis.call('HGET', KEYS[1], ARGV[2])
  if not school then return nil end
end
local prefix = ARGV[6] .. ':' .. school
local generation = redis.call('GET', prefix .. ':generation')
if not generation then
  generation = ARGV[4]
  redis.call('SET', prefix .. ':generation', generation)
end
local district = redis.call('GET', KEYS[2])
if not district then district = ARGV[5]; redis.call('SET', KEYS[2], district) end
local field = generation .. ' ' .. district .. ' ' .. ARGV[1]
return {school, field, redis.call('HGET', prefix .. ':pages', field)}
"""
# The school's and the district's generations, created (with the fresh tokens
# given) where missing, as LOOKUP does.
GENERATIONS = """
local found = {}
for index, key in ipairs(KEYS) do
  local generation = redis.call('GET', key)
  if not generation then
    generation = ARGV[index]
    redis.call('SET', key, generation)
  end
  found[index] = generation
end
return found[1] .. ' ' .. found[2]
"""
# Stores a page, making room by dropping a random one when the school is
# full, and notes the school's host in the hosts index.
STORE = """
if redis.call('HLEN', KEYS[1]) >= tonumber(ARGV[3])
   and redis.call('HEXISTS', KEYS[1], ARGV[1]) == 0 then
  redis.call('HDEL', KEYS[1], redis.call('HRANDFIELD', KEYS[1]))
end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('EXPIRE', KEYS[1], ARGV[4])
redis.call('HSET', KEYS[2], ARGV[5], ARGV[6])
"""


# Where an app keeps its PageStore (`mektep.pagecache.init_app`).
EXTENSION = "mektep.pagecache"


def store_of(app=None):
    """The app's PageStore (there is one with the cache off too: its
    generations), or None before `init_app`."""
    return (app or current_app).extensions.get(EXTENSION)


def new_token():
    return os.urandom(6).hex()


class Script:
    """A Lua script, sent by its SHA1 (EVALSHA) once Redis knows it."""

    def __init__(self, source):
        self.source = source
        self.sha = hashlib.sha1(source.encode()).hexdigest()


LOOKUP_SCRIPT, STORE_SCRIPT, GENERATIONS_SCRIPT = map(Script, (LOOKUP, STORE, GENERATIONS))


def own_connection(pool):
    """A new connection like `pool`'s, outside it, with no retries of
    redis-py's own: a failure is handled once, by its user."""
    return pool.connection_class(**dict(pool.connection_kwargs, retry=Retry(NoBackoff(), 0)))


class ScriptConnection(threading.local):
    """A thread's own connection to Redis for the scripts, made in this
    process: a socket must not be shared across a fork (gunicorn may fork after
    the app is made), nor by two threads at once (gthread workers)."""

    connection = None
    pid = None

    def get(self, pool):
        if self.connection is None or self.pid != os.getpid():
            self.connection, self.pid = own_connection(pool), os.getpid()
        return self.connection

    def run(self, pool, script, keys, args):
        """The reply of `script` run with `keys` and `args`. A connection that
        served before and fails may just be stale (Redis restarted, or closed it
        while idle): it connects again and the script is sent once more, where
        a timeout is not (a slow Redis is a down Redis). redis-py closes a
        connection that fails, so no half-read reply is ever read on."""
        connection = self.get(pool)
        if not connection.is_connected:
            return self._send(connection, script, keys, args)
        try:
            return self._send(connection, script, keys, args)
        except redis.ConnectionError:
            return self._send(connection, script, keys, args)

    @staticmethod
    def _send(connection, script, keys, args):
        try:
            connection.send_command("EVALSHA", script.sha, len(keys), *keys, *args)
            return connection.read_response()
        except NoScriptError:  # Redis restarted, or its scripts were flushed
            connection.send_command("EVAL", script.source, len(keys), *keys, *args)
            return connection.read_response()


class PageStore:
    """The page cache of one app: its Redis client, scripts and outage state."""

    def __init__(self, url, seconds, pages_per_school, prefix="mektep:pages", keeps_pages=True):
        self.url = url
        self.keeps_pages = keeps_pages
        self.seconds = seconds
        self.pages_per_school = pages_per_school
        self.prefix = prefix
        self._client = None
        self._scripts = ScriptConnection()
        self._lock = threading.Lock()
        self._down_until = 0.0
        self._unsent_schools = set()
        self._unsent_district = False
        self._watch = GenerationWatch(self.bumps_channel(), self._new_connection, RETRY_SECONDS)

    # Keys

    def generation_key(self, school_id):
        return f"{self.prefix}:{school_id}:generation"

    def district_key(self):
        return f"{self.prefix}:district:generation"

    def pages_key(self, school_id):
        return f"{self.prefix}:{school_id}:pages"

    def hosts_key(self):
        return f"{self.prefix}:hosts"

    def bumps_channel(self):
        return f"{self.prefix}:bumps"

    # Connection and outages

    def _connect(self):
        if self._client is None:
            url = self.url() if callable(self.url) else self.url
            self._client = redis.Redis.from_url(
                url, socket_connect_timeout=TIMEOUT_SECONDS, socket_timeout=TIMEOUT_SECONDS
            )
        return self._client

    def _new_connection(self):
        return own_connection(self._connect().connection_pool)

    def _run(self, script, keys, args):
        return self._scripts.run(self._connect().connection_pool, script, keys, args)

    def _failed(self, error):
        if time.monotonic() >= self._down_until:
            log.warning("page cache unreachable, pages are rendered uncached: %s", error)
        self._down_until = time.monotonic() + RETRY_SECONDS

    def available(self):
        """Whether pages may be read and stored now: Redis is not known to be
        down, and every bump this process owes has been sent."""
        if time.monotonic() < self._down_until:
            return False
        if self._unsent_schools or self._unsent_district:
            return self._send_unsent()
        return True

    # Reading and storing pages

    def lookup(self, key, host, school_id=None):
        """(school id, field, stored page or None) of the page `key` of the
        school `school_id`, or of the school whose host is `host` when no id is
        given (None if the hosts index does not know it); None too when Redis
        cannot be asked. The field names the page under the generations it
        is rendered in: store it there."""
        if not self.available():
            return None
        try:
            found = self._run(
                LOOKUP_SCRIPT,
                (self.hosts_key(), self.district_key()),
                (key, host, school_id or "", new_token(), new_token(), self.prefix),
            )
        except redis.RedisError as error:
            self._failed(error)
            return None
        if found is None:
            return None
        school, field, value = found
        return int(school), field, value

    def generations(self, school_id):
        """(school generation, district generation) as they are now (what a
        `lookup` field starts with), or None when Redis cannot be asked."""
        if not self.available():
            return None
        mark, kept = self._watch.known(school_id)
        if kept is not None:
            return kept
        try:
            found = self._run(
                GENERATIONS_SCRIPT,
                (self.generation_key(school_id), self.district_key()),
                (new_token(), new_token()),
            )
        except redis.RedisError as error:
            self._failed(error)
            return None
        generations = tuple(found.decode().split(" "))
        self._watch.remember(school_id, generations, mark)
        return generations

    def store(self, school_id, host, field, value):
        """Keep a page under the field `lookup` gave (a bump since made that
        field unreachable already), and note that `host` is the school's."""
        if not self.available():
            return
        try:
            self._run(
                STORE_SCRIPT,
                (self.pages_key(school_id), self.hosts_key()),
                (field, value, self.pages_per_school, self.seconds, host, school_id),
            )
        except redis.RedisError as error:
            self._failed(error)

    # Invalidation

    def bump(self, school_ids=(), district=False):
        """Make the stored pages of these schools (of every school, with
        `district`) unreachable. Never raises: what cannot be sent now is sent
        before this process reads a page again."""
        with self._lock:
            self._unsent_schools.update(school_ids)
            self._unsent_district = self._unsent_district or district
        if time.monotonic() >= self._down_until:
            self._send_unsent()

    def _send_unsent(self):
        with self._lock:
            schools, district = set(self._unsent_schools), self._unsent_district
            if not schools and not district:
                return True
            try:
                pipe = self._connect().pipeline(transaction=True)
                for school_id in sorted(schools):
                    pipe.set(self.generation_key(school_id), new_token())
                    pipe.delete(self.pages_key(school_id))
                if district:
                    pipe.set(self.district_key(), new_token())
                named = [str(school_id) for school_id in sorted(schools)]
                pipe.publish(self.bumps_channel(), " ".join(named + [DISTRICT] * district))
                pipe.execute()
            except redis.RedisError as error:
                self._failed(error)
                return False
            self._unsent_schools -= schools
            if district:
                self._unsent_district = False
            return True

    # Figures

    def memory(self, school_id):
        """(pages stored, bytes Redis uses for them) of one school."""
        client = self._connect()
        key = self.pages_key(school_id)
        return client.hlen(key), client.memory_usage(key, samples=0) or 0
