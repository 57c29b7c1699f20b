"""What an uploaded file really is, from its content (libmagic), never its name.

`sniff(path)` returns the file type (`pdf`, `docx`, `jpeg`, ...) of an accepted
file or raises `Refused` with a message for the uploader. Besides the type it
checks what can be checked cheaply before the file is stored: a PDF that was
cut short, a picture that declares more pixels than Pillow may decode, an
office file whose ZIP container would inflate to far more than it weighs.
"""

import zipfile

import magic
from flask_babel import lazy_gettext as _l
from PIL import Image, UnidentifiedImageError

MIME_TYPES = {
    "application/pdf": "pdf",
    "application/msword": "doc",
    "application/vnd.ms-excel": "xls",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
    "application/vnd.oasis.opendocument.text": "odt",
    "application/vnd.oasis.opendocument.spreadsheet": "ods",
    "image/jpeg": "jpeg",
    "image/png": "png",
    "image/webp": "webp",
}
TYPE_MIME = {file_type: mime for mime, file_type in MIME_TYPES.items()}
PICTURE_TYPES = frozenset({"jpeg", "png", "webp"})
ZIP_MIME_TYPES = {"application/zip", "application/octet-stream"}
# What identifies an office document inside a ZIP container, for files libmagic
# only calls "zip" (their parts stored in an unusual order).
ZIP_MARKERS = (
    ("word/document.xml", "docx"),
    ("xl/workbook.xml", "xlsx"),
)
ODF_MIMETYPES = {
    b"application/vnd.oasis.opendocument.text": "odt",
    b"application/vnd.oasis.opendocument.spreadsheet": "ods",
}
MAX_UNZIPPED_BYTES = 300 * 1024 * 1024
MAX_ZIP_RATIO = 200
PDF_TAIL_BYTES = 4096

ACCEPTED_HELP = _l("PDF, Word (DOC, DOCX), Excel (XLS, XLSX), ODT, ODS, JPEG, PNG or WebP.")
REFUSALS = {
    "empty": _l("The file is empty (0 bytes). Choose the file again."),
    "type": _l("This kind of file is not accepted. Upload a PDF, office document or photo."),
    "svg": _l("SVG pictures are not accepted, as they can carry scripts. Upload a PNG or JPEG."),
    "web_page": _l("The file is a web page, not a document, whatever its name says."),
    "program": _l("The file is a program, not a document. It was not accepted."),
    "postscript": _l("PostScript and EPS files are not accepted. Save the file as PDF."),
    "pdf_cut": _l("The PDF file is incomplete (cut short). Download or save it again."),
    "pixels": _l("The picture declares more pixels than can be processed. Reduce its size."),
    "bomb": _l("The office file would unpack to an unreasonable size. It was not accepted."),
    "broken_zip": _l("The office file is damaged and cannot be opened. Save it again."),
    "not_picture": _l("Only a photo is accepted here: JPEG, PNG or WebP."),
}
SPECIFIC_REFUSALS = {
    "image/svg+xml": "svg",
    "text/html": "web_page",
    "application/xhtml+xml": "web_page",
    "application/x-executable": "program",
    "application/x-pie-executable": "program",
    "application/x-sharedlib": "program",
    "application/x-dosexec": "program",
    "application/x-mach-binary": "program",
    "application/postscript": "postscript",
}


class Refused(Exception):
    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason

    @property
    def message(self):
        return REFUSALS[self.reason]


def sniff(path, size, allowed=None):
    """The type of the file at `path`, if it is one of `allowed` (default: any we take)."""
    if size == 0:
        raise Refused("empty")
    mime = magic.from_file(str(path), mime=True)
    file_type = MIME_TYPES.get(mime)
    if file_type is None and mime in ZIP_MIME_TYPES and zipfile.is_zipfile(path):
        file_type = _zip_container_type(path)
    if file_type is None:
        raise Refused(SPECIFIC_REFUSALS.get(mime, "type"))
    if allowed is not None and file_type not in allowed:
        raise Refused("not_picture" if allowed <= PICTURE_TYPES else "type")
    CHECKS.get(file_type, lambda _path, _size: None)(path, size)
    return file_type


def _zip_container_type(path):
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                return ODF_MIMETYPES.get(archive.read("mimetype").strip())
    except (zipfile.BadZipFile, OSError):
        raise Refused("broken_zip") from None
    return next((kind for marker, kind in ZIP_MARKERS if marker in names), None)


def _check_pdf(path, size):
    with open(path, "rb") as handle:
        handle.seek(max(0, size - PDF_TAIL_BYTES))
        if b"%%EOF" not in handle.read():
            raise Refused("pdf_cut")


def _check_picture(path, size):
    try:
        with Image.open(path) as image:
            if image.width * image.height > Image.MAX_IMAGE_PIXELS:
                raise Refused("pixels")
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise Refused("pixels") from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        # The worker will record it as damaged, with the reason.
        return


def _check_zip(path, size):
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError):
        raise Refused("broken_zip") from None
    if unpacked > MAX_UNZIPPED_BYTES or unpacked > MAX_ZIP_RATIO * max(size, 1):
        raise Refused("bomb")


CHECKS = {
    "pdf": _check_pdf,
    "jpeg": _check_picture,
    "png": _check_picture,
    "webp": _check_picture,
    "docx": _check_zip,
    "xlsx": _check_zip,
    "odt": _check_zip,
    "ods": _check_zip,
}
