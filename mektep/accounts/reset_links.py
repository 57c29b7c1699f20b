"""Password resets, mailed to the account's owner and never shown to whoever asked.

A reset link names the account and a fingerprint of its current password hash:
asking for one changes nothing of the owner's (their password and sessions
stay), and the link dies as soon as a new password is chosen.

Two ways to ask: a school's admin or the district sends one to a member who
forgot (`send`), or anyone types an address on the "forgot password" page
(`request`): the page then does the same work whether the address has an
account or not (it stores a request that the worker answers, `compose_requested`),
so it never tells which addresses have accounts.
"""

import hashlib

from flask import current_app

from mektep import mail
from mektep.accounts.models import User
from mektep.accounts.setup_links import LinkProblem, dumps, loads
from mektep.extensions import db
from mektep.hosts import school_link

SALT = "mektep-password-reset"
TEMPLATE = "password_reset"


def _fingerprint(user):
    return hashlib.sha256((user.password_hash or "").encode()).hexdigest()[:32]


def may_reset(user):
    """Whether `user` can be sent a reset: an active account with a password (one
    not set up yet has its set-up link instead)."""
    return user is not None and user.active and user.has_password


def _context(user, school, lang):
    token = dumps(SALT, {"u": user.id, "p": _fingerprint(user)})
    link = school_link(school, "auth.reset", lang, token=token)
    return {
        "reset_url": link,
        "host": link.split("/")[2],
        "hours": current_app.config["RESET_LINK_HOURS"],
    }


def send(user, school=None):
    """Mail `user` a link to choose a new password, on `school`'s host (None:
    the apex), in the owner's language."""
    lang = user.mail_language(school)
    return mail.send(user, TEMPLATE, lang, school=school, **_context(user, school, lang))


def request(email, school, lang):
    """Someone asked for a reset of `email` on `school`'s host (None: the apex) in
    a page in `lang`: the worker sends it if the address has such an account."""
    return mail.request(email, TEMPLATE, lang, school=school)


def compose_requested(row):
    """The worker's answer to a request: the reset message, or None (no account
    that can be reset has this address)."""
    user = db.session.scalar(db.select(User).where(User.email == row.to_address))
    if not may_reset(user):
        return None
    row.user_id = user.id
    # Their chosen language, else the page's where they asked (their latest).
    row.lang = user.mail_language(row.school, page=row.lang)
    context = _context(user, row.school, row.lang)
    return mail.compose(user.email, TEMPLATE, row.lang, row.school, user=user, **context)


def redeem(token):
    """The user a valid reset token belongs to; raises LinkProblem otherwise."""
    data = loads(SALT, token, current_app.config["RESET_LINK_HOURS"])
    user_id = data.get("u")
    user = db.session.get(User, user_id) if isinstance(user_id, int) else None
    if not may_reset(user):
        raise LinkProblem("invalid")
    if data.get("p") != _fingerprint(user):
        raise LinkProblem("invalid")
    return user
