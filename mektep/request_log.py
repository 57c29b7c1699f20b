"""One log line per request: school, method, path, status and time in ms.

    school=school35 method=GET path=/sveden/ status=200 ms=12.4

Lines go to the `mektep.requests` logger (through the app's log handler, to
standard error: gunicorn's error log, the journal under systemd) at INFO, and
at ERROR for a 5xx; `REQUEST_LOG_LEVEL` sets the lowest level written (WARNING
keeps only the failures). Static files are left out unless `REQUEST_LOG_STATIC`
is on, and so are health checks that pass. `school` is the school's slug, `-`
on the district's apex and on hosts that are no school's. The values of
`token` path segments (set-up and reset links) are not written.

Flask's own log handler spends more on each line than a page sent from the
page cache spends on everything else (it looks its stream up through a context
proxy five times a line, and formats the time anew): where the app logs
through it, it is replaced by `ErrorStreamHandler`, which writes the very same
lines to the very same streams.
"""

import logging
import sys
import time

from flask import current_app, g, has_request_context, request
from flask.logging import default_handler

from config import ConfigurationError

log = logging.getLogger("mektep.requests")
# The format of Flask's default log handler (`flask.logging.default_handler`).
FLASK_LOG_FORMAT = "[%(asctime)s] %(levelname)s in %(module)s: %(message)s"
QUIET_ENDPOINTS = {"health.healthz", "health.readyz"}


def _start_clock():
    g.request_started = time.perf_counter()


def _logged_path():
    path = request.path
    token = (request.view_args or {}).get("token")
    if isinstance(token, str) and token:
        path = path.replace(token, "…")
    return path


def log_line(school_slug, method, path, status, started):
    """Write the line of a request answered (`started`: its perf_counter at the start)."""
    level = logging.ERROR if status >= 500 else logging.INFO
    if log.isEnabledFor(level):
        log.log(
            level,
            "school=%s method=%s path=%s status=%s ms=%.1f",
            school_slug or "-",
            method,
            path,
            status,
            (time.perf_counter() - started) * 1000,
        )


def log_school_as(slug):
    """Name the school of this request's line when no school is bound (a page
    the page cache sent before the tenant hook ran)."""
    g.request_log_school = slug


def _log_request(response):
    started = g.get("request_started")
    if started is None:
        return response
    if request.endpoint == "static" and not current_app.config["REQUEST_LOG_STATIC"]:
        return response
    if request.endpoint in QUIET_ENDPOINTS and response.status_code < 400:
        return response
    school = g.get("school")
    slug = school.slug if school else g.get("request_log_school")
    log_line(slug, request.method, _logged_path(), response.status_code, started)
    return response


class SecondFormatter(logging.Formatter):
    """A Formatter whose time (logging's default format) is written once a second."""

    _second = (None, "")

    def formatTime(self, record, datefmt=None):
        if datefmt or self.datefmt:
            return super().formatTime(record, datefmt)
        second = int(record.created)
        cached = self._second
        if cached[0] != second:
            text = time.strftime(self.default_time_format, self.converter(second))
            cached = self._second = (second, text)
        return self.default_msec_format % (cached[1], record.msecs)


class ErrorStreamHandler(logging.StreamHandler):
    """Flask's default log handler, cheaper: each line goes to the WSGI
    server's error stream during a request, to standard error outside one."""

    def __init__(self):
        super().__init__()
        self.setFormatter(SecondFormatter(FLASK_LOG_FORMAT))

    def emit(self, record):
        try:
            line = self.format(record) + self.terminator
            stream = request.environ["wsgi.errors"] if has_request_context() else sys.stderr
            stream.write(line)
            stream.flush()
        except RecursionError:
            raise
        except Exception:
            self.handleError(record)


def _use_cheaper_handler(logger):
    """Put an ErrorStreamHandler where Flask put its default handler (it does
    when logging is not configured otherwise)."""
    if default_handler in logger.handlers:
        logger.removeHandler(default_handler)
        logger.addHandler(ErrorStreamHandler())


def init_app(app):
    """Called first by the factory: the clock starts before any other hook, and
    the line is written after every other hook has had its say."""
    level = app.config["REQUEST_LOG_LEVEL"]
    if not isinstance(logging.getLevelName(level), int):
        raise ConfigurationError(
            f"REQUEST_LOG_LEVEL is {level!r}; use DEBUG, INFO, WARNING, ERROR or CRITICAL."
        )
    log.setLevel(level)
    # Flask gives the app's logger its handler (standard error) on first use,
    # unless logging is configured already: request lines go through it.
    _use_cheaper_handler(app.logger)
    app.before_request(_start_clock)
    app.after_request(_log_request)
