"""Previews of uploaded files: a first-page or picture thumbnail in two sizes,
with the page count, pixel size and text of the file.

`render(path, file_type)` returns a `Rendering`; a file that can never be
rendered (encrypted, corrupt, too many pixels) raises `UnusableFile` with a
reason code, and anything else it raises is worth trying again. Office files go
through LibreOffice when `soffice` is installed; without it they get no picture
(`Rendering.image` is None) and the pages show a type icon instead.
"""

import io

from PIL import Image

from mektep.thumbnails.rendering import (  # noqa: F401  (what callers use)
    FORMATS,
    IMAGE_TYPES,
    OFFICE_TYPES,
    PDF_TYPES,
    SIZES,
    Rendering,
    UnusableFile,
)


def render(path, file_type):
    # Imported when a file is rendered (by the worker): web processes never load them.
    from mektep.thumbnails import images, office, pdf

    if file_type in PDF_TYPES:
        return pdf.render(path)
    if file_type in IMAGE_TYPES:
        return images.render(path)
    if file_type in OFFICE_TYPES:
        return office.render(path)
    raise UnusableFile("unsupported")


def encode(image):
    """{(size, format): bytes} of `image` scaled to every size, as WebP and PNG."""
    if image.mode not in ("RGB", "RGBA"):
        image = image.convert("RGBA" if "A" in image.getbands() else "RGB")
    encoded = {}
    for size, longest in sorted(SIZES.items(), key=lambda item: -item[1]):
        image = image.copy() if image.width > longest or image.height > longest else image
        image.thumbnail((longest, longest), Image.Resampling.LANCZOS)
        for fmt in FORMATS:
            buffer = io.BytesIO()
            if fmt == "webp":
                image.save(buffer, "WEBP", quality=80, method=4)
            else:
                image.save(buffer, "PNG", compress_level=6)
            encoded[size, fmt] = buffer.getvalue()
    return encoded
