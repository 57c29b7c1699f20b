"""Helpers for the documents tests: uploading real files through the admin, and
making the bad files of the issue that are easier to build than to keep."""

import io
import os
import shutil
import struct
import zipfile
import zlib
from pathlib import Path

import pytest

from mektep.extensions import db
from tenants.documents.models import Document, StoredFile
from tests.conftest import fixture_path

# In English, so that the tests read the messages they expect whatever the catalogs say.
UPLOAD_PAGE = "/admin/documents/upload?lang=en"


def require_soffice():
    """Skip a test that needs LibreOffice where it is missing, or fail it when
    MEKTEP_REQUIRE_SOFFICE is set (CI sets it, so previews are never skipped there)."""
    if shutil.which("soffice") is None:
        if os.environ.get("MEKTEP_REQUIRE_SOFFICE"):
            pytest.fail(
                "LibreOffice is required (MEKTEP_REQUIRE_SOFFICE) but soffice is not on PATH"
            )
        pytest.skip("LibreOffice is not installed (apt-get install libreoffice-core-nogui ...)")


def file_bytes(name):
    return fixture_path(name).read_bytes()


def upload(client, files, expect=None, **fields):
    """POST `files` ([(bytes, name)]) to the upload form; returns the response."""
    data = {"kind": "other", "title_ky": "", "title_ru": "", "issued_on": "", "field_key": ""}
    data["publish"] = "y"
    data.update(fields)
    data["files"] = [(io.BytesIO(content), name) for content, name in files]
    response = client.submit(
        UPLOAD_PAGE, data, content_type="multipart/form-data", follow_redirects=False
    )
    if expect is not None:
        assert response.status_code == expect, response.get_data(as_text=True)[:3000]
    return response


def only_document():
    documents = db.session.scalars(db.select(Document)).all()
    assert len(documents) == 1
    return documents[0]


def stored_files():
    return db.session.scalars(db.select(StoredFile).order_by(StoredFile.id)).all()


def _png_chunk(kind, payload):
    return (
        struct.pack(">I", len(payload))
        + kind
        + payload
        + struct.pack(">I", zlib.crc32(kind + payload) & 0xFFFFFFFF)
    )


@pytest.fixture
def enormous_png():
    """A valid PNG header declaring 100,000 × 100,000 pixels, with one tiny row of data."""
    header = struct.pack(">IIBBBBB", 100_000, 100_000, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + _png_chunk(b"IEND", b"")
    )


@pytest.fixture
def zip_bomb_docx():
    """A .docx-shaped ZIP whose document part inflates to 64 MB of zeros."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        with archive.open("word/document.xml", "w") as part:
            zeros = b"\x00" * (1024 * 1024)
            for _ in range(64):
                part.write(zeros)
    return buffer.getvalue()


@pytest.fixture
def truncated_pdf():
    content = file_bytes("sample.pdf")
    return content[: len(content) // 2]


@pytest.fixture
def corrupt_pdf():
    """Looks like a complete PDF (header, end marker) but holds no readable objects."""
    return b"%PDF-1.7\n" + bytes(range(256)) * 40 + b"\nstartxref\n0\n%%EOF\n"


@pytest.fixture
def executable():
    return Path(shutil.which("true")).read_bytes()


@pytest.fixture
def web_page():
    return (
        b"<!DOCTYPE html><html><head><title>Invoice</title></head>"
        b"<body><script>document.location='http://evil.example'</script></body></html>\n"
    )
