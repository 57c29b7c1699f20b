"""Issue 10.7: `/healthz` and `/readyz` for load balancers (any host, never
cached, never audited; a 503 names what is unreachable), and one log line per
request with school, method, path, status and time."""

import logging
import re

import pytest
from flask.testing import FlaskClient

from mektep.audit import AuditEntry
from mektep.extensions import db
from mektep.storage.local import LocalStorage

from .conftest import using_redis

HOSTS = ("school-a.{base}", "{base}", "nobody.{base}", "elsewhere.example", "127.0.0.1:8000")
LINE = re.compile(r"^school=(\S+) method=(\S+) path=(\S+) status=(\d+) ms=\d+\.\d$")


def ask(app, path, host):
    client = FlaskClient(app)
    return client.get(path, base_url=f"http://{host.format(base=app.config['BASE_DOMAIN'])}")


@pytest.mark.parametrize("host", HOSTS)
def test_health_checks_answer_on_any_host(app, schools, host):
    for path, body in (("/healthz", "ok\n"), ("/readyz", "database: ok\nredis: ok\nstorage: ok\n")):
        response = ask(app, path, host)
        assert response.status_code == 200, (path, response.status_code)
        assert response.get_data(as_text=True) == body
        assert response.headers["Cache-Control"] == "no-store"
        assert "Set-Cookie" not in response.headers
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(AuditEntry.id))) == 0


def test_readyz_names_redis_when_it_is_down_and_healthz_stays_up(app, schools, own_redis):
    with using_redis(app, own_redis.url):
        assert ask(app, "/readyz", "{base}").status_code == 200
        own_redis.stop()
        response = ask(app, "/readyz", "school-a.{base}")
        assert response.status_code == 503
        assert response.get_data(as_text=True) == "database: ok\nredis: unreachable\nstorage: ok\n"
        assert response.headers["Cache-Control"] == "no-store"
        assert ask(app, "/healthz", "school-a.{base}").status_code == 200
        assert ask(app, "/", "school-a.{base}").status_code == 200  # pages still work


def test_readyz_names_storage_that_cannot_be_written(app, schools, tmp_path):
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    saved = app.extensions.get("mektep_storage")
    app.extensions["mektep_storage"] = LocalStorage(str(blocked / "storage"))
    try:
        response = ask(app, "/readyz", "{base}")
    finally:
        app.extensions["mektep_storage"] = saved
    assert response.status_code == 503
    assert response.get_data(as_text=True) == "database: ok\nredis: ok\nstorage: unreachable\n"
    assert ask(app, "/readyz", "{base}").status_code == 200  # positive control


def request_lines(caplog):
    return [
        LINE.match(record.getMessage()).groups()
        for record in caplog.records
        if record.name == "mektep.requests"
    ]


def test_one_line_per_request_with_school_status_and_time(app, schools, site, caplog):
    caplog.set_level(logging.INFO, logger="mektep.requests")
    visitor, apex = site("school-a"), site()
    visitor.get("/sveden/")
    visitor.get("/nope")
    apex.get("/")
    visitor.get("/static/css/site.css")  # static files are left out
    visitor.get("/healthz")  # and health checks that pass
    visitor.get("/account/setup/secret-token-value")
    assert request_lines(caplog) == [
        ("school-a", "GET", "/sveden/", "200"),
        ("school-a", "GET", "/nope", "404"),
        ("-", "GET", "/", "200"),
        ("school-a", "GET", "/account/setup/…", "400"),
    ]
    assert "secret-token-value" not in caplog.text


def test_the_request_log_level_and_static_files_are_configurable(app, schools, site, caplog):
    caplog.set_level(logging.INFO, logger="mektep.requests")
    visitor = site("school-a")
    app.config["REQUEST_LOG_STATIC"] = True
    try:
        visitor.get("/static/css/site.css")
    finally:
        app.config["REQUEST_LOG_STATIC"] = False
    assert request_lines(caplog) == [("school-a", "GET", "/static/css/site.css", "200")]

    caplog.clear()
    logging.getLogger("mektep.requests").setLevel(logging.WARNING)
    try:
        visitor.get("/sveden/")
        visitor.get("/nope")
    finally:
        logging.getLogger("mektep.requests").setLevel(app.config["REQUEST_LOG_LEVEL"])
    assert request_lines(caplog) == []  # WARNING: only failures (5xx) are written
