"""Security headers on every response: pages, error pages, server errors (also
when the error page itself fails to render), and HSTS when links are https."""

import pytest
from flask import flash

from config import ProductionConfig, TestConfig
from mektep import create_app

HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "strict-origin-when-cross-origin",
}


def assert_security_headers(response):
    for name, value in HEADERS.items():
        assert response.headers.get(name) == value, (name, response.status_code)
    policy = response.headers.get("Content-Security-Policy", "")
    assert "default-src 'self'" in policy and "script-src 'self'" in policy


class Unprintable:
    """A flashed message that cannot be shown: the error page fails on it."""

    def __str__(self):
        raise RuntimeError("this message cannot be shown")


@pytest.fixture(scope="module")
def https_app(app):
    """A second app on the same database, with https links and two failing routes."""

    class HttpsConfig(TestConfig):
        SQLALCHEMY_DATABASE_URI = app.config["SQLALCHEMY_DATABASE_URI"]
        INSTANCE_DIR = app.config["INSTANCE_DIR"]
        EMBEDDED_REDIS_FILE = app.config["EMBEDDED_REDIS_FILE"]
        STORAGE_DIR = app.config["STORAGE_DIR"]
        PREFERRED_URL_SCHEME = "https"
        HSTS_MAX_AGE = 600
        # As in production: an exception becomes the 500 page instead of reaching pytest.
        PROPAGATE_EXCEPTIONS = False

    failing = create_app(HttpsConfig)

    @failing.route("/fails")
    def fails():
        raise RuntimeError("a bug")

    @failing.route("/fails-and-so-does-its-page")
    def fails_and_so_does_its_page():
        flash(Unprintable())
        raise RuntimeError("a bug")

    return failing


def test_pages_and_error_pages_carry_the_headers(site, schools):
    school = site("school-a")
    for path, status in (("/", 200), ("/news/", 200), ("/nowhere", 404), ("/admin/", 302)):
        response = school.get(path)
        assert response.status_code == status, path
        assert_security_headers(response)
    assert_security_headers(site().get("/district/"))


def test_a_bad_host_page_carries_the_headers(app):
    response = app.test_client().get("/", headers={"Host": "a..mektep.test"})
    assert response.status_code == 400
    assert_security_headers(response)


def test_no_hsts_while_links_are_http(site, schools):
    assert "Strict-Transport-Security" not in site("school-a").get("/").headers


def test_hsts_when_links_are_https(https_app, schools):
    client = https_app.test_client()
    response = client.get("/", base_url="https://school-a.mektep.test")
    assert response.status_code == 200
    assert response.headers["Strict-Transport-Security"] == "max-age=600"
    missing = client.get("/nowhere", base_url="https://mektep.test")
    assert missing.status_code == 404
    assert missing.headers["Strict-Transport-Security"] == "max-age=600"


def test_production_sends_a_year_of_hsts_by_default():
    assert ProductionConfig.PREFERRED_URL_SCHEME == "https"
    assert ProductionConfig.HSTS_MAX_AGE == 365 * 24 * 3600


def test_a_server_error_page_carries_the_headers(https_app):
    response = https_app.test_client().get("/fails?lang=ru", base_url="https://mektep.test")
    assert response.status_code == 500
    assert "Что-то пошло не так" in response.get_data(as_text=True)
    assert_security_headers(response)
    assert response.headers["Strict-Transport-Security"] == "max-age=600"


def test_a_server_error_whose_page_fails_still_answers_with_the_headers(https_app):
    response = https_app.test_client().get(
        "/fails-and-so-does-its-page?lang=ru", base_url="https://mektep.test"
    )
    assert response.status_code == 500
    page = response.get_data(as_text=True)
    assert "Что-то пошло не так" in page and 'lang="ru"' in page
    assert_security_headers(response)
