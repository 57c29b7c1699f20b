"""Every public page of the demo district, in Kyrgyz and Russian, in headless
Chromium: no axe-core violation (WCAG 2.0 and 2.1, A and AA, at every impact) on
a 320 px phone and a 1280 px screen, no sideways scrolling at 320 px (WCAG 1.4.10,
400 % zoom), no error of the Nu HTML checker on the HTML as served, and the
description, canonical link and Open Graph tags of a shared link.

The pages come from the url_map and the demo data (tests/public_pages.py, which
says how to add a variant of the pages). Two browsers share the pages, one per
core; the Nu checker reads all the pages in one run of the Java virtual machine.
"""

import threading

import pytest

from mektep.demo import load
from tests.browser import CHROMIUM, CHROMIUM_ARGS, require_chromium
from tests.checkers import axe_script, axe_violations, nu_messages
from tests.public_pages import PAGE_SETS, uncovered_routes

PHONE, SCREEN = 320, 1280
BROWSERS = 2
OVERFLOW = "document.documentElement.scrollWidth - document.documentElement.clientWidth"
# What every page found by search or shared in a messenger carries (error pages: a description).
SHARING = [
    b'<meta name="description" content="',
    b'<link rel="canonical" href="http',
    b'<meta property="og:title" content="',
    b'<meta property="og:description" content="',
    b'<meta property="og:image" content="http',
    b'<meta property="og:locale" content="',
]


def test_every_public_route_with_arguments_has_demo_pages(app):
    assert uncovered_routes(app) == []


@pytest.fixture
def demo_district(app, run_worker):
    with app.app_context():
        for _line in load():
            pass
    run_worker()  # thumbnails of the demo documents and photos, as `make run` shows them


def check_page(page, url, findings):
    """Load `url`, run axe at both widths and the reflow check; the HTML served,
    or None when the address sends no HTML page."""
    page.set_viewport_size({"width": PHONE, "height": 800})
    response = page.goto(url)
    if response.status >= 500:
        findings.append(f"{url}: status {response.status}")
    if "text/html" not in response.headers.get("content-type", ""):
        findings.append(f"{url}: not an HTML page")
        return None
    body = response.body()
    for tag in SHARING if response.status == 200 else SHARING[:1]:
        if body.count(tag) != 1:
            findings.append(f"{url}: not once in the head: {tag.decode()}")
    overflow = page.evaluate(OVERFLOW)
    if overflow > 0:
        findings.append(f"{url}: scrolls sideways by {overflow} px at {PHONE} px")
    for width in (PHONE, SCREEN):
        page.set_viewport_size({"width": width, "height": 800})
        for violation in axe_violations(page):
            findings.append(f"{url} at {width} px: axe {violation}")
    return body


def check_in_a_browser(urls, findings, served, failures):
    """One browser of its own (Playwright's sync API keeps to its thread) checks `urls`."""
    from playwright.sync_api import sync_playwright

    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            context = browser.new_context(bypass_csp=True)  # axe-core comes in as a script
            context.add_init_script(axe_script())
            page = context.new_page()
            for url in urls:
                served[url] = check_page(page, url, findings)
            browser.close()
    except Exception as error:  # noqa: BLE001  (re-raised by the test in its own thread)
        failures.append(error)


@pytest.mark.parametrize("page_set", PAGE_SETS, ids=lambda page_set: page_set.__name__)
def test_public_pages_pass_axe_and_the_nu_checker(
    app, live_server, demo_district, page_set, tmp_path
):
    """`live_server` puts its port into BASE_DOMAIN, so the page set's URLs reach it."""
    require_chromium()
    with app.app_context():
        urls = page_set(app)
    assert len(urls) > 50, urls
    findings, served, failures = [], {}, []
    workers = [
        threading.Thread(
            target=check_in_a_browser, args=(urls[n::BROWSERS], findings, served, failures)
        )
        for n in range(BROWSERS)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    if failures:
        raise failures[0]
    files = {}
    for number, url in enumerate(urls):
        if served.get(url) is not None:
            path = tmp_path / f"page{number}.html"
            path.write_bytes(served[url])
            files[str(path)] = url
    for path, messages in nu_messages(list(files)).items():
        findings += [f"{files.get(path, path)}: Nu {message}" for message in messages]
    report = tmp_path / "findings.txt"
    report.write_text("\n".join(sorted(findings)), encoding="utf-8")
    assert findings == [], f"{len(findings)} findings (all in {report}):\n" + "\n".join(
        sorted(findings)[:100]
    )


def test_the_checkers_find_what_they_look_for(browser, tmp_path):
    """A page with an unnamed field and an itemprop outside any item: both checkers
    report it, so a clean run above means clean pages."""
    html = (
        '<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>t</title></head>'
        '<body><main><input type="text"><p itemprop="fio">Иванова</p></main></body></html>'
    )
    context = browser.new_context(bypass_csp=True)
    context.add_init_script(axe_script())
    page = context.new_page()
    page.set_content(html)
    assert "label" in {violation["id"] for violation in axe_violations(page)}
    context.close()
    path = tmp_path / "bad.html"
    path.write_text(html, encoding="utf-8")
    (messages,) = nu_messages([path]).values()
    assert any("itemprop" in message for message in messages), messages


def test_rejected_forms_pass_axe_and_the_nu_checker(browser, live_server, schools, tmp_path):
    """A form sent back with its errors: each field says it is invalid and which
    messages describe it, and the page stays clean."""
    context = browser.new_context(bypass_csp=True)
    context.add_init_script(axe_script())
    page = context.new_page()
    findings, files = [], {}
    for host, path in [
        ("school-a.mektep.test", "/discussion/ask?lang=ru"),
        ("school-a.mektep.test", "/login?lang=ru"),
        ("mektep.test", "/login?lang=ky"),
    ]:
        url = f"http://{host}:{live_server}{path}"
        page.goto(url)
        with page.expect_navigation() as sent:
            page.locator("main form [type=submit]").last.click()
        assert sent.value.status == 400, url
        invalid = page.locator("[aria-invalid=true]")
        assert invalid.count() >= 1, url
        described = invalid.first.get_attribute("aria-describedby").split()
        assert any(page.locator(f"#{id_}.error").count() for id_ in described), url
        for width in (PHONE, SCREEN):
            page.set_viewport_size({"width": width, "height": 800})
            findings += [f"{url} at {width} px: axe {found}" for found in axe_violations(page)]
        path = tmp_path / f"rejected{len(files)}.html"
        path.write_bytes(sent.value.body())
        files[str(path)] = url
    context.close()
    for path, messages in nu_messages(list(files)).items():
        findings += [f"{files.get(path, path)}: Nu {message}" for message in messages]
    assert findings == []
