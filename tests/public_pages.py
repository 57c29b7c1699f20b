"""Every public page of the demo district, generated from the app's url_map and the
demo data: the page lists that the accessibility test (tests/test_accessibility.py)
checks.

A public route taking arguments needs an entry in `ARGUMENTS` (what values its
arguments take in the demo data) or in `NOT_PAGES` (it sends no HTML page);
`uncovered_routes()` names any that has neither, and the test fails on it, so a
new route is checked from the day it is added.

A page set is a function `(app) -> [url]` called inside an app context once the
demo district is loaded; it may change data first (a school's branding, say).
`PAGE_SETS` lists them; a later variant of the pages (low-vision mode, a page
served from the cache) adds a set, e.g. `with_query(every_public_page, mode=...)`.
"""

from datetime import date
from itertools import cycle, product
from urllib.parse import urlencode, urlsplit

from flask import url_for

from mektep.branding.colours import darker_shade
from mektep.extensions import db
from mektep.schema import SECTIONS
from tenants.branding.models import SchoolBranding
from tenants.events.models import Event
from tenants.models import School
from tenants.news.models import NewsPost
from tenants.pages.models import Page
from tenants.public import lowvision
from tenants.scoping import bind_school

LANGUAGES = ("ky", "ru")
PUBLIC_BLUEPRINTS = ("public", "home")
# Routes outside those blueprints that the public reaches.
PUBLIC_ENDPOINTS = {"index", "auth.login", "auth.setup", "auth.forgot"}
# Public routes that send no HTML page: files, feeds, machine-readable lists.
NOT_PAGES = lowvision.NOT_PAGES


def _published(model):
    return db.session.scalars(db.select(model).where(model.published_at.is_not(None))).all()


def _months_with_events():
    months = {(date.today().year, date.today().month)}
    months.update((event.starts_at.year, event.starts_at.month) for event in _published(Event))
    return [{"year": year, "month": month} for year, month in sorted(months)]


# Endpoint → the argument values of its pages on the bound school's host.
ARGUMENTS = {
    "public.news_article": lambda: [{"item_id": post.id} for post in _published(NewsPost)],
    "public.event": lambda: [{"item_id": event.id} for event in _published(Event)],
    "public.events_month": _months_with_events,
    "public.page": lambda: [{"slug": page.slug} for page in _published(Page)],
    "public.sveden_section": lambda: [{"slug": section.slug} for section in SECTIONS],
    "auth.setup": lambda: [{"token": "not-a-valid-token"}],
}
# Pages a route's arguments do not reach: a search with results, the error pages.
EXTRA_PATHS = ["/search?q=%D0%BC%D0%B0%D1%82%D0%B5%D0%BC%D0%B0%D1%82%D0%B8%D0%BA%D0%B0", "/nope"]


def is_public(rule):
    return "GET" in rule.methods and (
        rule.endpoint in PUBLIC_ENDPOINTS or rule.endpoint.split(".")[0] in PUBLIC_BLUEPRINTS
    )


def page_rules(app):
    return [
        rule
        for rule in app.url_map.iter_rules()
        if is_public(rule) and rule.endpoint not in NOT_PAGES
    ]


def uncovered_routes(app):
    """Public page routes with arguments that `ARGUMENTS` does not fill."""
    return sorted(
        rule.rule for rule in page_rules(app) if rule.arguments and rule.endpoint not in ARGUMENTS
    )


def _host_url(host, path, lang):
    split = urlsplit(path)
    query = [(k, v) for k, v in (p.split("=", 1) for p in split.query.split("&") if p)]
    query.append(("lang", lang))
    return f"http://{host}{split.path}?{urlencode(query, safe='%')}"


def _paths(app, school):
    """Paths of every public page on a school's host (or the apex's, school None)."""
    paths = []
    with app.test_request_context():
        for rule in page_rules(app):
            if rule.endpoint.startswith("public.") and school is None:
                continue
            if rule.endpoint.startswith("home.") and school is not None:
                continue
            for arguments in ARGUMENTS.get(rule.endpoint, lambda: [{}])():
                paths.append(url_for(rule.endpoint, **arguments))
    return sorted(set(paths)) + EXTRA_PATHS


def every_public_page(app):
    """Every public page of every active demo school and of the apex, in ky and ru."""
    base = app.config["BASE_DOMAIN"]
    urls = []
    schools = db.session.scalars(db.select(School).where(School.status == "active")).all()
    for school in [None, *schools]:
        bind_school(school)
        host = base if school is None else school.host(base)
        urls += [_host_url(host, path, lang) for path in _paths(app, school) for lang in LANGUAGES]
    bind_school(None)
    urls.append(_host_url(f"no-such-school.{base}", "/", "ru"))
    return urls


def with_query(page_set, **arguments):
    """A page set whose every URL carries more query arguments (e.g. a display mode)."""

    def urls(app):
        return [f"{url}&{urlencode(arguments)}" for url in page_set(app)]

    urls.__name__ = f"{page_set.__name__}_{'_'.join(map(str, arguments.values()))}"
    return urls


def in_low_vision_modes(app):
    """Every public page once more in the low-vision version (11.1), in ky and ru: the
    pages take in turn every size with every contrast, images and spacing alternating,
    so each setting meets each other on some dozen pages."""
    modes = [
        lowvision.Mode(size, contrast, images, spacing)
        for (size, contrast), images, spacing in zip(
            product(lowvision.SIZES, lowvision.CONTRASTS),
            cycle((True, False)),
            cycle(lowvision.SPACINGS[::-1] + lowvision.SPACINGS),
        )
    ]
    urls = every_public_page(app)
    return [
        f"{url}&{urlencode({lowvision.ARGUMENT: mode.value})}"
        for url, mode in zip(urls, cycle(modes))
    ]


def lightest_accent(app):
    """Every page of school №5 in the lightest accent colour the form allows (a
    yellow shade at 4.5:1): axe measures the contrast rule of the school's look.
    (The demo's every_public_page has gymnasium №12 on its own domain with its
    logo and a maroon accent, and school №5 in teal.)"""
    school = db.session.scalar(db.select(School).where(School.slug == "school5"))
    branding = db.session.scalar(
        db.select(SchoolBranding).where(SchoolBranding.school_id == school.id)
    ) or SchoolBranding(school_id=school.id)
    branding.accent = darker_shade("#ffcc00")
    db.session.add(branding)
    db.session.commit()
    host = school.host(app.config["BASE_DOMAIN"])
    return [url for url in every_public_page(app) if urlsplit(url).netloc == host]


PAGE_SETS = [every_public_page, in_low_vision_modes, lightest_accent]
