"""Every public page of the demo district, in Kyrgyz and Russian, in headless
Chromium: no axe-core violation (WCAG 2.0 and 2.1, A and AA, at every impact) on
a 320 px phone and a 1280 px screen, no sideways scrolling at 320 px (WCAG 1.4.10,
400 % zoom), and no error of the Nu HTML checker on the HTML as served.

The pages come from the url_map and the demo data (tests/public_pages.py); the
Nu checker reads all of them in one run of the Java virtual machine.
"""

import pytest

from mektep.demo import load
from tests.checkers import axe_script, axe_violations, nu_messages
from tests.public_pages import PAGE_SETS, uncovered_routes

PHONE, SCREEN = 320, 1280
OVERFLOW = "document.documentElement.scrollWidth - document.documentElement.clientWidth"


def test_every_public_route_with_arguments_has_demo_pages(app):
    assert uncovered_routes(app) == []


@pytest.fixture
def demo_district(app, run_worker):
    with app.app_context():
        for _line in load():
            pass
    run_worker()  # thumbnails of the demo documents and photos, as `make run` shows them


def check_page(page, url, script, findings):
    """Load `url`, run axe at both widths and the reflow check; returns the HTML served."""
    page.set_viewport_size({"width": PHONE, "height": 800})
    response = page.goto(url)
    body = response.body()
    if response.status >= 500:
        findings.append(f"{url}: status {response.status}")
    if "text/html" not in response.headers.get("content-type", ""):
        findings.append(f"{url}: not an HTML page")
        return None
    overflow = page.evaluate(OVERFLOW)
    if overflow > 0:
        findings.append(f"{url}: scrolls sideways by {overflow} px at {PHONE} px")
    for width in (PHONE, SCREEN):
        page.set_viewport_size({"width": width, "height": 800})
        for violation in axe_violations(page, script):
            findings.append(f"{url} at {width} px: axe {violation}")
    return body


@pytest.mark.parametrize("page_set", PAGE_SETS, ids=lambda page_set: page_set.__name__)
def test_public_pages_pass_axe_and_the_nu_checker(
    app, browser, live_server, demo_district, page_set, tmp_path
):
    """`live_server` puts its port into BASE_DOMAIN, so the page set's URLs reach it."""
    with app.app_context():
        urls = page_set(app)
    assert len(urls) > 50, urls
    script = axe_script()
    context = browser.new_context(bypass_csp=True)  # axe-core is injected as a script
    page = context.new_page()
    findings, files = [], {}
    for number, url in enumerate(urls):
        body = check_page(page, url, script, findings)
        if body is not None:
            path = tmp_path / f"page{number}.html"
            path.write_bytes(body)
            files[str(path)] = url
    context.close()
    for path, messages in nu_messages(list(files)).items():
        findings += [f"{files.get(path, path)}: Nu {message}" for message in messages]
    assert findings == [], "\n".join(findings[:200])
