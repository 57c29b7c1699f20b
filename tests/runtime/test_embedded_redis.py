"""Issue 9.2 and 9.3: the embedded Redis of an instance folder is one server,
shared by the web server and the workers, started again when it is killed
(every client reconnects to it, no restart of the app), and stopped with the
last process that uses it. Real processes: gunicorn, worker.py, `flask run`,
redis-server, kill -9."""

import os
import signal
import subprocess
import sys

from config import BASE_DIR
from tests.http_client import Browser

from .conftest import (
    embedded_client,
    embedded_env,
    embedded_servers,
    free_port,
    kill_session,
    live_workers,
    start_gunicorn,
    start_worker,
    stop_gracefully,
    wait_until,
)


def test_sign_in_works_again_after_the_embedded_server_is_killed(app, schools, tmp_path):
    env = embedded_env(app, tmp_path)
    port = free_port()
    web = start_gunicorn(env, port, "--workers", "2")
    try:
        host = f"school-a.{app.config['BASE_DOMAIN']}"
        assert Browser(port, host).login("editor@a.kg").status == 302
        (server,) = embedded_servers(tmp_path)

        server.kill()  # kill -9
        server.wait(10)
        assert embedded_servers(tmp_path) == []

        for _ in range(4):  # both gunicorn workers answer in turn, on new connections
            assert Browser(port, host).login("editor@a.kg").status == 302
        wrong = Browser(port, host).login("admin@a.kg", "a wrong password")
        assert wrong.status == 401
        (restarted,) = embedded_servers(tmp_path)
        assert restarted.pid != server.pid
        # The limiter counts in the restarted server, not in a per-process fallback.
        keys = embedded_client(tmp_path).keys("mektep*")
        assert any(b"admin@a.kg" in key for key in keys), keys
    finally:
        stop_gracefully(web)
    assert embedded_servers(tmp_path) == []


def test_one_embedded_server_across_worker_restarts_stopped_with_its_last_user(
    app, schools, tmp_path
):
    env = embedded_env(app, tmp_path)
    port = free_port()
    web = start_gunicorn(env, port, "--workers", "1")
    try:
        # A sign-in makes the web process a user of the server (counting the attempt).
        browser = Browser(port, f"school-a.{app.config['BASE_DOMAIN']}")
        assert browser.login("admin@a.kg", "a wrong password").status == 401
        for _ in range(4):
            worker = start_worker(env)
            try:
                wait_until(lambda: live_workers(embedded_client(tmp_path)) == 1, what="start")
                assert len(embedded_servers(tmp_path)) == 1
            finally:
                errors = stop_gracefully(worker)
            assert worker.returncode == 0, errors[-3000:]
            assert len(embedded_servers(tmp_path)) == 1  # the web server still uses it
    finally:
        stop_gracefully(web)
    assert web.returncode == 0
    assert embedded_servers(tmp_path) == []

    # A worker alone starts the server and takes it down when it stops.
    worker = start_worker(env)
    wait_until(lambda: live_workers(embedded_client(tmp_path)) == 1, what="the worker's start")
    assert len(embedded_servers(tmp_path)) == 1
    stop_gracefully(worker)
    assert embedded_servers(tmp_path) == []


def test_ctrl_c_of_make_run_leaves_no_server(app, schools, tmp_path):
    """`make run`: `flask run` and a worker in one terminal, stopped by Ctrl-C
    (SIGINT to the whole foreground process group)."""
    env = embedded_env(app, tmp_path)
    port = free_port()
    group = subprocess.Popen(
        [
            "sh",
            "-c",
            f"{sys.executable} worker.py & worker=$!; "
            f"trap 'kill $worker 2>/dev/null; wait $worker' EXIT; "
            f"{sys.executable} -m flask --app wsgi run --port {port} --no-reload",
        ],
        env=env,
        cwd=BASE_DIR,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
        # As in a terminal: Ctrl-C is not ignored, whatever this test's runner inherited
        # (a shell's background job ignores SIGINT, and so would every child).
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    try:
        wait_until(lambda: live_workers(embedded_client(tmp_path)) == 1, what="the worker's start")
        browser = Browser(port, f"school-a.{app.config['BASE_DOMAIN']}")
        wait_until(lambda: _answers(browser), what="the web server's start")
        assert len(embedded_servers(tmp_path)) == 1
        os.killpg(group.pid, signal.SIGINT)
        group.wait(60)
        wait_until(lambda: embedded_servers(tmp_path) == [], timeout=30, what="the server's stop")
    finally:
        kill_session(group)


def _answers(browser):
    try:
        return browser.get("/").status == 200
    except OSError:
        return False
