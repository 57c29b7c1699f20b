"""Headless Chromium (Debian's package) driven by Playwright, against a live server."""

import os
import shutil
import threading

import pytest
from werkzeug.serving import make_server

CHROMIUM = os.environ.get("CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # Every host name (school-a.mektep.test, ...) reaches the live server.
    "--host-resolver-rules=MAP * 127.0.0.1",
]


def require_chromium():
    if not os.path.exists(CHROMIUM):
        if os.environ.get("MEKTEP_REQUIRE_BROWSER"):
            pytest.fail(f"Chromium is required but not found at {CHROMIUM}")
        pytest.skip("Chromium is not installed (apt-get install chromium)")


@pytest.fixture
def live_server(app):
    """The app served on a free loopback port in a thread; yields the port."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base_domain = app.config["BASE_DOMAIN"]
    app.config["BASE_DOMAIN"] = f"{base_domain}:{server.server_port}"
    yield server.server_port
    app.config["BASE_DOMAIN"] = base_domain
    server.shutdown()


@pytest.fixture
def browser():
    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.base_port = live_server
    yield page
    context.close()
