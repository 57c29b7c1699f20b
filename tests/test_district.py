"""The district console: provisioning schools, their status, the audit log."""

import re
from urllib.parse import urlsplit

import pytest

from mektep.accounts.models import User
from mektep.audit import AuditEntry
from mektep.extensions import db
from tenants.models import School
from tests.account_steps import (
    accept_invitation,
    credentials,
    invite,
    membership_state,
    setup_path,
)
from tests.conftest import PASSWORD, assert_redirect, assert_sent_to_sign_in, nothing_changes
from tests.mailboxes import text_part

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


def test_console_needs_a_district_admin(app, site, schools):
    assert_sent_to_sign_in(site().get("/district/"))
    apex = site()
    with nothing_changes(app):
        response = apex.submit("/login", {"email": "admin@a.kg", "password": PASSWORD})
    assert response.status_code == 403
    assert_sent_to_sign_in(apex.get("/district/"))
    # A school admin's session, carried from the school's host, reaches the role check.
    school_admin = site("school-a")
    school_admin.login("admin@a.kg")
    school_admin.carry_session_to("mektep.test")
    suspend = f"/district/schools/{schools['a']}/suspend"
    with nothing_changes(app):
        assert school_admin.get("/district/").status_code == 403
        assert school_admin.submit("/district/schools/new", NEW_SCHOOL).status_code == 403
        assert school_admin.submit(suspend, {}).status_code == 403
        words = {"words_ky": "зордук", "words_ru": ""}
        assert school_admin.submit("/district/stop-words", words).status_code == 403
    district = site()
    district.login("district@mektep.kg")
    assert district.get("/district/").status_code == 200
    assert_redirect(district.submit(suspend, {}, form_page="/district/"), "/district/")
    with app.app_context():
        assert db.session.get(School, schools["a"]).status == "suspended"


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
    with nothing_changes(app):
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
    with nothing_changes(app):
        response = district.submit(f"{path}/resume?lang=ru", {}, form_page="/district/")
    assert_redirect(response, "/district/")
    assert "сейчас это сделать нельзя" in district.get("/district/").get_data(as_text=True)
    with app.app_context():
        actions = [
            e.action for e in db.session.scalars(db.select(AuditEntry).order_by(AuditEntry.id))
        ]
    assert {"school.suspend", "school.resume", "school.archive"} <= set(actions)


def test_status_change_needs_csrf(app, district, schools):
    path = f"/district/schools/{schools['a']}/suspend"
    with nothing_changes(app):
        response = district.post(path)
    assert response.status_code == 400
    assert_redirect(district.submit(path, {}, form_page="/district/"), "/district/")
    with app.app_context():
        assert db.session.get(School, schools["a"]).status == "suspended"


def test_new_setup_link_replaces_the_old_one(app, district, site, schools):
    created = district.submit("/district/schools/new", NEW_SCHOOL).get_data(as_text=True)
    old_link = created.split('readonly value="', 1)[1].split('"', 1)[0]
    with app.app_context():
        school_id = db.session.scalar(db.select(School.id).where(School.slug == "school35"))
    response = district.submit(
        f"/district/schools/{school_id}/setup-link", {}, form_page="/district/"
    )
    assert response.status_code == 200
    assert "/account/setup/" in response.get_data(as_text=True)
    assert site("school35").get(old_link.split("mektep.test", 1)[1]).status_code == 400


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
    assert ">school.suspend</a></code>" in page
    other = district.get(f"/district/audit?school={schools['b']}").get_data(as_text=True)
    assert ">school.suspend</a></code>" not in other


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


def test_a_new_link_for_an_admin_with_a_password_is_a_reset_sent_to_the_owner(
    app, district, site, schools, outbox
):
    owner = site("school-a")
    owner.login("admin@a.kg")
    before = credentials(app, "admin@a.kg")
    response = district.submit(
        f"/district/schools/{schools['a']}/setup-link?lang=en", {}, form_page="/district/"
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "A password reset was sent to the owner" in page
    assert "/account/setup/" not in page and "/account/reset/" not in page
    assert credentials(app, "admin@a.kg") == before
    assert owner.get("/admin/").status_code == 200
    with app.app_context():
        logged = db.session.scalars(
            db.select(AuditEntry.action).where(AuditEntry.school_id == schools["a"])
        ).all()
    assert "school.password_reset" in logged

    (message,) = outbox.delivered()
    assert message["To"] == "admin@a.kg"
    body = text_part(message)
    # In the owner's language: the school's, as they have not chosen one.
    assert message["Subject"] == "school-a.mektep.test үчүн жаңы сырсөз тандаңыз"
    link = re.search(r"http://school-a\.mektep\.test(/account/reset/\S+)", body).group(1)
    stranger = site("school-a")
    assert stranger.get(link).status_code == 200
    changed = stranger.submit(link, {"password": "a brand new pass", "confirm": "a brand new pass"})
    assert changed.status_code == 302
    assert owner.get("/admin/").status_code == 302  # other devices signed out
    site("school-a").login("admin@a.kg", "a brand new pass")
    assert site("school-a").get(link).status_code == 400  # used once


def test_the_district_cannot_take_an_account_another_school_is_setting_up(
    app, district, site, schools
):
    school_a = site("school-a")
    school_a.login("admin@a.kg")
    link_a = setup_path(invite(school_a, "director@mail.kg").get_data(as_text=True))
    before = credentials(app, "director@mail.kg")
    response = district.submit(
        "/district/schools/new?lang=en", dict(NEW_SCHOOL, admin_email="director@mail.kg")
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "/account/setup/" not in page and "already has an account" in page
    assert credentials(app, "director@mail.kg") == before
    with app.app_context():
        school35 = db.session.scalar(db.select(School.id).where(School.slug == "school35"))
    assert membership_state(app, "director@mail.kg", school35) == ("admin", True, True)

    response = district.submit(
        f"/district/schools/{school35}/setup-link?lang=en", {}, form_page="/district/"
    )
    assert response.status_code == 409
    assert "No link can be made here" in response.get_data(as_text=True)
    assert credentials(app, "director@mail.kg") == before
    assert site("school-a").get(link_a).status_code == 200  # school A's link still works


def test_an_existing_admin_enters_a_new_school_only_after_accepting(app, district, site, schools):
    district.submit("/district/schools/new", dict(NEW_SCHOOL, admin_email="admin@b.kg"))
    with app.app_context():
        school35 = db.session.scalar(db.select(School.id).where(School.slug == "school35"))
    owner = site("school35")
    response = owner.login("admin@b.kg")
    assert urlsplit(response.headers["Location"]).path == "/account/invitations"
    assert owner.get("/admin/").status_code == 403
    accept_invitation(app, owner, "admin@b.kg", school35)
    assert owner.get("/admin/accounts").status_code == 200
