"""The school of a host name, kept in each process under the school's generations.

Every request starts by finding its school by the host it asked for
(`resolver.py`): a query of the school and its primary domain. For anonymous
visitors the school found is kept here, under the host and the school's
page-cache generations as this process has them (`mektep/pagecache/watch.py`:
no Redis call while they are kept). Anything committed about a school, its own
domains included, gives it new generations, so a kept school is used only as
long as nothing the public sees of it has changed since it was read. It goes
into the request's session by `merge(load=False)`, SQLAlchemy's way of
putting a cached object into a session without a query.

A host is first only noted with its school's id; the school is kept from the
next request on, whose generations are read before the school is: a school
read before a commit is then never kept under the generations after it.

Signed-in visitors (who may change the school), a Redis that does not answer
and hosts of no school always read the database. At most `KEEP_HOSTS` hosts
per process, the least used dropped first, each for `KEEP_SECONDS` at most.
"""

import threading
from typing import NamedTuple

import cachetools
from flask import current_app
from sqlalchemy import inspect
from sqlalchemy.orm import make_transient_to_detached
from sqlalchemy.orm.attributes import set_committed_value

from mektep.extensions import db
from mektep.pagecache.memo import current_generations
from mektep.pagecache.visitors import carries_session

KEEP_HOSTS = 1024
# As long as the memo's values (mektep/pagecache/memo.py): a bump that never
# reached Redis (a command that exited while it was down) is outlived at most this long.
KEEP_SECONDS = 60
EXTENSION = "tenants.known_hosts"


class KnownHost(NamedTuple):
    """What a host led to: its school's id and, once kept, the generations it
    was read under, a detached copy of it and whether the host is its primary
    one."""

    school_id: int
    generations: tuple | None = None
    school: object = None
    primary: bool | None = None


class KnownHosts:
    """The hosts an app's process knows, the least used and the oldest dropped."""

    def __init__(self):
        self.hosts = cachetools.TTLCache(maxsize=KEEP_HOSTS, ttl=KEEP_SECONDS)
        self.lock = threading.Lock()


def find(hostname, look_up):
    """(school, primary) of `hostname`: for an anonymous visitor, the kept
    school, put into the session, when its generations have not changed; else
    `look_up(hostname)`, noted or kept for the next requests."""
    if carries_session():
        return look_up(hostname)
    known_hosts = current_app.extensions[EXTENSION]
    with known_hosts.lock:
        known = known_hosts.hosts.get(hostname)
    generations = None if known is None else current_generations(known.school_id)
    if known is not None and generations is not None and known.generations == generations:
        school = db.session.merge(known.school, load=False)
        primary_domain = known.school.primary_domain
        if primary_domain is not None:
            primary_domain = db.session.merge(primary_domain, load=False)
        set_committed_value(school, "primary_domain", primary_domain)
        return school, known.primary
    school, primary = look_up(hostname)
    if school:
        _note(hostname, school, primary, known, generations)
    return school, primary


def _note(hostname, school, primary, known, generations):
    """Note the host's school; keep a copy of it too when `generations` were
    read before it, for this school (a host may have gone to another)."""
    if known is not None and generations is not None and known.school_id == school.id:
        kept = KnownHost(school.id, generations, _detached(school), primary)
        set_committed_value(kept.school, "primary_domain", _copy_of(school.primary_domain))
    else:
        kept = KnownHost(school.id)
    known_hosts = current_app.extensions[EXTENSION]
    with known_hosts.lock:
        known_hosts.hosts[hostname] = kept


def _copy_of(instance):
    return None if instance is None else _detached(instance)


def _detached(instance):
    """A detached copy of `instance` with its columns' values as they are
    loaded: what `merge(load=False)` takes, shared by threads only to read."""
    mapper = inspect(type(instance))
    copy = mapper.class_manager.new_instance()
    for attribute in mapper.column_attrs:
        set_committed_value(copy, attribute.key, getattr(instance, attribute.key))
    make_transient_to_detached(copy)
    return copy


def init_app(app):
    app.extensions[EXTENSION] = KnownHosts()
