"""Absolute links between hosts: a school's site (`{slug}.BASE_DOMAIN`) or the
district's apex, for set-up and reset links, invitations and canonical redirects.

A school is anything with a `host(base_domain)` method (the School row); this
module needs nothing else of it.
"""

from flask import current_app

from config import LANGUAGES


def site_url(school=None, path="/"):
    """The absolute URL of `path` on a school's host (None: the district's apex)."""
    config = current_app.config
    host = school.host(config["BASE_DOMAIN"]) if school is not None else config["BASE_DOMAIN"]
    return f"{config['PREFERRED_URL_SCHEME']}://{host}{path}"


def external_url(school, endpoint, lang=None, **values):
    """The absolute URL of `endpoint` on a school's host (None: the apex), with
    `?lang=` unless `lang` is the host's own language; also outside a request
    (a worker composing a message)."""
    own = school.default_language if school is not None else LANGUAGES[0]
    if lang and lang != own:
        values.setdefault("lang", lang)
    return site_url(school, current_app.url_map.bind("").build(endpoint, values))
