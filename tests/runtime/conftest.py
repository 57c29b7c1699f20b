"""Real processes for the runtime's fault tests: a Redis server of the test's own
(on its own port, stopped and killed at will: never the shared one), an instance
folder with its embedded Redis, worker processes and a gunicorn of the app."""

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from contextlib import contextmanager, suppress

import psutil
import pytest
import redis

from config import BASE_DIR
from mektep.embedded_redis import server_executable
from tests.conftest import worker_env


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until(condition, timeout=60, interval=0.1, what="the condition"):
    """Poll `condition()` until it is true; returns its value."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"{what} did not happen within {timeout} s")
        time.sleep(interval)


class RedisProcess:
    """A redis-server of the test's own on a free loopback port, keeping its data
    in `folder` across a stop and a start (as a real deployment's would)."""

    def __init__(self, folder):
        self.folder, self.port, self.process = folder, free_port(), None
        self.url = f"redis://127.0.0.1:{self.port}/0"

    def client(self):
        return redis.Redis(port=self.port, socket_connect_timeout=1)

    def answers(self):
        try:
            return self.client().ping()
        except redis.RedisError:
            return False

    def start(self):
        binary = shutil.which("redis-server") or server_executable()
        command = [binary, "--port", str(self.port), "--bind", "127.0.0.1", "--dir"]
        command += [str(self.folder), "--save", "", "--appendonly", "no"]
        self.process = subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
        )
        wait_until(self.answers, timeout=10, what="the test's Redis start")

    def stop(self):
        """A clean stop, its data saved (an operator's restart, a crash-free outage)."""
        self.client().shutdown(save=True)
        self.process.wait(10)

    def kill(self):
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait(10)


@pytest.fixture
def own_redis(tmp_path):
    server = RedisProcess(tmp_path)
    server.start()
    yield server
    server.kill()


@contextmanager
def using_redis(app, url):
    """The app (of the test process) on the Redis at `url`, then back on its own."""
    saved_url, saved_client = app.config["REDIS_URL"], app.extensions.pop("mektep_redis", None)
    app.config["REDIS_URL"] = url
    try:
        yield
    finally:
        app.config["REDIS_URL"] = saved_url
        app.extensions.pop("mektep_redis", None)
        if saved_client is not None:
            app.extensions["mektep_redis"] = saved_client


def embedded_env(app, instance):
    """Environment of a process of the test database on the embedded Redis of
    the instance folder `instance`."""
    with app.app_context():
        env = worker_env(app)
    env.update(
        TEST_REDIS_URL="", MEKTEP_INSTANCE_DIR=str(instance), STORAGE_DIR=str(instance / "files")
    )
    return env


def embedded_socket(instance):
    return instance / "redis" / "server.sock"


def embedded_servers(instance):
    """The redis-server processes serving the instance folder `instance`."""
    socket_path = str(embedded_socket(instance))
    return [
        process
        for process in psutil.process_iter(["cmdline", "status"])
        if process.info["status"] != psutil.STATUS_ZOMBIE
        and any(socket_path in argument for argument in process.info["cmdline"] or ())
    ]


def embedded_client(instance):
    """A plain client of an instance's embedded Redis (it starts nothing)."""
    return redis.Redis(unix_socket_path=str(embedded_socket(instance)), socket_timeout=5)


def live_workers(connection):
    """How many workers keep their heartbeat on this Redis."""
    try:
        return len(connection.keys("mektep:worker-alive:*"))
    except redis.RedisError:
        return 0


def start_in_session(env, *command):
    """A Python program of the project in a session of its own, like a
    service's; its standard error is kept for the test."""
    return subprocess.Popen(
        [sys.executable, *command],
        env=env,
        cwd=BASE_DIR,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


def start_worker(env, *arguments):
    """A worker process (worker.py)."""
    return start_in_session(env, str(BASE_DIR / "worker.py"), *arguments)


def stop_gracefully(process, timeout=60):
    """SIGTERM, as a service manager stops it; returns its standard error."""
    process.send_signal(signal.SIGTERM)
    try:
        _, errors = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        raise
    return errors or ""


def start_gunicorn(env, port, *options):
    """gunicorn serving wsgi:app on 127.0.0.1:`port`; waits until /healthz answers."""
    process = start_in_session(
        env, "-m", "gunicorn", "--bind", f"127.0.0.1:{port}", *options, "wsgi:app"
    )

    def answers():
        assert process.poll() is None, process.stderr.read()[-3000:]
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as probe:
                probe.sendall(b"GET /healthz HTTP/1.0\r\nHost: probe\r\n\r\n")
                return probe.recv(64).split(b" ")[1:2] == [b"200"] or None
        except OSError:
            return None

    try:
        wait_until(answers, timeout=60, what="gunicorn's start")
    except AssertionError:
        kill_session(process)
        raise
    return process


def kill_session(process):
    """SIGKILL a process started in a session of its own, and everything in it."""
    with suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait(10)
