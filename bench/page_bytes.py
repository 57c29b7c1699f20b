"""Benchmark: the bytes over the wire of public pages on a slow phone, with and
without compression.

    .venv/bin/python bench/page_bytes.py [--runs 3]

Loads the demo district into a throw-away instance (SQLite in a temporary folder),
serves it with gunicorn as in production, and opens pages in headless Chromium
throttled like a slow phone (Lighthouse's mobile profile: 150 ms round trip,
1.6 Mbit/s down, 750 kbit/s up, CPU 4× slower), once asking for compressed
responses (brotli or gzip, what Chromium sends) and once for none. For each page
it prints the bytes received (headers and bodies, as Chromium counts them) on a
first visit and on a second one (the stylesheets then come from the cache), the
time until the HTML has arrived and until the page is loaded (medians of the
runs), and the encoding the HTML came in (Chromium asks for brotli only over
HTTPS, so gzip here). It reports, it does not judge.
"""

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

BASE = "mektep.bench"
PAGES = [
    ("staff page, ru", "school35", "/sveden/employees/?lang=ru"),
    ("staff page, ky", "school35", "/sveden/employees/"),
    ("home page, ru", "school35", "/?lang=ru"),
    ("documents, ru", "school35", "/documents?lang=ru"),
]
# Lighthouse's "slow 4G" mobile profile.
NETWORK = {"latency": 150, "downloadThroughput": 1.6e6 / 8, "uploadThroughput": 7.5e5 / 8}
CPU_SLOWDOWN = 4


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def prepare(instance, env):
    flask = [sys.executable, "-m", "flask", "--app", "wsgi"]
    for command in (["i18n", "compile"], ["db", "upgrade"], ["demo", "load"]):
        subprocess.run(flask + command, env=env, cwd=ROOT, check=True, capture_output=True)
    subprocess.run(
        [sys.executable, "worker.py", "--burst"], env=env, cwd=ROOT, check=True, capture_output=True
    )


def visit(browser, url, compressed):
    """(bytes of the first visit, of a second visit, ms until the HTML has arrived,
    ms until the page is loaded, encoding of the HTML)."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    if not compressed:
        context.set_extra_http_headers({"Accept-Encoding": "identity"})
    page = context.new_page()
    session = context.new_cdp_session(page)
    session.send("Network.enable")
    session.send("Network.emulateNetworkConditions", {"offline": False, **NETWORK})
    session.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
    received = []
    session.on("Network.loadingFinished", lambda event: received.append(event["encodedDataLength"]))
    results = []
    encoding = ""
    for _visit in range(2):
        received.clear()
        response = page.goto(url, wait_until="networkidle")  # lazy pictures included
        encoding = response.headers.get("content-encoding", "none")
        timing = page.evaluate(
            "(({startTime, responseEnd, loadEventEnd}) => [responseEnd - startTime,"
            " loadEventEnd - startTime])(performance.getEntriesByType('navigation')[0])"
        )
        results.append((sum(received), *timing))
    context.close()
    return results[0][0], results[1][0], results[0][1], results[0][2], encoding


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    port = free_port()
    with tempfile.TemporaryDirectory() as instance:
        env = dict(
            os.environ,
            MEKTEP_INSTANCE_DIR=instance,
            BASE_DOMAIN=f"{BASE}:{port}",
            DATABASE_URL=f"sqlite:///{instance}/bench.sqlite",
            REDIS_URL="",
        )
        prepare(instance, env)
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-w", "2", "-b", f"127.0.0.1:{port}", "wsgi:app"],
            env=env,
            cwd=ROOT,
            stderr=subprocess.DEVNULL,
        )
        try:
            time.sleep(2)
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                print(f"{'page':16} {'encoding':8} {'1st visit':>10} {'2nd visit':>10} "
                      f"{'HTML in':>8} {'loaded in':>9}")  # fmt: skip
                for label, slug, path in PAGES:
                    url = f"http://{slug}.{BASE}:{port}{path}"
                    for compressed in (True, False):
                        runs = [visit(browser, url, compressed) for _run in range(args.runs)]
                        first, second, _html, _load, encoding = runs[-1]
                        html = statistics.median(run[2] for run in runs)
                        load = statistics.median(run[3] for run in runs)
                        print(f"{label:16} {encoding:8} {first:>8} B {second:>8} B "
                              f"{html:>5.0f} ms {load:>6.0f} ms")  # fmt: skip
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    main()
