"""Error pages: every error a person can meet gets a page in their language."""

from flask import render_template, request
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

MESSAGES = {
    400: (_l("Bad request"), _l("The request could not be understood. Check the address.")),
    403: (_l("No access"), _l("Your account may not open this page.")),
    404: (_l("Page not found"), _l("There is no page at this address. Check it for typos.")),
    405: (_l("Not allowed"), _l("This page cannot be used this way.")),
    410: (_l("Gone"), _l("This page no longer exists.")),
    413: (
        _l("File too large"),
        _l("The file is larger than the site accepts. Reduce it and try again."),
    ),
    429: (_l("Too many requests"), _l("Please wait a little and try again.")),
    500: (_l("Something went wrong"), _l("We have been told and will fix it. Try again later.")),
}


def render_error(status, title=None, message=None, template="errors/error.html"):
    default_title, default_message = MESSAGES.get(status, MESSAGES[500])
    return (
        render_template(
            template,
            status=status,
            title=title or default_title,
            message=message or default_message,
        ),
        status,
    )


def render_bare_error(status, title=None, message=None):
    """An error page that builds no link: for a request whose host cannot be
    linked to, and for when the full page itself fails to render."""
    return render_error(status, title, message, template="errors/bare.html")


def handle_http_error(error):
    if error.code is None or error.code < 400:
        return error
    return render_error(error.code)


def handle_csrf_error(error):
    return render_error(
        400,
        _l("The form has expired"),
        _l(
            "The page was open too long or came from another site. "
            "Go back, reload the page and send the form again."
        ),
    )


def init_app(app):
    app.register_error_handler(CSRFError, handle_csrf_error)
    app.register_error_handler(HTTPException, handle_http_error)

    @app.errorhandler(500)
    def internal_error(error):
        app.logger.error("500 on %s %s", request.method, request.url)
        try:
            return render_error(500)
        except Exception:
            # The page of a failure must not fail too: Flask would then answer
            # without our after_request hooks, i.e. without the security headers.
            app.logger.exception("the error page failed to render")
            return render_bare_error(500)
