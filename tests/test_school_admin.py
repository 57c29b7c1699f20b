"""The school admin's dashboard and settings, and who may use them."""

from mektep.accounts.models import Membership, User
from mektep.audit import AuditEntry
from mektep.extensions import db
from tenants.models import School
from tests.conftest import assert_redirect, nothing_changes

SETTINGS = {
    "name_ky": "№1 мектеп-гимназия",
    "name_ru": "Школа-гимназия №1",
    "default_language": "ru",
    "contact_email": "info@school1.kg",
}


def school(app, school_id):
    with app.app_context():
        row = db.session.get(School, school_id)
        db.session.expunge(row)
        return row


def test_admin_saves_settings(app, admin_a, schools):
    response = admin_a.submit("/admin/settings", SETTINGS, follow_redirects=True)
    assert response.status_code == 200
    assert "Жөндөөлөр сакталды." in response.get_data(as_text=True)
    saved = school(app, schools["a"])
    assert (saved.name_ru, saved.default_language, saved.contact_email) == (
        "Школа-гимназия №1",
        "ru",
        "info@school1.kg",
    )
    assert school(app, schools["b"]).name_ru == "Школа school-b"
    public = admin_a.get("/").get_data(as_text=True)
    assert '<html lang="ru">' in public and "info@school1.kg" in public


def test_bad_settings_keep_what_was_typed(app, admin_a, schools):
    response = admin_a.submit("/admin/settings", dict(SETTINGS, contact_email="info@"))
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "Электрондук почтанын туура дарегин жазыңыз" in page
    assert "Школа-гимназия №1" in page
    assert school(app, schools["a"]).name_ru == "Школа school-a"


def test_editor_sees_settings_but_cannot_save(app, editor_a, schools):
    assert editor_a.get("/admin/settings").status_code == 200
    with nothing_changes(app):
        response = editor_a.submit("/admin/settings", SETTINGS)
    assert response.status_code == 403
    assert school(app, schools["a"]).name_ru == "Школа school-a"
    with app.app_context():
        denied = db.session.scalars(
            db.select(AuditEntry).where(AuditEntry.action == "admin.denied")
        ).all()
    assert len(denied) == 1


def test_other_schools_admin_cannot_reach_this_admin(app, admin_b_on_a, admin_a, schools):
    with nothing_changes(app):
        assert admin_b_on_a.get("/admin/settings").status_code == 403
        response = admin_b_on_a.submit("/admin/settings", SETTINGS)
    assert response.status_code == 403
    assert school(app, schools["a"]).name_ru == "Школа school-a"
    assert_redirect(admin_a.submit("/admin/settings", SETTINGS), "/admin/settings")
    assert school(app, schools["a"]).name_ru == "Школа-гимназия №1"


def test_form_from_one_school_posted_to_another_is_refused(app, site, admin_a, schools):
    """An admin of both schools, signed in on both: a form of A's host is no form of B's."""
    with app.app_context():
        user = db.session.scalar(db.select(User).where(User.email == "admin@a.kg"))
        db.session.add(Membership(user=user, school_id=schools["b"], role="admin"))
        db.session.commit()
    token = admin_a.csrf_token("/admin/settings")
    on_b = site("school-b")
    on_b.login("admin@a.kg")
    with nothing_changes(app):
        response = on_b.post("/admin/settings", data=dict(SETTINGS, csrf_token=token))
    assert response.status_code == 400
    assert "Форманын мөөнөтү бүттү" in response.get_data(as_text=True)
    assert school(app, schools["b"]).name_ru == "Школа school-b"
    assert_redirect(on_b.submit("/admin/settings", SETTINGS), "/admin/settings")
    assert school(app, schools["b"]).name_ru == "Школа-гимназия №1"


def test_dashboard_greets_by_role(admin_a, editor_a):
    assert "administrator" in admin_a.get("/admin/?lang=en").get_data(as_text=True)
    assert "editor" in editor_a.get("/admin/?lang=en").get_data(as_text=True)
