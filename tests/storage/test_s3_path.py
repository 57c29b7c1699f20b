"""Upload → thumbnail (a real worker process) → serve, with the files in a bucket
of a real S3-protocol server; downloads keep their access checks and answer
range requests (206, If-Range) on both backends."""

from hashlib import sha256
from pathlib import Path

import pytest

from mektep.storage import CHUNK, content_key, get_storage
from tests.documents.conftest import file_bytes, only_document, upload
from tests.storage.conftest import pdf_of

PDF = file_bytes("sample.pdf")


def _document(app):
    with app.app_context():
        document = only_document()
        return document.id, document.file_id, document.file.storage_key, document.file.status


def test_upload_thumbnail_and_download_go_through_the_bucket(
    app, bucket, schools, site, admin_a, run_worker
):
    # The folder may hold this content from earlier tests on the local backend.
    local = Path(app.config["STORAGE_DIR"]) / content_key(
        schools["a"], sha256(PDF).hexdigest(), "pdf"
    )
    local.unlink(missing_ok=True)
    upload(admin_a, [(PDF, "Устав.pdf")], expect=302)
    _id, file_id, key, _status = _document(app)
    # In the bucket, not in the folder.
    with bucket.open(key) as stream:
        assert stream.read() == PDF
    assert not local.exists()
    run_worker()
    _id, file_id, key, status = _document(app)
    assert status == "ready"
    assert any(name.endswith("-small.webp") for name in bucket.keys(key.split("/")[0]))

    public = site("school-a")
    thumbnail = public.get(f"/files/{file_id}/thumbnail-small.webp")
    assert thumbnail.status_code == 200 and thumbnail.mimetype == "image/webp"
    assert thumbnail.data[:4] == b"RIFF"
    whole = public.get(f"/files/{file_id}")
    assert whole.status_code == 200 and whole.data == PDF
    assert whole.headers["Accept-Ranges"] == "bytes"
    # The other school's host knows nothing of it.
    assert site("school-b").get(f"/files/{file_id}").status_code == 404


@pytest.mark.parametrize("backend", ["local", "s3"])
def test_range_requests(app, request, backend, site, admin_a, run_worker):
    if backend == "s3":
        request.getfixturevalue("bucket")
    upload(admin_a, [(PDF, "Устав.pdf")], expect=302)
    run_worker()
    _id, file_id, key, _status = _document(app)
    public = site("school-a")
    url = f"/files/{file_id}"
    etag = public.get(url).headers["ETag"]

    part = public.get(url, headers={"Range": "bytes=100-1099"})
    assert part.status_code == 206
    assert part.data == PDF[100:1100]
    assert part.headers["Content-Range"] == f"bytes 100-1099/{len(PDF)}"
    assert part.headers["Content-Length"] == "1000"

    tail = public.get(url, headers={"Range": "bytes=-10"})
    assert tail.status_code == 206 and tail.data == PDF[-10:]

    # If-Range with the current ETag: the range; with an old one: everything.
    assert public.get(url, headers={"Range": "bytes=0-9", "If-Range": etag}).status_code == 206
    stale = public.get(url, headers={"Range": "bytes=0-9", "If-Range": '"old"'})
    assert stale.status_code == 200 and stale.data == PDF

    beyond = public.get(url, headers={"Range": f"bytes={len(PDF) + 10}-"})
    assert beyond.status_code == 416
    # The school's staff get ranges through the admin's access check too.
    staff = admin_a.get(f"/admin/files/{file_id}", headers={"Range": "bytes=0-3"})
    assert staff.status_code == 206 and staff.data == b"%PDF"
    with app.app_context():
        assert get_storage().stat(key).size == len(PDF)


def test_a_download_is_streamed_in_chunks_not_read_whole(app, bucket, site, admin_a):
    big = pdf_of(5)
    upload(admin_a, [(big, "Скан.pdf")], expect=302)
    _id, file_id, _key, _status = _document(app)
    response = admin_a.get(f"/admin/files/{file_id}")
    assert response.status_code == 200 and not response.is_sequence
    chunks = [len(chunk) for chunk in response.response]
    assert sum(chunks) == len(big) and len(chunks) >= 5 and max(chunks) <= CHUNK
