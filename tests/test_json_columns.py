"""JSON columns keep Kyrgyz and Russian letters as they are (config.py's
json_serializer): half the bytes of \\uXXXX escapes, and faster to read back."""

from sqlalchemy import text

from mektep.extensions import db
from tenants.content.models import StaffMember
from tenants.models import School
from tenants.scoping import bind_school


def test_a_staff_record_is_stored_with_its_letters(app, schools):
    with app.app_context():
        bind_school(db.session.get(School, schools["a"]))
        person = StaffMember(
            role="teacher", position=0, data={"post": {"ky": "мугалим", "ru": "учитель"}}
        )
        db.session.add(person)
        db.session.commit()
        stored = db.session.execute(
            text("SELECT CAST(data AS TEXT) FROM staff_member WHERE id = :id"), {"id": person.id}
        ).scalar_one()
        db.session.delete(person)
        db.session.commit()
    # The text as stored (PostgreSQL's json type keeps it as it was given).
    assert "мугалим" in stored and "\\u" not in stored
