"""Signing in and out, set-up links, password changes, throttling, sessions per host."""

import re
import time

from flask import current_app
from itsdangerous import URLSafeTimedSerializer
from werkzeug.security import generate_password_hash

from config import Config, ProductionConfig
from mektep.accounts import setup_links
from mektep.accounts.models import Membership, User
from mektep.audit import AuditEntry
from mektep.extensions import db
from tenants.models import School
from tests.conftest import PASSWORD, assert_sent_to_sign_in, nothing_changes


def test_sign_in_lands_on_the_school_admin(site, schools):
    client = site("school-a")
    response = client.login("admin@a.kg")
    assert response.headers["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_wrong_password_is_refused_with_a_clear_message(site, schools):
    client = site("school-a")
    response = client.submit("/login?lang=ru", {"email": "admin@a.kg", "password": "wrong"})
    assert response.status_code == 401
    page = response.get_data(as_text=True)
    assert "Неверная электронная почта или пароль." in page
    assert 'value="admin@a.kg"' in page
    assert_sent_to_sign_in(client.get("/admin/"))


def test_malformed_email_is_refused_in_the_page_language(site, schools):
    client = site("school-a")
    response = client.submit("/login?lang=ru", {"email": "not-an-email", "password": "x"})
    assert response.status_code == 400
    assert "Введите правильный адрес электронной почты" in response.get_data(as_text=True)


def test_missing_csrf_token_is_a_clear_400(site, schools):
    response = site("school-a").post(
        "/login?lang=ru", data={"email": "admin@a.kg", "password": PASSWORD}
    )
    assert response.status_code == 400
    assert "Срок действия формы истёк" in response.get_data(as_text=True)


def test_failed_sign_ins_are_throttled_per_account(site, schools):
    client = site("school-a")
    for _ in range(5):
        client.submit("/login", {"email": "admin@a.kg", "password": "wrong"})
    response = client.submit("/login?lang=ru", {"email": "admin@a.kg", "password": PASSWORD})
    assert response.status_code == 429
    assert "Слишком много неудачных попыток" in response.get_data(as_text=True)
    other = client.submit("/login", {"email": "editor@a.kg", "password": PASSWORD})
    assert other.status_code == 302


def test_failed_sign_ins_are_throttled_per_address(app, site, schools):
    client = site("school-a")
    for number in range(20):
        client.submit("/login", {"email": f"nobody{number}@a.kg", "password": "wrong"})
    response = client.submit("/login", {"email": "admin@a.kg", "password": PASSWORD})
    assert response.status_code == 429


def test_another_schools_admin_cannot_sign_in_here(site, schools):
    client = site("school-a")
    response = client.submit("/login", {"email": "admin@b.kg", "password": PASSWORD})
    assert response.status_code == 403
    assert "Бул аккаунттун бул сайтка кирүүгө уруксаты жок." in response.get_data(as_text=True)
    assert_sent_to_sign_in(client.get("/admin/"))
    site("school-b").login("admin@b.kg")


def test_session_cookie_is_host_only(site, schools):
    client = site("school-a")
    response = client.login("admin@a.kg")
    cookie = response.headers["Set-Cookie"]
    assert "Domain" not in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_a_sign_in_on_one_school_is_not_a_sign_in_on_another(site, schools):
    client = site("school-b")
    client.login("admin@b.kg")
    assert client.get("/admin/").status_code == 200
    client.host = "school-a.mektep.test"
    assert_sent_to_sign_in(client.get("/admin/"))


def test_logout_voids_the_session_server_side(app, site, schools):
    client = site("school-a")
    client.login("admin@a.kg")
    stolen = client.client.get_cookie("session", domain="school-a.mektep.test").value
    before_logout = site("school-a")
    before_logout.client.set_cookie("session", stolen, domain="school-a.mektep.test")
    assert before_logout.get("/admin/").status_code == 200
    token = client.csrf_token("/admin/")
    client.post("/logout", data={"csrf_token": token})
    thief = site("school-a")
    thief.client.set_cookie("session", stolen, domain="school-a.mektep.test")
    assert_sent_to_sign_in(thief.get("/admin/"))


def test_password_change_signs_out_other_devices(site, schools):
    laptop, phone = site("school-a"), site("school-a")
    laptop.login("admin@a.kg")
    phone.login("admin@a.kg")
    response = laptop.submit(
        "/account/password",
        {"current": PASSWORD, "password": "a new long password", "confirm": "a new long password"},
    )
    assert response.status_code == 302
    assert laptop.get("/admin/").status_code == 200
    assert_sent_to_sign_in(phone.get("/admin/"))
    site("school-a").login("admin@a.kg", "a new long password")


def test_password_change_checks_the_current_password(app, site, schools):
    client = site("school-a")
    client.login("admin@a.kg")
    with nothing_changes(app):
        response = client.submit(
            "/account/password?lang=en",
            {
                "current": "wrong",
                "password": "a new long password",
                "confirm": "a new long password",
            },
        )
    assert response.status_code == 400
    assert "This is not your current password." in response.get_data(as_text=True)


def new_user_link(app, school_slug="school-a"):
    with app.test_request_context(headers={"Host": f"{school_slug}.mektep.test"}):
        school = db.session.scalar(db.select(School).where(School.slug == school_slug))
        membership = Membership(user=User(email="new@a.kg"), school=school, role="editor")
        db.session.add(membership)
        db.session.flush()
        link = setup_links.external_link(membership)
        db.session.commit()
    return link.split("mektep.test", 1)[1]


def test_setup_link_sets_the_password_once(app, site, schools):
    path = new_user_link(app)
    client = site("school-a")
    assert "new@a.kg" in client.get(path).get_data(as_text=True)
    path += "?lang=ru"
    response = client.submit(
        path, {"display_name": "Айбек", "password": "long enough pw", "confirm": "long enough pw"}
    )
    assert response.status_code == 302
    again = site("school-a").get(path)
    assert again.status_code == 400
    assert "Эта ссылка для настройки не работает" in again.get_data(as_text=True)


def test_setup_form_keeps_what_was_typed_on_error(app, site, schools):
    path = new_user_link(app)
    response = site("school-a").submit(
        path + "?lang=ru", {"display_name": "Айбек", "password": "short", "confirm": "other"}
    )
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert 'value="Айбек"' in page and "не менее 10 символов" in page


def test_expired_setup_link_says_so(app, site, schools):
    path = new_user_link(app)
    token = path.rsplit("/", 1)[1]
    with app.app_context():
        serializer = URLSafeTimedSerializer(app.config["SECRET_KEY"], salt=setup_links.SALT)
        payload = serializer.loads(token)

        class Backdated(URLSafeTimedSerializer):
            def make_signer(self, salt=None):
                signer = super().make_signer(salt)
                signer.get_timestamp = lambda: int(time.time()) - 73 * 3600
                return signer

        old = Backdated(app.config["SECRET_KEY"], salt=setup_links.SALT).dumps(payload)
    response = site("school-a").get(f"/account/setup/{old}?lang=ru")
    assert response.status_code == 410
    assert "Срок действия ссылки для настройки истёк" in response.get_data(as_text=True)


def test_tampered_setup_link_is_refused(site, schools):
    response = site("school-a").get("/account/setup/not-a-token")
    assert response.status_code == 400


def test_default_password_hash_meets_owasp(app):
    method = Config.PASSWORD_HASH_METHOD
    name, cost, block, parallel = method.split(":")
    assert name == "scrypt" and int(cost) >= 2**17 and int(block) >= 8 and int(parallel) >= 1
    with app.app_context():
        hashed = generate_password_hash("x", method=method)
    assert hashed.startswith(f"scrypt:{cost}:{block}:{parallel}$")


def test_production_cookies_are_secure():
    assert ProductionConfig.SESSION_COOKIE_SECURE is True
    assert ProductionConfig.SESSION_COOKIE_HTTPONLY is True
    assert ProductionConfig.SESSION_COOKIE_DOMAIN is None


def test_sign_in_and_out_are_audited(app, site, schools):
    client = site("school-a")
    client.login("admin@a.kg")
    client.post("/logout", data={"csrf_token": client.csrf_token("/admin/")})
    with app.app_context():
        actions = [
            e.action for e in db.session.scalars(db.select(AuditEntry).order_by(AuditEntry.id))
        ]
        hosts = {e.host for e in db.session.scalars(db.select(AuditEntry))}
    assert actions == ["auth.login", "auth.logout"]
    assert hosts == {"school-a.mektep.test"}


def test_next_parameter_cannot_leave_the_site(site, schools):
    client = site("school-a")
    token = client.csrf_token("/login")
    response = client.post(
        "/login?next=//evil.example/x",
        data={"email": "admin@a.kg", "password": PASSWORD, "csrf_token": token},
    )
    assert response.headers["Location"] == "/admin/"
    assert re.match(r"^/", response.headers["Location"])
    assert current_app is not None


def test_sign_in_page_of_a_school_speaks_only_official_languages(site, schools):
    page = site("school-a").get("/login?lang=en").get_data(as_text=True)
    assert '<html lang="ky">' in page
