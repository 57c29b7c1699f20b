"""Every bad upload of the issue, as a real file of its kind: refused at upload
with a clear message and a 4xx, or accepted and failed by the worker with a
reason; never a 500, never a crashed worker, nothing stored for a refusal."""

import io

import pytest

from mektep.extensions import db
from tenants.documents.models import Document
from tests.documents.conftest import UPLOAD_PAGE, file_bytes, only_document, stored_files, upload


@pytest.mark.parametrize(
    ("content_fixture", "name", "message"),
    [
        (None, "empty.pdf", "The file is empty"),
        ("web_page", "invoice.pdf", "is a web page"),
        ("executable", "report.pdf", "is a program"),
        ("drawing.svg", "drawing.svg", "SVG pictures are not accepted"),
        ("drawing.eps", "drawing.png", "EPS files are not accepted"),
        ("truncated_pdf", "charter.pdf", "incomplete (cut short)"),
        ("enormous_png", "poster.png", "more pixels than can be processed"),
        ("zip_bomb_docx", "plan.docx", "unpack to an unreasonable size"),
    ],
)
def test_refused_with_a_clear_message(request, admin_a, ctx, content_fixture, name, message):
    if content_fixture is None:
        content = b""
    elif "." in content_fixture:
        content = file_bytes(content_fixture)
    else:
        content = request.getfixturevalue(content_fixture)
    response = upload(admin_a, [(content, name)], expect=400, title_ky="Сактала турсун")
    page = response.get_data(as_text=True)
    assert message in page
    assert 'value="Сактала турсун"' in page  # what was typed is kept
    assert stored_files() == [] and db.session.scalars(db.select(Document)).all() == []


def test_name_with_folders_and_control_characters_is_cleaned(admin_a, ctx):
    upload(
        admin_a,
        [(file_bytes("sample.pdf"), "..\\..\\etc/passwd\x00\x1b[31mУстав\t.pdf")],
        expect=302,
    )
    stored = only_document().file
    assert stored.original_name == "passwd[31mУстав.pdf"
    assert stored.file_type == "pdf"


@pytest.mark.parametrize(
    ("content", "reason", "message"),
    [
        ("encrypted.pdf", "encrypted", "protected by a password"),
        ("corrupt_pdf", "corrupt", "damaged"),
    ],
)
def test_unreadable_pdf_fails_with_a_reason(
    request, admin_a, ctx, run_worker, content, reason, message
):
    data = file_bytes(content) if "." in content else request.getfixturevalue(content)
    upload(admin_a, [(data, "document.pdf")], expect=302)
    run_worker()
    db.session.expire_all()
    stored = only_document().file
    assert (stored.status, stored.failure) == ("failed", reason)
    page = admin_a.get("/admin/documents").get_data(as_text=True)
    assert message in page and "Try again" in page


def test_an_upload_without_the_title_fields_takes_the_name(admin_a, ctx):
    """A form posted without its title fields (a script, an old page) is no 500."""
    data = {"kind": "other", "files": [(io.BytesIO(file_bytes("sample.pdf")), "Устав.pdf")]}
    response = admin_a.submit(
        UPLOAD_PAGE, data, content_type="multipart/form-data", follow_redirects=False
    )
    assert response.status_code == 302
    document = only_document()
    assert (document.title_ky, document.title_ru) == ("Устав", "Устав")
