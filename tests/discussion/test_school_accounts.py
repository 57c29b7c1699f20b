"""School accounts (A4): invitations end to end, roles, deactivation, the last
admin rule, the school's audit log; and none of it across schools."""

import re
from urllib.parse import urlsplit

from mektep.accounts.models import Membership, User
from mektep.audit import AuditEntry
from mektep.extensions import db
from tests.account_steps import accept_invitation, membership_id
from tests.conftest import PASSWORD, nothing_changes


def membership(app, email, school_id):
    with app.app_context():
        row = db.session.get(Membership, membership_id(app, email, school_id))
        return (row.role, row.active) if row else None


def test_invitation_end_to_end(app, site, schools, admin_a):
    response = admin_a.submit(
        "/admin/accounts/invite",
        {"email": " New.Editor@A.kg ", "role": "editor"},
        form_page="/admin/accounts",
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    link = re.search(r'value="(http://school-a\.mektep\.test/account/setup/[^"]+)"', page).group(1)
    newcomer = site("school-a")
    path = link.removeprefix("http://school-a.mektep.test")
    response = newcomer.submit(
        path, {"display_name": "Жаңы редактор", "password": PASSWORD, "confirm": PASSWORD}
    )
    assert response.status_code == 302
    assert newcomer.get("/admin/").status_code == 200
    assert newcomer.get("/admin/accounts").status_code == 403
    assert newcomer.get(path).status_code == 400  # the link worked once
    fresh = site("school-a")
    fresh.login("new.editor@a.kg")
    assert fresh.get("/admin/settings").status_code == 200
    assert membership(app, "new.editor@a.kg", schools["a"]) == ("editor", True)


def test_inviting_someone_of_another_school_needs_no_link(app, site, schools, admin_a):
    response = admin_a.submit(
        "/admin/accounts/invite",
        {"email": "admin@b.kg", "role": "admin"},
        form_page="/admin/accounts",
    )
    assert response.status_code == 200 and "/account/setup/" not in response.get_data(as_text=True)
    both = site("school-a")
    both.login("admin@b.kg")
    accept_invitation(app, both, "admin@b.kg", schools["a"])
    assert both.get("/admin/accounts").status_code == 200


def test_bad_invitations_are_refused(app, schools, admin_a):
    for email, message in (
        ("not-an-email", "name@example.kg"),
        ("editor@a.kg", "бул мектепте каттоо эсеби бар"),
    ):
        response = admin_a.submit(
            "/admin/accounts/invite",
            {"email": email, "role": "editor"},
            form_page="/admin/accounts",
        )
        page = response.get_data(as_text=True)
        assert response.status_code == 400
        assert message in page
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(User.id))) == 5


def test_change_role_and_deactivate(app, site, schools, admin_a):
    editor_id = membership_id(app, "editor@a.kg", schools["a"])
    editor = site("school-a")
    editor.login("editor@a.kg")
    response = admin_a.submit(
        f"/admin/accounts/{editor_id}/role", {"role": "admin"}, form_page="/admin/accounts"
    )
    assert response.status_code == 302
    assert membership(app, "editor@a.kg", schools["a"]) == ("admin", True)
    assert editor.get("/admin/accounts").status_code == 200
    response = admin_a.submit(
        f"/admin/accounts/{editor_id}/deactivate", {}, form_page="/admin/accounts"
    )
    assert response.status_code == 302
    assert editor.get("/admin/").status_code == 403
    admin_a.submit(f"/admin/accounts/{editor_id}/reactivate", {}, form_page="/admin/accounts")
    assert editor.get("/admin/").status_code == 200


def test_deactivating_here_keeps_the_other_school(app, site, schools, admin_a):
    admin_a.submit(
        "/admin/accounts/invite",
        {"email": "admin@b.kg", "role": "editor"},
        form_page="/admin/accounts",
    )
    shared = membership_id(app, "admin@b.kg", schools["a"])
    invitee = site("school-a")
    invitee.login("admin@b.kg")
    accept_invitation(app, invitee, "admin@b.kg", schools["a"])
    response = admin_a.submit(
        f"/admin/accounts/{shared}/deactivate", {}, form_page="/admin/accounts"
    )
    assert response.status_code == 302
    assert membership(app, "admin@b.kg", schools["a"]) == ("editor", False)
    on_b = site("school-b")
    on_b.login("admin@b.kg")
    assert on_b.get("/admin/accounts").status_code == 200
    with app.app_context():
        assert db.session.scalar(db.select(User.active).where(User.email == "admin@b.kg"))


def test_last_admin_cannot_be_demoted_or_deactivated(app, schools, admin_a):
    own = membership_id(app, "admin@a.kg", schools["a"])
    for path, data in (
        (f"/admin/accounts/{own}/role", {"role": "editor"}),
        (f"/admin/accounts/{own}/deactivate", {}),
    ):
        with nothing_changes(app):
            response = admin_a.submit(path, data, form_page="/admin/accounts")
        assert response.status_code == 409
        assert "жалгыз активдүү администратору" in response.get_data(as_text=True)
        assert membership(app, "admin@a.kg", schools["a"]) == ("admin", True)


def test_accounts_of_another_school_are_out_of_reach(app, site, schools, admin_a, admin_b_on_a):
    b_editor = membership_id(app, "editor@b.kg", schools["b"])
    a_editor = membership_id(app, "editor@a.kg", schools["a"])
    actions = (("role", {"role": "admin"}), ("deactivate", {}), ("setup-link", {}))
    with nothing_changes(app):
        for action, data in actions:
            path = f"/admin/accounts/{b_editor}/{action}"
            assert admin_a.submit(path, data, form_page="/admin/accounts").status_code == 404
            # B's session carried to A's host: no role at school A.
            path = f"/admin/accounts/{a_editor}/{action}"
            assert admin_b_on_a.submit(path, data).status_code == 403
        assert admin_b_on_a.get("/admin/accounts").status_code == 403
        assert admin_b_on_a.get("/admin/").status_code == 403
    assert membership(app, "editor@b.kg", schools["b"]) == ("editor", True)
    assert "editor@b.kg" not in admin_a.get("/admin/accounts").get_data(as_text=True)
    owner = site("school-b")
    owner.login("admin@b.kg")
    path = f"/admin/accounts/{b_editor}/role"
    assert owner.submit(path, {"role": "admin"}, form_page="/admin/accounts").status_code == 302
    assert membership(app, "editor@b.kg", schools["b"]) == ("admin", True)


def test_school_audit_log_shows_only_this_school(app, site, schools, admin_a):
    b_admin = site("school-b")
    b_admin.login("admin@b.kg")
    admin_a.submit(
        "/admin/accounts/invite", {"email": "x@a.kg", "role": "editor"}, form_page="/admin/accounts"
    )
    page = admin_a.get("/admin/audit").get_data(as_text=True)
    assert "accounts.invite" in page and "x@a.kg" in page
    assert "school-b" not in page
    with app.app_context():
        assert (
            db.session.scalar(
                db.select(db.func.count(AuditEntry.id)).where(AuditEntry.school_id == schools["b"])
            )
            >= 1
        )


def test_an_admin_who_steps_down_lands_where_they_may_be(app, site, schools, admin_a):
    editor_id = membership_id(app, "editor@a.kg", schools["a"])
    admin_a.submit(
        f"/admin/accounts/{editor_id}/role", {"role": "admin"}, form_page="/admin/accounts"
    )
    own = membership_id(app, "admin@a.kg", schools["a"])
    response = admin_a.submit(
        f"/admin/accounts/{own}/role", {"role": "editor"}, form_page="/admin/accounts"
    )
    assert urlsplit(response.headers["Location"]).path == "/admin/"
    assert admin_a.get("/admin/").status_code == 200
    assert admin_a.get("/admin/accounts").status_code == 403
