"""Benchmark: a school's public page against a bare Flask page, under gunicorn.

    .venv/bin/python bench/public_pages.py [--schools 1000] [--teachers 25] [--seconds 10]

Seeds a throw-away database with N schools, one of them with published
teachers (SQLite in a temporary folder, or DATABASE_URL if set), starts
gunicorn with the same settings for Mektep and for a bare Flask app returning
10 KB of static HTML, loads each with `wrk` (apt-get install wrk) from this
machine's loopback, and prints requests per second (16 connections), p50/p99
latency with one connection per worker (no queueing) and the memory of each
web worker. The budgets are in design.md; this script reports,
it does not judge.
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
WORKERS = 2
SATURATING = 16
GUNICORN = [
    "--workers",
    str(WORKERS),
    "--worker-class",
    "sync",
    "--bind",
    "127.0.0.1:{port}",
    "--log-level",
    "warning",
]


TEACHER = {
    "surname": {"ky": "Бейшеналиева", "ru": "Бейшеналиева"},
    "first_name": {"ky": "Назгүл", "ru": "Назгуль"},
    "patronymic": {"ky": "Садыковна", "ru": "Садыковна"},
    "post": {"ky": "орус тили мугалими", "ru": "учитель русского языка"},
    "teachingDiscipline": {"ky": "Орус тили жана адабияты", "ru": "Русский язык и литература"},
    "teachingLevel": "higher",
    "qualification": "first",
    "genExperience": 21,
    "specExperience": 20,
}


def seed(env, count, teachers):
    """N schools; the one in the middle gets `teachers` published staff records."""
    code = f"""
from flask_migrate import upgrade
from mektep import create_app
from mektep.accounts.models import User
from mektep.extensions import db
from tenants.content.models import StaffMember
from tenants.models import School
from tenants.scoping import bind_school
from tenants.versioning import publish
app = create_app()
with app.app_context():
    upgrade()
    db.session.add_all(School(slug=f"school{{n}}", name_ky=f"№{{n}} мектеби",
                              name_ru=f"Школа №{{n}}") for n in range({count}))
    admin = User(email="bench@mektep.kg", is_district_admin=True)
    db.session.add(admin)
    db.session.commit()
    bind_school(db.session.scalar(db.select(School).where(School.slug == "school{count // 2}")))
    for position in range({teachers}):
        person = StaffMember(role="teacher", position=position, data={{}})
        db.session.add(person)
        db.session.flush()
        publish(person, admin, {{"role": "teacher", "data": {TEACHER!r}}})
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


def load(url, host, seconds, connections):
    out = subprocess.run(
        [
            "wrk",
            "-t2",
            f"-c{connections}",
            f"-d{seconds}s",
            "--latency",
            "-H",
            f"Host: {host}",
            url,
        ],
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
    parser.add_argument("--teachers", type=int, default=25)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        env = dict(
            os.environ, MEKTEP_INSTANCE_DIR=tmp, BASE_DOMAIN="bench.test", SECRET_KEY="bench"
        )
        env.setdefault("DATABASE_URL", f"sqlite:///{tmp}/bench.sqlite")
        seed(env, args.schools, args.teachers)
        Path(tmp, "bare.py").write_text(BARE_APP)
        results = {}
        school = f"school{args.schools // 2}.bench.test"
        for name, module, app_dir, host, path in (
            ("bare Flask page (10 KB)", "bare:app", tmp, "bench.test", "/"),
            (
                f"staff page, {args.teachers} teachers",
                "wsgi:app",
                str(ROOT),
                school,
                "/sveden/employees/",
            ),
            ("school home page", "wsgi:app", str(ROOT), school, "/"),
        ):
            server = start(dict(env, APP_DIR=app_dir), module, 8765)
            try:
                url = f"http://127.0.0.1:8765{path}"
                load(url, host, 2, SATURATING)
                rps, _p50, _p99 = load(url, host, args.seconds, SATURATING)
                # Latency with one connection per worker: the time of a request that
                # does not wait in a queue behind others.
                _rps, p50, p99 = load(url, host, args.seconds, WORKERS)
                results[name] = (rps, p50, p99, worker_rss_kb(server))
            finally:
                os.killpg(server.pid, signal.SIGTERM)
                server.wait()
        for name, (rps, p50, p99, rss) in results.items():
            print(
                f"{name:<36} {rps:8.0f} req/s   p50 {p50:>8}   p99 {p99:>8}   "
                f"worker RSS {', '.join(f'{kb // 1024} MB' for kb in rss)}"
            )
        bare = next(iter(results.values()))[0]
        for name, (rps, *_rest) in list(results.items())[1:]:
            print(
                f"{name}: {rps / bare:.0%} of the bare page's requests per second "
                f"({args.schools} schools, caching off)"
            )


if __name__ == "__main__":
    main()
