"""One-time set-up links: a new account's way to choose its first password.

No mail server is assumed, so the link is shown to whoever created the account.
The token names the user's session version, which setting a password bumps (a
used link, or one issued before a newer one, is dead), and the membership it
was issued for: only the school that created the account may issue one, so no
school can take over, void or replace a link that reaches another school.
"""

from flask import current_app
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

from mektep.accounts.models import Membership
from mektep.extensions import db
from mektep.hosts import site_url

SALT = "mektep-account-setup"


class LinkProblem(Exception):
    """`reason` is 'expired' or 'invalid'."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


def dumps(salt, data):
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=salt).dumps(data)


def loads(salt, token, hours):
    """The data of a signed token at most `hours` old; raises LinkProblem otherwise."""
    serializer = URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=salt)
    try:
        data = serializer.loads(token, max_age=hours * 3600)
    except SignatureExpired as error:
        raise LinkProblem("expired") from error
    except BadSignature as error:
        raise LinkProblem("invalid") from error
    if not isinstance(data, dict):
        raise LinkProblem("invalid")
    return data


def may_issue(membership):
    """Whether a set-up link may be made for `membership`'s account through its
    school: the account has no password yet and was created by this school's
    invitation (no other school holds an accepted membership of it)."""
    user = membership.user
    if membership.pending or not user.active or user.has_password or user.is_district_admin:
        return False
    return all(other.pending for other in user.memberships if other is not membership)


def issue(membership):
    """A fresh token for `membership`'s account; its earlier tokens stop working."""
    if not may_issue(membership):
        raise PermissionError("this school may not issue a set-up link for this account")
    user = membership.user
    user.invalidate_sessions()
    db.session.flush()
    return dumps(SALT, {"u": user.id, "v": user.session_version, "m": membership.id})


def external_link(membership):
    """The full set-up URL, on the host of the membership's school (also outside a request)."""
    path = current_app.url_map.bind("").build("auth.setup", {"token": issue(membership)})
    return site_url(membership.school, path)


def redeem(token):
    """The membership a valid token was issued for; raises LinkProblem otherwise."""
    data = loads(SALT, token, current_app.config["SETUP_LINK_HOURS"])
    membership_id = data.get("m")
    membership = (
        db.session.get(Membership, membership_id) if isinstance(membership_id, int) else None
    )
    if (
        membership is None
        or membership.user_id != data.get("u")
        or membership.user.session_version != data.get("v")
        or not may_issue(membership)
    ):
        raise LinkProblem("invalid")
    return membership
