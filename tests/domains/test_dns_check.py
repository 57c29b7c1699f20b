"""The DNS check before a domain becomes a school's address (mektep/dns_check.py):
where this deployment's addresses come from, what counts as leading here, and
the settings it reads, without asking any real DNS."""

import pytest

from config import ConfigurationError, check_config
from mektep.dns_check import _nameservers, check, deployment_addresses, resolve
from tests.domains.conftest import ELSEWHERE


@pytest.fixture
def config(app, monkeypatch):
    with app.app_context():
        yield lambda name, value: monkeypatch.setitem(app.config, name, value)


def test_outcomes_against_the_apex_addresses(config, dns):
    assert deployment_addresses() == ("192.0.2.10",)
    assert check("gym-a.kg").outcome == "missing"
    dns("gym-a.kg", ELSEWHERE)
    result = check("gym-a.kg")
    assert (result.outcome, result.found, result.foreign) == (
        "elsewhere",
        (ELSEWHERE,),
        (ELSEWHERE,),
    )
    dns("gym-a.kg")
    assert check("gym-a.kg").outcome == "partly"
    dns("gym-b.kg", "192.0.2.10", "2001:DB8::10")
    assert resolve("gym-b.kg") == ("192.0.2.10", "2001:db8::10")
    assert check("gym-b.kg").outcome == "partly"  # the IPv6 visitors would go elsewhere


def test_configured_addresses_replace_the_apex(config, dns):
    config("DEPLOYMENT_ADDRESSES", "192.0.2.10, 2001:db8::10")
    dns("gym-b.kg", "192.0.2.10", "2001:db8::10")
    assert check("gym-b.kg").passed
    config("DEPLOYMENT_ADDRESSES", "198.51.100.1")
    assert check("gym-b.kg").outcome == "elsewhere"


def test_an_apex_that_leads_nowhere_is_said_so(config):
    config("BASE_DOMAIN", "nowhere.test")
    assert check("gym-a.kg").outcome == "unknown_deployment"


def test_localhost_names_are_this_machine(config):
    config("DEPLOYMENT_ADDRESSES", "127.0.0.1,::1")
    assert resolve("gym12.localhost") == ("127.0.0.1", "::1")
    assert check("gym12.localhost").passed


def test_dns_servers_are_read_with_their_ports():
    servers = _nameservers("192.0.2.53, 192.0.2.54:5353, [2001:db8::53]:53, 2001:db8::54")
    assert [(server.address, server.port) for server in servers] == [
        ("192.0.2.53", 53),
        ("192.0.2.54", 5353),
        ("2001:db8::53", 53),
        ("2001:db8::54", 53),
    ]


def test_deployment_addresses_must_be_ip_addresses():
    with pytest.raises(ConfigurationError, match="not an IP address"):
        check_config({"DEPLOYMENT_ADDRESSES": "192.0.2.10, example.kg"})
    check_config({"DEPLOYMENT_ADDRESSES": "192.0.2.10, 2001:db8::10"})
