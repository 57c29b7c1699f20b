"""One-time set-up links: a new account's way to choose its first password.

The link is mailed to the account's own address (and, in development, without
a mail server, also shown to whoever created the account). The token names the
user's session version, which setting a password bumps (a used link, or one
issued before a newer one, is dead), and what it was issued for: the membership
of the school that created the account (only that school may issue one, so no
school can take over, void or replace a link that reaches another school), or
the district's console for a district administrator the district invited.
"""

from dataclasses import dataclass

from flask import current_app
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

from mektep import mail
from mektep.accounts import messages
from mektep.accounts.models import Membership, User
from mektep.extensions import db
from mektep.hosts import school_link

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


def may_issue_district(user):
    """Whether the district may make a set-up link for `user`: a district
    administrator's account without a password that no school holds."""
    return (
        user.is_district_admin
        and user.active
        and not user.has_password
        and all(membership.pending for membership in user.memberships)
    )


def _token(user, **grant):
    """A fresh token for `user`'s account; its earlier tokens stop working."""
    user.invalidate_sessions()
    db.session.flush()
    return dumps(SALT, {"u": user.id, "v": user.session_version, **grant})


def external_link(membership, lang=None):
    """A new set-up URL for `membership`'s account, on its school's host (also
    outside a request), in `lang`."""
    if not may_issue(membership):
        raise PermissionError("this school may not issue a set-up link for this account")
    token = _token(membership.user, m=membership.id)
    return school_link(membership.school, "auth.setup", lang, token=token)


def _shown(link):
    """`link` where the page that mailed it may show it too (`mail.shows_links()`:
    development, the message lies in the outbox folder), else None."""
    return link if mail.shows_links() else None


def send(membership, inviter=None, reissued=False):
    """Mail the owner of `membership`'s account a new set-up link; returns it
    where the page may show it (`_shown`), else None."""
    user, school = membership.user, membership.school
    link = external_link(membership, user.mail_language(school))
    messages.send_setup_link(user, link, school, membership.role, inviter, reissued)
    return _shown(link)


def send_district(user, inviter=None, reissued=False):
    """Mail a district administrator who has no password yet a new set-up link
    for the console; returns it where the page may show it (`_shown`)."""
    if not may_issue_district(user):
        raise PermissionError("the district may not issue a set-up link for this account")
    token = _token(user, d=1)
    link = school_link(None, "auth.setup", user.mail_language(None), token=token)
    messages.send_setup_link(user, link, inviter=inviter, reissued=reissued)
    return _shown(link)


@dataclass
class Grant:
    """What a valid set-up token gives: `user` sets up their account, for the
    school `school_id` (None: the district's console)."""

    user: User
    school_id: int | None


def redeem(token):
    """The Grant of a valid token; raises LinkProblem otherwise."""
    data = loads(SALT, token, current_app.config["SETUP_LINK_HOURS"])
    user_id, membership_id = data.get("u"), data.get("m")
    if data.get("d") == 1:
        user = db.session.get(User, user_id) if isinstance(user_id, int) else None
        grant = Grant(user, None) if user is not None and may_issue_district(user) else None
    else:
        membership = (
            db.session.get(Membership, membership_id) if isinstance(membership_id, int) else None
        )
        grant = None
        if membership is not None and membership.user_id == user_id and may_issue(membership):
            grant = Grant(membership.user, membership.school_id)
    if grant is None or grant.user.session_version != data.get("v"):
        raise LinkProblem("invalid")
    return grant
