"""Previews of uploaded files: a first-page or picture thumbnail in the sizes
and formats the pages show (`thumbnails_for`); and, separately, the text of
documents for search.

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

from PIL import Image

from mektep.thumbnails.rendering import (  # noqa: F401  (Preview and UnusableFile: for callers)
    Preview,
    UnusableFile,
    fit,
    rgb,
)

# Longest side of each thumbnail, in pixels.
SIZES = {"small": 240, "large": 720}
# Pages show WebP, which every current browser shows (there is no PNG copy any
# more: docs/benchmarks.md says what it cost). A shared link's preview (Open
# Graph) shows a news post's cover as JPEG, which every link-preview crawler
# reads (not all read WebP) and which keeps a photo small (not so PNG).
FORMATS = {"webp": "image/webp", "jpg": "image/jpeg"}
# Method 2 encodes WebP two to three times faster than Pillow's default (4),
# for a few per cent more bytes at the same quality.
WEBP_OPTIONS = {"quality": 80, "method": 2}
JPEG_OPTIONS = {"quality": 85, "optimize": True}
PDF_TYPES = {"pdf"}
IMAGE_TYPES = {"jpeg", "png", "webp"}
OFFICE_TYPES = {"doc", "docx", "xls", "xlsx", "odt", "ods"}
# (size, format) of the thumbnails made, largest first. Documents are shown
# small (lists, the document centre, the mandated section); a picture may also
# be a news post's cover, shown large on its page and in its shared link.
DOCUMENT_THUMBNAILS = (("small", "webp"),)
PICTURE_THUMBNAILS = (("large", "webp"), ("large", "jpg"), ("small", "webp"))


def thumbnails_for(file_type):
    """The (size, format) of the thumbnails made for a file of `file_type`."""
    return PICTURE_THUMBNAILS if file_type in IMAGE_TYPES else DOCUMENT_THUMBNAILS


def render(source, file_type):
    from mektep.thumbnails import images, office, pdf

    longest = SIZES[thumbnails_for(file_type)[0][0]]
    if file_type in PDF_TYPES:
        return pdf.render(source, longest)
    if file_type in IMAGE_TYPES:
        return images.render(source, longest)
    if file_type in OFFICE_TYPES:
        return office.render(source, file_type, longest)
    raise UnusableFile("unsupported")


def encode(image, thumbnails):
    """{(size, format): bytes} of `image` fitted into each of `thumbnails`
    ((size, format), largest first)."""
    image = rgb(image)
    encoded = {}
    for size, fmt in thumbnails:
        image = fit(image, SIZES[size])
        buffer = io.BytesIO()
        if fmt == "jpg":
            opaque(image).save(buffer, "JPEG", **JPEG_OPTIONS)
        else:
            image.save(buffer, "WEBP", **WEBP_OPTIONS)
        encoded[size, fmt] = buffer.getvalue()
    return encoded


def opaque(image):
    """`image` without transparency (on white), for JPEG."""
    if image.mode != "RGBA":
        return image
    background = Image.new("RGB", image.size, "white")
    background.paste(image, mask=image.getchannel("A"))
    return background
