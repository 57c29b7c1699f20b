"""Stored files (any uploaded file, with its thumbnail status) and documents.

A `StoredFile` is one upload of a school: where its bytes are, what they are,
how far its preview has got (`status`) and, for a document, how far the reading
of its text for search has got (`text_status`, a job of its own that starts once
the preview is ready). Any content that shows an uploaded file
(a document here, a news post's cover elsewhere) references a `StoredFile` and
is declared its owner (`tenants.documents.owners`), so the public sees a file
only while something published shows it.
"""

from typing import NamedTuple

from flask_babel import lazy_gettext as _l

from mektep.clock import utcnow
from mektep.extensions import db
from mektep.registries import registry
from mektep.storage import content_key
from mektep.thumbnails import FORMATS, OFFICE_TYPES, SIZES, thumbnails_for
from tenants.bilingual import Line, bilingual
from tenants.documents.sniffing import EXTENSIONS
from tenants.scoping import TenantOwned
from tenants.trash import Trashable
from tenants.versioning import Versioned

STATUSES = ("pending", "processing", "ready", "failed")
STATUS_LABELS = {
    "pending": _l("Waiting for the preview"),
    "processing": _l("Making the preview"),
    "ready": _l("Ready"),
    "failed": _l("Preview failed"),
}
FAILURE_REASONS = {
    "encrypted": _l("The PDF is protected by a password. Upload a copy without a password."),
    "corrupt": _l("The file is damaged and cannot be read. Save it again and upload the copy."),
    "too_many_pixels": _l("The picture has too many pixels to process. Reduce its size."),
    "office_unreadable": _l("LibreOffice could not open the file. Save it again and retry."),
    "timeout": _l("Making the preview took too long. Try again, or upload it as a PDF."),
    "unsupported": _l("This type of file has no preview."),
    "gave_up": _l("The preview could not be made after several tries. Retry later."),
    "damaged_copy": _l(
        "The copy stored on the server is damaged. Upload the file again to repair it."
    ),
    "missing_copy": _l("The copy stored on the server is missing. Upload the file again."),
}
# What is known wrong with a stored copy (`StoredFile.integrity`), found by
# `flask storage verify`, by serving it or by the preview job.
PROBLEM_LABELS = {
    "missing": _l("File missing on the server"),
    "damaged": _l("File damaged on the server"),
}
PROBLEM_MESSAGES = {
    "missing": _l(
        "The stored copy of this file is missing. Upload the same file again: "
        "the document keeps its titles and history."
    ),
    "damaged": _l(
        "The stored copy of this file no longer matches what was uploaded. Upload "
        "the same file again to repair it."
    ),
}
TYPE_LABELS = {
    "pdf": "PDF",
    "doc": "DOC",
    "docx": "DOCX",
    "xls": "XLS",
    "xlsx": "XLSX",
    "odt": "ODT",
    "ods": "ODS",
    "jpeg": "JPEG",
    "png": "PNG",
    "webp": "WebP",
}
# Types a browser may show in place of downloading them (once checked).
INLINE_TYPES = frozenset({"pdf", "jpeg", "png", "webp"})


class PreviewStep(NamedTuple):
    """More files made from a picture by its preview job (a logo's favicons):
    `make(stored, image)` runs once the thumbnails are saved, with the picture
    they came from, and saves what it makes; `keys(stored)` names every key it
    may have saved, removed with the file."""

    make: object
    keys: object


def add_preview_step(app, make, keys):
    registry("preview_steps", app).append(PreviewStep(make, keys))


def preview_steps():
    return registry("preview_steps")


class StoredFile(TenantOwned, db.Model):
    id = db.Column(db.Integer, primary_key=True)
    sha256 = db.Column(db.String(64), nullable=False)
    file_type = db.Column(db.String(10), nullable=False)
    mime_type = db.Column(db.String(100), nullable=False)
    size = db.Column(db.Integer, nullable=False)
    original_name = db.Column(db.String(255), nullable=False)
    status = db.Column(db.String(12), nullable=False, default="pending", index=True)
    failure = db.Column(db.String(40))
    attempts = db.Column(db.Integer, nullable=False, default=0)
    status_changed_at = db.Column(db.DateTime, nullable=False, default=utcnow)
    has_preview = db.Column(db.Boolean, nullable=False, default=False)
    page_count = db.Column(db.Integer)
    width = db.Column(db.Integer)
    height = db.Column(db.Integer)
    text = db.Column(db.Text)
    # The text job's own state: None (no text to read), pending, processing,
    # ready or failed; and how many pages it has read so far.
    text_status = db.Column(db.String(12), index=True)
    text_attempts = db.Column(db.Integer, nullable=False, default=0)
    text_status_changed_at = db.Column(db.DateTime)
    text_pages_read = db.Column(db.Integer, nullable=False, default=0)
    # A scan: most pages of the PDF have no text layer (found while reading its
    # text), so its text can be neither searched nor read aloud until recognized.
    pages_without_text = db.Column(db.Integer, nullable=False, default=0)
    scanned = db.Column(db.Boolean, nullable=False, default=False, index=True)
    # Text recognition (OCR) of a scan, a job of its own asked for by the school:
    # None (not asked), pending, processing, ready or failed; pages done so far.
    ocr_status = db.Column(db.String(12), index=True)
    ocr_attempts = db.Column(db.Integer, nullable=False, default=0)
    ocr_status_changed_at = db.Column(db.DateTime)
    ocr_pages_read = db.Column(db.Integer, nullable=False, default=0)
    created_at = db.Column(db.DateTime, nullable=False, default=utcnow)
    uploaded_by_id = db.Column(db.ForeignKey("user.id"))
    # A picture or PDF without markup in its first bytes (`sniffing.has_markup`):
    # shown in the browser once its preview has proved it readable.
    inline = db.Column(db.Boolean, nullable=False, default=False, server_default=db.false())
    # What is known wrong with the stored copy: missing, damaged (its hash
    # differs), no_thumbnail; None while nothing is.
    integrity = db.Column(db.String(20), index=True)
    integrity_checked_at = db.Column(db.DateTime)

    @property
    def storage_key(self):
        return content_key(self.school_id, self.sha256, self.file_type)

    def thumbnail_key(self, size, fmt="webp"):
        if size not in SIZES or fmt not in FORMATS:
            raise ValueError(f"no thumbnail {size}.{fmt}")
        return content_key(self.school_id, self.sha256, fmt, variant=size)

    @property
    def converted_key(self):
        """Where an office file's PDF (made by LibreOffice for the preview) is kept."""
        return content_key(self.school_id, self.sha256, "pdf", variant="converted")

    @property
    def text_source_key(self):
        """The PDF the text is read from."""
        return self.converted_key if self.file_type in OFFICE_TYPES else self.storage_key

    def derived_keys(self):
        """Every key made from this file, for removing them with it: the
        thumbnails in every size and format (PNG too, as made until WebP and
        JPEG replaced it), and an office file's PDF."""
        for size in SIZES:
            for fmt in FORMATS:
                yield self.thumbnail_key(size, fmt)
            yield content_key(self.school_id, self.sha256, "png", variant=size)
        yield self.converted_key
        for step in preview_steps():
            yield from step.keys(self)

    def has_thumbnail(self, size, fmt="webp"):
        """Whether that thumbnail exists (a document has only the small WebP)."""
        return self.shows_thumbnail and (size, fmt) in thumbnails_for(self.file_type)

    def thumbnail_box(self, size):
        """(width, height) of the `size` thumbnail, when the picture's size is known."""
        if not self.width or not self.height:
            return None
        scale = min(1, SIZES[size] / max(self.width, self.height))
        return max(1, round(self.width * scale)), max(1, round(self.height * scale))

    @property
    def type_label(self):
        return TYPE_LABELS.get(self.file_type, self.file_type.upper())

    @property
    def status_label(self):
        """The preview's status, or what is wrong with the stored copy."""
        return PROBLEM_LABELS.get(self.integrity) or STATUS_LABELS[self.status]

    @property
    def badge(self):
        """The status badge's class name: a missing or damaged copy is a failure."""
        return "failed" if self.integrity in PROBLEM_LABELS else self.status

    @property
    def problem_message(self):
        """What staff should do about the stored copy, if anything is wrong."""
        return PROBLEM_MESSAGES.get(self.integrity)

    @property
    def extension(self):
        return EXTENSIONS.get(self.file_type, (self.file_type,))[0]

    @property
    def served_inline(self):
        """Whether a browser may show the original: a picture or a PDF without
        markup (`inline`) that its preview has read (the structural check)."""
        return self.inline and self.file_type in INLINE_TYPES and self.status == "ready"

    @property
    def failure_message(self):
        return FAILURE_REASONS.get(self.failure, FAILURE_REASONS["corrupt"])

    @property
    def shows_thumbnail(self):
        return self.status == "ready" and self.has_preview and self.integrity != "no_thumbnail"

    def set_status(self, status, failure=None):
        """The preview's status, with the reason it failed."""
        self.status = status
        self.failure = failure
        self.status_changed_at = utcnow()

    def set_text_status(self, status, failure=None):
        """The text job's status; why it failed is left to the worker's log (the
        document is shown and found by its title all the same)."""
        self.text_status = status
        self.text_status_changed_at = utcnow()

    def set_ocr_status(self, status, failure=None):
        """The text recognition's status (why it failed is in the worker's log)."""
        self.ocr_status = status
        self.ocr_status_changed_at = utcnow()

    @property
    def needs_ocr(self):
        """A scan whose text has not been recognized (yet)."""
        return self.scanned and self.ocr_status != "ready"


KINDS = {
    "charter": _l("Charter"),
    "license": _l("License for educational activity"),
    "license_annex": _l("License annex"),
    "accreditation": _l("State accreditation certificate"),
    "accreditation_annex": _l("Accreditation certificate annex"),
    "curriculum": _l("Curriculum"),
    "calendar_schedule": _l("Calendar study schedule"),
    "program": _l("Educational program description"),
    "regulation": _l("Regulation of a governing body"),
    "methodical": _l("Methodical document"),
    "financial_report": _l("Financial report"),
    "admission_rules": _l("Admission rules"),
    "other": _l("Other document"),
    "photo": _l("Photo"),
}


DocumentTexts = bilingual(title=Line(300))


class Document(DocumentTexts, Versioned, Trashable, TenantOwned, db.Model):
    version_kind = "document"
    versioned_fields = ("kind", *DocumentTexts.text_fields, "issued_on", "field_key")
    admin_endpoint = "admin.document_edit"

    id = db.Column(db.Integer, primary_key=True)
    kind = db.Column(
        db.String(30),
        nullable=False,
        default="other",
        index=True,
        info={"label": _l("Kind of document")},
    )
    issued_on = db.Column(db.Date, info={"label": _l("Date of the document")})
    field_key = db.Column(
        db.String(80), index=True, info={"label": _l("Show it in the mandated section as")}
    )
    file_id = db.Column(db.ForeignKey("stored_file.id"), nullable=False, index=True)
    created_at = db.Column(db.DateTime, nullable=False, default=utcnow)

    file = db.relationship(StoredFile, lazy="joined")

    @property
    def kind_label(self):
        return KINDS.get(self.kind, KINDS["other"])
