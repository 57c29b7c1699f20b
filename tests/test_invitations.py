"""An account's credentials belong to its owner: a school invites an address
that has an account already, and the owner accepts; no school issues, replaces
or voids a set-up link that reaches another school's membership."""

from urllib.parse import urlsplit

from mektep.audit import AuditEntry
from mektep.extensions import db
from tests.account_steps import (
    accept_invitation,
    credentials,
    invite,
    membership_id,
    membership_state,
    setup_path,
)
from tests.conftest import PASSWORD
from tests.mailboxes import text_part

NEW_PASSWORD = {"display_name": "Newcomer", "password": PASSWORD, "confirm": PASSWORD}


def actions(app, school_id):
    with app.app_context():
        return [
            entry.action
            for entry in db.session.scalars(
                db.select(AuditEntry)
                .where(AuditEntry.school_id == school_id)
                .order_by(AuditEntry.id)
            )
        ]


def test_a_second_schools_invitation_cannot_take_over_a_new_account(app, site, schools, admin_a):
    link_a = setup_path(invite(admin_a, "newcomer@mail.kg").get_data(as_text=True))
    assert link_a.startswith("/account/setup/")
    before = credentials(app, "newcomer@mail.kg")
    admin_b = site("school-b")
    admin_b.login("admin@b.kg")

    response = invite(admin_b, "newcomer@mail.kg", "admin")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert setup_path(page) is None and "/account/setup/" not in page
    assert "Waiting for acceptance" in page
    assert membership_state(app, "newcomer@mail.kg", schools["b"]) == ("admin", True, True)
    assert credentials(app, "newcomer@mail.kg") == before

    invitation_b = membership_id(app, "newcomer@mail.kg", schools["b"])
    response = admin_b.submit(
        f"/admin/accounts/{invitation_b}/setup-link", {}, form_page="/admin/accounts"
    )
    assert response.status_code == 400
    assert credentials(app, "newcomer@mail.kg") == before
    listing = admin_b.get("/admin/accounts?lang=en").get_data(as_text=True)
    assert "waiting for acceptance" in listing
    assert f"/admin/accounts/{invitation_b}/setup-link" not in listing

    newcomer = site("school-a")
    assert newcomer.get(link_a).status_code == 200  # school A's link still works
    own = membership_id(app, "newcomer@mail.kg", schools["a"])
    renewed = admin_a.submit(f"/admin/accounts/{own}/setup-link", {}, form_page="/admin/accounts")
    assert renewed.status_code == 200  # the school that created the account still may
    link_a = setup_path(renewed.get_data(as_text=True))
    assert newcomer.submit(link_a, NEW_PASSWORD).status_code == 302
    assert newcomer.get("/admin/").status_code == 200

    on_b = site("school-b")
    response = on_b.login("newcomer@mail.kg")
    assert urlsplit(response.headers["Location"]).path == "/account/invitations"
    assert on_b.get("/admin/").status_code == 403
    accept_invitation(app, on_b, "newcomer@mail.kg", schools["b"])
    assert on_b.get("/admin/accounts").status_code == 200
    assert actions(app, schools["b"])[-1] == "accounts.accept"


def test_inviting_an_existing_account_changes_nothing_until_its_owner_accepts(
    app, site, schools, admin_a
):
    owner = site("school-b")
    owner.login("admin@b.kg")
    before = credentials(app, "admin@b.kg")

    response = invite(admin_a, "admin@b.kg", "admin")
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and setup_path(page) is None
    assert "already has an account" in page
    assert membership_state(app, "admin@b.kg", schools["a"]) == ("admin", True, True)
    assert credentials(app, "admin@b.kg") == before
    assert owner.get("/admin/").status_code == 200  # still signed in on school B
    listing = admin_a.get("/admin/accounts?lang=en").get_data(as_text=True)
    assert "waiting for acceptance" in listing and "Withdraw the invitation" in listing

    dashboard = owner.get("/admin/?lang=en").get_data(as_text=True)
    assert "Invitations waiting for you" in dashboard
    assert "http://school-a.mektep.test/account/invitations" in dashboard

    on_a = site("school-a")
    response = on_a.login("admin@b.kg")
    assert urlsplit(response.headers["Location"]).path == "/account/invitations"
    assert on_a.get("/admin/").status_code == 403
    page = on_a.get("/account/invitations?lang=en").get_data(as_text=True)
    assert "school-a мектеби invites you" in page and "administrator" in page
    accept_invitation(app, on_a, "admin@b.kg", schools["a"])
    assert membership_state(app, "admin@b.kg", schools["a"]) == ("admin", True, False)
    assert on_a.get("/admin/accounts").status_code == 200
    assert credentials(app, "admin@b.kg") == before
    log = actions(app, schools["a"])
    assert log.index("accounts.invite") < log.index("accounts.accept")


def test_the_owner_declines_and_the_school_sees_it_in_its_log(app, site, schools, admin_a):
    invite(admin_a, "editor@b.kg")
    invitation = membership_id(app, "editor@b.kg", schools["a"])
    on_a = site("school-a")
    on_a.login("editor@b.kg")
    response = on_a.submit(
        f"/account/invitations/{invitation}/decline", {}, form_page="/account/invitations"
    )
    assert response.status_code == 302
    assert urlsplit(response.headers["Location"]).path == "/"
    assert membership_state(app, "editor@b.kg", schools["a"]) is None
    assert membership_state(app, "editor@b.kg", schools["b"]) == ("editor", True, False)
    assert "accounts.decline" in admin_a.get("/admin/audit").get_data(as_text=True)
    again = site("school-a").submit("/login", {"email": "editor@b.kg", "password": PASSWORD})
    assert again.status_code == 403


def test_an_invitation_is_answered_by_its_owner_on_its_schools_host_only(
    app, site, schools, admin_a
):
    invite(admin_a, "admin@b.kg")
    invitation = membership_id(app, "admin@b.kg", schools["a"])
    accept = f"/account/invitations/{invitation}/accept"

    somebody_else = site("school-a")
    somebody_else.login("editor@a.kg")
    # Neither has an invitation to answer here: the token comes from another form.
    response = somebody_else.submit(accept, {}, form_page="/account/password")
    assert response.status_code == 404
    owner_on_b = site("school-b")
    owner_on_b.login("admin@b.kg")
    assert owner_on_b.submit(accept, {}, form_page="/account/password").status_code == 404
    owner_on_a = site("school-a")
    owner_on_a.login("admin@b.kg")
    assert owner_on_a.post(accept).status_code == 400  # no CSRF token
    assert membership_state(app, "admin@b.kg", schools["a"]) == ("editor", True, True)
    assert owner_on_a.get("/admin/").status_code == 403

    accept_invitation(app, owner_on_a, "admin@b.kg", schools["a"])
    assert owner_on_a.get("/admin/").status_code == 200


def test_the_school_withdraws_an_invitation_still_waiting(app, site, schools, admin_a):
    invite(admin_a, "admin@b.kg")
    invitation = membership_id(app, "admin@b.kg", schools["a"])
    admin_b = site("school-b")
    admin_b.login("admin@b.kg")
    response = admin_b.submit(
        f"/admin/accounts/{invitation}/withdraw", {}, form_page="/admin/accounts"
    )
    assert response.status_code == 404  # school B's admin, on B: not B's membership
    assert membership_state(app, "admin@b.kg", schools["a"]) == ("editor", True, True)

    editor = membership_id(app, "editor@a.kg", schools["a"])
    response = admin_a.submit(f"/admin/accounts/{editor}/withdraw", {}, form_page="/admin/accounts")
    assert response.status_code == 409  # accepted: deactivated, never withdrawn
    assert membership_state(app, "editor@a.kg", schools["a"]) == ("editor", True, False)

    response = admin_a.submit(
        f"/admin/accounts/{invitation}/withdraw?lang=en", {}, form_page="/admin/accounts"
    )
    assert response.status_code == 302
    assert urlsplit(response.headers["Location"]).path == "/admin/accounts"
    assert membership_state(app, "admin@b.kg", schools["a"]) is None
    assert actions(app, schools["a"])[-1] == "accounts.withdraw"
    refused = site("school-a").submit("/login", {"email": "admin@b.kg", "password": PASSWORD})
    assert refused.status_code == 403


def test_a_waiting_admin_is_not_yet_the_schools_admin(app, site, schools, admin_a):
    invite(admin_a, "admin@b.kg", "admin")
    own = membership_id(app, "admin@a.kg", schools["a"])
    response = admin_a.submit(
        f"/admin/accounts/{own}/role", {"role": "editor"}, form_page="/admin/accounts"
    )
    assert response.status_code == 409
    assert membership_state(app, "admin@a.kg", schools["a"]) == ("admin", True, False)
    invitation = membership_id(app, "admin@b.kg", schools["a"])
    response = admin_a.submit(
        f"/admin/accounts/{invitation}/deactivate", {}, form_page="/admin/accounts"
    )
    assert response.status_code == 409  # an invitation is withdrawn, not deactivated
    assert membership_state(app, "admin@b.kg", schools["a"]) == ("admin", True, True)

    on_a = site("school-a")
    on_a.login("admin@b.kg")
    accept_invitation(app, on_a, "admin@b.kg", schools["a"])
    response = admin_a.submit(
        f"/admin/accounts/{own}/role", {"role": "editor"}, form_page="/admin/accounts"
    )
    assert response.status_code == 302
    assert membership_state(app, "admin@a.kg", schools["a"]) == ("editor", True, False)


def test_a_school_admin_sends_a_reset_to_the_owner_never_to_themselves(
    app, site, schools, admin_a, outbox
):
    owner = site("school-a")
    owner.login("editor@a.kg")
    before = credentials(app, "editor@a.kg")
    editor = membership_id(app, "editor@a.kg", schools["a"])
    response = admin_a.submit(
        f"/admin/accounts/{editor}/password-reset?lang=en",
        {},
        form_page="/admin/accounts",
        follow_redirects=True,
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "A link to choose a new password was sent to editor@a.kg" in page
    assert "/account/reset/" not in page
    assert credentials(app, "editor@a.kg") == before
    assert owner.get("/admin/").status_code == 200
    (message,) = outbox.delivered()
    assert message["To"] == "editor@a.kg"
    assert "http://school-a.mektep.test/account/reset/" in text_part(message)
    assert actions(app, schools["a"])[-1] == "accounts.password_reset"

    b_editor = membership_id(app, "editor@b.kg", schools["b"])
    response = admin_a.submit(
        f"/admin/accounts/{b_editor}/password-reset", {}, form_page="/admin/accounts"
    )
    assert response.status_code == 404  # another school's member
    invite(admin_a, "admin@b.kg")
    waiting = membership_id(app, "admin@b.kg", schools["a"])
    response = admin_a.submit(
        f"/admin/accounts/{waiting}/password-reset", {}, form_page="/admin/accounts"
    )
    assert response.status_code == 409  # not this school's member yet
    assert not [m for m in outbox.delivered() if m["To"] != "admin@b.kg"]  # the invitation


def test_two_schools_inviting_one_new_address_at_once(app, schools, admin_a):
    """Another request creates the account between this one's look-up and its write:
    the invitation becomes one the owner accepts, never a 500 or a second account."""
    from sqlalchemy import event

    from mektep.accounts.models import User

    raced = []

    def other_school_invites_first(session, flush_context, instances):
        if not raced:
            raced.append(True)
            with db.engine.begin() as other:
                other.execute(db.insert(User).values(email="same@mail.kg", session_version=1))

    event.listen(db.session, "before_flush", other_school_invites_first)
    try:
        response = invite(admin_a, "same@mail.kg")
    finally:
        event.remove(db.session, "before_flush", other_school_invites_first)
    assert response.status_code == 200
    assert setup_path(response.get_data(as_text=True)) is None
    assert membership_state(app, "same@mail.kg", schools["a"])[2] is True
    with app.app_context():
        same = db.select(db.func.count(User.id)).where(User.email == "same@mail.kg")
        assert db.session.scalar(same) == 1
