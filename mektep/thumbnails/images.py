"""Picture previews with Pillow: the decompression-bomb limit
(`Image.MAX_IMAGE_PIXELS`) kept, large JPEGs decoded at reduced size, the
picture scaled to the thumbnail's size and only then turned upright by its
EXIF orientation (turning a small picture is cheaper than a large one)."""

import warnings

from PIL import ExifTags, Image, UnidentifiedImageError

from mektep.thumbnails.rendering import Preview, UnusableFile, fit, rgb

# How each EXIF orientation is undone (as Pillow's ImageOps.exif_transpose does).
UPRIGHT = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}
# Orientations that turn the picture by a quarter (width and height swap).
TURNED = {5, 6, 7, 8}


def check_pixels(image):
    if image.width * image.height > Image.MAX_IMAGE_PIXELS:
        raise UnusableFile("too_many_pixels")


def render(source, longest):
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(source) as opened:
                check_pixels(opened)
                width, height = opened.size
                orientation = opened.getexif().get(ExifTags.Base.Orientation)
                opened.draft("RGB", (longest, longest))
                image = fit(rgb(opened), longest)
                image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise UnusableFile("too_many_pixels") from error
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise UnusableFile("corrupt") from error
    if orientation in UPRIGHT:
        image = image.transpose(UPRIGHT[orientation])
    if orientation in TURNED:
        width, height = height, width
    return Preview(image=image, width=width, height=height)
