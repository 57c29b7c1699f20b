"""The school admin's document pages: upload one or many, the list and its live
status, editing (drafts for editors, publishing for admins), the trash, and the
upload size limit answered with a page, also on a real server socket."""

import http.client
import socket
import subprocess
import sys
import time

import pytest

from config import BASE_DIR
from mektep.extensions import db
from tenants.documents.models import Document
from tenants.versioning import pending_draft
from tests.conftest import assert_redirect, nothing_changes, worker_env
from tests.documents.conftest import (
    UPLOAD_PAGE,
    file_bytes,
    only_document,
    stored_files,
    upload,
)


def test_upload_page_explains_what_is_accepted(admin_a):
    page = admin_a.get(UPLOAD_PAGE).get_data(as_text=True)
    assert "<title>Upload documents" in page
    assert "Up to 25 MB per file." in page
    assert "multiple" in page and 'name="files"' in page
    assert "document.ustavDocLink" in page  # the schema's document fields to attach to


def test_many_files_at_once_keep_the_good_ones(admin_a, ctx):
    response = upload(
        admin_a,
        [
            (file_bytes("sample.pdf"), "Окуу планы.pdf"),
            (b"", "empty.pdf"),
            (file_bytes("photo.jpg"), "IMG_1.jpg"),
        ],
        kind="curriculum",
        expect=400,
    )
    page = response.get_data(as_text=True)
    assert "empty.pdf: The file is empty" in page and "2 files uploaded" in page
    titles = sorted(d.title_ru for d in db.session.scalars(db.select(Document)))
    assert titles == ["IMG 1", "Окуу планы"]
    assert {d.kind for d in db.session.scalars(db.select(Document))} == {"curriculum"}
    assert len(stored_files()) == 2


def test_no_file_chosen(app, admin_a, ctx):
    with nothing_changes(app):
        response = upload(admin_a, [], expect=400)
    assert "Choose one or more files" in response.get_data(as_text=True)


def test_upload_with_titles_date_and_schema_field(admin_a, ctx):
    upload(
        admin_a,
        [(file_bytes("sample.pdf"), "ustav.pdf")],
        kind="charter",
        title_ky="Мектептин уставы",
        title_ru="Устав школы",
        issued_on="2021-08-25",
        field_key="document.ustavDocLink",
        expect=302,
    )
    document = only_document()
    assert (document.title_ky, document.title_ru, str(document.issued_on)) == (
        "Мектептин уставы",
        "Устав школы",
        "2021-08-25",
    )
    assert document.field_key == "document.ustavDocLink" and document.is_published


def test_unknown_schema_field_is_refused(app, admin_a, ctx):
    with nothing_changes(app):
        upload(admin_a, [(file_bytes("sample.pdf"), "a.pdf")], field_key="nope", expect=400)
    assert stored_files() == []


def test_list_shows_status_and_polls_for_changes(admin_a, ctx):
    upload(admin_a, [(file_bytes("sample.pdf"), "a.pdf")], title_ky="Тизме", expect=302)
    document = only_document()
    page = admin_a.get("/admin/documents").get_data(as_text=True)
    assert "Тизме" in page and 'data-status="pending"' in page
    assert "js/documents-status.js" in page and "<script>" not in page
    states = admin_a.get(f"/admin/documents/status?ids={document.id},999").get_json()
    assert list(states) == [str(document.id)]
    assert states[str(document.id)]["status"] == "pending"


def test_list_filters_by_kind(admin_a, ctx):
    upload(
        admin_a,
        [(file_bytes("sample.pdf"), "a.pdf")],
        kind="charter",
        title_ky="Устав-К",
        expect=302,
    )
    upload(
        admin_a, [(file_bytes("photo.jpg"), "b.jpg")], kind="photo", title_ky="Сүрөт-К", expect=302
    )
    page = admin_a.get("/admin/documents?kind=charter").get_data(as_text=True)
    assert "Устав-К" in page and "Сүрөт-К" not in page


def test_editor_edit_is_a_draft_until_an_admin_publishes(site, admin_a, app):
    upload(
        admin_a,
        [(file_bytes("sample.pdf"), "a.pdf")],
        title_ky="Эски",
        title_ru="Старое",
        expect=302,
    )
    with app.app_context():
        document_id = only_document().id
    editor = site("school-a")
    editor.login("editor@a.kg")
    form = {
        "kind": "charter",
        "title_ky": "Жаңы",
        "title_ru": "Новое",
        "issued_on": "",
        "field_key": "",
    }
    response = editor.submit(f"/admin/documents/{document_id}", form)
    assert response.status_code == 302
    with app.app_context():
        document = only_document()
        assert document.title_ky == "Эски" and pending_draft(document) is not None
    assert "Эски" in site("school-a").get("/documents").get_data(as_text=True)
    assert "Жаңы" in editor.get(f"/admin/documents/{document_id}").get_data(as_text=True)
    response = admin_a.submit(
        f"/admin/documents/{document_id}/publish", {}, form_page="/admin/documents"
    )
    assert response.status_code == 302
    assert "Жаңы" in site("school-a").get("/documents").get_data(as_text=True)


def test_edit_requires_both_titles(app, admin_a, ctx):
    upload(admin_a, [(file_bytes("sample.pdf"), "a.pdf")], expect=302)
    document = only_document()
    with nothing_changes(app):
        response = admin_a.submit(
            f"/admin/documents/{document.id}?lang=en",
            {
                "kind": "charter",
                "title_ky": "Бар",
                "title_ru": "",
                "issued_on": "",
                "field_key": "",
            },
        )
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "Enter the title in Russian." in page and 'value="Бар"' in page


def test_editor_cannot_trash_a_published_document(app, editor_a, admin_a):
    upload(admin_a, [(file_bytes("sample.pdf"), "a.pdf")], expect=302)
    with app.app_context():
        document_id = only_document().id
    delete = f"/admin/documents/{document_id}/delete"
    with nothing_changes(app):
        response = editor_a.submit(delete, {}, form_page="/admin/documents")
    assert response.status_code == 403
    with app.app_context():
        assert only_document().deleted_at is None
    assert_redirect(admin_a.submit(delete, {}, form_page="/admin/documents"), "/admin/documents")
    with app.app_context():
        assert db.session.scalars(db.select(Document)).all() == []


def test_admin_moves_a_document_to_the_trash(admin_a, ctx):
    upload(admin_a, [(file_bytes("sample.pdf"), "a.pdf")], title_ky="Себет", expect=302)
    document = only_document()
    response = admin_a.submit(
        f"/admin/documents/{document.id}/delete",
        {},
        form_page="/admin/documents",
        follow_redirects=True,
    )
    page = response.get_data(as_text=True)
    assert "Себет" in page  # the confirmation names it
    assert db.session.scalars(db.select(Document)).all() == []
    assert len(stored_files()) == 1  # the file stays until the trash is emptied


def test_oversize_upload_gets_a_page(app, admin_a, monkeypatch):
    """A request over the ceiling of a whole request (tests/storage has the per-file limit)."""
    monkeypatch.setitem(app.config, "MAX_REQUEST_MB", 30)
    monkeypatch.setitem(app.config, "MAX_CONTENT_LENGTH", 30 * 1024 * 1024)
    limit = app.config["MAX_CONTENT_LENGTH"]
    with nothing_changes(app):
        response = upload(admin_a, [(b"%PDF-1.4\n" + b"0" * limit, "big.pdf")], expect=413)
    page = response.get_data(as_text=True)
    assert "at most 30 MB can be sent at once (each file up to 25 MB)" in page


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def gunicorn_server(app):
    """The app under gunicorn, as in production (its sync worker resets a
    connection whose body was left unread)."""
    port = _free_port()
    with app.app_context():
        env = worker_env(app)
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-b", f"127.0.0.1:{port}", "-w", "1", "wsgi:app"],
        env=env,
        cwd=BASE_DIR,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.2)
    yield port
    process.terminate()
    process.wait(timeout=10)


def test_oversize_upload_over_a_real_socket_gets_the_page(app, gunicorn_server):
    """The browser must see the page, not a reset connection, while still sending."""
    body_size = app.config["MAX_CONTENT_LENGTH"] + 5 * 1024 * 1024
    connection = http.client.HTTPConnection("127.0.0.1", gunicorn_server, timeout=60)
    connection.putrequest("POST", UPLOAD_PAGE, skip_host=True)
    connection.putheader("Host", f"school-a.{app.config['BASE_DOMAIN']}")
    connection.putheader("Content-Type", "multipart/form-data; boundary=mektep")
    connection.putheader("Content-Length", str(body_size))
    connection.endheaders()
    chunk = b"0" * (1024 * 1024)
    for _ in range(body_size // len(chunk)):
        connection.send(chunk)
    response = connection.getresponse()
    page = response.read().decode()
    assert response.status == 413
    assert "This upload weighs 105 MB in all, and at most 100 MB can be sent at once" in page
