"""How a request finds its school: one before_request hook reading the Host.

`BASE_DOMAIN` is the district's apex; `{slug}.BASE_DOMAIN` is a school, and so
is each of its own domains (`Domain`). A school answers on its primary host
only: any other host of it answers 301 to the same path and query there. Ports
and letter case are ignored; anything that is not a host name (RFC 1123: labels of 1 to 63
letters, digits and inner hyphens, 253 characters at most) is a 400 on a page
that links nowhere, any unknown host a 404. Health checks (`/healthz`,
`/readyz`) answer on every host.
"""

import re
from functools import cache
from urllib.parse import urlsplit, urlunsplit

from flask import redirect, render_template, request
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy import bindparam

from mektep.errors import render_bare_error
from mektep.extensions import db
from mektep.health import answers_any_host
from mektep.hosts import base_hostname, name_under_apex, site_url
from mektep.i18n import choose_language
from tenants import known_hosts
from tenants.models import Domain, School
from tenants.scoping import bind_school

LABEL_PATTERN = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?")
PORT_PATTERN = re.compile(r"[0-9]{1,5}")
MAX_HOSTNAME_LENGTH = 253
# Admins of a suspended school can still reach these to sign in and fix things.
SUSPENDED_ALLOWED_BLUEPRINTS = frozenset({"auth", "admin"})


def split_host(host):
    """('name', 'port') of a Host header, lower-cased, without a trailing dot;
    None unless it is a valid host name."""
    name, colon, port = host.strip().lower().partition(":")
    name = name.removesuffix(".")
    if colon and not PORT_PATTERN.fullmatch(port):
        return None
    if len(name) > MAX_HOSTNAME_LENGTH:
        return None
    if not all(LABEL_PATTERN.fullmatch(label) for label in name.split(".")):
        return None
    return name, port


@cache
def _host_queries():
    """(the school of a slug, the domain of a host name): every request runs one
    of them, so they are built once, on first use (the models must all be known)."""
    school_by_slug = db.select(School).where(School.slug == bindparam("slug"))
    domain_by_hostname = (
        db.select(Domain)
        .where(Domain.hostname == bindparam("hostname"))
        .options(db.joinedload(Domain.school, innerjoin=True))
    )
    # Neither is ever in the trash: without this, the trash hook would add its
    # option on every request, and SQLAlchemy would key the statement again.
    return tuple(
        query.execution_options(include_trashed=True)
        for query in (school_by_slug, domain_by_hostname)
    )


def find_school(hostname):
    """(school, primary) for a host name: the school (None for the apex, False
    for no school) and whether `hostname` is the host its pages answer on.

    A name under the apex is first a subdomain (one query: the school with its
    primary domain), then perhaps another school's own domain under the apex."""
    if hostname == base_hostname():
        return None, True
    label = name_under_apex(hostname)
    if label is not None and "." not in label:
        school = db.session.scalar(_host_queries()[0], {"slug": label})
        if school is not None:
            return school, school.primary_domain is None
    domain = db.session.scalar(_host_queries()[1], {"hostname": hostname})
    if domain is None:
        return False, True
    return domain.school, domain.is_primary


def primary_url(school):
    """This request's path and query, as the request quoted them, on the school's
    primary host."""
    here = urlsplit(request.url)
    return site_url(school, urlunsplit(("", "", here.path, here.query, "")))


def resolve_tenant():
    """before_request: bind the school (None on the apex) and its language, or
    answer for a host that has no site to show. Health checks are answered on
    any host, without looking it up."""
    if answers_any_host():
        bind_school(None)
        return None
    parts = split_host(request.host)
    if parts is None:
        bind_school(None)
        choose_language()
        return render_bare_error(
            400, message=_l("The site's address (host name) is not valid. Check it for typos.")
        )
    school, primary = known_hosts.find(parts[0], find_school)
    if school and not primary:
        return redirect(primary_url(school), code=301)
    bind_school(school or None)
    choose_language()
    if school is False and request.endpoint != "static":  # the page needs its stylesheet
        return render_template("errors/unknown_school.html"), 404
    if school is not None and school.status != "active":
        return _inactive_school_page(school)
    return None


def _inactive_school_page(school):
    if request.endpoint == "static" or _may_enter_suspended(school):
        return None
    status = 503 if school.status == "suspended" else 410
    return render_template("errors/inactive_school.html", school=school), status


def _may_enter_suspended(school):
    if school.status != "suspended" or request.blueprint not in SUSPENDED_ALLOWED_BLUEPRINTS:
        return False
    if request.blueprint == "auth" or not current_user.is_authenticated:
        return True  # the admin's own guard sends strangers to the sign-in page
    return current_user.is_district_admin or current_user.role_in(school) is not None
