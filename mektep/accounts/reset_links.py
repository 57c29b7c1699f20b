"""Password resets, sent to the account's owner and never shown to whoever asked.

A reset link names the account and a fingerprint of its current password hash:
asking for one changes nothing of the owner's (their password and sessions
stay), and the link dies as soon as a new password is chosen.
"""

import hashlib

from flask import current_app
from flask_babel import force_locale
from flask_babel import gettext as _

from config import LANGUAGES
from mektep.accounts import outbox
from mektep.accounts.models import User
from mektep.accounts.setup_links import LinkProblem, dumps, loads
from mektep.extensions import db
from mektep.hosts import site_url

SALT = "mektep-password-reset"


def _fingerprint(user):
    return hashlib.sha256((user.password_hash or "").encode()).hexdigest()[:32]


def send(user, school=None):
    """Send `user` a link to choose a new password, on `school`'s host, in both
    official languages (the owner's language is not known)."""
    token = dumps(SALT, {"u": user.id, "p": _fingerprint(user)})
    path = current_app.url_map.bind("").build("auth.reset", {"token": token})
    link = site_url(school, path)
    subjects, bodies = zip(*(_message(lang, user, link) for lang in LANGUAGES), strict=True)
    return outbox.send(user.email, " / ".join(subjects), "\n\n---\n\n".join(bodies))


def _message(lang, user, link):
    """(subject, body) of a reset message in `lang`."""
    host = link.split("/")[2]
    with force_locale(lang):
        subject = _("Choose a new password for %(host)s", host=host)
        body = "\n\n".join(
            (
                _(
                    "Someone asked for a new password for your account %(email)s on %(host)s. "
                    "To choose one, open this link; it works once, for %(hours)s hours:",
                    email=user.email,
                    host=host,
                    hours=current_app.config["RESET_LINK_HOURS"],
                ),
                link,
                _("If you did not expect this, ignore it: your password stays as it is."),
            )
        )
    return subject, body


def redeem(token):
    """The user a valid reset token belongs to; raises LinkProblem otherwise."""
    data = loads(SALT, token, current_app.config["RESET_LINK_HOURS"])
    user_id = data.get("u")
    user = db.session.get(User, user_id) if isinstance(user_id, int) else None
    if user is None or not user.active or not user.has_password:
        raise LinkProblem("invalid")
    if data.get("p") != _fingerprint(user):
        raise LinkProblem("invalid")
    return user
