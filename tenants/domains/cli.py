"""`flask schools domain add|remove|primary|list`: schools' own domains from the
command line, with the same rules and audit entries as the district console
(tenants/domains/rules.py). A domain becomes primary only once the DNS check passes
(mektep/dns_check.py), unless told to skip it."""

import click
from flask import current_app
from flask.cli import AppGroup
from flask_babel import force_locale

from mektep.cli import school_by_slug
from mektep.dns_check import check
from mektep.extensions import db
from mektep.hosts import base_hostname
from tenants.domains.rules import (
    DomainError,
    add_domain,
    certificate_name,
    find_domain,
    make_primary,
    needs_own_certificate,
    remove_domain,
)
from tenants.models import School

domain_cli = AppGroup("domain", help="Schools' own domains.")

# What each outcome of the DNS check means, for the command line.
DNS_PROBLEMS = {
    "missing": "{name} does not resolve: add an A/AAAA record pointing to {expected}.",
    "elsewhere": "{name} points to {found}, not to this deployment ({expected}).",
    "partly": "{name} also points to {foreign}, which is not this deployment ({expected}).",
    "no_answer": "the DNS did not answer for {name}; try again later.",
    "unknown_deployment": (
        "this deployment's own addresses are unknown: the apex does not resolve and "
        "DEPLOYMENT_ADDRESSES is not set."
    ),
}


def _base():
    return current_app.config["BASE_DOMAIN"]


def _require_dns(hostname):
    result = check(hostname)
    if not result.passed:
        problem = DNS_PROBLEMS[result.outcome].format(
            name=hostname,
            found=", ".join(result.found),
            foreign=", ".join(result.foreign),
            expected=", ".join(result.expected) or "?",
        )
        raise click.ClickException(
            f"Not made primary: {problem} (--skip-dns-check makes it primary anyway)."
        )


def _make_primary(school, domain, skip_dns_check):
    if domain is not None and not skip_dns_check:
        _require_dns(domain.hostname)
    make_primary(school, domain)


@domain_cli.command("add")
@click.argument("slug")
@click.argument("domain")
@click.option("--primary", is_flag=True, help="Make it the school's address (after a DNS check).")
@click.option("--skip-dns-check", is_flag=True, help="Make it primary even if the check fails.")
def add_command(slug, domain, primary, skip_dns_check):
    """Attach DOMAIN to the school SLUG (an existing domain of it: --primary only)."""
    school = school_by_slug(slug)
    existing = find_domain(school, domain)
    with force_locale("en"):
        try:
            added = existing or add_domain(school, domain)
        except DomainError as error:
            db.session.rollback()
            raise click.ClickException(error.message) from None
        if existing is not None and not primary:
            raise click.ClickException(f"{school.slug} already has {existing.hostname}.")
    if primary:
        try:
            _make_primary(school, added, skip_dns_check)
        except click.ClickException:
            db.session.rollback()
            raise
    db.session.commit()
    click.echo(f"{added.hostname} is {'the address' if primary else 'a domain'} of {school.slug}.")
    click.echo(f"The TLS certificate must cover {certificate_name(added.hostname)}.")


@domain_cli.command("primary")
@click.argument("slug")
@click.argument("host")
@click.option("--skip-dns-check", is_flag=True, help="Make it primary even if the check fails.")
def primary_command(slug, host, skip_dns_check):
    """Make HOST (one of the school's domains, or its subdomain) its address."""
    school = school_by_slug(slug)
    domain = None
    if host.lower() not in (school.subdomain_host(base_hostname()), "subdomain"):
        domain = find_domain(school, host)
        if domain is None:
            raise click.ClickException(f"{school.slug} has no domain {host!r}.")
    _make_primary(school, domain, skip_dns_check)
    db.session.commit()
    click.echo(f"{school.slug} now answers on {school.host(_base())}.")


@domain_cli.command("remove")
@click.argument("slug")
@click.argument("domain")
def remove_command(slug, domain):
    """Detach DOMAIN from the school SLUG (its subdomain is the address again if it was)."""
    school = school_by_slug(slug)
    found = find_domain(school, domain)
    if found is None:
        raise click.ClickException(f"{school.slug} has no domain {domain!r}.")
    remove_domain(found)
    db.session.commit()
    click.echo(f"Removed {found.hostname}; {school.slug} answers on {school.host(_base())}.")


@domain_cli.command("list")
@click.argument("slug", required=False)
@click.option(
    "--needs-certificate",
    is_flag=True,
    help="Only the names that need a certificate of their own, one a line (for certbot).",
)
def list_command(slug, needs_certificate):
    """Every host of the school SLUG (default: of every school): * marks the primary."""
    query = db.select(School).order_by(School.slug)
    schools = [school_by_slug(slug)] if slug else db.session.scalars(query).all()
    for school in schools:
        if needs_certificate:
            for domain in school.domains:
                if needs_own_certificate(domain.hostname):
                    click.echo(domain.hostname)
            continue
        mark = " " if school.primary_domain else "*"
        subdomain = school.subdomain_host(base_hostname())
        click.echo(f"{school.slug:<20} {mark} {subdomain:<40} subdomain")
        for domain in school.domains:
            mark = "*" if domain.is_primary else " "
            cert = certificate_name(domain.hostname)
            click.echo(f"{school.slug:<20} {mark} {domain.hostname:<40} certificate: {cert}")
