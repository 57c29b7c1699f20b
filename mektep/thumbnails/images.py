"""Picture previews with Pillow: EXIF orientation applied, the decompression-bomb
limit (`Image.MAX_IMAGE_PIXELS`) kept, and large JPEGs decoded at reduced size."""

import warnings

from PIL import ExifTags, Image, ImageOps, UnidentifiedImageError

from mektep.thumbnails.rendering import SIZES, Rendering, UnusableFile

# EXIF orientations that turn the picture by a quarter (width and height swap).
TURNED = {5, 6, 7, 8}


def check_pixels(image):
    if image.width * image.height > Image.MAX_IMAGE_PIXELS:
        raise UnusableFile("too_many_pixels")


def render(path):
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as opened:
                check_pixels(opened)
                width, height = opened.size
                if opened.getexif().get(ExifTags.Base.Orientation) in TURNED:
                    width, height = height, width
                opened.draft("RGB", (SIZES["large"], SIZES["large"]))
                image = ImageOps.exif_transpose(opened)
                image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise UnusableFile("too_many_pixels") from error
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise UnusableFile("corrupt") from error
    return Rendering(image=image, width=width, height=height)
