"""One-time set-up links: a new account's way to choose its first password.

No mail server is assumed, so the link is shown to whoever created the account.
The token is signed and names the user's session version, which setting a
password bumps: a used link, or one issued before a newer one, is dead.
"""

from flask import current_app
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

from mektep.accounts.models import User
from mektep.extensions import db
from tenants.resolver import site_url

SALT = "mektep-account-setup"


def _serializer():
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=SALT)


def issue(user):
    """A fresh token for `user`; earlier unused tokens of the user stop working."""
    user.invalidate_sessions()
    db.session.flush()
    return _serializer().dumps({"u": user.id, "v": user.session_version})


def external_link(user, school=None):
    """The full set-up URL, on the host the user will work on (also outside a request)."""
    path = current_app.url_map.bind("").build("auth.setup", {"token": issue(user)})
    return site_url(school, path)


class LinkProblem(Exception):
    """`reason` is 'expired' or 'invalid'."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


def redeem(token):
    """The user a valid token belongs to; raises LinkProblem otherwise."""
    max_age = current_app.config["SETUP_LINK_HOURS"] * 3600
    try:
        data = _serializer().loads(token, max_age=max_age)
    except SignatureExpired as error:
        raise LinkProblem("expired") from error
    except BadSignature as error:
        raise LinkProblem("invalid") from error
    user = db.session.get(User, data.get("u"))
    if user is None or user.session_version != data.get("v") or not user.active:
        raise LinkProblem("invalid")
    return user
