"""Favicons made from a school's logo, by the logo's preview job: favicon.ico
(16, 32 and 48 pixels, transparent) and a 180-pixel PNG on white for phones'
home screens (`/apple-touch-icon.png`). Browsers ask every host for both at
those addresses, so pages carry no markup for them; a school without a logo
gets the platform's icons (tenants/crawlers.py).
"""

import io

from flask import send_file
from PIL import Image

from mektep.extensions import db
from mektep.storage import content_key, get_storage
from tenants.branding.look import current_look
from tenants.branding.models import SchoolBranding

ICO_SIZES = (16, 32, 48)
TOUCH_SIZE = 180
# A phone's home screen rounds the icon's corners: the logo keeps a margin.
TOUCH_MARGIN = 0.1
MAX_AGE = 24 * 3600
KINDS = {"ico": ("image/vnd.microsoft.icon", "favicon"), "png": ("image/png", "touch-icon")}


def favicon_key(stored, kind):
    """The storage key of `stored`'s favicon of `kind` ("ico" or "png")."""
    return content_key(stored.school_id, stored.sha256, kind, variant=KINDS[kind][1])


def favicon_keys(stored):
    return [favicon_key(stored, kind) for kind in KINDS]


def is_logo(stored):
    query = db.select(SchoolBranding.id).where(SchoolBranding.logo_file_id == stored.id)
    return db.session.scalar(query.limit(1)) is not None


def square(image, size, margin=0.0, background=(0, 0, 0, 0)):
    """`image` fitted, centred, on a `size`-pixel square of `background`."""
    inner = max(1, round(size * (1 - 2 * margin)))
    picture = image.convert("RGBA")
    picture.thumbnail((inner, inner), Image.Resampling.LANCZOS)
    canvas = Image.new("RGBA", (size, size), background)
    canvas.alpha_composite(picture, ((size - picture.width) // 2, (size - picture.height) // 2))
    return canvas


def make_favicons(stored, image):
    """Preview step: a logo's favicons, from the picture its thumbnails came from."""
    if image is None or not is_logo(stored):
        return
    storage = get_storage()
    largest = max(ICO_SIZES)
    ico = io.BytesIO()
    square(image, largest).save(ico, "ICO", sizes=[(size, size) for size in ICO_SIZES])
    touch = io.BytesIO()
    white = (255, 255, 255, 255)
    square(image, TOUCH_SIZE, TOUCH_MARGIN, white).convert("RGB").save(touch, "PNG", optimize=True)
    for kind, data in (("ico", ico), ("png", touch)):
        data.seek(0)
        storage.save(favicon_key(stored, kind), data)


def school_favicon(kind):
    """The bound school's favicon of `kind` as a response, or None when it has
    none (no school, no logo, or its job has not made them yet)."""
    look = current_look()
    if look is None or look.logo is None:
        return None
    try:
        stream = get_storage().open(favicon_key(look.logo, kind))
    except FileNotFoundError:
        return None
    mimetype, variant = KINDS[kind]
    response = send_file(
        stream,
        mimetype=mimetype,
        etag=f"{look.logo.sha256}-{variant}",
        conditional=True,
        max_age=MAX_AGE,
    )
    response.cache_control.public = True
    return response
