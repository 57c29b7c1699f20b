"""What rendering a preview gives (`Rendering`) or why it never can (`UnusableFile`),
and the sizes and formats of thumbnails: shared by the renderers of each file type."""

from dataclasses import dataclass

from PIL import Image

# Longest side of each thumbnail, in pixels.
SIZES = {"small": 240, "large": 720}
FORMATS = {"webp": "image/webp", "png": "image/png"}
PDF_TYPES = {"pdf"}
IMAGE_TYPES = {"jpeg", "png", "webp"}
OFFICE_TYPES = {"doc", "docx", "xls", "xlsx", "odt", "ods"}


class UnusableFile(Exception):
    """The file itself is the problem; trying again will not help."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


@dataclass
class Rendering:
    image: Image.Image | None
    page_count: int | None = None
    width: int | None = None
    height: int | None = None
    text: str | None = None
