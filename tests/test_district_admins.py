"""The district's own administrators: invited by e-mail (they choose their own
password through the mailed link), deactivated and reactivated, at least one
always active, every change audited; and the audit log, filtered and paged."""

import pytest

from mektep.accounts.models import User
from mektep.audit import AuditEntry
from mektep.extensions import db
from tests.account_steps import credentials
from tests.conftest import PASSWORD, assert_redirect, make_user, nothing_changes
from tests.mail.steps import one_link, path_of


@pytest.fixture
def district(site, schools):
    apex = site()
    apex.login("district@mektep.kg")
    return apex


def user_id(app, email):
    with app.app_context():
        return db.session.scalar(db.select(User.id).where(User.email == email))


def logged(app, action):
    with app.app_context():
        return db.session.scalars(
            db.select(AuditEntry.detail).where(AuditEntry.action == action).order_by(AuditEntry.id)
        ).all()


def change(client, app, email, what):
    return client.submit(
        f"/district/admins/{user_id(app, email)}/{what}?lang=en",
        {"confirm": "y"},
        form_page="/district/admins",
    )


def test_an_invited_administrator_chooses_their_own_password(app, site, district, outbox):
    response = district.submit(
        "/district/admins/invite?lang=en",
        {"email": "deputy@mektep.kg"},
        form_page="/district/admins",
    )
    assert response.status_code == 200
    assert "deputy@mektep.kg" in response.get_data(as_text=True)
    (message,) = outbox.delivered()
    assert message["To"] == "deputy@mektep.kg"
    # The inviting page was English, and English is for the console.
    assert message["Subject"] == "Your account in the district console"
    assert "district (district@mektep.kg) invited you" in message.get_body(("plain",)).get_content()
    link = one_link(message, "/account/setup/")
    assert link.startswith("http://mektep.test/account/setup/")
    assert logged(app, "district.admin_invite") == ["deputy@mektep.kg (new account)"]

    deputy = site()
    deputy.submit(
        path_of(link), {"display_name": "Deputy", "password": PASSWORD, "confirm": PASSWORD}
    )
    assert deputy.get("/district/").status_code == 200
    page = district.get("/district/admins?lang=en").get_data(as_text=True)
    assert "deputy@mektep.kg" in page and "Deputy" in page


def test_with_a_mail_server_an_administrators_link_is_never_on_screen(
    app, site, district, smtp_server
):
    invited = district.submit(
        "/district/admins/invite?lang=en",
        {"email": "deputy@mektep.kg"},
        form_page="/district/admins",
    )
    assert invited.status_code == 200
    assert "/account/setup/" not in invited.get_data(as_text=True)
    again = change(district, app, "deputy@mektep.kg", "setup-link")
    assert again.status_code == 200
    assert "/account/setup/" not in again.get_data(as_text=True)
    # The links went to the owner: the newer one works.
    first, second = smtp_server.delivered()
    assert first["To"] == second["To"] == "deputy@mektep.kg"
    deputy = site()
    assert deputy.get(path_of(one_link(second, "/account/setup/"))).status_code == 200


def test_an_existing_account_becomes_an_administrator_and_is_told(app, district, schools, outbox):
    before = credentials(app, "admin@a.kg")
    response = district.submit(
        "/district/admins/invite?lang=en", {"email": "admin@a.kg"}, form_page="/district/admins"
    )
    assert_redirect(response, "/district/admins")
    assert credentials(app, "admin@a.kg") == before
    (message,) = outbox.delivered()
    assert message["To"] == "admin@a.kg"
    assert one_link(message, "/district/").startswith("http://mektep.test/district/")
    again = district.submit(
        "/district/admins/invite?lang=en", {"email": "admin@a.kg"}, form_page="/district/admins"
    )
    assert again.status_code == 400
    assert "is a district administrator already" in again.get_data(as_text=True)


def test_deactivating_takes_the_console_away_and_reactivating_gives_it_back(
    app, site, district, schools
):
    with app.app_context():
        make_user("second@mektep.kg", is_district_admin=True)
        db.session.commit()
    second = site()
    second.login("second@mektep.kg")
    assert second.get("/district/").status_code == 200

    assert_redirect(change(district, app, "second@mektep.kg", "deactivate"), "/district/admins")
    assert second.get("/district/").status_code == 403
    assert "district.denied" in [e for e in logged_actions(app)]
    # Their account stays theirs.
    with app.app_context():
        assert db.session.scalar(db.select(User).where(User.email == "second@mektep.kg")).active
    assert "second@mektep.kg" in district.get("/district/admins?lang=en").get_data(as_text=True)

    assert_redirect(change(district, app, "second@mektep.kg", "reactivate"), "/district/admins")
    assert second.get("/district/").status_code == 200
    assert logged(app, "district.admin_deactivate") == ["second@mektep.kg"]
    assert logged(app, "district.admin_reactivate") == ["second@mektep.kg"]


def logged_actions(app):
    with app.app_context():
        return db.session.scalars(db.select(AuditEntry.action)).all()


def test_the_last_active_administrator_stays(app, site, district, schools):
    with nothing_changes(app):
        refused = change(district, app, "district@mektep.kg", "deactivate")
    assert refused.status_code == 409
    assert "only active administrator" in refused.get_data(as_text=True)
    assert district.get("/district/").status_code == 200
    # An invited administrator who has not chosen a password does not count.
    with app.app_context():
        db.session.add(User(email="invited@mektep.kg", is_district_admin=True))
        db.session.commit()
    assert change(district, app, "district@mektep.kg", "deactivate").status_code == 409
    # Positive control: with a second active one, deactivating oneself works.
    with app.app_context():
        make_user("second@mektep.kg", is_district_admin=True)
        db.session.commit()
    assert_redirect(change(district, app, "district@mektep.kg", "deactivate"), "/")
    assert district.get("/district/").status_code == 403


def test_no_school_admin_manages_the_districts_administrators(app, site, schools):
    # School A's admin, with their session carried to the apex by hand.
    outsider = site("school-a")
    outsider.login("admin@a.kg")
    outsider.carry_session_to(app.config["BASE_DOMAIN"])
    target = user_id(app, "district@mektep.kg")
    refusals = logged_actions(app).count("district.denied")
    with nothing_changes(app):
        assert outsider.get("/district/admins").status_code == 403
        refused = outsider.submit(f"/district/admins/{target}/deactivate", {"confirm": "y"})
        assert refused.status_code == 403
        invite = outsider.submit("/district/admins/invite", {"email": "x@mektep.kg"})
        assert invite.status_code == 403
    assert logged_actions(app).count("district.denied") == refusals + 3


def test_the_audit_log_filters_by_school_person_and_action(app, district, schools):
    district.submit(f"/district/schools/{schools['a']}/suspend", {}, form_page="/district/")
    district.submit(f"/district/schools/{schools['b']}/suspend", {}, form_page="/district/")
    by_school = district.get(f"/district/audit?lang=en&school={schools['a']}")
    assert by_school.status_code == 200
    page = by_school.get_data(as_text=True)
    assert page.count(">school.suspend</a></code>") == 1
    by_action = district.get("/district/audit?lang=en&action=school.suspend").get_data(as_text=True)
    assert by_action.count(">school.suspend</a></code>") == 2
    assert ">auth.login</a></code>" not in by_action
    by_person = district.get("/district/audit?lang=en&person=nobody-here").get_data(as_text=True)
    assert ">school.suspend</a></code>" not in by_person
    by_me = district.get("/district/audit?lang=en&person=district%40mektep").get_data(as_text=True)
    assert by_me.count(">school.suspend</a></code>") == 2
    unknown = district.get("/district/audit?lang=en&action=no.such.action")
    assert unknown.status_code == 400


def test_the_audit_log_person_filter_takes_wildcards_literally(app, district, schools):
    district.submit(f"/district/schools/{schools['a']}/suspend", {}, form_page="/district/")
    found = district.get("/district/audit?lang=en&person=DISTRICT%40Mektep").get_data(as_text=True)
    assert found.count(">school.suspend</a></code>") == 1  # any case matches
    for wildcard in ("district_mektep", "district%25mektep", "%25"):
        page = district.get(f"/district/audit?lang=en&person={wildcard}")
        assert page.status_code == 200
        assert ">school.suspend</a></code>" not in page.get_data(as_text=True)


def test_the_audit_log_pages(app, district, schools):
    with app.app_context():
        for number in range(60):
            db.session.add(AuditEntry(action="school.suspend", detail=f"entry {number}"))
        db.session.commit()
    first = district.get("/district/audit?lang=en&action=school.suspend").get_data(as_text=True)
    second = district.get("/district/audit?lang=en&action=school.suspend&page=2").get_data(
        as_text=True
    )
    assert first.count(">school.suspend</a></code>") == 50
    assert second.count(">school.suspend</a></code>") == 10
    assert "page=2" in first
