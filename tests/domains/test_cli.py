"""`flask schools domain add|primary|remove|list`: the console's rules from the
command line, with the DNS check before a domain becomes the address."""

import pytest

from mektep.audit import AuditEntry
from mektep.extensions import db
from tenants.models import School
from tests.conftest import Site, nothing_changes
from tests.domains.conftest import ELSEWHERE

OWN = "gym-a.kg"


@pytest.fixture
def cli(app, schools):
    runner = app.test_cli_runner()

    def run(*args, code=0):
        result = runner.invoke(args=["schools", "domain", *args])
        assert result.exit_code == code, result.output
        return result.output

    return run


def hosts_of(app, slug):
    with app.app_context():
        school = db.session.scalar(db.select(School).where(School.slug == slug))
        return {domain.hostname: domain.is_primary for domain in school.domains}


def test_add_list_make_primary_and_remove(app, cli, dns):
    output = cli("add", "school-a", "Gym-A.kg")
    assert "gym-a.kg is a domain of school-a" in output
    assert "The TLS certificate must cover gym-a.kg" in output
    assert hosts_of(app, "school-a") == {OWN: False}
    # Not in the DNS: not made the address.
    with nothing_changes(app):
        output = cli("add", "school-a", OWN, "--primary", code=1)
    assert "does not resolve" in output and "192.0.2.10" in output
    dns(OWN, ELSEWHERE)
    assert f"points to {ELSEWHERE}" in cli("primary", "school-a", OWN, code=1)
    assert hosts_of(app, "school-a") == {OWN: False}
    # --skip-dns-check makes it the address anyway (a name served through a CDN, say).
    assert "now answers on gym-a.kg" in cli("primary", "school-a", OWN, "--skip-dns-check")
    assert hosts_of(app, "school-a") == {OWN: True}
    assert Site(app, "school-a.mektep.test").get("/").headers["Location"] == f"http://{OWN}/"
    every_school = [line.split()[0] for line in cli("list").splitlines()]
    assert every_school.count("school-a") == 2 and every_school.count("school-b") == 1
    lines = [line.split() for line in cli("list", "school-a").splitlines()]
    assert ["school-a", "school-a.mektep.test", "subdomain"] in lines
    assert ["school-a", "*", OWN, "certificate:", OWN] in lines
    assert cli("list", "--needs-certificate").split() == [OWN]
    assert "school-a answers on school-a.mektep.test" in cli("remove", "school-a", OWN)
    assert hosts_of(app, "school-a") == {}
    with app.app_context():
        actions = [entry.action for entry in db.session.scalars(db.select(AuditEntry))]
    assert actions.count("domain.add") == 1 and "domain.remove" in actions


def test_add_primary_passes_once_the_name_leads_here(app, cli, dns):
    dns(OWN)
    output = cli("add", "school-a", OWN, "--primary")
    assert "gym-a.kg is the address of school-a" in output
    assert hosts_of(app, "school-a") == {OWN: True}
    assert "now answers on school-a.mektep.test" in cli("primary", "school-a", "subdomain")
    assert hosts_of(app, "school-a") == {OWN: False}


@pytest.mark.parametrize(
    "args, message",
    [
        (("add", "school-a", "mektep.test"), "the district's own address"),
        (("add", "school-a", "school-b.mektep.test"), "another school's address"),
        (("add", "school-a", "gym-b.kg"), "Another school already has this domain"),
        (("add", "school-a", "not a name"), "is not a domain name"),
        (("add", "no-school", OWN), "No school with the address"),
        (("remove", "school-a", "gym-b.kg"), "school-a has no domain"),
        (("primary", "school-a", "gym-b.kg"), "school-a has no domain"),
    ],
)
def test_refusals(app, cli, attach, args, message):
    attach("school-b", "gym-b.kg")
    with nothing_changes(app):
        output = cli(*args, code=1)
    assert message in output
    assert hosts_of(app, "school-b") == {"gym-b.kg": False}
