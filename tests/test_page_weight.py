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


def stylesheet_links(page):
    """The addresses of the stylesheets a page links, in order."""
    return [HREF.search(tag).group(1) for tag in LINK.findall(page) if STYLESHEET.search(tag)]


def linked_stylesheets(app, page):
    """The names, under static/, of the static stylesheets a page links, in order."""
    prefix = app.static_url_path + "/"
    paths = [urlsplit(href).path for href in stylesheet_links(page)]
    return [path.removeprefix(prefix) for path in paths if path.startswith(prefix)]


def page_weight(app, response):
    """Bytes of a page's HTML and of every stylesheet it links (a stylesheet that
    the app makes, such as /sveden/labels.css, fetched from the same host)."""
    page = response.get_data(as_text=True)
    prefix = app.static_url_path + "/"
    css = 0
    for href in stylesheet_links(page):
        if urlsplit(href).path.startswith(prefix):
            css += (
                (Path(app.static_folder) / urlsplit(href).path.removeprefix(prefix)).stat().st_size
            )
        else:
            made = app.test_client().get(href, base_url=f"http://{response.request.host}")
            assert made.status_code == 200 and made.mimetype == "text/css", href
            css += len(made.get_data())
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


def test_public_pages_link_only_the_public_stylesheets(app, site, schools):
    """site.css, and forms.css where there is a form: never the console's."""
    pages = {
        (site("school-a"), "/"): ["css/site.css"],
        (site("school-a"), "/login"): ["css/site.css", "css/forms.css"],
        (site(), "/"): ["css/site.css"],
    }
    for (client, path), stylesheets in pages.items():
        page = client.get(path).get_data(as_text=True)
        assert linked_stylesheets(app, page) == stylesheets, (client.host, path)


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
        assert linked_stylesheets(app, page) == [
            "css/site.css",
            "css/forms.css",
            "css/console.css",
        ], path


def test_public_pages_need_no_script_to_be_read(app, site, schools):
    client = site("school-a")
    for path in public_pages(app):
        page = client.get(path).get_data(as_text=True)
        scripts = re.findall(r"<script(?![^>]*application/ld\+json)[^>]*>", page)
        assert all("src=" in tag and "defer" in tag for tag in scripts), (path, scripts)
