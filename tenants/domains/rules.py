"""A school's own domains: which host names a school may take, and which of
its hosts is primary. The district console (mektep/district/domains.py) and
`flask schools domain` (`cli.py`) both act through these functions, which
write the audit log; the caller commits.

A name is taken in its ASCII form (`мектеп12.кг` becomes `xn--12-...`), lower
case, without a port or a trailing dot. It must be a public-looking host name
(two labels at least, a top-level label that is not a number), unique across
schools, and neither the apex nor any school's subdomain; under the apex, a
single label that no school has as its address is allowed (the district's
wildcard certificate and DNS cover it: `gymnasium12.example.kg` for the school
`school12`), and no school may take that label as its address later.
"""

import idna
from flask_babel import gettext as _

from mektep import audit
from mektep.extensions import db
from mektep.hosts import base_hostname, name_under_apex
from tenants.models import RESERVED_SLUGS, Domain, School
from tenants.resolver import split_host

MAX_DOMAINS = 10


class DomainError(ValueError):
    """A localized message saying why a domain cannot be added."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def normalized(text):
    """`text` (as typed: perhaps with a scheme, a path, capitals or a
    non-Latin script) as an ASCII host name; DomainError if it is none."""
    name = (text or "").strip().lower()
    for scheme in ("http://", "https://"):
        name = name.removeprefix(scheme)
    name = name.split("/", 1)[0].removesuffix(".")
    if not name:
        raise DomainError(_("Enter a domain name, such as gymnasium12.kg."))
    try:
        name = idna.encode(name, uts46=True).decode("ascii")
    except idna.IDNAError:
        raise DomainError(
            _("“%(name)s” is not a domain name: use letters, digits, hyphens and dots.", name=text)
        ) from None
    parts = split_host(name)
    if parts is None or parts[1] or "." not in name or name.rsplit(".", 1)[1].isdigit():
        raise DomainError(
            _("“%(name)s” is not a domain name: use letters, digits, hyphens and dots.", name=text)
        )
    return name


def domain_problem(hostname, school):
    """Why `school` cannot take the ASCII `hostname` (a localized message), or None."""
    label = name_under_apex(hostname)
    if hostname == base_hostname() or (label is not None and "." in label):
        return _("This is the district's own address, or a name under it that no site can use.")
    if label is not None:
        if label == school.slug:
            return _("This is already the school's own subdomain.")
        if label in RESERVED_SLUGS:
            return _("This name is reserved; choose another.")
        if db.session.scalar(db.select(School.id).where(School.slug == label)) is not None:
            return _("This is another school's address.")
    taken = db.session.scalar(db.select(Domain).where(Domain.hostname == hostname))
    if taken is not None:
        if taken.school_id == school.id:
            return _("The school already has this domain.")
        return _("Another school already has this domain.")
    if len(school.domains) >= MAX_DOMAINS:
        return _("A school has at most %(n)s domains; remove one first.", n=MAX_DOMAINS)
    return None


def add_domain(school, text):
    """Attach the domain typed as `text` to `school` (not primary); DomainError if it cannot."""
    hostname = normalized(text)
    problem = domain_problem(hostname, school)
    if problem:
        raise DomainError(problem)
    domain = Domain(school=school, hostname=hostname)
    db.session.add(domain)
    db.session.flush()
    audit.record("domain.add", hostname, school_id=school.id)
    return domain


def find_domain(school, text):
    """The school's domain typed as `text`, or None."""
    try:
        hostname = normalized(text)
    except DomainError:
        return None
    return next((domain for domain in school.domains if domain.hostname == hostname), None)


def make_primary(school, domain=None):
    """Make `domain` (one of the school's; None: its subdomain) the host its
    pages answer on; every other host of the school then redirects there."""
    for other in school.domains:
        if other.is_primary and other is not domain:
            other.is_primary = False
    # The old primary is cleared before the new one is set: one primary at a time.
    db.session.flush()
    if domain is not None:
        domain.is_primary = True
        db.session.flush()
    db.session.expire(school, ["primary_domain"])
    audit.record(
        "domain.primary",
        domain.hostname if domain else f"{school.slug} (subdomain)",
        school_id=school.id,
    )


def remove_domain(domain):
    """Detach `domain` from its school; the subdomain is primary again if it was."""
    school = domain.school
    school.domains.remove(domain)
    db.session.flush()
    db.session.expire(school, ["primary_domain"])
    audit.record("domain.remove", domain.hostname, school_id=school.id)


def certificate_name(hostname):
    """The name a TLS certificate must carry for `hostname`: the district's
    wildcard (`*.BASE`) for one label under the apex, else the name itself."""
    label = name_under_apex(hostname)
    if label is not None and "." not in label:
        return f"*.{base_hostname()}"
    return hostname


def needs_own_certificate(hostname):
    return certificate_name(hostname) == hostname
