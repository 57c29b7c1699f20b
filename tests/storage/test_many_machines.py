"""Many machines, one district (issue 10, item 5): two web processes under
gunicorn, each with an instance folder of its own, and one worker process,
sharing only the database, Redis and the bucket. An upload through the first
becomes a thumbnail served by the second; what the first publishes, the second
shows at once (whatever either keeps in memory or in a page cache). A second
machine that keeps no pages (PAGE_CACHE=0) still keeps each school's header
and footer in memory, by the generations it read: a publish on the first
reaches those too."""

import re
import socket
import subprocess
import sys
import time

import pytest
import requests

from config import BASE_DIR
from tests.conftest import CSRF_PATTERN, worker_env
from tests.documents.conftest import file_bytes
from tests.storage.conftest import free_port

PDF = file_bytes("sample.pdf")


class Machine:
    """One web process, reached the way a proxy reaches it: by its port, with the
    school's Host header; its cookies kept for that host only."""

    def __init__(self, port, host):
        self.base = f"http://127.0.0.1:{port}"
        self.host = host
        self.cookies = {}

    def request(self, method, path, **kwargs):
        headers = {"Host": self.host, **kwargs.pop("headers", {})}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        response = requests.request(
            method, self.base + path, headers=headers, allow_redirects=False, timeout=60, **kwargs
        )
        self.cookies.update(response.cookies.get_dict())
        return response

    def get(self, path, **kwargs):
        return self.request("GET", path, **kwargs)

    def submit(self, path, data, form_page=None, **kwargs):
        page = self.get(form_page or path).text
        match = CSRF_PATTERN.search(page)
        assert match, f"no form token on {form_page or path}"
        return self.request(
            "POST", path, data={**data, "csrf_token": match.group(1) or match.group(2)}, **kwargs
        )


@pytest.fixture
def machines(app, bucket, schools, tmp_path, request):
    """Two web processes sharing the database, Redis and the bucket, nothing else;
    the second's environment added to by the test's parameter, if any."""
    with app.app_context():
        shared = worker_env(app)
    processes, ports = [], []
    for number in (1, 2):
        instance = tmp_path / f"machine-{number}"
        instance.mkdir()
        env = shared | {
            "MEKTEP_INSTANCE_DIR": str(instance),
            # Nothing may be read from a folder: the files are in the bucket.
            "STORAGE_DIR": str(instance / "storage"),
        }
        if number == 2:
            env |= getattr(request, "param", {})
        port = free_port()
        processes.append(
            subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "gunicorn",
                    "-b",
                    f"127.0.0.1:{port}",
                    "-w",
                    "2",
                    "wsgi:app",
                ],
                env=env,
                cwd=BASE_DIR,
                stdout=subprocess.DEVNULL,
                stderr=(instance / "gunicorn.log").open("w"),
            )
        )
        ports.append(port)
    try:
        for port, process in zip(ports, processes, strict=True):
            _wait_for(port, process)
        host = f"school-a.{app.config['BASE_DOMAIN']}"
        yield [Machine(port, host) for port in ports], [tmp_path / f"machine-{n}" for n in (1, 2)]
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=30)


def _wait_for(port, process):
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"gunicorn on port {port} exited with {process.returncode}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.2)
    pytest.fail(f"gunicorn on port {port} did not start")


def _sign_in(machine):
    response = machine.submit(
        "/login", {"email": "admin@a.kg", "password": "correct horse battery"}
    )
    assert response.status_code == 302, response.text[:2000]


def test_two_web_machines_and_a_worker_share_one_district(machines, run_worker):
    (first, second), folders = machines
    _sign_in(first)
    upload = first.submit(
        "/admin/documents/upload",
        {"kind": "charter", "title_ky": "Устав", "title_ru": "Устав", "issued_on": ""},
        files={"files": ("Устав.pdf", PDF, "application/pdf")},
    )
    assert upload.status_code == 302, upload.text[:3000]
    # Not published yet (the box was left unticked): the second machine shows nothing.
    public_list = second.get("/documents?lang=ru")
    assert public_list.status_code == 200 and "Устав" not in public_list.text

    run_worker()
    listing = first.get("/admin/documents").text
    item_id = int(re.search(r"/admin/documents/(\d+)\"", listing).group(1))
    file_id = int(re.search(r"/admin/files/(\d+)", listing).group(1))

    # Published through the first: seen at once on the second, with its thumbnail.
    published = first.submit(
        f"/admin/documents/{item_id}/publish", {}, form_page=f"/admin/documents/{item_id}"
    )
    assert published.status_code == 302
    public_list = second.get("/documents?lang=ru")
    assert "Устав" in public_list.text
    assert f"/files/{file_id}/thumbnail-small.webp" in public_list.text
    thumbnail = second.get(f"/files/{file_id}/thumbnail-small.webp")
    assert thumbnail.status_code == 200
    assert thumbnail.headers["Content-Type"] == "image/webp"
    download = second.get(f"/files/{file_id}")
    assert download.status_code == 200 and download.content == PDF
    # Neither machine kept a file in its own folder.
    for folder in folders:
        assert not any(path.is_file() for path in (folder / "storage").rglob("*"))


@pytest.mark.parametrize("machines", [{"PAGE_CACHE": "0"}], indirect=True)
def test_a_menu_published_on_one_machine_is_in_the_others_header_at_once(machines):
    (first, second), _folders = machines
    for _ in range(2):  # the second has made its header, and kept it
        home = second.get("/?lang=ru")
        assert home.status_code == 200 and "История школы" not in home.text
    _sign_in(first)
    page = {"title_ky": "Мектептин тарыхы", "title_ru": "История школы", "slug": "history"}
    page |= {"body_ky": "Тарых.", "body_ru": "История.", "menu_order": "10", "in_menu": "y"}
    assert first.submit("/admin/pages/new", page | {"publish": "1"}).status_code == 302
    menu = second.get("/?lang=ru").text.split('class="folding main-menu"', 1)[1]
    assert '<a href="/p/history?lang=ru">История школы</a>' in menu.split("</nav>", 1)[0]
