"""The one mechanism that keeps each school's rows to itself.

A model that a school owns inherits `TenantOwned`. While a request is bound to
a school (`bind_school`), every ORM SELECT in the session gets the criterion
`school_id = <that school>` through `with_loader_criteria`, and every row
flushed gets (or must already have) that school's id. Tenant code therefore
never has to remember a filter, and a guessed id of another school's row finds
nothing. Code with no school bound (the district console, the CLI) sees all
rows and must name the school itself.

The few reads that every public page makes are Core statements made by
`school_select` and run by `school_rows`, on the session's connection: there
the ORM and these hooks cost as much as the query itself. The criteria the
hooks would add are then part of the statement (the school's, the trash's),
and `school_rows` refuses a school other than the bound one.
"""

from functools import lru_cache

from flask import abort, g, has_app_context
from sqlalchemy import bindparam, event, select
from sqlalchemy.orm import Session, declared_attr, with_loader_criteria

from mektep.extensions import db
from tenants.trash import Trashable


class TenantOwned:
    """Mixin for rows owned by one school: a non-null, indexed `school_id`."""

    @declared_attr
    def school_id(cls):
        return db.Column(db.ForeignKey("school.id"), nullable=False, index=True)

    @classmethod
    def for_school(cls, school):
        """A SELECT of this model's rows belonging to `school`."""
        return db.select(cls).where(cls.school_id == school.id)

    @classmethod
    def get_for_school(cls, ident, school):
        """The row `ident` if `school` owns it, else a 404."""
        row = db.session.get(cls, ident)
        if row is None or row.school_id != school.id:
            abort(404)
        return row


def bound_school_id():
    return g.get("school_id") if has_app_context() else None


def bind_school(school):
    """Scope this app context's queries and writes to `school` (None: unscoped).

    The id is kept as a plain number: reading it must never itself need a query.
    """
    g.school = school
    g.school_id = school.id if school is not None else None


class CrossTenantWrite(Exception):
    """A flush tried to write a row of another school than the bound one."""


@event.listens_for(Session, "do_orm_execute")
def _scope_selects(execute_state):
    school_id = bound_school_id()
    if school_id is None or not execute_state.is_select:
        return
    if execute_state.is_column_load or execute_state.is_relationship_load:
        return
    execute_state.statement = execute_state.statement.options(_school_criterion(school_id))


@lru_cache(maxsize=1024)
def _school_criterion(school_id):
    """The loader criterion of one school, made once per process (an option is
    immutable, and making one costs as much as running a small query)."""
    return with_loader_criteria(
        TenantOwned, lambda cls: cls.school_id == school_id, include_aliases=True
    )


def school_select(model, *names):
    """A Core SELECT of the columns `names` of the tenant-owned `model`: the
    rows of one school (the `school_id` that `school_rows` gives it) that are
    not in the trash. Build it once, at import."""
    if not issubclass(model, TenantOwned):
        raise TypeError(f"{model.__name__} is not owned by a school")
    table = model.__table__
    statement = select(*(table.c[name] for name in names))
    statement = statement.where(table.c.school_id == bindparam("school_id"))
    if issubclass(model, Trashable):
        statement = statement.where(table.c.deleted_at.is_(None))
    return statement


def school_rows(statement, school, **params):
    """The rows of a `school_select` statement for `school`, which must be the
    bound school when one is bound."""
    bound = bound_school_id()
    if bound is not None and bound != school.id:
        raise CrossTenantRead(f"school {school.id} read while school {bound} is bound")
    return db.session.connection().execute(statement, {**params, "school_id": school.id}).all()


class CrossTenantRead(Exception):
    """A read of another school's rows than the bound one's."""


@event.listens_for(Session, "before_flush")
def _stamp_writes(session, flush_context, instances):
    school_id = bound_school_id()
    if school_id is None:
        return
    for obj in list(session.new) + list(session.dirty) + list(session.deleted):
        if not isinstance(obj, TenantOwned):
            continue
        if obj.school_id is None and obj in session.new:
            obj.school_id = school_id
        elif obj.school_id != school_id:
            raise CrossTenantWrite(f"{type(obj).__name__} of school {obj.school_id}")
