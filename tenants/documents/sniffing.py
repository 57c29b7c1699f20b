"""What an uploaded file really is, from its content (libmagic), never its name.

`sniff(path, size, allowed, name)` returns the file type (`pdf`, `docx`, `jpeg`,
...) of an accepted file or raises `Refused` with a message for the uploader,
which names what the file really is when that is not what its name says (a GIF
named .jpg). Besides the type it checks what can be checked cheaply before the
file is stored: a PDF that was cut short, a picture that declares more pixels
than Pillow may decode, an office file whose ZIP container would inflate to far
more than it weighs. `has_markup` tells whether a file's first bytes hold HTML,
which a browser might be tempted to run (a PDF/HTML polyglot): such a file is
only ever offered as a download.
"""

import re
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
# Old browsers looked for HTML in a file's first bytes whatever its type said.
MARKUP_WINDOW = 1024
MARKUP = re.compile(
    rb"<\s*(!doctype|html|head|body|script|iframe|frame|object|embed|svg|img|a\s|"
    rb"meta|link|style|title|form|base|plaintext|table|pre)",
    re.IGNORECASE,
)

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
    "named_wrong": _l(
        "The file is %(kind)s, whatever its name says. This kind of file is not accepted: "
        "upload a PDF, office document or photo."
    ),
    "kind": _l(
        "The file is %(kind)s. This kind of file is not accepted: upload a PDF, office "
        "document or photo."
    ),
    "picture_kind": _l("The file is %(kind)s. Only a photo is accepted here: JPEG, PNG or WebP."),
}
# What a refused file really is, for the message (a GIF named .jpg).
KINDS = {
    "image/gif": _l("a GIF picture"),
    "image/bmp": _l("a BMP picture"),
    "image/x-ms-bmp": _l("a BMP picture"),
    "image/tiff": _l("a TIFF picture"),
    "image/heic": _l("a HEIC photo (the iPhone format)"),
    "image/heif": _l("a HEIC photo (the iPhone format)"),
    "image/avif": _l("an AVIF picture"),
    "image/jp2": _l("a JPEG 2000 picture"),
    "image/vnd.microsoft.icon": _l("an icon (ICO)"),
    "image/vnd.adobe.photoshop": _l("a Photoshop file (PSD)"),
    "application/zip": _l("a ZIP archive"),
    "application/x-rar": _l("a RAR archive"),
    "application/vnd.rar": _l("a RAR archive"),
    "application/x-7z-compressed": _l("a 7-Zip archive"),
    "application/gzip": _l("a compressed archive (gzip)"),
    "text/plain": _l("a plain text file"),
    "text/csv": _l("a plain text file"),
    "text/rtf": _l("an RTF document"),
    "application/rtf": _l("an RTF document"),
    "application/vnd.ms-powerpoint": _l("a PowerPoint presentation"),
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": _l(
        "a PowerPoint presentation"
    ),
    "application/vnd.oasis.opendocument.presentation": _l("an OpenDocument presentation"),
    "application/json": _l("a data file (JSON)"),
    "text/xml": _l("a data file (XML)"),
    "application/xml": _l("a data file (XML)"),
}
KIND_FAMILIES = {
    "image/": _l("a picture in a format the site does not take"),
    "audio/": _l("a sound recording"),
    "video/": _l("a video"),
}
ACCEPTED_KINDS = {
    "pdf": _l("a PDF document"),
    "doc": _l("a Word document"),
    "docx": _l("a Word document"),
    "xls": _l("an Excel spreadsheet"),
    "xlsx": _l("an Excel spreadsheet"),
    "odt": _l("an OpenDocument text"),
    "ods": _l("an OpenDocument spreadsheet"),
}
# The extensions a file of each type may carry; the first is the one given to
# a name that has none of them.
EXTENSIONS = {
    "pdf": ("pdf",),
    "doc": ("doc",),
    "docx": ("docx",),
    "xls": ("xls",),
    "xlsx": ("xlsx",),
    "odt": ("odt",),
    "ods": ("ods",),
    "jpeg": ("jpg", "jpeg", "jpe", "jfif"),
    "png": ("png",),
    "webp": ("webp",),
}
# Extensions of the accepted types: a refused file named with one of them
# pretends to be what it is not.
ACCEPTED_EXTENSIONS = frozenset(ext for names in EXTENSIONS.values() for ext in names)
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
    def __init__(self, reason, kind=None):
        super().__init__(reason)
        self.reason = reason
        self.kind = kind

    @property
    def message(self):
        if self.kind is None:
            return REFUSALS[self.reason]
        return REFUSALS[self.reason] % {"kind": self.kind}


def kind_of(mime):
    """What a person calls a file of `mime`, when we know (None otherwise)."""
    kind = KINDS.get(mime)
    if kind is None:
        kind = next((k for family, k in KIND_FAMILIES.items() if mime.startswith(family)), None)
    return kind


def _extension(name):
    stem, dot, suffix = (name or "").rpartition(".")
    return suffix.lower() if dot and stem else ""


def sniff(path, size, allowed=None, name=None):
    """The type of the file at `path`, if it is one of `allowed` (default: any we
    take); `name`, what the uploader called it, only words a refusal."""
    if size == 0:
        raise Refused("empty")
    mime = magic.from_file(str(path), mime=True)
    file_type = MIME_TYPES.get(mime)
    if file_type is None and mime in ZIP_MIME_TYPES and zipfile.is_zipfile(path):
        file_type = _zip_container_type(path)
    if file_type is None:
        _refuse_unknown(mime, name, allowed, path)
    if allowed is not None and file_type not in allowed:
        if allowed <= PICTURE_TYPES:
            raise Refused("picture_kind", ACCEPTED_KINDS.get(file_type))
        raise Refused("type")
    CHECKS.get(file_type, lambda _path, _size: None)(path, size)
    return file_type


def _refuse_unknown(mime, name, allowed, path):
    if mime in SPECIFIC_REFUSALS:
        raise Refused(SPECIFIC_REFUSALS[mime])
    with open(path, "rb") as handle:
        if has_markup(handle.read(MARKUP_WINDOW)):
            # A web page with binary parts (a PDF inside) that libmagic cannot name.
            raise Refused("web_page")
    kind = kind_of(mime)
    if kind is None:
        raise Refused("not_picture" if allowed is not None and allowed <= PICTURE_TYPES else "type")
    if allowed is not None and allowed <= PICTURE_TYPES:
        raise Refused("picture_kind", kind)
    raise Refused("named_wrong" if _extension(name) in ACCEPTED_EXTENSIONS else "kind", kind)


def has_markup(head):
    """Whether the bytes `head` (a file's first MARKUP_WINDOW) hold an HTML tag."""
    return MARKUP.search(head[:MARKUP_WINDOW]) is not None


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
