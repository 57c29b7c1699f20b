"""Loading the signed-in user, and keeping Flask-Login off anonymous visitors' sessions."""

from flask import g
from flask_login import current_user

from mektep.accounts.models import User
from mektep.extensions import db, login_manager
from mektep.pagecache.visitors import carries_session


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


def keep_anonymous_sessions_untouched(app):
    """Flask-Login reads the session on every response (to refresh a remember
    cookie) and, through its template context processor, on every page: Flask
    then marks every page `Vary: Cookie`, and no anonymous page could be shared.
    Its hook runs only where a session or a sign-in exists; templates get
    `current_user` as the lazy proxy, read only by the pages that show it."""
    hooks = app.after_request_funcs[None]
    update_remember_cookie = login_manager._update_remember_cookie
    index = hooks.index(update_remember_cookie)

    def update_remember_cookie_of_sessions(response):
        if carries_session() or "_login_user" in g:
            return update_remember_cookie(response)
        return response

    hooks[index] = update_remember_cookie_of_sessions
    app.jinja_env.globals["current_user"] = current_user
