"""Issue 10.7: the nginx configuration of docs/deploy.md, rendered by the
documented envsubst command, in front of a gunicorn of the app: Host routing to
two schools over TLS (a self-signed wildcard certificate made here), the
client's address and scheme reaching the app, and the upload size limit.
Skipped without nginx, unless MEKTEP_REQUIRE_NGINX is set (CI sets it)."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from config import BASE_DIR
from tests.conftest import worker_env
from tests.http_client import Browser, trusting

from .conftest import free_port, kill_session, start_gunicorn, stop_gracefully, wait_until

TEMPLATE = BASE_DIR / "deploy" / "nginx" / "mektep.conf.template"
DEPLOY_DOC = BASE_DIR / "docs" / "deploy.md"
VARIABLES = [
    "BASE_DOMAIN",
    "APP_ADDRESS",
    "HTTP_PORT",
    "HTTPS_PORT",
    "MAX_REQUEST_MB",
    "CACHE_DIR",
    "ACME_ROOT",
    "WILDCARD_CERTIFICATE",
    "WILDCARD_CERTIFICATE_KEY",
    "OWN_DOMAIN_CERTIFICATES",
]
MAX_REQUEST_MB = 1
ADDRESS_LIMIT = 3
OWN_DOMAIN = "school-a.example.kg"


def test_the_deploy_doc_shows_the_tested_configuration():
    doc = DEPLOY_DOC.read_text()
    assert f"```nginx\n{TEMPLATE.read_text()}```" in doc
    assert "envsubst '" + " ".join(f"${name}" for name in VARIABLES) + "'" in doc


def require_nginx():
    if shutil.which("nginx") is None:
        if os.environ.get("MEKTEP_REQUIRE_NGINX"):
            pytest.fail("nginx is required (MEKTEP_REQUIRE_NGINX) but is not on PATH")
        pytest.skip("nginx is not installed (apt-get install nginx-light)")


def make_certificate(certificate, key, *names):
    """A self-signed certificate (and its key) for `names`."""
    certificate.parent.mkdir(exist_ok=True)
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"]
        + ["-keyout", str(key), "-out", str(certificate), "-subj", f"/CN={names[0]}"]
        + ["-addext", "subjectAltName=" + ",".join(f"DNS:{name}" for name in names)],
        check=True,
        capture_output=True,
    )
    return certificate, key


def render(values):
    """The documented command: envsubst with the list of our variables only."""
    names = " ".join(f"${name}" for name in VARIABLES)
    return subprocess.run(
        ["envsubst", names],
        input=TEMPLATE.read_text(),
        env={**os.environ, **values},
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def start_nginx(folder, site_file):
    """nginx of the test's own, with `site_file` included as in sites-enabled/."""
    for name in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (folder / name).mkdir()
    main = folder / "nginx.conf"
    main.write_text(
        ("user root;\n" if os.geteuid() == 0 else "")
        + f"daemon off;\nworker_processes 1;\npid {folder}/nginx.pid;\n"
        f"error_log {folder}/error.log warn;\nevents {{ worker_connections 128; }}\n"
        f"http {{\n access_log off;\n client_body_temp_path {folder}/body;\n"
        f" proxy_temp_path {folder}/proxy;\n fastcgi_temp_path {folder}/fastcgi;\n"
        f" uwsgi_temp_path {folder}/uwsgi;\n scgi_temp_path {folder}/scgi;\n"
        f" include {site_file};\n}}\n"
    )
    check = subprocess.run(["nginx", "-t", "-c", str(main)], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    return subprocess.Popen(
        ["nginx", "-c", str(main)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


@pytest.fixture
def proxied(app, schools, tmp_path):
    """(https port, SSLContext, base domain) of nginx in front of gunicorn."""
    require_nginx()
    base = app.config["BASE_DOMAIN"]
    certificate, key = tmp_path / "wildcard.crt", tmp_path / "wildcard.key"
    make_certificate(certificate, key, f"*.{base}", base)
    own = tmp_path / "own-domains"
    make_certificate(own / f"{OWN_DOMAIN}.crt", own / f"{OWN_DOMAIN}.key", OWN_DOMAIN)
    app_port, http_port, https_port = free_port(), free_port(), free_port()
    with app.app_context():
        env = worker_env(app)
    env.update(
        URL_SCHEME="https",
        TRUSTED_PROXIES="1",
        MAX_UPLOAD_MB=str(MAX_REQUEST_MB),
        LOGIN_LIMIT_PER_ADDRESS=f"{ADDRESS_LIMIT} per 15 minutes",
    )
    web = start_gunicorn(env, app_port, "--config", "deploy/gunicorn.conf.py", "--workers", "2")
    site_file = tmp_path / "mektep.conf"
    site_file.write_text(
        render(
            {
                "BASE_DOMAIN": base,
                "APP_ADDRESS": f"127.0.0.1:{app_port}",
                "HTTP_PORT": str(http_port),
                "HTTPS_PORT": str(https_port),
                "MAX_REQUEST_MB": str(MAX_REQUEST_MB),
                "CACHE_DIR": str(tmp_path / "cache"),
                "ACME_ROOT": str(tmp_path / "acme"),
                "WILDCARD_CERTIFICATE": str(certificate),
                "WILDCARD_CERTIFICATE_KEY": str(key),
                "OWN_DOMAIN_CERTIFICATES": str(own),
            }
        )
    )
    nginx = start_nginx(tmp_path, site_file)
    tls = trusting(certificate)
    try:
        probe = Browser(https_port, f"{base}:{https_port}", tls)
        wait_until(lambda: _answers(probe), timeout=30, what="nginx's start")
        yield https_port, tls, base, own / f"{OWN_DOMAIN}.crt"
    finally:
        kill_session(nginx)
        stop_gracefully(web)


def _answers(browser):
    try:
        return browser.get("/healthz").status == 200
    except OSError:
        return False


def test_each_school_answers_on_its_host_over_tls(proxied):
    port, tls, base, own_certificate = proxied
    for slug in ("school-a", "school-b"):
        page = Browser(port, f"{slug}.{base}:{port}", tls).get("/")
        assert page.status == 200
        assert f"{slug} мектеби" in page.text
    assert Browser(port, f"nobody.{base}:{port}", tls).get("/").status == 404
    # A school's own domain is served on its own certificate (no school has it here).
    assert Browser(port, f"{OWN_DOMAIN}:{port}", trusting(own_certificate)).get("/").status == 404
    # Absolute links name the school's address as the deployment is configured
    # (URL_SCHEME, BASE_DOMAIN: docs/deploy.md), whatever host the request came in on.
    feed = Browser(port, f"school-a.{base}:{port}", tls).get("/news/feed.atom")
    assert f"https://school-a.{base}/news/" in feed.text


def test_the_clients_address_reaches_the_app(proxied):
    """The sign-in limit per address counts each client, not the proxy."""
    port, tls, base, _ = proxied
    host = f"school-a.{base}:{port}"
    first = Browser(port, host, tls, source="127.0.0.2")
    statuses = [first.login(f"nobody{n}@a.kg", "wrong password").status for n in range(4)]
    assert statuses == [401] * ADDRESS_LIMIT + [429]
    second = Browser(port, host, tls, source="127.0.0.3")
    assert second.login("nobody@a.kg", "wrong password").status == 401
    assert second.login("editor@a.kg").status == 302


def test_the_upload_size_limit_is_nginx_s_too(proxied):
    port, tls, base, _ = proxied
    browser = Browser(port, f"school-a.{base}:{port}", tls)
    small = browser.request("POST", "/login", b"x" * (MAX_REQUEST_MB * 1024 * 1024 // 2))
    assert small.status == 400  # reached the app (which wants a CSRF token)
    large = browser.request("POST", "/login", b"x" * (MAX_REQUEST_MB * 1024 * 1024 + 1))
    assert large.status == 413
    assert "nginx" in large.text  # refused by the proxy, before the app


def test_nothing_of_a_signed_in_visitor_is_kept(proxied):
    port, tls, base, _ = proxied
    browser = Browser(port, f"school-a.{base}:{port}", tls)
    assert browser.login("editor@a.kg").status == 302
    for _ in range(2):
        page = browser.get("/")
        assert page.status == 200
        assert page.header("X-Cache-Status") == "BYPASS"


def test_the_site_file_is_a_template_of_our_variables_only():
    text = TEMPLATE.read_text()
    used = {part.split("}")[0] for part in text.split("${")[1:]}
    assert used == set(VARIABLES)
    assert Path(TEMPLATE).suffix == ".template"
