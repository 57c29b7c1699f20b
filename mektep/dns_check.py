"""Does a host name lead to this deployment? The district console asks before a
school's own domain becomes the school's address, and `flask schools domain
add --primary` too (`check(hostname)`).

A name's addresses come from, in this order:
- RFC 6761: `localhost` and every `*.localhost` name are this machine (as
  browsers resolve them: the demo's own domain works so, with no DNS set-up);
- `DNS_HOSTS_FILE`, when set: a file in /etc/hosts format, then the only
  source (tests; a network whose public DNS this server cannot ask);
- else the DNS: A and AAAA records (CNAMEs followed) through dnspython, from
  `DNS_SERVERS` ("address[:port]", comma-separated) or the system's resolvers,
  within `DNS_TIMEOUT` seconds.
This deployment's addresses are `DEPLOYMENT_ADDRESSES` when set (behind a load
balancer or a CDN whose addresses differ from the apex's), else the apex's
(`BASE_DOMAIN`), found the same way. The name passes when it has addresses and
every one of them is the deployment's.
"""

import ipaddress
from dataclasses import dataclass

import dns.exception
import dns.nameserver
import dns.resolver
from flask import current_app

from mektep.hosts import base_hostname

LOOPBACK = ("127.0.0.1", "::1")
OUTCOMES = ("ok", "missing", "elsewhere", "partly", "no_answer", "unknown_deployment")


class NoAnswer(Exception):
    """The DNS could not be asked, or did not answer in time."""


@dataclass(frozen=True)
class DnsCheck:
    hostname: str
    outcome: str  # one of OUTCOMES
    found: tuple = ()  # the name's addresses
    expected: tuple = ()  # this deployment's addresses

    @property
    def passed(self):
        return self.outcome == "ok"

    @property
    def foreign(self):
        """The name's addresses that are not this deployment's."""
        return tuple(address for address in self.found if address not in self.expected)


def _address(text):
    return ipaddress.ip_address(text.strip().strip("[]")).compressed


def _hosts_file(path):
    """{name: [addresses]} of a file in /etc/hosts format."""
    names = {}
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            fields = line.split("#", 1)[0].split()
            if len(fields) < 2:
                continue
            address = _address(fields[0])
            for name in fields[1:]:
                names.setdefault(name.lower().removesuffix("."), []).append(address)
    return names


def _nameservers(setting):
    """dnspython name servers of "address[:port], ..." ("[v6 address]:port" with a port)."""
    servers = []
    for item in (part.strip() for part in setting.split(",")):
        if not item:
            continue
        if item.startswith("["):
            address, _bracket, port = item[1:].partition("]")
            port = port.removeprefix(":")
        elif item.count(":") == 1:
            address, port = item.split(":")
        else:
            address, port = item, ""
        servers.append(dns.nameserver.Do53Nameserver(_address(address), int(port or 53)))
    return servers


def _ask_dns(hostname, config):
    servers = _nameservers(config.get("DNS_SERVERS") or "")
    try:
        resolver = dns.resolver.Resolver(configure=not servers)
    except dns.resolver.NoResolverConfiguration as error:
        raise NoAnswer(str(error)) from None
    if servers:
        resolver.nameservers = servers
    resolver.lifetime = float(config.get("DNS_TIMEOUT") or 3)
    addresses = []
    for record_type in ("A", "AAAA"):
        try:
            answer = resolver.resolve(hostname, record_type, search=False)
        except dns.resolver.NXDOMAIN:
            return ()
        except dns.resolver.NoAnswer:
            continue
        except (dns.resolver.NoNameservers, dns.exception.Timeout) as error:
            raise NoAnswer(str(error)) from None
        addresses += [_address(record.address) for record in answer]
    return tuple(addresses)


def resolve(hostname):
    """The addresses of `hostname`, sorted, without repeats (empty: it has none);
    NoAnswer when the DNS could not tell."""
    config = current_app.config
    if hostname == "localhost" or hostname.endswith(".localhost"):
        return LOOPBACK
    if config.get("DNS_HOSTS_FILE"):
        return tuple(sorted(set(_hosts_file(config["DNS_HOSTS_FILE"]).get(hostname, ()))))
    return tuple(sorted(set(_ask_dns(hostname, config))))


def deployment_addresses():
    """This deployment's addresses: `DEPLOYMENT_ADDRESSES`, else the apex's."""
    configured = current_app.config.get("DEPLOYMENT_ADDRESSES") or ""
    listed = [_address(part) for part in configured.split(",") if part.strip()]
    if listed:
        return tuple(sorted(set(listed)))
    return resolve(base_hostname())


def check(hostname):
    """Whether `hostname` leads to this deployment, and what was found."""
    try:
        expected = deployment_addresses()
    except NoAnswer:
        expected = ()
    if not expected:
        return DnsCheck(hostname, "unknown_deployment")
    try:
        found = resolve(hostname)
    except NoAnswer:
        return DnsCheck(hostname, "no_answer", expected=expected)
    if not found:
        outcome = "missing"
    elif all(address in expected for address in found):
        outcome = "ok"
    elif any(address in expected for address in found):
        outcome = "partly"
    else:
        outcome = "elsewhere"
    return DnsCheck(hostname, outcome, found, expected)
