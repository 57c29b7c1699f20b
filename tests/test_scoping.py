"""The scoping mechanism: a row of school B can never be read or written from
school A's context, even when its id is guessed."""

import pytest
from werkzeug.exceptions import NotFound

from mektep.clock import utcnow
from mektep.extensions import db
from tenants.content.models import StaffMember
from tenants.models import School
from tenants.scoping import (
    CrossTenantRead,
    CrossTenantWrite,
    bind_school,
    school_rows,
    school_select,
)
from tenants.versioning import Revision


@pytest.fixture
def rows(app, schools):
    """One Revision row (a tenant-owned model) in each school."""
    with app.app_context():
        ids = {}
        for key in ("a", "b"):
            row = Revision(
                school_id=schools[key], kind="test", item_id=1, status="draft", data={"school": key}
            )
            db.session.add(row)
            db.session.flush()
            ids[key] = row.id
        db.session.commit()
    return ids


def bound(app, schools, key):
    context = app.test_request_context(headers={"Host": f"school-{key}.mektep.test"})
    context.push()
    bind_school(db.session.get(School, schools[key]))
    return context


def test_selects_see_only_the_bound_school(app, schools, rows):
    context = bound(app, schools, "a")
    try:
        found = db.session.scalars(db.select(Revision)).all()
        assert [row.data["school"] for row in found] == ["a"]
        assert db.session.get(Revision, rows["b"]) is None
        guessed = db.session.scalars(db.select(Revision).where(Revision.id == rows["b"])).all()
        assert guessed == []
    finally:
        db.session.remove()
        context.pop()


def test_get_for_school_refuses_a_guessed_id(app, schools, rows):
    context = bound(app, schools, "a")
    try:
        school_a = db.session.get(School, schools["a"])
        assert Revision.get_for_school(rows["a"], school_a).data["school"] == "a"
        with pytest.raises(NotFound):
            Revision.get_for_school(rows["b"], school_a)
    finally:
        db.session.remove()
        context.pop()


def test_new_rows_get_the_bound_school(app, schools, rows):
    context = bound(app, schools, "b")
    try:
        row = Revision(kind="test", item_id=2, status="draft", data={})
        db.session.add(row)
        db.session.commit()
        assert row.school_id == schools["b"]
    finally:
        db.session.remove()
        context.pop()


def test_writing_another_schools_row_is_refused(app, schools, rows):
    with app.app_context():
        foreign = db.session.get(Revision, rows["b"])
        db.session.expunge(foreign)
    context = bound(app, schools, "a")
    try:
        foreign = db.session.merge(foreign, load=False)
        foreign.data = {"school": "changed from a"}
        with pytest.raises(CrossTenantWrite):
            db.session.commit()
        db.session.rollback()
        db.session.add(
            Revision(school_id=schools["b"], kind="t", item_id=3, status="draft", data={})
        )
        with pytest.raises(CrossTenantWrite):
            db.session.commit()
    finally:
        db.session.rollback()
        db.session.remove()
        context.pop()
    with app.app_context():
        assert db.session.get(Revision, rows["b"]).data == {"school": "b"}


def test_unbound_code_sees_every_school(app, schools, rows):
    with app.app_context():
        assert len(db.session.scalars(db.select(Revision)).all()) == 2


def test_a_school_select_reads_one_schools_rows_outside_the_trash(app, schools):
    """The Core reads public pages make on every request carry the criteria the
    hooks would add: another school's rows and trashed rows are not read."""
    with app.app_context():
        for key, name, trashed in (("a", "kept", False), ("a", "trashed", True), ("b", "b", False)):
            db.session.add(
                StaffMember(
                    school_id=schools[key],
                    role="teacher",
                    position=0,
                    data={"surname": {"ky": name, "ru": name}},
                    published_at=utcnow(),
                    deleted_at=utcnow() if trashed else None,
                )
            )
        db.session.commit()
    statement = school_select(StaffMember, "data")
    context = bound(app, schools, "a")
    try:
        school_a = db.session.get(School, schools["a"])
        assert [row.data["surname"]["ky"] for row in school_rows(statement, school_a)] == ["kept"]
        with pytest.raises(CrossTenantRead):
            school_rows(statement, db.session.get(School, schools["b"]))
    finally:
        db.session.remove()
        context.pop()
    with app.app_context():  # unbound (the CLI, the district): the school named
        school_b = db.session.get(School, schools["b"])
        assert [row.data["surname"]["ky"] for row in school_rows(statement, school_b)] == ["b"]


def test_a_school_select_is_only_of_a_schools_rows():
    with pytest.raises(TypeError):
        school_select(School, "slug")
