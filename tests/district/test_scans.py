"""Scanned documents (issue 11.8): a PDF without a text layer is flagged by the
text job to its school's admin and on the district's dashboard; where Tesseract
with Kyrgyz and Russian is installed, its text is recognized in the background
and joins search."""

import os
import shutil

import pytest

from config import BASE_DIR
from mektep.extensions import db
from mektep.thumbnails.ocr import ocr_available
from tenants.documents.models import StoredFile
from tests.conftest import nothing_changes
from tests.documents.conftest import file_bytes, only_document, upload
from tests.news.test_search import found

SCAN = (BASE_DIR / "mektep/demo/files/scanned-order.pdf").read_bytes()


def require_ocr():
    """Skip where Tesseract (with kir and rus) is missing, or fail when
    MEKTEP_REQUIRE_OCR is set (CI sets it, so recognition is never skipped there)."""
    if not ocr_available():
        if os.environ.get("MEKTEP_REQUIRE_OCR"):
            pytest.fail("Tesseract with kir and rus is required (MEKTEP_REQUIRE_OCR) but missing")
        pytest.skip(
            "Tesseract is not installed (apt-get install tesseract-ocr-kir tesseract-ocr-rus)"
        )


def stored(app):
    with app.app_context():
        return only_document().file


def test_a_scan_is_flagged_and_a_text_pdf_is_not(app, site, schools, admin_a, run_worker, tmp_path):
    upload(admin_a, [(SCAN, "order.pdf")], expect=302, title_ru="Приказ о режиме работы")
    # A worker without Tesseract: the flag alone, and no button.
    shutil.copy(shutil.which("python3") or "/usr/bin/python3", tmp_path / "python3")
    run_worker(PATH=str(tmp_path))
    scan = stored(app)
    assert (scan.status, scan.text_status, scan.scanned) == ("ready", "ready", True)
    dashboard = admin_a.get("/admin/?lang=ru").get_data(as_text=True)
    assert (
        "Сканированные документы без текста" in dashboard and "Приказ о режиме работы" in dashboard
    )
    assert "Тексти жок сканерленген документтер" in admin_a.get("/admin/?lang=ky").get_data(
        as_text=True
    )
    district = site()
    district.login("district@mektep.kg")
    page = district.get("/district/dashboard?problem=scans&lang=ru").get_data(as_text=True)
    assert "Школа school-a" in page and "Школа school-b" not in page
    drill_down = district.get(f"/district/schools/{schools['a']}?lang=ru").get_data(as_text=True)
    assert "Приказ о режиме работы" in drill_down
    # The other school sees nothing of it.
    other = site("school-b")
    other.login("admin@b.kg")
    assert "Приказ о режиме работы" not in other.get("/admin/?lang=ru").get_data(as_text=True)


def test_a_pdf_with_text_is_no_scan(app, admin_a, run_worker):
    upload(admin_a, [(file_bytes("sample.pdf"), "plan.pdf")], expect=302)
    run_worker()
    assert stored(app).scanned is False
    assert "Сканированные документы" not in admin_a.get("/admin/?lang=ru").get_data(as_text=True)


def test_recognition_adds_the_text_to_search(app, site, schools, admin_a, admin_b_on_a, run_worker):
    require_ocr()
    upload(admin_a, [(SCAN, "order.pdf")], expect=302, title_ru="Приказ о режиме работы")
    run_worker()
    with app.app_context():
        document_id = only_document().id
    assert "Приказ о режиме работы" not in found(site("school-a"), "Дежурство", "ru")
    recognize = f"/admin/documents/{document_id}/recognize"
    with nothing_changes(app):
        assert admin_b_on_a.submit(recognize, {}).status_code in (403, 404)
        assert admin_a.post(recognize, data={}).status_code == 400  # no CSRF token
    response = admin_a.submit(recognize, {}, form_page="/admin/")
    assert response.status_code == 302
    assert stored(app).ocr_status == "pending"
    assert "Текст распознаётся" in admin_a.get("/admin/?lang=ru").get_data(as_text=True)
    run_worker(timeout=600)
    scan = stored(app)
    assert scan.ocr_status == "ready" and "Дежурство" in (scan.text or "")
    results = found(site("school-a"), "Дежурство", "ru")
    assert "Приказ о режиме работы" in results
    # Recognized: no longer a scan without text, here or in the district.
    assert "Сканированные документы без текста" not in admin_a.get("/admin/?lang=ru").get_data(
        as_text=True
    )
    with app.app_context():
        assert db.session.get(StoredFile, scan.id).needs_ocr is False
    # Asked twice: refused, nothing queued again.
    with nothing_changes(app):
        assert admin_a.submit(recognize, {}, form_page="/admin/").status_code == 400


def test_another_schools_admin_on_its_own_host_cannot_recognize(
    app, site, schools, admin_a, run_worker
):
    """School B's admin, on B's host, names school A's scanned document: not found."""
    upload(admin_a, [(SCAN, "order.pdf")], expect=302, title_ru="Приказ о режиме работы")
    run_worker()
    with app.app_context():
        document_id = only_document().id
    recognize = f"/admin/documents/{document_id}/recognize"
    admin_b = site("school-b")
    admin_b.login("admin@b.kg")
    with nothing_changes(app):
        assert admin_b.submit(recognize, {}, form_page="/admin/").status_code == 404
    assert stored(app).ocr_status is None and stored(app).scanned
    # The same request by A's admin on A's host reaches the document.
    response = admin_a.submit(recognize, {}, form_page="/admin/")
    assert response.status_code == (302 if ocr_available() else 400)
