"""The district console: provisioning schools, their status, the audit log."""

import pytest

from mektep.accounts.models import Membership, User
from mektep.audit import AuditEntry
from mektep.extensions import db
from tenants.models import School

NEW_SCHOOL = {
    "slug": "school35",
    "name_ky": "№35 Ш.Суеркулов атындагы жалпы билим берүүчү орто мектеби",
    "name_ru": "Средняя общеобразовательная школа №35 имени Ш. Суеркулова",
    "default_language": "ky",
    "admin_email": "Director35@Mektep.kg",
}


@pytest.fixture
def district(site, schools):
    apex = site()
    apex.login("district@mektep.kg")
    return apex


def test_console_needs_a_district_admin(site, schools):
    assert site().get("/district/").status_code == 302
    school_admin = site()
    response = school_admin.submit("/login", {"email": "admin@a.kg", "password": "x"})
    assert response.status_code in (401, 403)


def test_console_lists_every_school_with_host_and_status(district):
    page = district.get("/district/").get_data(as_text=True)
    assert "school-a.mektep.test" in page and "school-b.mektep.test" in page


def test_create_school_gives_a_working_setup_link(app, district, site):
    response = district.submit("/district/schools/new", NEW_SCHOOL)
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    link = page.split('readonly value="', 1)[1].split('"', 1)[0]
    assert link.startswith("http://school35.mektep.test/account/setup/")
    newcomer = site("school35")
    setup = newcomer.submit(
        link.split("mektep.test", 1)[1],
        {"display_name": "Директор", "password": "long enough pw", "confirm": "long enough pw"},
    )
    assert setup.status_code == 302
    assert newcomer.get("/admin/").status_code == 200
    with app.app_context():
        school = db.session.scalar(db.select(School).where(School.slug == "school35"))
        admin = db.session.scalar(db.select(User).where(User.email == "director35@mektep.kg"))
        assert admin.role_in(school) == "admin"
        actions = [
            e.action for e in db.session.scalars(db.select(AuditEntry).order_by(AuditEntry.id))
        ]
    assert "school.create" in actions


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("slug", "www", "This name is reserved"),
        ("slug", "school-a", "A school with this name already exists."),
        ("slug", "Школа 35", "Use 2 to 63"),
        ("admin_email", "director@", "Enter a valid e-mail address"),
        ("name_ru", "", "Enter the school's name in both languages."),
    ],
)
def test_bad_school_input_is_refused_and_nothing_is_written(app, district, field, value, message):
    data = dict(NEW_SCHOOL, **{field: value})
    response = district.submit("/district/schools/new?lang=en", data)
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert message in page
    assert NEW_SCHOOL["name_ky"] in page or field == "name_ky"
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(School.id))) == 2
        assert (
            db.session.scalar(db.select(User).where(User.email == "director35@mektep.kg")) is None
        )


def test_bad_input_message_is_localized(district):
    response = district.submit("/district/schools/new?lang=ru", dict(NEW_SCHOOL, slug="www"))
    assert "Это имя зарезервировано" in response.get_data(as_text=True)


def test_existing_user_becomes_admin_without_a_link(app, district):
    response = district.submit(
        "/district/schools/new?lang=en", dict(NEW_SCHOOL, admin_email="admin@b.kg")
    )
    assert "already has an account" in response.get_data(as_text=True)
    with app.app_context():
        user = db.session.scalar(db.select(User).where(User.email == "admin@b.kg"))
        assert len(user.memberships) == 2


def test_suspend_resume_archive(app, district, site, schools):
    path = f"/district/schools/{schools['a']}"
    district.submit(f"{path}/suspend", {}, form_page="/district/")
    assert site("school-a").get("/").status_code == 503
    district.submit(f"{path}/resume", {}, form_page="/district/")
    assert site("school-a").get("/").status_code == 200
    district.submit(f"{path}/archive", {}, form_page="/district/")
    assert site("school-a").get("/").status_code == 410
    response = district.submit(
        f"{path}/resume?lang=ru", {}, form_page="/district/", follow_redirects=True
    )
    assert "сейчас это сделать нельзя" in response.get_data(as_text=True)
    with app.app_context():
        actions = [
            e.action for e in db.session.scalars(db.select(AuditEntry).order_by(AuditEntry.id))
        ]
    assert {"school.suspend", "school.resume", "school.archive"} <= set(actions)


def test_status_change_needs_csrf(district, schools):
    response = district.post(f"/district/schools/{schools['a']}/suspend")
    assert response.status_code == 400


def test_new_setup_link_replaces_the_old_one(app, district, schools):
    with app.app_context():
        user = User(email="fresh@a.kg")
        db.session.add(Membership(user=user, school_id=schools["b"], role="admin"))
        db.session.commit()
    response = district.submit(
        f"/district/schools/{schools['b']}/setup-link", {}, form_page="/district/"
    )
    assert response.status_code == 200
    assert "/account/setup/" in response.get_data(as_text=True)


def test_district_admin_visit_to_a_school_admin_is_audited(app, site, schools):
    client = site("school-a")
    client.login("district@mektep.kg")
    page = client.get("/admin/?lang=en").get_data(as_text=True)
    assert "district visit, audited" in page
    client.get("/admin/settings")
    with app.app_context():
        visits = db.session.scalars(
            db.select(AuditEntry).where(AuditEntry.action == "district.visit_admin")
        ).all()
        assert len(visits) == 1
        assert visits[0].school_id == schools["a"] and visits[0].host == "school-a.mektep.test"


def test_audit_log_page_shows_and_filters(district, schools):
    district.submit(f"/district/schools/{schools['a']}/suspend", {}, form_page="/district/")
    page = district.get(f"/district/audit?school={schools['a']}").get_data(as_text=True)
    assert "school.suspend" in page
    other = district.get(f"/district/audit?school={schools['b']}").get_data(as_text=True)
    assert "school.suspend" not in other


def test_archiving_asks_for_confirmation_first(app, district, schools):
    page = district.get(f"/district/schools/{schools['a']}/archive?lang=en")
    assert page.status_code == 200
    assert "Archive «school-a мектеби»?" in page.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(School, schools["a"]).status == "active"
    district.submit(
        f"/district/schools/{schools['a']}/archive",
        {},
        form_page=f"/district/schools/{schools['a']}/archive",
    )
    with app.app_context():
        assert db.session.get(School, schools["a"]).status == "archived"
