"""Which staff lists the checklist asks every school for: a head and its teaching
staff, never deputies (a small school has none; the regulation asks for them
where they exist). The schema's declarations are by keyword, where a left-out
`required` takes each kind's default: this keeps the deputies' list optional."""

from mektep.extensions import db
from tenants.content.completeness import checklist
from tenants.models import School


def test_the_checklist_asks_for_a_head_and_teachers_but_no_deputy(app, schools):
    with app.app_context():
        entries = checklist(db.session.get(School, schools["a"]))
    asked = {entry.member.name for entry in entries if entry.member.member_type == "staff"}
    assert asked == {"rucovodstvo", "teachingStaff"}
