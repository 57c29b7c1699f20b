"""The page store runs its scripts on a connection of each thread's own, made
in each process: it survives a Redis restart without an outage, is never
shared by two threads, nor across a fork.

Each test runs a redis-server of its own on its own port (never the shared one)."""

import os
import threading

import pytest
import redis

from mektep.pagecache import PageStore

KEY, HOST = "school-a.example/news/?", "school-a.example"


@pytest.fixture
def store(server):
    return PageStore(server.url, seconds=600, pages_per_school=50, prefix="connection")


def stored_page(store):
    """Store a page of school 7 under KEY, as a miss does; the value stored."""
    _school, field, _value = store.lookup(KEY, HOST, 7)
    store.store(7, HOST, field, b"the page")
    return b"the page"


def script_clients(server):
    """The addresses of the clients whose last command was a script."""
    clients = redis.Redis.from_url(server.url).client_list()
    return sorted(c["addr"] for c in clients if c["cmd"] in ("evalsha", "eval"))


def test_a_lookup_right_after_redis_restarts_finds_the_page(server, store):
    page = stored_page(store)
    assert store.lookup(KEY, HOST) == (7, store.lookup(KEY, HOST)[1], page)
    before = redis.Redis.from_url(server.url).info("server")["run_id"]
    server.stop()
    server.start()  # its data back (append-only file), its scripts and clients gone
    assert redis.Redis.from_url(server.url).info("server")["run_id"] != before
    school, _field, value = store.lookup(KEY, HOST)
    assert (school, value) == (7, page)
    assert store.available(), "a stale connection is no outage"


def test_a_lookup_while_redis_is_down_renders_uncached(server, store):
    page = stored_page(store)
    server.stop()
    assert store.lookup(KEY, HOST) is None
    server.start()
    # Redis is not asked again for RETRY_SECONDS: no timeout on each request.
    assert not store.available() and store.lookup(KEY, HOST) is None
    store._down_until = 0  # the retry delay over
    assert store.lookup(KEY, HOST)[2] == page  # positive control


def test_each_thread_looks_up_on_its_own_connection(server, store):
    page = stored_page(store)
    found, started = [], threading.Barrier(2)
    # A thread's connection closes when the thread ends (its local storage is
    # freed), so Redis's clients are counted while both threads still live.
    looked_up, counted = threading.Barrier(3), threading.Event()

    def look_up():
        started.wait()
        found.extend(store.lookup(KEY, HOST)[2] for _ in range(200))
        looked_up.wait()
        counted.wait()

    threads = [threading.Thread(target=look_up) for _ in range(2)]
    for thread in threads:
        thread.start()
    looked_up.wait()
    clients = script_clients(server)
    counted.set()
    for thread in threads:
        thread.join()
    assert found == [page] * 400
    assert len(clients) == 3  # the two threads' and this one's


def test_a_forked_process_looks_up_on_its_own_connection(server, store):
    page = stored_page(store)
    parents = script_clients(server)
    assert len(parents) == 1
    reading, writing = os.pipe()
    child = os.fork()
    if child == 0:  # the child: a lookup of its own, then what Redis saw
        try:
            ok = store.lookup(KEY, HOST)[2] == page and len(script_clients(server)) == 2
            os.write(writing, b"ok" if ok else b"shared")
        finally:
            os._exit(0)
    os.close(writing)
    answer = os.read(reading, 16)
    os.waitpid(child, 0)
    assert answer == b"ok"
    # The child's leaving did not close the parent's connection: no new one.
    assert store.lookup(KEY, HOST)[2] == page
    assert script_clients(server) == parents
