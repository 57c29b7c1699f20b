"""Invalidation by commit: nobody has to remember to clear the page cache.

A session hook notes every row that a flush inserts, updates or deletes; once
the transaction commits, the schools those rows belong to get a new generation
(`PageStore.bump`), so their stored pages are never served again. Web
processes, workers (a thumbnail ready, a scheduled post going live) and the
CLI all write through the same session, so they all invalidate alike.

Which pages a row changes, by its model's `page_cache_scope`:

- `"school"` (the default for any row with a `school_id`: content, staff,
  files, the School itself, its domains): that school's pages;
- `"district"`: every school's pages (a district alert shown on every site);
- `"none"`: no public page shows it (the audit log, memberships).

A bulk UPDATE or DELETE (no flush sees its rows) counts for the school bound to
the request, or for the schools of the rows it RETURNs; otherwise for every
school.
"""

from flask import g, has_app_context
from sqlalchemy import event, inspect
from sqlalchemy.orm import Session

from mektep.pagecache.store import store_of

SCHOOL, DISTRICT, NONE = "school", "district", "none"
CHANGED = "mektep.pagecache.changed"


def scope_of(model):
    scope = getattr(model, "page_cache_scope", None)
    if scope is None:
        return SCHOOL if hasattr(model, "school_id") else NONE
    return scope


def _note(session, obj):
    scope = scope_of(type(obj))
    if scope == NONE:
        return
    changed = session.info.setdefault(CHANGED, set())
    if scope == DISTRICT:
        changed.add(DISTRICT)
    elif obj.school_id is not None:
        changed.add(obj.school_id)
        # A row given to another school (a domain moved) changes the pages of both.
        changed.update(_former_schools(obj))


def _former_schools(obj):
    """The schools an updated row belonged to before this flush."""
    attributes = inspect(obj).attrs
    if "school_id" not in attributes:
        return ()
    return [school for school in attributes.school_id.history.deleted if school is not None]


@event.listens_for(Session, "before_flush")
def _note_deleted(session, flush_context, instances):
    # Before the flush, while a deleted row can still be read.
    for obj in session.deleted:
        _note(session, obj)


@event.listens_for(Session, "after_flush")
def _note_written(session, flush_context):
    # After the flush, once new rows have their school (scoping stamps it).
    for obj in (*session.new, *session.dirty):
        _note(session, obj)


@event.listens_for(Session, "do_orm_execute")
def _note_bulk_writes(execute_state):
    if not (execute_state.is_update or execute_state.is_delete):
        return None
    mapper = execute_state.bind_mapper
    scope = scope_of(mapper.class_) if mapper is not None else NONE
    if scope == NONE:
        return None
    changed = execute_state.session.info.setdefault(CHANGED, set())
    # The school the request or job is bound to (tenants/scoping.py's `bind_school`).
    bound = g.get("school_id") if has_app_context() else None
    if scope == SCHOOL and bound is not None:
        changed.add(bound)
        return None
    if scope == SCHOOL and len(execute_state.statement.exported_columns):
        frozen = execute_state.invoke_statement().freeze()
        schools = {_school_of(row) for row in frozen().all()}
        changed.update(schools if None not in schools else {DISTRICT})
        return frozen()
    changed.add(DISTRICT)
    return None


def _school_of(row):
    """The school of a row a statement RETURNed: its `school_id` column, or its entity's."""
    if "school_id" in row._mapping:
        return row._mapping["school_id"]
    return next((value.school_id for value in row if hasattr(value, "school_id")), None)


@event.listens_for(Session, "after_commit")
def _bump_committed(session):
    changed = session.info.pop(CHANGED, None)
    if not changed or not has_app_context():
        return
    store = store_of()
    if store is not None:
        store.bump((school for school in changed if school != DISTRICT), DISTRICT in changed)


@event.listens_for(Session, "after_soft_rollback")
def _forget_rolled_back(session, previous_transaction):
    if previous_transaction.parent is None:
        session.info.pop(CHANGED, None)
