"""What every renderer of a file type shares (`images`, `office`, `pdf`): the
`Preview` it gives, the `UnusableFile` it raises for a file that can never be
rendered, and scaling a picture; its own module, so that the renderers and the
package that chooses between them do not import each other."""

from dataclasses import dataclass

from PIL import Image


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
