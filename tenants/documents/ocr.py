"""Scanned documents: a PDF whose pages mostly have no text layer is flagged
(`StoredFile.scanned`, found by the text job) to its school's admin and on the
district's dashboard, since its text can be neither searched nor read aloud.
Where Tesseract with Kyrgyz and Russian is installed, the school may have its
text recognized: a stage of background work of its own on the low-priority
queue, one page per job, whose text joins the document's (and so search)."""

from mektep.queue import LOW
from mektep.storage import get_storage
from mektep.thumbnails.ocr import ocr_available, recognize_page
from mektep.thumbnails.pdf import MAX_TEXT_CHARS, MAX_TEXT_PAGES, has_text, open_document, page_text
from tenants.documents.jobs import Stage, requeue_stage, run_stage
from tenants.documents.models import StoredFile

# Recognition takes seconds a page: longer documents are recognized in part.
MAX_OCR_PAGES = 100


def recognize_stored_text(file_id):
    """RQ job: recognize the text of the next page of stored file `file_id`. Safe to run twice."""
    return run_stage(OCR, file_id)


def _recognize_page(stored):
    index = stored.ocr_pages_read
    # pdfium seeks: a bucket's download stream cannot, a local copy can.
    with get_storage().local_copy(stored.text_source_key) as source:
        document = open_document(source)
        try:
            last = min(len(document), MAX_TEXT_PAGES, MAX_OCR_PAGES)
            if index < last and not has_text(page_text(document, index)):
                text = recognize_page(document, index).strip()
                known = stored.text or ""
                room = MAX_TEXT_CHARS - len(known) - 1
                if text and room > 0:
                    stored.text = f"{known}\n{text[:room]}" if known else text[:room]
        finally:
            document.close()
    if index + 1 >= last:
        return "ready"
    stored.ocr_pages_read = index + 1
    return "pending"


OCR = Stage(
    "ocr",
    recognize_stored_text,
    _recognize_page,
    StoredFile.set_ocr_status,
    LOW,
    prefix="ocr_",
    progress="ocr_pages_read",
)


def may_offer(stored):
    """Whether recognition can be asked for `stored` now."""
    return stored.scanned and stored.ocr_status in (None, "failed") and ocr_available()


def offer(stored):
    """Queue the recognition of `stored`'s text, from its first page (or, after a
    failure, from the page it stopped at: the pages before are in its text)."""
    stored.set_ocr_status("pending")
    stored.ocr_attempts = 0
    OCR.queue(stored)


def requeue_ocr(now=None):
    """Queue every file whose recognition is pending with no live job, or stuck."""
    return requeue_stage(OCR, now)
