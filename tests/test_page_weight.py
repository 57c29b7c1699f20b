"""Budgets from design.md that a test can hold exactly: a public page weighs
under 40 KB of HTML and CSS (the stylesheets it links), and is readable
without JavaScript."""

import re
from pathlib import Path
from urllib.parse import urlsplit

BUDGET = 40 * 1024
LINK = re.compile(r"<link\b[^>]*>")
STYLESHEET = re.compile(r'\brel="stylesheet"')
HREF = re.compile(r'\bhref="([^"]+)"')


def linked_stylesheets(app, page):
    """The names, under static/, of the stylesheets a page links, in order."""
    prefix = app.static_url_path + "/"
    names = []
    for tag in LINK.findall(page):
        if STYLESHEET.search(tag):
            path = urlsplit(HREF.search(tag).group(1)).path
            assert path.startswith(prefix), tag
            names.append(path.removeprefix(prefix))
    return names


def page_weight(app, response):
    """Bytes of a page's HTML and of every stylesheet it links."""
    page = response.get_data(as_text=True)
    css = sum(
        (Path(app.static_folder) / name).stat().st_size for name in linked_stylesheets(app, page)
    )
    return len(response.get_data()) + css


def public_pages(app):
    """Every public GET page that takes no URL arguments."""
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "index" or (
            rule.endpoint.startswith("public.") and "GET" in rule.methods and not rule.arguments
        ):
            yield rule.rule


def test_every_public_page_is_under_the_weight_budget(app, site, schools):
    pages = [(site("school-a"), path) for path in public_pages(app)]
    pages += [(site("school-a"), "/login"), (site(), "/"), (site(), "/login")]
    for client, path in pages:
        for lang in ("ky", "ru"):
            response = client.get(f"{path}?lang={lang}")
            if response.mimetype != "text/html":
                continue
            weight = page_weight(app, response)
            assert weight < BUDGET, f"{client.host}{path}?lang={lang}: {weight} bytes with CSS"


def test_public_pages_link_only_the_public_stylesheet(app, site, schools):
    for client, path in [(site("school-a"), "/"), (site("school-a"), "/login"), (site(), "/")]:
        page = client.get(path).get_data(as_text=True)
        assert linked_stylesheets(app, page) == ["css/site.css"], (client.host, path)


def test_the_admin_and_the_district_console_add_the_console_stylesheet(app, site, admin_a):
    district = site()
    district.login("district@mektep.kg")
    for client, path in [
        (admin_a, "/admin/"),
        (admin_a, "/account/password"),
        (district, "/district/"),
    ]:
        response = client.get(path)
        assert response.status_code == 200, path
        page = response.get_data(as_text=True)
        assert linked_stylesheets(app, page) == ["css/site.css", "css/console.css"], path


def test_public_pages_need_no_script_to_be_read(app, site, schools):
    client = site("school-a")
    for path in public_pages(app):
        page = client.get(path).get_data(as_text=True)
        scripts = re.findall(r"<script(?![^>]*application/ld\+json)[^>]*>", page)
        assert all("src=" in tag and "defer" in tag for tag in scripts), (path, scripts)
