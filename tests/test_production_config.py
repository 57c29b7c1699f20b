"""Production refuses to start with a missing, public or short SECRET_KEY: the web
app (gunicorn loading wsgi.py), the worker and the `flask` command all stop with
a message naming the variable, while a good key starts each of them."""

import os
import re
import secrets
import subprocess
import sys

import pytest

from config import BASE_DIR, ConfigurationError, ProductionConfig, check_config, config_from_env
from mektep import create_app
from tests.conftest import worker_env

GOOD_KEY = secrets.token_hex(32)
BIN = os.path.dirname(sys.executable)
ENTRY_POINTS = {
    "web": [sys.executable, "-m", "gunicorn", "--check-config", "wsgi:app"],
    "worker": [sys.executable, "worker.py", "--burst"],
    "cli": [os.path.join(BIN, "flask"), "--app", "wsgi", "routes"],
}


def run(entry_point, env):
    return subprocess.run(
        ENTRY_POINTS[entry_point],
        env=env,
        cwd=BASE_DIR,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def production_env(app):
    """The environment of a production process on the test database and Redis."""
    with app.app_context():
        env = worker_env(app)
    env.pop("SECRET_KEY", None)
    env.update(
        MEKTEP_ENV="production",
        DATABASE_URL=env["TEST_DATABASE_URL"],
        REDIS_URL=env["TEST_REDIS_URL"],
    )
    return env


@pytest.mark.parametrize(
    ("entry_point", "key", "problem"),
    [
        ("web", None, "SECRET_KEY is not set"),
        ("worker", "dev-only-secret-change-me", "SECRET_KEY is the development value"),
        ("cli", "s3cret-but-short", "SECRET_KEY is too short (16 characters"),
    ],
)
def test_production_refuses_to_start_without_a_real_key(production_env, entry_point, key, problem):
    if key is not None:
        production_env["SECRET_KEY"] = key
    result = run(entry_point, production_env)
    assert result.returncode != 0
    assert f"refuses to start in production: {problem}" in result.stderr, result.stderr[-2000:]
    if entry_point != "web":  # gunicorn shows the traceback of the app it could not load
        assert result.stderr.startswith("Error: Mektep refuses to start"), result.stderr[-2000:]


@pytest.mark.parametrize("entry_point", ["web", "worker", "cli"])
def test_production_starts_with_a_good_key(production_env, entry_point):
    production_env["SECRET_KEY"] = GOOD_KEY
    result = run(entry_point, production_env)
    assert result.returncode == 0, result.stderr[-3000:]


@pytest.mark.parametrize(
    ("key", "problem"),
    [
        ("", "SECRET_KEY is not set"),
        ("dev-only-secret-change-me", "SECRET_KEY is the development value"),
        ("test-secret", "SECRET_KEY is the development value"),
        ("x" * 31, "SECRET_KEY is too short (31 characters; at least 32"),
    ],
)
def test_create_app_names_the_problem(workdir, key, problem):
    class Config(ProductionConfig):
        SECRET_KEY = key
        INSTANCE_DIR = workdir

    with pytest.raises(ConfigurationError, match=re.escape(problem)):
        create_app(Config)


def test_other_environments_keep_their_keys():
    check_config({"REQUIRE_SECRET_KEY": False, "SECRET_KEY": "dev-only-secret-change-me"})
    check_config({"REQUIRE_SECRET_KEY": True, "SECRET_KEY": GOOD_KEY})


def test_an_unknown_environment_name_is_refused(monkeypatch):
    monkeypatch.setenv("MEKTEP_ENV", "prod")
    with pytest.raises(ConfigurationError, match="MEKTEP_ENV is 'prod'; it must be one of"):
        config_from_env()
