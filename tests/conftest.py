"""Test fixtures: a real database (PostgreSQL when TEST_DATABASE_URL is set,
else an SQLite file), a real Redis (TEST_REDIS_URL, else the embedded server),
migrations run once, every table emptied between tests, and always two schools.
"""

import os
import re
import subprocess
import sys
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from flask_migrate import upgrade
from sqlalchemy import text

from config import BASE_DIR, TestConfig
from mektep import create_app
from mektep.accounts.models import Membership, User
from mektep.extensions import db
from mektep.pagecache.store import store_of
from mektep.queue import get_redis, redis_url
from tenants.models import School
from tenants.stats.pending_views import pending_views

# Browser fixtures (live server, headless Chromium), and the mailboxes (the outbox
# folder, a loopback SMTP server), for any test that asks for them.
pytest_plugins = ["tests.browser", "tests.mailboxes"]

PASSWORD = "correct horse battery"
# Where the test district's apex resolves (the hosts file of the `app` fixture).
DEPLOYMENT_ADDRESS = "192.0.2.10"
CSRF_PATTERN = re.compile(
    r'name="csrf_token" type="hidden" value="([^"]+)"|'
    r'name="csrf_token" value="([^"]+)"'
)


@pytest.fixture(scope="session")
def workdir(tmp_path_factory):
    return tmp_path_factory.mktemp("mektep")


@pytest.fixture(scope="session")
def app(workdir):
    database_url = os.environ.get("TEST_DATABASE_URL") or f"sqlite:///{workdir / 'test.sqlite'}"
    # No test asks the real DNS: names resolve from this file alone (mektep/dns_check.py).
    hosts = workdir / "hosts"
    hosts.write_text(f"{DEPLOYMENT_ADDRESS} {TestConfig.BASE_DOMAIN}\n")

    class Config(TestConfig):
        SQLALCHEMY_DATABASE_URI = database_url
        INSTANCE_DIR = workdir
        EMBEDDED_REDIS_FILE = str(workdir / "redis.db")
        STORAGE_DIR = str(workdir / "storage")
        # The storage tests switch to a bucket (tests/storage/conftest.py).
        STORAGE_URL = ""
        DNS_HOSTS_FILE = str(hosts)

    app = create_app(Config)
    with app.app_context():
        if database_url.startswith("postgresql"):
            with db.engine.begin() as conn:
                conn.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
        upgrade()
    return app


@pytest.fixture(autouse=True)
def clean_state(app):
    """Each test starts with empty tables and an empty Redis."""
    yield
    with app.app_context():
        db.session.remove()
        with db.engine.begin() as conn:
            for table in reversed(db.metadata.sorted_tables):
                conn.execute(table.delete())
        pending_views(app).send()  # none may reach the next test's Redis
        # The rows went without a bump: what the app keeps of them must go too.
        store_of(app).bump(district=True)
        get_redis(app).flushdb()


@pytest.fixture
def ctx(app):
    with app.app_context():
        yield
        db.session.remove()


def worker_env(app):
    """Environment for a subprocess (a worker) that must see the same data."""
    env = dict(os.environ)
    env.update(
        MEKTEP_ENV="testing",
        TEST_DATABASE_URL=app.config["SQLALCHEMY_DATABASE_URI"],
        TEST_REDIS_URL=redis_url(app),
        MEKTEP_INSTANCE_DIR=str(app.config["INSTANCE_DIR"]),
        STORAGE_DIR=app.config["STORAGE_DIR"],
        STORAGE_URL=app.config["STORAGE_URL"],
        S3_ENDPOINT_URL=app.config["S3_ENDPOINT_URL"],
        RQ_QUEUE=app.config["RQ_QUEUE"],
    )
    return env


def run_worker_process(app, timeout=120, **environment):
    """Run a real RQ worker process on `app`'s database, Redis and storage in
    burst mode until the queue is empty; `environment` overrides variables of
    the worker's environment (e.g. PATH)."""
    with app.app_context():
        env = worker_env(app) | environment
    result = subprocess.run(
        [sys.executable, str(BASE_DIR / "worker.py"), "--burst"],
        env=env,
        cwd=BASE_DIR,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result


@pytest.fixture
def run_worker(app):
    """Run a real RQ worker process in burst mode until the queue is empty."""
    return partial(run_worker_process, app)


class Site:
    """A test client bound to one host, with helpers for forms and signing in."""

    def __init__(self, app, host):
        self.app = app
        self.host = host
        self.client = app.test_client()
        self.carried_token = None

    def url(self, path):
        return f"http://{self.host}{path}"

    def get(self, path, **kwargs):
        return self.client.get(path, base_url=f"http://{self.host}", **kwargs)

    def post(self, path, **kwargs):
        return self.client.post(path, base_url=f"http://{self.host}", **kwargs)

    def csrf_token(self, path):
        if self.carried_token:
            return self.carried_token
        page = self.get(path).get_data(as_text=True)
        match = CSRF_PATTERN.search(page)
        assert match, f"no CSRF token on {path}"
        return match.group(1) or match.group(2)

    def submit(self, path, data, form_page=None, **kwargs):
        """POST `data` to `path` with a CSRF token taken from `form_page` (default `path`)."""
        data = dict(data)
        data["csrf_token"] = self.csrf_token(form_page or path)
        return self.post(path, data=data, **kwargs)

    def login(self, email, password=PASSWORD):
        response = self.submit("/login", {"email": email, "password": password})
        assert response.status_code == 302, response.get_data(as_text=True)[:2000]
        return response

    def carry_session_to(self, host, token_page="/admin/"):
        """Replay this host's session cookie on `host`, as anyone can by hand (the
        cookie is host-only, so a browser never does), keeping a form token of that
        session: requests on `host` then reach its role checks as this user."""
        self.carried_token = self.csrf_token(token_page)
        cookie = self.client.get_cookie("session", domain=self.host)
        self.host = host
        self.client.set_cookie("session", cookie.value, domain=host)
        return self


@pytest.fixture
def site(app):
    """site("school-a") → a client on that school's host; site() → the apex."""

    def make(slug=None):
        base = app.config["BASE_DOMAIN"]
        return Site(app, f"{slug}.{base}" if slug else base)

    return make


def make_user(email, password=PASSWORD, **fields):
    user = User(email=email, display_name=fields.pop("display_name", email.split("@")[0]), **fields)
    user.set_password(password)
    db.session.add(user)
    return user


def make_school(slug, admin_email=None, editor_email=None, **fields):
    school = School(
        slug=slug,
        name_ky=fields.pop("name_ky", f"{slug} мектеби"),
        name_ru=fields.pop("name_ru", f"Школа {slug}"),
        **fields,
    )
    db.session.add(school)
    if admin_email:
        db.session.add(Membership(user=make_user(admin_email), school=school, role="admin"))
    if editor_email:
        db.session.add(Membership(user=make_user(editor_email), school=school, role="editor"))
    return school


@pytest.fixture
def schools(app):
    """Two schools, each with an admin and an editor, and a district admin."""
    with app.app_context():
        school_a = make_school("school-a", "admin@a.kg", "editor@a.kg")
        school_b = make_school("school-b", "admin@b.kg", "editor@b.kg")
        make_user("district@mektep.kg", is_district_admin=True)
        db.session.commit()
        ids = {"a": school_a.id, "b": school_b.id}
    return ids


@pytest.fixture
def admin_a(site, schools):
    client = site("school-a")
    client.login("admin@a.kg")
    return client


@pytest.fixture
def admin_b_on_a(site, schools):
    """School B's admin, signed in on B, with that session carried to school A's
    host: every request there reaches A's role check as B's admin."""
    client = site("school-b")
    client.login("admin@b.kg")
    return client.carry_session_to(f"school-a.{client.app.config['BASE_DOMAIN']}")


@pytest.fixture
def editor_a(site, schools):
    client = site("school-a")
    client.login("editor@a.kg")
    return client


def fixture_path(name):
    return Path(__file__).parent / "files" / name


# What a refused request may still write: the audit log's record of the refusal.
REFUSAL_MAY_WRITE = {"audit_entry"}


def database_rows(app):
    """Every row of every table but the audit log, in primary key order."""
    with app.app_context():
        rows = {}
        for table in db.metadata.sorted_tables:
            if table.name not in REFUSAL_MAY_WRITE:
                order = table.primary_key.columns or table.columns
                rows[table.name] = db.session.execute(table.select().order_by(*order)).all()
        db.session.remove()
    return rows


@contextmanager
def nothing_changes(app):
    """Asserts that the requests of the block leave every table (the audit log
    aside) exactly as it was: what a refusal must do besides its status."""
    before = database_rows(app)
    yield
    after = database_rows(app)
    changed = sorted(name for name in before if before[name] != after[name])
    assert not changed, f"tables changed by a refused request: {changed}"


def assert_redirect(response, path, host=None, status=302, **query):
    """`response` is exactly a `status` redirect to `path`, on `host` (default:
    the host that was asked), with the given query values."""
    assert response.status_code == status, (
        response.status_code,
        response.get_data(as_text=True)[:1000],
    )
    location = urlsplit(response.headers["Location"])
    assert location.path == path, response.headers["Location"]
    assert location.netloc in ({host} if host else {"", response.request.host}), location
    values = parse_qs(location.query)
    for name, value in query.items():
        assert values.get(name) == [value], (name, response.headers["Location"])
    return location


def assert_sent_to_sign_in(response):
    """`response` sends an anonymous visitor to this host's sign-in page, which
    brings them back to the page they asked for."""
    asked = response.request.path
    if response.request.query_string:
        asked += "?" + response.request.query_string.decode()
    return assert_redirect(response, "/login", next=asked)
