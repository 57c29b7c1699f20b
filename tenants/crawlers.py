"""What browsers and search engines ask every host for, at fixed addresses:
`/robots.txt` (naming the sitemap, keeping crawlers out of the admin) and
`/favicon.ico` and `/apple-touch-icon.png` (a school's own, made from its
logo, when it has one; else the platform's icons). A
school's host names its own sitemap; the district's apex names every active
school's."""

from flask import Response, current_app, g, send_from_directory

from mektep.extensions import db
from mektep.hosts import site_url
from tenants.branding.favicons import school_favicon
from tenants.models import School

# Pages of no use in search results: sign-in, accounts, admin, console, search.
PRIVATE_PATHS = ("/admin/", "/district/", "/account/", "/login", "/search")


def robots_txt():
    if g.school is not None:
        sitemaps = [site_url(g.school, "/sitemap.xml")]
    else:
        schools = db.session.scalars(
            db.select(School).where(School.status == "active").order_by(School.slug)
        )
        sitemaps = [site_url(school, "/sitemap.xml") for school in schools]
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in PRIVATE_PATHS), ""]
    lines += [f"Sitemap: {url}" for url in sitemaps]
    return Response("\n".join(lines) + "\n", mimetype="text/plain")


def favicon():
    return school_favicon("ico") or send_from_directory(
        current_app.static_folder, "favicon.ico", max_age=86400
    )


def touch_icon():
    return school_favicon("png") or send_from_directory(
        current_app.static_folder, "img/touch-icon.png", max_age=86400
    )


def init_app(app):
    app.add_url_rule("/robots.txt", "robots_txt", robots_txt)
    app.add_url_rule("/favicon.ico", "favicon", favicon)
    app.add_url_rule("/apple-touch-icon.png", "touch_icon", touch_icon)
