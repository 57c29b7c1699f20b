"""A process reads a school's generations from Redis once and keeps them until
a bump, published from any process, names the school or the district; a
subscription that fails drops what was kept, so no bump is ever missed.

Two PageStores on one Redis stand for two processes (or machines). Each test
runs a redis-server of its own on its own port (never the shared one)."""

import pytest
import redis

from mektep.pagecache import PageStore
from mektep.pagecache.store import own_connection
from mektep.pagecache.watch import GenerationWatch


def new_store(server):
    return PageStore(server.url, seconds=600, pages_per_school=50, prefix="watch")


@pytest.fixture
def reader(server):
    return new_store(server)


@pytest.fixture
def writer(server):
    return new_store(server)


def generation_reads(server):
    """How many times Redis was asked for generations (or any script)."""
    stats = redis.Redis.from_url(server.url).info("commandstats")
    return sum(stats.get(f"cmdstat_{name}", {}).get("calls", 0) for name in ("evalsha", "eval"))


def test_generations_are_read_once_until_a_bump_names_the_school(server, reader, writer):
    first, other = reader.generations(7), reader.generations(8)
    reads = generation_reads(server)
    assert [reader.generations(7) for _ in range(5)] == [first] * 5
    assert generation_reads(server) == reads, "kept generations are not asked for again"

    writer.bump([7])
    changed = reader.generations(7)
    assert changed != first and changed == writer.generations(7)
    reads = generation_reads(server)
    assert reader.generations(8) == other and generation_reads(server) == reads


def test_a_district_bump_reaches_every_school(server, reader, writer):
    before = [reader.generations(school) for school in (7, 8)]
    writer.bump(district=True)
    after = [reader.generations(school) for school in (7, 8)]
    assert [a[1] != b[1] for a, b in zip(after, before, strict=True)] == [True, True]
    assert after == [writer.generations(school) for school in (7, 8)]


def test_a_bump_sent_while_the_subscription_was_cut_is_not_missed(server, reader, writer):
    before = reader.generations(7)
    killed = redis.Redis.from_url(server.url).client_kill_filter(_type="pubsub")
    assert killed == 1
    writer.bump([7])
    now = writer.generations(7)
    assert now != before
    # Subscribed again (by the first or the second call): kept once more.
    assert [reader.generations(7) for _ in range(3)] == [now] * 3
    reads = generation_reads(server)
    assert reader.generations(7) == now and generation_reads(server) == reads


def test_after_a_redis_restart_the_generations_are_read_again(server, reader, writer):
    before = reader.generations(7)
    server.stop()
    server.start()  # its data back (append-only file), every client gone
    writer.bump([7])
    now = writer.generations(7)
    assert now != before
    assert [reader.generations(7) for _ in range(3)] == [now] * 3


def test_nothing_is_kept_while_redis_is_down(server, reader):
    reader.generations(7)
    server.stop()
    assert reader.generations(7) is None


def test_a_message_it_cannot_read_drops_all_it_kept(server, reader):
    reader.generations(7)
    reads = generation_reads(server)
    redis.Redis.from_url(server.url).publish(reader.bumps_channel(), "7x ☃")
    assert reader.generations(7) is not None
    assert generation_reads(server) == reads + 1, "read again, not taken as kept"


def test_a_value_read_before_the_subscription_was_lost_is_not_kept(server):
    """Another thread's request may find the subscription lost and subscribe
    again while this one reads from Redis: what it read then is not kept, the
    bumps of the gap never reached the new subscription."""
    pool = redis.Redis.from_url(server.url).connection_pool
    watch = GenerationWatch("watch:bumps", lambda: own_connection(pool), retry_seconds=0)
    mark, _kept = watch.known(7)
    assert redis.Redis.from_url(server.url).client_kill_filter(_type="pubsub") == 1
    assert watch.known(8) == (None, None)  # lost
    assert watch.known(8)[0] is not None  # subscribed again
    watch.remember(7, ("read", "before"), mark)
    assert watch.known(7)[1] is None
    watch.remember(7, ("read", "now"), watch.known(7)[0])  # positive control
    assert watch.known(7)[1] == ("read", "now")
