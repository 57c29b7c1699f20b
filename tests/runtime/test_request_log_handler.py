"""Where logging is not configured, the app logs through `ErrorStreamHandler`
(mektep/request_log.py) instead of Flask's default handler: the very same
lines, to the very same streams, for less."""

import io
import logging

import pytest
from flask.logging import default_handler

from mektep.request_log import ErrorStreamHandler, _use_cheaper_handler


def record(created):
    line = logging.LogRecord(
        "mektep.requests", logging.INFO, "/app/mektep/request_log.py", 42, "school=%s", ("a",), None
    )
    line.created, line.msecs = created, (created % 1) * 1000
    return line


@pytest.mark.parametrize("created", [1_764_561_599.9994, 1_764_561_600.0, 1_764_561_600.5678])
def test_lines_are_written_as_flasks_default_handler_writes_them(created):
    handler = ErrorStreamHandler()
    # Twice each, and across a second's end: the time is written once a second.
    for moment in (created, created + 0.0003, created, created + 1):
        assert handler.format(record(moment)) == default_handler.format(record(moment))
    assert handler.format(record(created)).endswith("INFO in request_log: school=a")


def test_lines_go_to_the_servers_error_stream_in_a_request_and_stderr_outside(app, capsys):
    handler = ErrorStreamHandler()
    errors = io.StringIO()
    with app.test_request_context(environ_overrides={"wsgi.errors": errors}):
        handler.handle(record(1_764_561_600.25))
    handler.handle(record(1_764_561_601.5))
    assert errors.getvalue() == default_handler.format(record(1_764_561_600.25)) + "\n"
    assert capsys.readouterr().err == default_handler.format(record(1_764_561_601.5)) + "\n"


def test_it_replaces_flasks_default_handler_only():
    logger = logging.getLogger("tests.request_log_handler")
    logger.addHandler(default_handler)
    try:
        _use_cheaper_handler(logger)
        assert [type(handler) for handler in logger.handlers] == [ErrorStreamHandler]
        _use_cheaper_handler(logger)  # a second app: nothing more
        assert len(logger.handlers) == 1
    finally:
        logger.handlers.clear()
    configured = logging.StreamHandler(io.StringIO())
    logger.addHandler(configured)
    try:
        _use_cheaper_handler(logger)  # logging configured by the deployer: left alone
        assert logger.handlers == [configured]
    finally:
        logger.handlers.clear()
