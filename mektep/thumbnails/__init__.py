"""Previews of uploaded files: a first-page or picture thumbnail, WebP, in the
sizes the pages show; and, separately, the text of documents for search.

`render(source, file_type)` reads a binary file object and returns a `Preview`:
the picture (already no larger than the largest size the file needs), the page
count and the page or picture size. A file that can never be rendered
(encrypted, corrupt, too many pixels) raises `UnusableFile` with a reason code,
and anything else it raises is worth trying again. Office files go through
LibreOffice when `soffice` is installed; without it they get no picture
(`Preview.image` is None) and the pages show a type icon instead.

The text is not read here: reading every page costs more than the preview
itself, so it is a job of its own (`pdf.read_text`), done after the preview is
ready. An office file's `Preview.pdf` is the PDF LibreOffice made, kept for it.
"""

import io
from dataclasses import dataclass

from PIL import Image

# Longest side of each thumbnail, in pixels.
SIZES = {"small": 240, "large": 720}
# Only WebP: every current browser shows it (docs/benchmarks.md has what a PNG
# copy cost and why it went).
FORMAT = "webp"
MIME_TYPE = "image/webp"
# Method 2 encodes two to three times faster than Pillow's default (4), for a
# few per cent more bytes at the same quality.
WEBP_OPTIONS = {"quality": 80, "method": 2}
PDF_TYPES = {"pdf"}
IMAGE_TYPES = {"jpeg", "png", "webp"}
OFFICE_TYPES = {"doc", "docx", "xls", "xlsx", "odt", "ods"}
# Documents are shown small (lists, the documents centre, the mandated
# section); a picture may also be a news post's cover, shown large on its page.
DOCUMENT_SIZES = ("small",)
PICTURE_SIZES = ("large", "small")


class UnusableFile(Exception):
    """The file itself is the problem; trying again will not help."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


@dataclass
class Preview:
    image: Image.Image | None
    page_count: int | None = None
    width: int | None = None
    height: int | None = None
    pdf: bytes | None = None


def sizes_for(file_type):
    """The thumbnail sizes made for a file of `file_type`, largest first."""
    return PICTURE_SIZES if file_type in IMAGE_TYPES else DOCUMENT_SIZES


def render(source, file_type):
    from mektep.thumbnails import images, office, pdf

    longest = SIZES[sizes_for(file_type)[0]]
    if file_type in PDF_TYPES:
        return pdf.render(source, longest)
    if file_type in IMAGE_TYPES:
        return images.render(source, longest)
    if file_type in OFFICE_TYPES:
        return office.render(source, file_type, longest)
    raise UnusableFile("unsupported")


def encode(image, sizes):
    """{size: WebP bytes} of `image` fitted into each of `sizes` (largest first)."""
    image = rgb(image)
    encoded = {}
    for size in sizes:
        image = fit(image, SIZES[size])
        buffer = io.BytesIO()
        image.save(buffer, "WEBP", **WEBP_OPTIONS)
        encoded[size] = buffer.getvalue()
    return encoded


def rgb(image):
    """`image` in a mode Pillow scales smoothly and WebP stores: itself when RGB
    or RGBA, else converted (RGBA when it has transparency)."""
    if image.mode in ("RGB", "RGBA"):
        return image
    return image.convert("RGBA" if image.has_transparency_data else "RGB")


def fit(image, longest):
    """`image` itself when it fits in `longest` × `longest`, else a scaled copy."""
    scale = longest / max(image.width, image.height)
    if scale >= 1:
        return image
    box = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
    return image.resize(box, Image.Resampling.LANCZOS, reducing_gap=3.0)
