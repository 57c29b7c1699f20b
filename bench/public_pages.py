"""Benchmark: a school's public pages against a bare Flask page, under gunicorn.

    .venv/bin/python bench/public_pages.py [--schools 1000] [--teachers 25] [--seconds 10]
                                           [--only warm|off]

Seeds a throw-away database with N schools, one of them with published
teachers (SQLite in a temporary folder, or DATABASE_URL if set), starts a
redis-server of its own on loopback (the page cache's), starts gunicorn with
the same settings for Mektep and for a bare Flask app returning 10 KB of static
HTML, and loads each in turn with `wrk -t2 -c8` (apt-get install wrk):

- the bare page;
- the 25-teacher staff page, page cache warm, then with the cache off
  (PAGE_CACHE=0: the uncached path);
- the home pages of every school in turn (random hosts), cache on: then the
  memory of each web worker, and the page cache's memory per school.

It prints requests per second, p50/p99 latency, the ratios to the bare page,
worker memory and page-cache memory (`--only warm` or `--only off`: the bare
page and the staff page with the cache warm, or off, alone: the pair one budget
compares). The budgets are in design.md; this script
reports, it does not judge. Run it with --schools 1 and --schools 10000 to
compare worker memory.
"""

import argparse
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import redis

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
# wrk asks for the home page of a random school each time.
EVERY_SCHOOL = """
local schools = tonumber(os.getenv("BENCH_SCHOOLS"))
math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
request = function()
  local host = "school" .. math.random(0, schools - 1) .. ".bench.test"
  return wrk.format("GET", "/", {["Host"] = host})
end
"""
WORKERS = 2
CONNECTIONS = 8
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


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_redis(folder):
    """A redis-server of the bench's own: no persistence, on a free port."""
    port = free_port()
    process = subprocess.Popen(
        [shutil.which("redis-server"), "--port", str(port), "--bind", "127.0.0.1"]
        + ["--dir", str(folder), "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    client = redis.Redis(port=port)
    for _ in range(100):
        try:
            client.ping()
            return process, f"redis://127.0.0.1:{port}/0"
        except redis.ConnectionError:
            time.sleep(0.05)
    raise RuntimeError("redis-server did not start")


def start(env, module, port, host, path):
    """gunicorn serving `module`, once it answers `path` on `host`."""
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", *[a.format(port=port) for a in GUNICORN], module],
        env=env,
        cwd=env.get("APP_DIR", ROOT),
        start_new_session=True,
    )
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers={"Host": host})
    for _ in range(600):
        try:
            with urllib.request.urlopen(request, timeout=5) as response:
                response.read()
            return process
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"{module} did not answer on port {port}")


def worker_rss_kb(master):
    children = subprocess.run(
        ["pgrep", "-P", str(master.pid)], capture_output=True, text=True
    ).stdout.split()
    sizes = []
    for pid in children:
        status = Path(f"/proc/{pid}/status").read_text()
        sizes.append(int(re.search(r"VmRSS:\s+(\d+)", status).group(1)))
    return sizes


def wrk(url, seconds, host=None, script=None, env=None):
    command = ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{seconds}s", "--latency"]
    if host:
        command += ["-H", f"Host: {host}"]
    if script:
        command += ["-s", script]
    out = subprocess.run(
        [*command, url], capture_output=True, text=True, check=True, env=env
    ).stdout
    for line in out.splitlines():
        if "Non-2xx" in line or "Socket errors" in line:
            print(f"wrk {url}: {line.strip()}", file=sys.stderr)
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p50 = re.search(r"50%\s+([\d.]+\w+)", out).group(1)
    p99 = re.search(r"99%\s+([\d.]+\w+)", out).group(1)
    return rps, p50, p99


def page_cache_memory(redis_url):
    """(schools with pages, pages, bytes) the page cache holds in Redis."""
    client = redis.Redis.from_url(redis_url)
    schools = pages = size = 0
    for key in client.scan_iter("mektep:pages:*"):
        size += client.memory_usage(key, samples=0) or 0
        if key.endswith(b":pages"):
            schools += 1
            pages += client.hlen(key)
    return schools, pages, size


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--schools", type=int, default=1000)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--teachers", type=int, default=25)
    parser.add_argument(
        "--only",
        choices=["warm", "off"],
        help="run only the bare page and the staff page with the cache warm, or off",
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        redis_server, redis_url = start_redis(tmp)
        env = dict(
            os.environ,
            MEKTEP_INSTANCE_DIR=tmp,
            BASE_DOMAIN="bench.test",
            SECRET_KEY="bench",
            REDIS_URL=redis_url,
            BENCH_SCHOOLS=str(args.schools),
        )
        env.setdefault("DATABASE_URL", f"sqlite:///{tmp}/bench.sqlite")
        try:
            seed(env, args.schools, args.teachers)
            Path(tmp, "bare.py").write_text(BARE_APP)
            Path(tmp, "every_school.lua").write_text(EVERY_SCHOOL)
            run(args, env, tmp, redis_url)
        finally:
            redis_server.terminate()
            redis_server.wait()


def run(args, env, tmp, redis_url):
    staff = f"staff page, {args.teachers} teachers"
    school = f"school{args.schools // 2}.bench.test"
    url = "http://127.0.0.1:8765"
    results = {}
    configs = [
        ("bare Flask page (10 KB)", "bare:app", tmp, "1", "bench.test", "/", None),
        (f"{staff}, cache warm", "wsgi:app", str(ROOT), "1", school, "/sveden/employees/", None),
        (f"{staff}, cache off", "wsgi:app", str(ROOT), "0", school, "/sveden/employees/", None),
        ("every school's home page, cache on", "wsgi:app", str(ROOT), "1", None, "/", "lua"),
    ]
    chosen = {None: configs, "warm": configs[:2], "off": [configs[0], configs[2]]}[args.only]
    for name, module, app_dir, cache, host, path, script in chosen:
        ready_host = host or f"school{args.schools // 2}.bench.test"
        server = start(dict(env, APP_DIR=app_dir, PAGE_CACHE=cache), module, 8765, ready_host, path)
        try:
            lua = str(Path(tmp, "every_school.lua")) if script else None
            wrk(url + path, 2, host, lua, env)  # warm-up: the cache, the workers
            results[name] = (*wrk(url + path, args.seconds, host, lua, env), worker_rss_kb(server))
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait()
    print(f"{args.schools} schools, gunicorn {WORKERS} sync workers, wrk -t2 -c{CONNECTIONS}")
    for name, (rps, p50, p99, rss) in results.items():
        print(
            f"{name:<42} {rps:8.0f} req/s   p50 {p50:>8}   p99 {p99:>8}   "
            f"worker RSS {', '.join(f'{kb / 1024:.1f} MB' for kb in rss)}"
        )
    bare = next(iter(results.values()))[0]
    for name, (rps, *_rest) in list(results.items())[1:3]:
        print(f"{name}: {rps / bare:.1%} of the bare page's requests per second")
    schools, pages, size = page_cache_memory(redis_url)
    if schools:
        print(
            f"page cache: {schools} schools, {pages} pages, {size / 1024:.0f} KB in Redis: "
            f"{size / schools / 1024:.1f} KB per school ({size / pages / 1024:.1f} KB per page)"
        )


if __name__ == "__main__":
    main()
