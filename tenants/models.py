"""The School (the tenant) and its own domains.

A school always answers on its subdomain (`{slug}.BASE_DOMAIN`) and may have
own domains (`Domain`). One of its hosts is primary: pages answer there, and
every other host of the school redirects to it (tenants/resolver.py). The
subdomain is primary while none of the school's domains is.
"""

import re

import idna
from flask import abort
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from config import LANGUAGES
from mektep.clock import utcnow
from mektep.extensions import db
from mektep.hosts import base_hostname
from tenants.bilingual import Localized
from tenants.versioning import Versioned

SLUG_PATTERN = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$")
RESERVED_SLUGS = frozenset(
    {
        "www",
        "admin",
        "api",
        "static",
        "mail",
        "district",
        "smtp",
        "imap",
        "pop",
        "ftp",
        "ns1",
        "ns2",
        "webmail",
        "help",
        "support",
        "status",
        "assets",
        "cdn",
        "login",
        "auth",
        "app",
        "dev",
        "test",
        "staging",
    }
)
STATUSES = ("active", "suspended", "archived")


class School(Localized, Versioned, db.Model):
    """A school. Its own name and contact e-mail are public on every page of
    its site, so they are versioned content: changed through drafts and
    publishing like everything else the public reads (`version_kind` "school"),
    whether from the settings page or from the mandated section showing them."""

    version_kind = "school"
    versioned_fields = ("name_ky", "name_ru", "contact_email")
    admin_endpoint = "admin.settings_item"

    id = db.Column(db.Integer, primary_key=True)
    slug = db.Column(db.String(63), unique=True, nullable=False)
    name_ky = db.Column(db.String(300), nullable=False, info={"label": _l("Full name in Kyrgyz")})
    name_ru = db.Column(db.String(300), nullable=False, info={"label": _l("Full name in Russian")})
    default_language = db.Column(db.String(2), nullable=False, default=LANGUAGES[0])
    status = db.Column(db.String(10), nullable=False, default="active", index=True)
    contact_email = db.Column(db.String(254), info={"label": _l("Contact e-mail")})
    created_at = db.Column(db.DateTime, nullable=False, default=utcnow)

    domains = db.relationship(
        "Domain", back_populates="school", cascade="all, delete-orphan", order_by="Domain.hostname"
    )
    # Read with the school in one query: every request on a school's host needs it.
    primary_domain = db.relationship(
        "Domain",
        primaryjoin="and_(Domain.school_id == School.id, Domain.is_primary)",
        viewonly=True,
        uselist=False,
        lazy="joined",
    )

    def name(self, lang):
        """The school's name in `lang`, falling back to the other official language."""
        return self.localized("name", lang)[0]

    def display_title(self, lang):
        return self.name(lang)

    @property
    def has_approved_content(self):
        # Public from the day the district creates it: every change is a draft first.
        return True

    @property
    def school_id(self):
        """The school owning this row's versions: itself."""
        return self.id

    @classmethod
    def get_for_school(cls, ident, school):
        """The school `ident` if it is `school` itself, else a 404 (as content rows)."""
        if ident != school.id:
            abort(404)
        return school

    def host(self, base_domain):
        """The school's primary host: where its pages answer and every absolute
        link points (with the deployment's port, as `base_domain` has it)."""
        if self.primary_domain is None:
            return self.subdomain_host(base_domain)
        return with_port(self.primary_domain.hostname, base_domain)

    def subdomain_host(self, base_domain):
        return f"{self.slug}.{base_domain}"

    @property
    def is_active(self):
        return self.status == "active"

    def __repr__(self):
        return f"<School {self.slug}>"


class Domain(db.Model):
    """A school's own host name (ASCII: an international name in its xn-- form).

    Not `TenantOwned`: a Host is resolved to its school before any school is
    bound, and links to another school name its primary host. A change still
    belongs to its school (`school_id`) for the page cache."""

    __table_args__ = (
        # At most one primary domain per school.
        db.Index(
            "uq_domain_primary_school",
            "school_id",
            unique=True,
            sqlite_where=db.text("is_primary"),
            postgresql_where=db.text("is_primary"),
        ),
    )

    id = db.Column(db.Integer, primary_key=True)
    school_id = db.Column(db.ForeignKey("school.id"), nullable=False, index=True)
    hostname = db.Column(db.String(253), unique=True, nullable=False)
    is_primary = db.Column(db.Boolean, nullable=False, default=False)
    created_at = db.Column(db.DateTime, nullable=False, default=utcnow)

    school = db.relationship("School", back_populates="domains")

    @property
    def display_name(self):
        """The name as people write it (Unicode for an xn-- name)."""
        return display_hostname(self.hostname)

    def __repr__(self):
        return f"<Domain {self.hostname}>"


def with_port(hostname, base_domain):
    """`hostname` with the port of `base_domain` (the deployment's), if it has one."""
    port = base_domain.partition(":")[2]
    return f"{hostname}:{port}" if port else hostname


def display_hostname(hostname):
    """An ASCII host name as people write it: xn-- labels decoded."""
    try:
        return idna.decode(hostname)
    except idna.IDNAError:
        return hostname


def slug_problem(slug):
    """Why `slug` cannot name a new school (a localized message), or None."""
    if not SLUG_PATTERN.match(slug or "") or len(slug) < 2:
        return _(
            "Use 2 to 63 lowercase Latin letters, digits and hyphens, "
            "not starting or ending with a hyphen."
        )
    if slug in RESERVED_SLUGS:
        return _("This name is reserved; choose another.")
    if db.session.scalar(db.select(School.id).where(School.slug == slug)) is not None:
        return _("A school with this name already exists.")
    if db.session.scalar(db.select(Domain.id).where(Domain.hostname == _under_apex(slug))):
        return _("A school has this address as its own domain; choose another.")
    return None


def _under_apex(label):
    return f"{label}.{base_hostname()}"


def count_schools():
    """A trivial job: proves a worker reaches the database inside the app context."""
    return db.session.scalar(db.select(db.func.count(School.id)))
