"""Steps of the accounts tests: inviting, reading a set-up link off a page,
answering an invitation, and reading an account's state from the database."""

import re
from urllib.parse import urlsplit

from mektep.accounts.models import Membership, User
from mektep.extensions import db

SETUP_LINK = re.compile(r'value="(http://[^"/]+/account/setup/[^"]+)"')


def invite(client, email, role="editor"):
    return client.submit(
        "/admin/accounts/invite?lang=en",
        {"email": email, "role": role},
        form_page="/admin/accounts",
    )


def setup_path(page):
    """The path of the set-up link shown on `page` (None: no link shown)."""
    match = SETUP_LINK.search(page)
    return urlsplit(match.group(1)).path if match else None


def membership_id(app, email, school_id):
    with app.app_context():
        return db.session.scalar(
            db.select(Membership.id)
            .join(User)
            .where(User.email == email, Membership.school_id == school_id)
        )


def membership_state(app, email, school_id):
    """(role, active, pending) of `email` in the school, None when there is none."""
    with app.app_context():
        row = db.session.get(Membership, membership_id(app, email, school_id) or 0)
        return (row.role, row.active, row.pending) if row else None


def credentials(app, email):
    """What only the owner may change: the password hash and the session version."""
    with app.app_context():
        user = db.session.scalar(db.select(User).where(User.email == email))
        return user.password_hash, user.session_version


def accept_invitation(app, client, email, school_id):
    """The invited owner, signed in on the school's host, accepts its invitation."""
    invitation = membership_id(app, email, school_id)
    response = client.submit(
        f"/account/invitations/{invitation}/accept", {}, form_page="/account/invitations"
    )
    assert response.status_code == 302, response.get_data(as_text=True)[:2000]
    assert urlsplit(response.headers["Location"]).path == "/admin/"
