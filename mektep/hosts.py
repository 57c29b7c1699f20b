"""Absolute links between hosts: a school's site or the district's apex, for
set-up and reset links, invitations, canonical redirects, and every absolute
link a page, feed or sitemap carries.

A school is anything with a `host(base_domain)` method (the School row, which
gives its primary host: its subdomain `{slug}.BASE_DOMAIN` or an own domain);
this module needs nothing else of it.
"""

from flask import current_app, g, url_for

from mektep.i18n import host_language


def base_hostname():
    """The apex's host name, without a port."""
    return current_app.config["BASE_DOMAIN"].split(":")[0]


def name_under_apex(hostname):
    """What `hostname` has before `.` and the apex's host name (`school-a` of
    `school-a.BASE`, `x.y` of `x.y.BASE`), or None for a name not under the apex."""
    name = hostname.removesuffix("." + base_hostname())
    return name if name != hostname else None


def site_url(school=None, path="/"):
    """The absolute URL of `path` on a school's primary host (None: the district's apex)."""
    config = current_app.config
    host = school.host(config["BASE_DOMAIN"]) if school is not None else config["BASE_DOMAIN"]
    return f"{config['PREFERRED_URL_SCHEME']}://{host}{path}"


def school_link(school, endpoint, lang=None, **values):
    """The absolute URL of `endpoint` on a school's primary host (None: the
    apex), with `?lang=` unless `lang` is the host's own language; also outside
    a request (a worker composing a message)."""
    if lang and lang != host_language(school):
        values.setdefault("lang", lang)
    return site_url(school, current_app.url_map.bind("").build(endpoint, values))


def external_url(endpoint, **values):
    """`url_for(endpoint, **values)` made absolute on this request's site: the
    school's primary host (the apex when no school is bound), whatever host the
    request came in on, so that a page stored by the page cache links right."""
    return site_url(g.get("school"), url_for(endpoint, **values))
