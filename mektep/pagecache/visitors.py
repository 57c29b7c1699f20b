"""Who is asking: an anonymous visitor, whose pages are the same for everyone
and may be shared (by the page cache, a proxy, a CDN), or someone with a
session, whose pages are their own.

A request is anonymous when it carries no session cookie and no remember
cookie: nothing of a person can then be in it, and telling needs no decoding.

Flask adds `Vary: Cookie` to any response whose request so much as looked at
the session, and a page whose request stored something there (a CSRF token, a
flash message) carries a value of its own. So anonymous public pages must not
touch the session at all: the session interface here records whether a request
did (`session_touched`), without itself touching it, and `flashed_messages`
reads flashes only when a session can hold some.
"""

from flask import current_app, get_flashed_messages, request
from flask.sessions import SecureCookieSessionInterface

SESSION_KEY = "mektep.session"
FLASHES = "_flashes"


class WatchedSessionInterface(SecureCookieSessionInterface):
    """Flask's signed-cookie sessions, with the request's session object kept
    where `session_touched` can look at it (`flask.session` would touch it)."""

    def open_session(self, app, request):
        if app.secret_key and not request.cookies.get(self.get_cookie_name(app)):
            # No cookie, nothing to verify: an anonymous visitor's empty session,
            # without building the signing serializer on every page.
            session = self.session_class()
        else:
            session = super().open_session(app, request)
        request.environ[SESSION_KEY] = session
        return session


def has_session_cookie(cookies, config):
    """Whether `cookies` hold a session or remember cookie (of the app's `config`)."""
    return config["SESSION_COOKIE_NAME"] in cookies or (
        config.get("REMEMBER_COOKIE_NAME", "remember_token") in cookies
    )


def carries_session():
    """Whether the request carries a session or remember cookie."""
    return has_session_cookie(request.cookies, current_app.config)


def session_touched():
    """Whether anything read or wrote the session during this request."""
    session = request.environ.get(SESSION_KEY)
    return session is not None and session.accessed


def flashed_messages(with_categories=False):
    """Flask's `get_flashed_messages`, without touching an empty session: there
    are flashes only if the request brought a session or this request flashed."""
    session = request.environ.get(SESSION_KEY)
    if session is None or FLASHES not in session:
        return []
    return get_flashed_messages(with_categories=with_categories)


def init_app(app):
    app.session_interface = WatchedSessionInterface()
    app.jinja_env.globals["flashed_messages"] = flashed_messages
