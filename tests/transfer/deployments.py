"""Deployments of their own for archives and backups to travel between: each has
its own database (an SQLite file, or a database of its own on the test
PostgreSQL server) and its own storage folder, shares the suite's Redis, and
is migrated like the suite's. The PostgreSQL ones exist only where
TEST_DATABASE_URL names a PostgreSQL server (CI); elsewhere a test of that
direction is skipped, saying so."""

import os

import pytest
from flask_migrate import upgrade
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from config import TestConfig
from mektep import create_app
from mektep.extensions import db
from mektep.queue import redis_url

SERVER = os.environ.get("TEST_DATABASE_URL", "")
HAS_POSTGRESQL = SERVER.startswith("postgresql")


def require(kind):
    if kind == "postgresql" and not HAS_POSTGRESQL:
        pytest.skip(
            "TEST_DATABASE_URL is unset, so the PostgreSQL direction is skipped here "
            "(CI runs it); the SQLite one ran"
        )


class Deployments:
    def __init__(self, suite_app, folder):
        self.suite_app = suite_app
        self.folder = folder
        self.made = []
        self.databases = []

    def _server(self):
        return create_engine(SERVER, isolation_level="AUTOCOMMIT")

    def _database_url(self, name):
        base = make_url(SERVER)
        database = f"{base.database}_{name}"[:63]
        server = self._server()
        with server.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'))
            connection.execute(text(f'CREATE DATABASE "{database}"'))
        server.dispose()
        self.databases.append(database)
        return base.set(database=database).render_as_string(hide_password=False)

    def new(self, kind, name, migrated=True):
        """A fresh deployment (an app) on `kind` ("sqlite" or "postgresql")."""
        require(kind)
        folder = self.folder / name
        folder.mkdir()
        if kind == "sqlite":
            url = f"sqlite:///{folder / 'mektep.sqlite'}"
        else:
            url = self._database_url(name)
        with self.suite_app.app_context():
            shared_redis = redis_url(self.suite_app)

        class Config(TestConfig):
            SQLALCHEMY_DATABASE_URI = url
            INSTANCE_DIR = folder
            REDIS_URL = shared_redis
            # Its own jobs and cached pages in the shared Redis: school ids repeat.
            RQ_QUEUE = f"mektep-{name}"
            STORAGE_DIR = str(folder / "storage")

        app = create_app(Config)
        if migrated:
            with app.app_context():
                upgrade()
        self.made.append(app)
        return app

    def remove_all(self):
        for app in self.made:
            with app.app_context():
                db.session.remove()
                db.engine.dispose()
        if self.databases:
            server = self._server()
            with server.connect() as connection:
                for database in self.databases:
                    connection.execute(text(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'))
            server.dispose()
