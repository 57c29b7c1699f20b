"""Budgets from design.md that a test can hold exactly: a public page weighs
under 40 KB of HTML and CSS, and is readable without JavaScript."""

import re

from config import BASE_DIR

BUDGET = 40 * 1024


def public_pages(app):
    """Every public GET page that takes no URL arguments."""
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "index" or (
            rule.endpoint.startswith("public.") and "GET" in rule.methods and not rule.arguments
        ):
            yield rule.rule


def test_every_public_page_is_under_the_weight_budget(app, site, schools):
    css = sum(path.stat().st_size for path in (BASE_DIR / "static" / "css").glob("*.css"))
    client = site("school-a")
    for path in public_pages(app):
        for lang in ("ky", "ru"):
            response = client.get(f"{path}?lang={lang}")
            if response.mimetype != "text/html":
                continue
            weight = len(response.get_data()) + css
            assert weight < BUDGET, f"{path}?lang={lang}: {weight} bytes with CSS"


def test_public_pages_need_no_script_to_be_read(app, site, schools):
    client = site("school-a")
    for path in public_pages(app):
        page = client.get(path).get_data(as_text=True)
        scripts = re.findall(r"<script(?![^>]*application/ld\+json)[^>]*>", page)
        assert all("src=" in tag and "defer" in tag for tag in scripts), (path, scripts)
