"""Helpers for the tests of schools' own domains: domains attached directly in
the database, and names made to resolve (or not) through the test hosts file
that mektep/dns_check.py reads instead of the DNS."""

from pathlib import Path

import pytest

from mektep.extensions import db
from tenants.domains.rules import add_domain, make_primary
from tenants.models import School
from tests.conftest import DEPLOYMENT_ADDRESS
from tests.news.conftest import make  # noqa: F401  (a fixture: published rows)

ELSEWHERE = "203.0.113.7"  # the school's old hosting, say


@pytest.fixture
def attach(app, schools):
    """attach("school-a", "gym-a.kg", ..., primary="gym-a.kg") adds domains to a school."""

    def add(slug, *names, primary=None):
        with app.app_context():
            school = db.session.scalar(db.select(School).where(School.slug == slug))
            domains = {name: add_domain(school, name) for name in names}
            if primary:
                make_primary(school, domains[primary])
            db.session.commit()
            ids = {name: domain.id for name, domain in domains.items()}
            db.session.remove()
        return ids

    return add


@pytest.fixture
def dns(app):
    """dns("gym-a.kg") makes the name lead to this deployment; dns(name, address)
    elsewhere. The hosts file is restored after the test."""
    hosts = Path(app.config["DNS_HOSTS_FILE"])
    original = hosts.read_text()

    def point(name, *addresses):
        with hosts.open("a") as lines:
            for address in addresses or (DEPLOYMENT_ADDRESS,):
                lines.write(f"{address} {name}\n")

    yield point
    hosts.write_text(original)
