"""School admin: scanned documents (PDFs whose pages have no text layer). The
dashboard names them, the document list marks them, and where Tesseract is
installed a button has their text recognized in the background (OCR), which
then joins search; without it, the flag and what to do instead."""

from flask import abort, flash, g, redirect, url_for
from flask_babel import gettext as _

from mektep import audit
from mektep.extensions import db
from mektep.forms import confirmed_or_400
from mektep.thumbnails.ocr import ocr_available
from tenants.admin.blueprint import bp
from tenants.admin.documents import documents_admin
from tenants.admin.navigation import add_dashboard_panel
from tenants.documents.models import Document, StoredFile
from tenants.documents.ocr import may_offer, offer
from tenants.stats.figures import SCAN_WITHOUT_TEXT


def scanned_documents():
    """The school's documents whose file is a scan with no recognized text."""
    return db.session.scalars(
        db.select(Document)
        .join(StoredFile, Document.file_id == StoredFile.id)
        .where(SCAN_WITHOUT_TEXT)
        .order_by(Document.created_at.desc(), Document.id.desc())
    ).all()


@bp.route("/documents/<int:item_id>/recognize", methods=["POST"])
def document_recognize(item_id):
    """Have the text of a scanned document recognized (editors and admins alike:
    it changes nothing the public reads but what search finds)."""
    document = documents_admin.get(item_id)
    confirmed_or_400()
    if not may_offer(document.file):
        abort(400)
    offer(document.file)
    audit.record("document.recognize", f"#{document.id}")
    db.session.commit()
    flash(
        _(
            "The text of «%(title)s» is being recognized; it joins the search when done.",
            title=document.display_title(g.lang),
        ),
        "success",
    )
    return redirect(url_for("admin.documents"))


def init_app(app):
    add_dashboard_panel(app, "documents/scans_panel.html")


@bp.context_processor
def scan_helpers():
    return {
        "scanned_documents": scanned_documents,
        "ocr_available": ocr_available,
        "may_offer_ocr": may_offer,
    }
