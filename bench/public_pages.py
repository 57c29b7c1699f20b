"""Benchmark: a school's public page against a bare Flask page, under gunicorn.

    .venv/bin/python bench/public_pages.py [--schools 1000] [--seconds 10]

Seeds a throw-away database with N schools (SQLite in a temporary folder, or
DATABASE_URL if set), starts gunicorn with the same settings for Mektep and for
a bare Flask app returning 10 KB of static HTML, loads each with `wrk`
(apt-get install wrk) from this machine's loopback, and prints requests per
second, p50/p99 latency and the memory of each web worker. The budgets are in
design.md; this script reports, it does not judge.
"""

import argparse
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BARE_APP = """
from flask import Flask
app = Flask(__name__)
PAGE = "<!doctype html><html><head><title>bare</title></head><body>"
PAGE += ("<p>" + "x" * 95 + "</p>") * 100 + "</body></html>"
@app.route("/")
def page():
    return PAGE
"""
GUNICORN = [
    "--workers",
    "2",
    "--worker-class",
    "sync",
    "--bind",
    "127.0.0.1:{port}",
    "--log-level",
    "warning",
]


def seed(env, count):
    code = f"""
from mektep import create_app
from mektep.extensions import db
from flask_migrate import upgrade
from tenants.models import School
app = create_app()
with app.app_context():
    upgrade()
    db.session.add_all(School(slug=f"school{{n}}", name_ky=f"№{{n}} мектеби",
                              name_ru=f"Школа №{{n}}") for n in range({count}))
    db.session.commit()
"""
    subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, check=True)


def start(env, module, port):
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", *[a.format(port=port) for a in GUNICORN], module],
        env=env,
        cwd=env.get("APP_DIR", ROOT),
        start_new_session=True,
    )
    time.sleep(2.5)
    return process


def worker_rss_kb(master):
    children = subprocess.run(
        ["pgrep", "-P", str(master.pid)], capture_output=True, text=True
    ).stdout.split()
    sizes = []
    for pid in children:
        status = Path(f"/proc/{pid}/status").read_text()
        sizes.append(int(re.search(r"VmRSS:\s+(\d+)", status).group(1)))
    return sizes


def load(url, host, seconds):
    out = subprocess.run(
        ["wrk", "-t2", "-c16", f"-d{seconds}s", "--latency", "-H", f"Host: {host}", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p50 = re.search(r"50%\s+([\d.]+\w+)", out).group(1)
    p99 = re.search(r"99%\s+([\d.]+\w+)", out).group(1)
    return rps, p50, p99


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--schools", type=int, default=1000)
    parser.add_argument("--seconds", type=int, default=10)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        env = dict(
            os.environ, MEKTEP_INSTANCE_DIR=tmp, BASE_DOMAIN="bench.test", SECRET_KEY="bench"
        )
        env.setdefault("DATABASE_URL", f"sqlite:///{tmp}/bench.sqlite")
        seed(env, args.schools)
        Path(tmp, "bare.py").write_text(BARE_APP)
        results = {}
        for name, module, app_dir, host in (
            ("bare Flask page (10 KB)", "bare:app", tmp, "bench.test"),
            (
                f"school home page ({args.schools} schools)",
                "wsgi:app",
                str(ROOT),
                f"school{args.schools // 2}.bench.test",
            ),
        ):
            server = start(dict(env, APP_DIR=app_dir), module, 8765)
            try:
                load("http://127.0.0.1:8765/", host, 2)
                rps, p50, p99 = load("http://127.0.0.1:8765/", host, args.seconds)
                results[name] = (rps, p50, p99, worker_rss_kb(server))
            finally:
                os.killpg(server.pid, signal.SIGTERM)
                server.wait()
        for name, (rps, p50, p99, rss) in results.items():
            print(
                f"{name:<36} {rps:8.0f} req/s   p50 {p50:>8}   p99 {p99:>8}   "
                f"worker RSS {', '.join(f'{kb // 1024} MB' for kb in rss)}"
            )
        bare, ours = (value[0] for value in results.values())
        print(f"ratio: {ours / bare:.0%} of the bare page")


if __name__ == "__main__":
    main()
