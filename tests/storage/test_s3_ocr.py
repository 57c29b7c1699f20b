"""Text recognition (OCR) of a scan reads its PDF from a bucket too: pdfium seeks,
and a bucket's download stream cannot, so the job works on a local copy."""

from tests.district.test_scans import SCAN, require_ocr, stored
from tests.documents.conftest import only_document, upload


def test_recognition_reads_a_scan_kept_in_a_bucket(app, bucket, admin_a, run_worker):
    require_ocr()
    upload(admin_a, [(SCAN, "order.pdf")], expect=302, title_ru="Приказ о режиме работы")
    run_worker()
    with app.app_context():
        document_id = only_document().id
    assert stored(app).scanned is True
    recognize = f"/admin/documents/{document_id}/recognize"
    assert admin_a.submit(recognize, {}, form_page="/admin/").status_code == 302
    run_worker(timeout=600)
    scan = stored(app)
    assert scan.ocr_status == "ready" and "Дежурство" in (scan.text or "")
