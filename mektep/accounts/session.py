"""Loading the signed-in user, and what a user may do where."""

from mektep.accounts.models import User
from mektep.extensions import db


def load_user(session_id):
    """Flask-Login loader: the id carries a session version, so bumping the
    user's version (logout, password change) voids every older session."""
    user_id, _, version = session_id.partition(":")
    if not (user_id.isdigit() and version.isdigit()):
        return None
    user = db.session.get(User, int(user_id))
    if user is None or user.session_version != int(version):
        return None
    return user
